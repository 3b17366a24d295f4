import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/errors";
import { applicationsApi, type Call, callsApi } from "../../api/recognition";
import { chinaYear, useServerTime } from "../../api/server-time";
import { hasAbility, useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { toIsoDate } from "../../i18n/format";
import { useI18n } from "../../i18n/I18nProvider";
import { CallNoticeDrawer } from "./CallNoticeDrawer";

const defaultRubric = {
  id: "rubric-default",
  titleZh: "省国合基地认定评审指标",
  indicators: [
    {
      id: "foundation",
      labelZh: "国际合作基础",
      labelEn: "Cooperation record",
      weight: 0.4,
      min: 0,
      max: 40,
      article: "7.2",
    },
    { id: "team", labelZh: "团队与负责人", labelEn: "Team and director", weight: 0.3, min: 0, max: 30, article: "12" },
    { id: "plan", labelZh: "建设工作方案", labelEn: "Work plan", weight: 0.3, min: 0, max: 30, article: "7.3" },
  ],
};

interface CallForm {
  titleZh: string;
  year: number;
  kind: "annual" | "targeted";
  period: [Dayjs, Dayjs];
  deadline: Dayjs;
  defaultQuota?: number;
  focusFields?: string[];
}

/** Calls: officers draft and open them; applicants see the open ones and start an application. */
export function CallsPage() {
  const me = useSession();
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const client = useQueryClient();
  const serverTime = useServerTime();
  const [creating, setCreating] = useState(false);
  const [noticeOf, setNoticeOf] = useState<Call | null>(null);
  const [form] = Form.useForm<CallForm>();
  const list = useQuery({ queryKey: ["calls"], queryFn: callsApi.list });
  const refresh = () => client.invalidateQueries({ queryKey: ["calls"] });

  const create = useMutation({
    mutationFn: (values: CallForm) =>
      callsApi.create({
        titleZh: values.titleZh,
        year: values.year,
        kind: values.kind,
        opensAt: values.period[0].startOf("day").format(),
        closesAt: values.period[1].endOf("day").format(),
        deadline: toIsoDate(values.deadline),
        defaultQuota: values.defaultQuota ?? null,
        focusFields: values.focusFields ?? [],
        rubric: defaultRubric,
      }),
    onSuccess: () => {
      setCreating(false);
      refresh();
    },
    onError: (error) => feedback.fail(error, form),
  });
  const move = useMutation({
    mutationFn: ({ id, to }: { id: string; to: "open" | "close" }) => callsApi.move(id, to),
    onSuccess: refresh,
    onError: (error) => feedback.fail(error),
  });
  const apply = useMutation({
    mutationFn: (callId: string) => applicationsApi.create(callId),
    onSuccess: (created) => navigate(`/applications/${created.id}`),
    onError: (error) => {
      // Art. 14.1: one application per unit per call — 申报 again continues the standing one.
      if (isApiError(error) && error.code === "application-exists" && error.existingId) {
        feedback.done(t("apps.existing"));
        navigate(`/applications/${error.existingId}`);
        return;
      }
      feedback.fail(error);
    },
  });

  return (
    <>
      <PageHeader
        title={t("nav.calls")}
        intro={t("calls.intro")}
        extra={
          hasAbility(me, "call.manage") ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="call-create">
              {t("calls.create")}
            </Button>
          ) : null
        }
      />
      <Card>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Call>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={false}
          columns={[
            { title: t("call.title"), dataIndex: "titleZh" },
            { title: t("call.kind"), render: (_, call) => t(`calls.kind.${call.kind}`) },
            { title: t("call.period"), render: (_, call) => `${date(call.opensAt)} – ${date(call.closesAt)}` },
            { title: t("call.deadline"), dataIndex: "deadline" },
            {
              title: t("call.status"),
              render: (_, call) => (
                <Tag color={call.status === "open" ? "green" : undefined}>{t(`calls.status.${call.status}`)}</Tag>
              ),
            },
            {
              title: t("table.actions"),
              render: (_, call) => (
                <Space>
                  {call.abilities.includes("application.create") ? (
                    <Button
                      type="primary"
                      size="small"
                      loading={apply.isPending}
                      onClick={() => apply.mutate(call.id)}
                      data-testid={`call-apply-${call.id}`}
                    >
                      {t("calls.apply")}
                    </Button>
                  ) : null}
                  {call.abilities.includes("call.manage") ? (
                    <Button size="small" onClick={() => setNoticeOf(call)} data-testid={`call-notice-${call.id}`}>
                      {t("callNotice.open")}
                    </Button>
                  ) : null}
                  {call.abilities.includes("call.manage") && call.status !== "open" ? (
                    <Button size="small" onClick={() => move.mutate({ id: call.id, to: "open" })}>
                      {t("calls.open")}
                    </Button>
                  ) : null}
                  {call.abilities.includes("call.manage") && call.status === "open" ? (
                    <Button size="small" onClick={() => move.mutate({ id: call.id, to: "close" })}>
                      {t("calls.close")}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CallNoticeDrawer call={noticeOf} onClose={() => setNoticeOf(null)} />
      <Modal
        open={creating}
        title={t("calls.create")}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: create.isPending }}
        destroyOnHidden
        width={640}
      >
        <Form<CallForm>
          form={form}
          layout="vertical"
          initialValues={{ kind: "annual", year: chinaYear(serverTime.now()), defaultQuota: 5 }}
          onFinish={(values) => create.mutate(values)}
        >
          <Form.Item name="titleZh" label={t("call.title")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="year" label={t("call.year")} rules={[{ required: true }]}>
              <InputNumber min={2025} max={2100} />
            </Form.Item>
            <Form.Item name="kind" label={t("call.kind")}>
              <Select
                style={{ width: 160 }}
                options={[
                  { value: "annual", label: t("calls.kind.annual") },
                  { value: "targeted", label: t("calls.kind.targeted") },
                ]}
              />
            </Form.Item>
            <Form.Item name="defaultQuota" label={t("call.quota")}>
              <InputNumber min={1} />
            </Form.Item>
          </Space>
          <Form.Item name="period" label={t("call.period")} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="deadline" label={t("call.deadline")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="focusFields" label={t("call.focusFields")}>
            <Select mode="tags" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
