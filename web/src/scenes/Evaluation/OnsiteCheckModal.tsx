import { useMutation } from "@tanstack/react-query";
import { Checkbox, Form, Input, Modal, Select } from "antd";
import { type GradingLine, gradingApi, type OnsiteCheckInput } from "../../api/grading";
import { DateInput } from "../../components/DateInput";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

type CheckForm = Partial<OnsiteCheckInput>;

/**
 * 登记实地核查 (Art. 22): which base was visited, when, what was found, and whether the materials were falsified — fraud
 * grades the base 不合格 and proposes revocation (Art. 20.1) when the grades are confirmed. The server checks the date
 * and the report's state; its field errors land on the fields.
 */
export function OnsiteCheckModal({
  open,
  roundId,
  lines,
  reportId,
  onClose,
}: {
  open: boolean;
  roundId: string;
  /** The reports that may be checked (the grading lines; an evaluator's task: its one report). */
  lines: Pick<GradingLine, "reportId" | "baseName" | "unitName">[];
  /** The report chosen from the start. */
  reportId?: string;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [form] = Form.useForm<CheckForm>();
  const record = useMutation({
    mutationFn: (values: CheckForm) =>
      gradingApi.recordCheck(roundId, {
        reportId: values.reportId ?? "",
        checkedOn: values.checkedOn ?? "",
        findings: values.findings ?? "",
        fraudFound: values.fraudFound ?? false,
      }),
    onSuccess: () => {
      feedback.done(t("check.recorded"));
      form.resetFields();
      onClose(true);
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={open}
      title={t("grading.recordCheck")}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending, "data-testid": "check-submit" }}
      destroyOnHidden
      width={560}
    >
      <Form<CheckForm>
        form={form}
        layout="vertical"
        initialValues={{ fraudFound: false, reportId }}
        onFinish={(values) => record.mutate(values)}
      >
        <Form.Item name="reportId" label={t("check.report")} rules={[{ required: true }]}>
          <Select
            data-testid="check-report"
            showSearch
            optionFilterProp="label"
            options={lines.map((line) => ({ value: line.reportId, label: `${line.baseName}（${line.unitName}）` }))}
          />
        </Form.Item>
        <Form.Item name="checkedOn" label={t("check.date")} rules={[{ required: true }]}>
          <DateInput testId="check-date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="findings" label={t("check.findings")} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={5_000} showCount data-testid="check-findings" />
        </Form.Item>
        <Form.Item name="fraudFound" valuePropName="checked">
          <Checkbox data-testid="check-fraud">{t("check.fraud")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
