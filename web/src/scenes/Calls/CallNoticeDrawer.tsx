import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Space,
  Tag,
  Typography,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { type CallNotice, callNoticesApi } from "../../api/call-notices";
import type { Call } from "../../api/recognition";
import { useServerTime } from "../../api/server-time";
import { useFeedback } from "../../components/useFeedback";
import { toIsoDate } from "../../i18n/format";
import { useI18n } from "../../i18n/I18nProvider";

interface NoticeForm {
  titleZh: string;
  bodyZh: string;
}

/**
 * The department writes a call's notice for 通知公告 — title, text in paragraphs, attachments (申报指南, templates) —
 * and publishes it on the public site from a day; it can withdraw it again. The server decides what is allowed.
 */
export function CallNoticeDrawer({ call, onClose }: { call: Call | null; onClose: () => void }) {
  const { t, date } = useI18n();
  const feedback = useFeedback();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const serverTime = useServerTime();
  const [form] = Form.useForm<NoticeForm>();
  const [publishOn, setPublishOn] = useState<Dayjs | null>(null);
  const callId = call?.id ?? "";
  const key = ["call-notice", callId];
  const notice = useQuery({ queryKey: key, queryFn: () => callNoticesApi.get(callId), enabled: call !== null });
  const data = notice.data;

  useEffect(() => {
    if (data) form.setFieldsValue({ titleZh: data.titleZh, bodyZh: data.bodyZh });
  }, [data, form]);

  const settle = (next: CallNotice) => client.setQueryData(key, next);
  const save = useMutation({
    mutationFn: (values: NoticeForm) => callNoticesApi.save(callId, { ...values, version: data?.version ?? 0 }),
    onSuccess: (next) => {
      settle(next);
      feedback.done(t("callNotice.saved"));
    },
    onError: (error) => feedback.fail(error, form),
  });
  const publish = useMutation({
    mutationFn: () => callNoticesApi.publish(callId, toIsoDate(publishOn ?? serverTime.today()), data?.version ?? 0),
    onSuccess: (next) => {
      settle(next);
      feedback.done(t("callNotice.publishedDone"));
    },
    onError: (error) => feedback.fail(error),
  });
  const unpublish = useMutation({
    mutationFn: () => callNoticesApi.unpublish(callId, data?.version ?? 0),
    onSuccess: settle,
    onError: (error) => feedback.fail(error),
  });
  const upload = useMutation({
    mutationFn: (file: File) => callNoticesApi.upload(callId, file),
    onSuccess: settle,
    onError: (error) => feedback.fail(error),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => callNoticesApi.removeFile(callId, fileId),
    onSuccess: settle,
    onError: (error) => feedback.fail(error),
  });
  const dirty = () => {
    const values = form.getFieldsValue();
    return values.titleZh !== data?.titleZh || values.bodyZh !== data?.bodyZh;
  };

  const status = !data?.publishedOn ? (
    <Tag>{t("callNotice.status.unpublished")}</Tag>
  ) : data.visible ? (
    <Tag color="green">{t("callNotice.status.published", { date: date(data.publishedOn) })}</Tag>
  ) : (
    <Tag color="blue">{t("callNotice.status.scheduled", { date: date(data.publishedOn) })}</Tag>
  );

  return (
    <Drawer
      open={call !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={t("callNotice.title", { call: call?.titleZh ?? "" })}
      data-testid="call-notice-drawer"
      extra={status}
    >
      <Typography.Paragraph type="secondary">{t("callNotice.intro")}</Typography.Paragraph>
      <Form<NoticeForm> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="titleZh" label={t("callNotice.field.title")} rules={[{ required: true }]}>
          <Input data-testid="call-notice-title" />
        </Form.Item>
        <Form.Item name="bodyZh" label={t("callNotice.field.body")} extra={t("callNotice.field.bodyHint")}>
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 24 }} data-testid="call-notice-body" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="call-notice-save">
          {t("callNotice.save")}
        </Button>
      </Form>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("callNotice.attachments")}
      </Typography.Title>
      <List
        size="small"
        dataSource={data?.attachments ?? []}
        locale={{ emptyText: t("callNotice.noAttachments") }}
        renderItem={(file) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title={t("callNotice.removeConfirm", { name: file.name })}
                onConfirm={() => remove.mutate(file.id)}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t("callNotice.remove")} />
              </Popconfirm>,
            ]}
          >
            <Space>
              <PaperClipOutlined />
              <a href={callNoticesApi.fileUrl(callId, file.id)} download={file.name}>
                {file.name}
              </a>
            </Space>
          </List.Item>
        )}
      />
      <Upload
        accept=".pdf,.docx,.xlsx"
        showUploadList={false}
        customRequest={({ file }) => upload.mutate(file as File)}
      >
        <Button
          icon={<UploadOutlined />}
          loading={upload.isPending}
          style={{ marginTop: 8 }}
          data-testid="call-notice-upload"
        >
          {t("callNotice.upload")}
        </Button>
      </Upload>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("callNotice.publication")}
      </Typography.Title>
      {call?.status === "draft" ? (
        <Alert type="info" showIcon title={t("callNotice.draftCall")} style={{ marginBottom: 12 }} />
      ) : null}
      <Flex gap={8} wrap align="center">
        <DatePicker
          value={publishOn ?? serverTime.today()}
          onChange={(value) => setPublishOn(value)}
          allowClear={false}
          data-testid="call-notice-date"
        />
        <Popconfirm
          title={t("callNotice.publishConfirm")}
          onConfirm={() => {
            if (dirty()) {
              message.warning(t("callNotice.saveFirst"));
              return;
            }
            publish.mutate();
          }}
        >
          <Button
            type="primary"
            loading={publish.isPending}
            disabled={!data || data.version === 0 || call?.status === "draft"}
            data-testid="call-notice-publish"
          >
            {t(data?.publishedOn ? "callNotice.republish" : "callNotice.publish")}
          </Button>
        </Popconfirm>
        {data?.publishedOn ? (
          <Popconfirm title={t("callNotice.unpublishConfirm")} onConfirm={() => unpublish.mutate()}>
            <Button danger loading={unpublish.isPending} data-testid="call-notice-unpublish">
              {t("callNotice.unpublish")}
            </Button>
          </Popconfirm>
        ) : null}
        {data?.visible ? (
          <a href={`/announcements/${callId}`} target="_blank" rel="noopener" data-testid="call-notice-public-link">
            {t("callNotice.viewPublic")}
          </a>
        ) : null}
      </Flex>
    </Drawer>
  );
}
