import { Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { useI18n } from "../i18n/I18nProvider";

interface Props {
  open: boolean;
  title: string;
  /** A rejection needs a reason; a confirmation may have one. */
  required: boolean;
  description?: string;
  okText?: string;
  danger?: boolean;
  loading?: boolean;
  onCancel: () => void;
  onSubmit: (reason: string | undefined) => void;
}

/** Asks for the reason recorded in the audit log with a decision. */
export function ReasonModal({
  open,
  title,
  required,
  description,
  okText,
  danger,
  loading,
  onCancel,
  onSubmit,
}: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t("action.confirm")}
      okButtonProps={{ danger, loading, "data-testid": "reason-ok" }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {description ? <p>{description}</p> : null}
      <Form form={form} layout="vertical" onFinish={(values) => onSubmit(values.reason?.trim() || undefined)}>
        <Form.Item
          name="reason"
          label={required ? t("decision.reason") : t("decision.reasonOptional")}
          rules={required ? [{ required: true, whitespace: true, message: t("decision.reasonRequired") }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
