import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Form, Input } from "antd";
import { authApi } from "../../api/endpoints";
import { usePasswordRulesText } from "../../components/password-rules";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * POST /api/auth/password; the server checks strength against the security policy in force (the rules shown come from
 * it) and ends the account's other sessions.
 */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const feedback = useFeedback();
  const rules = usePasswordRulesText();
  const change = useMutation({
    mutationFn: (values: Values) =>
      authApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      feedback.done(t("password.changed"));
      form.resetFields();
      onDone();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(values) => change.mutate(values)} style={{ maxWidth: 420 }}>
      <Alert type="info" showIcon title={rules} style={{ marginBottom: 16 }} />
      <Form.Item
        name="currentPassword"
        label={t("password.current")}
        rules={[{ required: true, message: t("password.currentRequired") }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t("password.new")}
        rules={[{ required: true, message: t("password.newRequired") }]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("password.confirm")}
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: t("password.confirmRequired") },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue("newPassword")
                ? Promise.resolve()
                : Promise.reject(new Error(t("password.mismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t("password.submit")}
      </Button>
    </Form>
  );
}
