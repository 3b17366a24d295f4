import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Flex, Form, Input, Modal, Radio, Result, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { publicApi } from "../../api/endpoints";
import { errorMessage } from "../../api/errors";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import {
  type ObjectionReceipt,
  type PublicNotice,
  type PublicNoticeCandidate,
  publicNoticesApi,
} from "./public-notices-api";

interface Values {
  objectorKind: "person" | "unit";
  realName: string;
  contact: string;
  unitName?: string;
  sealFileId?: string;
  content: string;
  facts: string;
}

/**
 * The online objection (Art. 14.3): real name and contact, content and facts; a unit's with the scan of its sealed
 * letter, uploaded first through the public upload. The server decides what is accepted and names the fields at
 * fault; on success the objector gets the receipt.
 */
export function PublicObjectionModal(props: {
  notice: PublicNotice | null;
  candidate: PublicNoticeCandidate | null;
  onClose: () => void;
}) {
  const { t, date } = useI18n();
  const { fail } = useFeedback();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("objectorKind", form);
  const [saving, setSaving] = useState(false);
  const [receipt, setReceipt] = useState<ObjectionReceipt | null>(null);
  const { notice, candidate } = props;
  useEffect(() => {
    if (notice && candidate) form.resetFields();
  }, [notice, candidate, form]);

  const submit = async (values: Values) => {
    if (!notice || !candidate) return;
    setSaving(true);
    try {
      const person = values.objectorKind === "person";
      setReceipt(
        await publicNoticesApi.object(notice.id, {
          ...values,
          applicationId: candidate.applicationId,
          unitName: person ? undefined : values.unitName,
          sealFileId: person ? undefined : values.sealFileId,
        }),
      );
    } catch (error) {
      fail(error, form);
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: t("objection.required") }];

  return (
    <Modal
      open={notice !== null && candidate !== null}
      title={t("objection.title")}
      width={640}
      onCancel={props.onClose}
      afterClose={() => setReceipt(null)}
      destroyOnHidden
      footer={
        receipt ? (
          <Button type="primary" onClick={props.onClose} data-testid="objection-close">
            {t("objection.close")}
          </Button>
        ) : (
          <>
            <Button onClick={props.onClose}>{t("objection.cancel")}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="objection-submit">
              {t("objection.submit")}
            </Button>
          </>
        )
      }
    >
      {receipt ? (
        <Result
          status="success"
          title={t("objection.received")}
          subTitle={t("objection.receivedHint")}
          data-testid="objection-receipt"
        >
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t("objection.reference")}>
              <Typography.Text strong copyable data-testid="objection-reference">
                {receipt.reference}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("objection.receivedOn")}>{date(receipt.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label={t("objection.notice")}>{receipt.noticeTitle}</Descriptions.Item>
            <Descriptions.Item label={t("objection.about")}>{receipt.standardName}</Descriptions.Item>
          </Descriptions>
        </Result>
      ) : (
        <>
          <Alert type="warning" showIcon title={t("publicNotices.rules")} style={{ marginBottom: 12 }} />
          <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("objection.about")}>
              {candidate ? `${candidate.standardName}（${candidate.unitName}）` : ""}
            </Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" initialValues={{ objectorKind: "person" }} onFinish={submit}>
            <Form.Item name="objectorKind" label={t("objection.kind")}>
              <Radio.Group data-testid="objection-kind">
                <Radio value="person">{t("objection.person")}</Radio>
                <Radio value="unit">{t("objection.unit")}</Radio>
              </Radio.Group>
            </Form.Item>
            {kind === "unit" ? (
              <>
                <Form.Item name="unitName" label={t("objection.unitName")} rules={required}>
                  <Input maxLength={200} data-testid="objection-unit" />
                </Form.Item>
                <Form.Item
                  name="sealFileId"
                  label={t("objection.seal")}
                  extra={t("objection.sealHint")}
                  rules={[{ required: true, message: t("objection.sealRequired") }]}
                >
                  <SealUpload />
                </Form.Item>
              </>
            ) : null}
            <Form.Item
              name="realName"
              label={t(kind === "unit" ? "objection.realNameUnit" : "objection.realName")}
              rules={required}
            >
              <Input maxLength={50} autoComplete="name" data-testid="objection-name" />
            </Form.Item>
            <Form.Item name="contact" label={t("objection.contact")} rules={required}>
              <Input
                maxLength={100}
                placeholder={t("objection.contactPlaceholder")}
                autoComplete="tel"
                data-testid="objection-contact"
              />
            </Form.Item>
            <Form.Item name="content" label={t("objection.content")} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="objection-content" />
            </Form.Item>
            <Form.Item name="facts" label={t("objection.facts")} rules={required}>
              <Input.TextArea
                rows={4}
                maxLength={4000}
                showCount
                placeholder={t("objection.factsPlaceholder")}
                data-testid="objection-facts"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

/** The sealed letter's scan: POST /api/public/files (PDF, PNG or JPEG, ≤ 10 MB, checked by content); keeps its id. */
function SealUpload({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
}) {
  const { t, language } = useI18n();
  const [name, setName] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Flex vertical gap={4} id={id} data-testid="objection-seal">
      <Upload
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        maxCount={1}
        showUploadList={false}
        customRequest={async ({ file }) => {
          setUploading(true);
          setError(null);
          try {
            const saved = await publicApi.uploadFile(file as File);
            setName(saved.name);
            onChange?.(saved.id);
          } catch (failure) {
            setError(failure);
            setName(null);
            onChange?.(undefined);
          } finally {
            setUploading(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading}>
          {t("objection.chooseFile")}
        </Button>
      </Upload>
      {value && name ? (
        <Typography.Text type="success" data-testid="objection-seal-file">
          {t("objection.uploaded", { name })}
        </Typography.Text>
      ) : null}
      {error ? <Typography.Text type="danger">{errorMessage(error, language)}</Typography.Text> : null}
    </Flex>
  );
}
