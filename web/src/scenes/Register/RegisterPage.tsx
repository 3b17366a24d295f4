import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Divider, Form, Input, Result, Row } from "antd";
import { Link, useNavigate } from "react-router";
import { publicApi } from "../../api/endpoints";
import type { UnitRegistration } from "../../api/types";
import { PublicPage } from "../../components/PublicPage";
import { usePasswordRulesText } from "../../components/password-rules";
import { UnitFields } from "../../components/UnitFields";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { AuthorisationUpload } from "./AuthorisationUpload";

type Values = UnitRegistration & { adminPasswordConfirm: string };

/** 依托单位注册 (public): the unit, its administrator account and the stamped authorisation letter. */
export function RegisterPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const passwordRules = usePasswordRulesText();
  const recommenders = useQuery({ queryKey: ["public-recommenders"], queryFn: publicApi.recommenders });
  const register = useMutation({
    mutationFn: ({ adminPasswordConfirm: _confirm, ...values }: Values) =>
      publicApi.registerUnit({ ...values, college: values.college || null, parentUnitId: null }),
    onError: (error) => feedback.fail(error, form),
  });

  if (register.isSuccess) {
    return (
      <PublicPage>
        <Card>
          <Result
            status="success"
            title={<span data-testid="register-done">{t("register.doneTitle")}</span>}
            subTitle={t("register.doneText")}
            extra={
              <Button type="primary" onClick={() => navigate("/login")}>
                {t("register.toLogin")}
              </Button>
            }
          />
        </Card>
      </PublicPage>
    );
  }

  return (
    <PublicPage>
      <Card title={t("register.title")} extra={<Link to="/login">{t("register.toLogin")}</Link>}>
        <Alert type="info" showIcon title={t("register.intro")} style={{ marginBottom: 24 }} />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ directRecommending: false }}
          onFinish={(values) => register.mutate(values)}
          scrollToFirstError
        >
          <Divider titlePlacement="start">{t("register.unitSection")}</Divider>
          <UnitFields recommenders={recommenders.data} recommendersLoading={recommenders.isPending} />
          <Divider titlePlacement="start">{t("register.adminSection")}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="adminUsername"
                label={t("account.username")}
                extra={t("account.usernameHint")}
                rules={[{ required: true, message: t("account.usernameRequired") }]}
              >
                <Input autoComplete="off" data-testid="admin-username" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="adminDisplayName"
                label={t("account.displayName")}
                rules={[{ required: true, message: t("account.displayNameRequired") }]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="adminPassword"
                label={t("auth.password")}
                extra={passwordRules}
                rules={[{ required: true, message: t("auth.passwordRequired") }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="adminPasswordConfirm"
                label={t("register.passwordConfirm")}
                dependencies={["adminPassword"]}
                rules={[
                  { required: true, message: t("password.confirmRequired") },
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || value === getFieldValue("adminPassword")
                        ? Promise.resolve()
                        : Promise.reject(new Error(t("password.mismatch"))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t("register.letterSection")}</Divider>
          <Form.Item
            name="authorisationFileId"
            label={t("register.letter")}
            extra={t("register.letterHint")}
            rules={[{ required: true, message: t("register.letterRequired") }]}
          >
            <AuthorisationUpload />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={register.isPending}
            data-testid="register-submit"
          >
            {t("register.submit")}
          </Button>
        </Form>
      </Card>
    </PublicPage>
  );
}
