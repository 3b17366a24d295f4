import { UploadOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Input, Modal, Radio, Upload } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { decisionApi, type StoredFile } from "./decision-api";

interface Values {
  visitedOn: Dayjs;
  team: string;
  findings: string;
  conclusion: "confirmed" | "issues";
}

/** 实地核查 record (Art. 14.2): date, team, findings, conclusion, photos and files. */
export function VisitModal(props: { applicationId: string | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { fail, done } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (props.applicationId) {
      form.resetFields();
      setFiles([]);
    }
  }, [props.applicationId, form]);
  const submit = async (values: Values) => {
    if (!props.applicationId) return;
    setSaving(true);
    try {
      await decisionApi.recordOnSite(props.applicationId, {
        visitedOn: values.visitedOn.format("YYYY-MM-DD"),
        team: values.team
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
        findings: values.findings,
        conclusion: values.conclusion,
        fileIds: files.map((file) => file.id),
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
      open={props.applicationId !== null}
      title={t("decisions.visit.title")}
      okButtonProps={{ loading: saving, "data-testid": "visit-ok" }}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ conclusion: "confirmed" }} onFinish={submit}>
        <Form.Item name="visitedOn" label={t("decisions.visit.date")} rules={[{ required: true }]}>
          <DatePicker data-testid="visit-date" />
        </Form.Item>
        <Form.Item name="team" label={t("decisions.visit.team")} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} data-testid="visit-team" />
        </Form.Item>
        <Form.Item name="findings" label={t("decisions.visit.findings")} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} data-testid="visit-findings" />
        </Form.Item>
        <Form.Item name="conclusion" label={t("decisions.visit.conclusion")}>
          <Radio.Group>
            <Radio value="confirmed">{t("decisions.visit.confirmed")}</Radio>
            <Radio value="issues">{t("decisions.visit.issues")}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t("decisions.visit.files")}>
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,.docx"
            fileList={files.map((file) => ({ uid: file.id, name: file.name, status: "done" as const }))}
            onRemove={(removed) => setFiles((list) => list.filter((file) => file.id !== removed.uid))}
            customRequest={({ file, onSuccess, onError }) => {
              decisionApi
                .upload(file as File)
                .then((stored) => {
                  setFiles((list) => [...list, stored]);
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
      </Form>
    </Modal>
  );
}
