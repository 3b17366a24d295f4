import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { authApi } from "../../api/endpoints";
import { errorMessage } from "../../api/errors";
import { useMe, useSetMe } from "../../api/session";
import type { LoginInput } from "../../api/types";
import { PublicPage } from "../../components/PublicPage";
import { useI18n } from "../../i18n/I18nProvider";
import { DemoAccounts } from "./DemoAccounts";

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t, language } = useI18n();
  const [form] = Form.useForm<LoginInput>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const me = useMe();
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (me) => {
      setMe(me);
      navigate(me.user.mustChangePassword ? "/change-password" : safeNext(params.get("next")), { replace: true });
    },
  });

  // Already signed in (e.g. the back button after sign-in): go where the login would have led.
  if (me.data && !login.isPending) return <Navigate to={safeNext(params.get("next"))} replace />;

  return (
    <PublicPage>
      <Flex gap={24} wrap justify="center" align="flex-start">
        <Card style={{ width: 400, maxWidth: "100%" }} title={t("auth.loginTitle")}>
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => login.mutate(values)}
            onValuesChange={() => login.reset()}
          >
            <Form.Item
              name="username"
              label={t("auth.username")}
              rules={[{ required: true, message: t("auth.usernameRequired") }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("auth.password")}
              rules={[{ required: true, message: t("auth.passwordRequired") }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {login.isError ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={errorMessage(login.error, language)}
                data-testid="login-error"
              />
            ) : null}
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t("action.login")}
            </Button>
          </Form>
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Link to="/forgot-password" data-testid="forgot-password-link">
              {t("forgot.link")}
            </Link>
          </Flex>
          <Flex justify="space-between" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t("auth.noAccount")}</Typography.Text>
            <Link to="/register" data-testid="register-link">
              {t("auth.registerUnit")}
            </Link>
          </Flex>
        </Card>
        <DemoAccounts onPick={(account) => form.setFieldsValue(account)} />
      </Flex>
    </PublicPage>
  );
}
