import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { basesApi, type WorkPlanContent } from "../../api/bases";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import type { MessageKey } from "../../i18n/dictionary";
import { formatDate } from "../../i18n/format";
import { useI18n } from "../../i18n/I18nProvider";

const pillars = ["platform", "projects", "talent", "activities"] as const;
const targets = ["agreements", "projects", "exchanges", "trainings", "jointPapers"] as const;

/**
 * 年度工作计划 (Art. 18.1) on a base's page: the host unit drafts and files the year's plan; everyone who sees the
 * base reads it. What may be done, and what filing still needs, come from the server (`editable`, `missing`).
 */
export function WorkPlanCard({ baseId, firstYear }: { baseId: string; firstYear: number }) {
  const { t, language } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [form] = Form.useForm<WorkPlanContent>();
  const key = ["bases", "work-plan", baseId, year];
  const plan = useQuery({ queryKey: key, queryFn: () => basesApi.workPlan(baseId, year) });
  // The form takes the server's plan when a plan is first shown (a base, a year), not on every refresh: the refresh
  // after a save would otherwise wipe what the user typed while the save was on its way.
  const shown = useRef("");
  useEffect(() => {
    const current = `${baseId}/${year}`;
    if (!plan.data || shown.current === current) return;
    shown.current = current;
    form.resetFields();
    form.setFieldsValue(plan.data.content);
  }, [form, plan.data, baseId, year]);
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: (content: WorkPlanContent) => basesApi.saveWorkPlan(baseId, year, content, plan.data?.version ?? 0),
    onSuccess: () => {
      feedback.done(t("plan.saved"));
      void refresh();
    },
    onError: (error) => feedback.fail(error, form),
  });
  const file = useMutation({
    mutationFn: () => basesApi.fileWorkPlan(baseId, year),
    onSuccess: () => void refresh(),
    onError: (error) => feedback.fail(error, form),
  });
  const years = Array.from({ length: thisYear + 2 - firstYear }, (_, index) => firstYear + index).reverse();
  const data = plan.data;
  return (
    <Card
      title={t("plan.title")}
      style={{ marginTop: 16 }}
      data-testid="work-plan"
      extra={
        <Select
          size="small"
          value={year}
          onChange={setYear}
          options={years.map((value) => ({ value, label: String(value) }))}
          aria-label={t("plan.year")}
        />
      }
    >
      {plan.isError ? <QueryError error={plan.error} onRetry={() => plan.refetch()} /> : null}
      {data ? (
        <Typography.Paragraph type="secondary">
          {data.filedAt ? t("plan.filed", { date: formatDate(data.filedAt, language) }) : t("plan.notFiled")}
        </Typography.Paragraph>
      ) : null}
      {data?.editable ? (
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          {pillars.map((name) => (
            <Form.Item key={name} name={name} label={t(`plan.${name}` as MessageKey)}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
            </Form.Item>
          ))}
          <Typography.Text strong>{t("plan.targets")}</Typography.Text>
          <Row gutter={12} style={{ marginTop: 8 }}>
            {targets.map((name) => (
              <Col key={name} xs={12} md={8}>
                <Form.Item
                  name={["targets", name]}
                  label={t(`plan.target.${name}` as MessageKey)}
                  initialValue={0}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={0} precision={0} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item name="budgetWan" label={t("plan.budgetWan")}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="supportConditions" label={t("plan.supportConditions")}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          {data.missing.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t("plan.missing")}
              description={data.missing.map((m) => (language === "zh" ? m.messageZh : m.messageEn)).join("；")}
            />
          ) : null}
          <Space>
            <Button htmlType="submit" loading={save.isPending} data-testid="plan-save">
              {t("plan.save")}
            </Button>
            <Button
              type="primary"
              loading={file.isPending}
              disabled={data.version === 0}
              onClick={() => file.mutate()}
              data-testid="plan-file"
            >
              {t("plan.file")}
            </Button>
          </Space>
        </Form>
      ) : data && data.version > 0 ? (
        <Descriptions column={1} size="small" bordered>
          {pillars.map((name) => (
            <Descriptions.Item key={name} label={t(`plan.${name}` as MessageKey)}>
              {data.content[name] ?? "—"}
            </Descriptions.Item>
          ))}
          {targets.map((name) => (
            <Descriptions.Item key={name} label={t(`plan.target.${name}` as MessageKey)}>
              {data.content.targets?.[name] ?? "—"}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t("plan.budgetWan")}>{data.content.budgetWan ?? "—"}</Descriptions.Item>
        </Descriptions>
      ) : data ? (
        <Typography.Text type="secondary">{t("plan.none")}</Typography.Text>
      ) : null}
    </Card>
  );
}
