import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Typography } from "antd";
import { useEffect } from "react";
import { securityPolicyLabels } from "../../../../contracts/security-policy";
import type { SecurityPolicyKey } from "../../../../policy/security/password-policy";
import { type SecurityPolicyInput, type SecurityPolicyResponse, securityApi } from "../../api/security";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";

type Values = Omit<SecurityPolicyInput, "version">;

/** The page's three groups: each field, its unit and an optional hint. */
const groups: Array<{
  title: MessageKey;
  fields: Array<{ key: SecurityPolicyKey; unit: MessageKey; hint?: MessageKey }>;
}> = [
  {
    title: "securityPolicy.passwordSection",
    fields: [
      { key: "minPasswordLength", unit: "securityPolicy.unitCharacters", hint: "securityPolicy.appliesHint" },
      { key: "requiredCharacterClasses", unit: "securityPolicy.unitClasses", hint: "securityPolicy.classesHint" },
    ],
  },
  {
    title: "securityPolicy.lockoutSection",
    fields: [
      { key: "maxFailedLogins", unit: "securityPolicy.unitTimes" },
      { key: "lockoutMinutes", unit: "securityPolicy.unitMinutes" },
    ],
  },
  {
    title: "securityPolicy.sessionSection",
    fields: [{ key: "idleTimeoutMinutes", unit: "securityPolicy.unitMinutes", hint: "securityPolicy.idleHint" }],
  },
];

/**
 * 安全策略 (安全管理员): password rules, lockout and the idle timeout, each within the 等保 level-3 bounds the server
 * sends (GET/PUT /api/security-policy). The server validates again and audits old → new.
 */
export function SecurityPolicyPage() {
  const { t, pick, dateTime } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const feedback = useFeedback();
  const policy = useQuery({ queryKey: ["security-policy"], queryFn: securityApi.policy });
  useEffect(() => {
    if (policy.data) form.setFieldsValue(valuesOf(policy.data));
  }, [policy.data, form]);
  const save = useMutation({
    mutationFn: (values: Values) => securityApi.savePolicy({ ...values, version: policy.data?.version ?? 0 }),
    onSuccess: (saved) => {
      client.setQueryData(["security-policy"], saved);
      feedback.done(t("securityPolicy.saved"));
    },
    onError: (error) => feedback.fail(error, form),
  });
  const data = policy.data;
  return (
    <>
      <PageHeader title={t("nav.securityPolicy")} intro={t("securityPolicy.intro")} />
      {policy.isError ? <QueryError error={policy.error} onRetry={() => policy.refetch()} /> : null}
      {data ? (
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)} data-testid="security-policy">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              data.updatedAt
                ? t("securityPolicy.lastSaved", { name: data.updatedByName ?? "—", time: dateTime(data.updatedAt) })
                : t("securityPolicy.defaults")
            }
            description={t("securityPolicy.noHistory")}
          />
          <Row gutter={[16, 16]}>
            {groups.map((group) => (
              <Col key={group.title} xs={24} lg={8}>
                <Card title={t(group.title)} style={{ height: "100%" }}>
                  {group.fields.map(({ key, unit, hint }) => {
                    const { min, max } = data.bounds[key];
                    return (
                      <Form.Item
                        key={key}
                        name={key}
                        label={pick(securityPolicyLabels[key].zh, securityPolicyLabels[key].en)}
                        extra={
                          <>
                            <Typography.Text type="secondary">
                              {t("securityPolicy.range", { min, max })}
                            </Typography.Text>
                            {hint ? <div>{t(hint)}</div> : null}
                          </>
                        }
                        rules={[
                          {
                            required: true,
                            type: "integer",
                            min,
                            max,
                            message: t("securityPolicy.range", { min, max }),
                          },
                        ]}
                      >
                        <InputNumber
                          min={min}
                          max={max}
                          precision={0}
                          suffix={t(unit)}
                          style={{ width: 180 }}
                          data-testid={`policy-${key}`}
                        />
                      </Form.Item>
                    );
                  })}
                </Card>
              </Col>
            ))}
          </Row>
          <Popconfirm title={t("securityPolicy.saveConfirm")} onConfirm={() => form.submit()}>
            <Button type="primary" style={{ marginTop: 16 }} loading={save.isPending} data-testid="policy-save">
              {t("securityPolicy.save")}
            </Button>
          </Popconfirm>
        </Form>
      ) : null}
    </>
  );
}

function valuesOf(policy: SecurityPolicyResponse): Values {
  const { minPasswordLength, requiredCharacterClasses, maxFailedLogins, lockoutMinutes, idleTimeoutMinutes } = policy;
  return { minPasswordLength, requiredCharacterClasses, maxFailedLogins, lockoutMinutes, idleTimeoutMinutes };
}
