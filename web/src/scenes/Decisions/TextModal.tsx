import { Form, Input, Modal } from "antd";
import { useEffect } from "react";

interface Props {
  open: boolean;
  title: string;
  label: string;
  requiredMessage: string;
  loading?: boolean;
  danger?: boolean;
  testId: string;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}

/** One required text (an opinion, a reason, notes) before a decision is sent. */
export function TextModal({ open, title, label, requiredMessage, loading, danger, testId, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ text: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okButtonProps={{ loading, danger, "data-testid": `${testId}-ok` }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => onSubmit(values.text.trim())}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: requiredMessage }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid={`${testId}-input`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
