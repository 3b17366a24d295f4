import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select, Upload } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { decisionApi, type Notice, type StoredFile } from "./decision-api";

interface Values {
  applicationId: string;
  objectorKind: "person" | "unit";
  realName: string;
  unitName?: string;
  contact: string;
  content: string;
  facts: string;
  receivedOn?: Dayjs;
}

/** A written objection (Art. 14.3): real name, contact and facts; a unit's with its sealed letter. */
export function ObjectionModal(props: { notice: Notice | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { fail, done } = useFeedback();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("objectorKind", form);
  const [seal, setSeal] = useState<StoredFile | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (props.notice) {
      form.resetFields();
      setSeal(null);
    }
  }, [props.notice, form]);
  const submit = async ({ receivedOn, ...values }: Values) => {
    if (!props.notice) return;
    setSaving(true);
    try {
      await decisionApi.receiveObjection(props.notice.id, {
        ...values,
        ...(receivedOn ? { receivedOn: receivedOn.format("YYYY-MM-DD") } : {}),
        ...(seal ? { sealFileId: seal.id } : {}),
      });
      done(t("decisions.done"));
      props.onDone();
    } catch (error) {
      fail(error, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.notice !== null}
      title={t("decisions.objection.add")}
      okButtonProps={{ loading: saving, "data-testid": "objection-ok" }}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t("decisions.objection.rules")} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ objectorKind: "person" }} onFinish={submit}>
        <Form.Item name="applicationId" label={t("decisions.objection.application")} rules={[{ required: true }]}>
          <Select options={props.notice?.applications.map((a) => ({ value: a.id, label: a.standardName }))} />
        </Form.Item>
        <Form.Item name="objectorKind" label={t("decisions.objection.kind")}>
          <Radio.Group>
            <Radio value="person">{t("decisions.objection.person")}</Radio>
            <Radio value="unit">{t("decisions.objection.unit")}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === "unit" ? (
          <>
            <Form.Item name="unitName" label={t("decisions.objection.unitName")} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t("decisions.objection.seal")} name="sealFileId">
              <Upload
                accept=".pdf,.png,.jpg,.jpeg"
                maxCount={1}
                customRequest={({ file, onSuccess, onError }) => {
                  decisionApi
                    .upload(file as File)
                    .then((stored) => {
                      setSeal(stored);
                      onSuccess?.(stored);
                    })
                    .catch((error: Error) => {
                      fail(error);
                      onError?.(error);
                    });
                }}
              >
                <Button icon={<UploadOutlined />}>{t("decisions.visit.upload")}</Button>
              </Upload>
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="realName"
          label={t("decisions.objection.realName")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="objection-name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t("decisions.objection.contact")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="objection-contact" />
        </Form.Item>
        <Form.Item
          name="content"
          label={t("decisions.objection.content")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="facts" label={t("decisions.objection.facts")} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t("decisions.objection.receivedOn")}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
