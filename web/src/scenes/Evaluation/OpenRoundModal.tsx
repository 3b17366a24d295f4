import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form, Input, InputNumber, Modal, Radio } from "antd";
import { type EvaluationRoundInput, evaluationApi } from "../../api/annual-reports";
import { chinaYear, useServerTime } from "../../api/server-time";
import { DateInput } from "../../components/DateInput";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/** The round's official title, in the words of the department's notices (stored data, Chinese in both languages). */
const officialTitle = (year: number) => `${year}年度省级国际科技合作基地绩效考核`;

type RoundForm = Partial<EvaluationRoundInput>;

/**
 * 发起年度考核 (Art. 22): the year evaluated (by default the last complete one), its title, the report deadline and who
 * evaluates. The server checks the dates and that the year has no round yet; its field errors land on the fields.
 */
export function OpenRoundModal({ open, onClose }: { open: boolean; onClose: (opened?: { id: string }) => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const serverTime = useServerTime();
  const [form] = Form.useForm<RoundForm>();
  const year = chinaYear(serverTime.now()) - 1;
  const create = useMutation({
    mutationFn: (values: RoundForm) =>
      evaluationApi.openRound({
        year: values.year ?? year,
        title: values.title ?? "",
        reportDeadline: values.reportDeadline ?? "",
        evaluator: values.evaluator ?? "experts",
      }),
    onSuccess: (opened, values) => {
      feedback.done(t("evaluation.opened", { year: values.year ?? year, n: opened.reports }));
      client.invalidateQueries({ queryKey: ["evaluation-rounds"] });
      client.invalidateQueries({ queryKey: ["annual-reports"] });
      onClose(opened);
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={open}
      title={t("evaluation.open")}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, "data-testid": "round-submit" }}
      destroyOnHidden
      width={600}
    >
      <Form<RoundForm>
        form={form}
        layout="vertical"
        initialValues={{ year, title: officialTitle(year), evaluator: "experts" }}
        onValuesChange={(changed: RoundForm, all: RoundForm) => {
          // The title follows the year while it is still the default one.
          if (changed.year !== undefined && all.title && /^\d{4}年度省级国际科技合作基地绩效考核$/.test(all.title)) {
            form.setFieldValue("title", officialTitle(changed.year));
          }
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item name="year" label={t("round.year")} rules={[{ required: true }]}>
          <InputNumber min={2025} max={2100} precision={0} data-testid="round-year" />
        </Form.Item>
        <Form.Item name="title" label={t("round.title")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="round-title" />
        </Form.Item>
        <Form.Item
          name="reportDeadline"
          label={t("round.deadline")}
          extra={t("round.deadlineHint")}
          rules={[{ required: true }]}
        >
          <DateInput testId="round-deadline" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="evaluator" label={t("round.evaluator")}>
          <Radio.Group
            data-testid="round-evaluator"
            options={[
              { value: "experts", label: t("round.evaluator.experts") },
              { value: "third-party", label: t("round.evaluator.third-party") },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
