import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Form, Select, Space, Typography } from "antd";
import { type EntrustInput, evaluatorApi } from "../../api/evaluator";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * 委托第三方评估机构 (Art. 16.3, 22) on the round page of a third-party round: whom the round is entrusted to and
 * since when; the officer entrusts (or changes) the evaluator while the server offers `entrust`.
 */
export function EntrustmentCard({ roundId }: { roundId: string }) {
  const { t, date } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<EntrustInput>();
  const view = useQuery({ queryKey: ["entrustment", roundId], queryFn: () => evaluatorApi.entrustment(roundId) });
  const entrust = useMutation({
    mutationFn: (input: EntrustInput) => evaluatorApi.entrust(roundId, input),
    onSuccess: (_, input) => {
      const name = view.data?.evaluators.find((option) => option.accountId === input.evaluatorAccountId)?.displayName;
      feedback.done(t("entrustment.done", { name: name ?? "" }));
      form.resetFields();
      void client.invalidateQueries({ queryKey: ["entrustment", roundId] });
      void client.invalidateQueries({ queryKey: ["grading", roundId] });
    },
    onError: (error) => feedback.fail(error, form),
  });
  if (view.isError) return <QueryError error={view.error} onRetry={() => view.refetch()} />;
  const data = view.data;
  if (data && data.evaluator !== "third-party") return null;
  const current = data?.entrustment ?? null;
  const canEntrust = data?.availableActions.includes("entrust") ?? false;
  // Entrusting again means choosing another evaluator: the one entrusted is not offered.
  const choices = (data?.evaluators ?? []).filter((option) => option.accountId !== current?.evaluatorAccountId);
  return (
    <Card title={t("entrustment.title")} loading={!data} style={{ marginTop: 16 }} data-testid="entrustment-card">
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        <Typography.Text type="secondary">{t("entrustment.intro")}</Typography.Text>
        {current ? (
          <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered data-testid="entrustment-current">
            <Descriptions.Item label={t("entrustment.evaluator")}>
              <span data-testid="entrustment-evaluator">{current.evaluatorName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("entrustment.entrustedAt")}>{date(current.entrustedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("entrustment.entrustedBy")}>{current.entrustedByName ?? "—"}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text data-testid="entrustment-none">{t("entrustment.none")}</Typography.Text>
        )}
        {canEntrust ? (
          choices.length === 0 ? (
            current ? null : (
              <Alert type="warning" showIcon title={t("entrustment.noEvaluators")} />
            )
          ) : (
            <Form form={form} layout="inline" onFinish={(values) => entrust.mutate(values)}>
              <Form.Item name="evaluatorAccountId" rules={[{ required: true, message: t("entrustment.pick") }]}>
                <Select
                  placeholder={t("entrustment.pick")}
                  style={{ width: 320 }}
                  data-testid="entrustment-select"
                  options={choices.map((option) => ({
                    value: option.accountId,
                    label: `${option.displayName}（${option.username}）`,
                  }))}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={entrust.isPending} data-testid="entrustment-submit">
                {t(current ? "entrustment.change" : "entrustment.entrust")}
              </Button>
            </Form>
          )
        ) : null}
      </Space>
    </Card>
  );
}
