import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form, Input, Modal, Typography } from "antd";
import { useEffect } from "react";
import { type AnnualReportDetail, evaluationApi } from "../../api/annual-reports";
import { DateInput } from "../../components/DateInput";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

interface CorrectionForm {
  correction?: { request?: string; dueOn?: string };
}

/**
 * 要求补正 (Art. 22): the officer writes what the unit is to correct and the due date. The server decides (a request,
 * a date after today); its field errors (correction.request, correction.dueOn) land on the fields.
 */
export function CorrectionModal({
  open,
  detail,
  onClose,
  onDone,
}: {
  open: boolean;
  detail: AnnualReportDetail;
  onClose: () => void;
  onDone: (next: AnnualReportDetail) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<CorrectionForm>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const request = useMutation({
    mutationFn: (values: CorrectionForm) =>
      evaluationApi.fire(detail.id, {
        event: "open-correction",
        expectedVersion: detail.version,
        correction: {
          request: values.correction?.request ?? "",
          ...(values.correction?.dueOn ? { dueOn: values.correction.dueOn } : {}),
        },
      }),
    onSuccess: (next) => {
      feedback.done(t("report.correction.opened"));
      client.invalidateQueries({ queryKey: ["annual-reports"] });
      client.invalidateQueries({ queryKey: ["evaluation-rounds"] });
      onDone(next);
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={open}
      title={t("report.correction.ask")}
      okText={t("report.correction.ask")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: request.isPending, "data-testid": "correction-ok" }}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t("report.correction.intro")}</Typography.Paragraph>
      <Form<CorrectionForm> form={form} layout="vertical" onFinish={(values) => request.mutate(values)}>
        <Form.Item name={["correction", "request"]} label={t("report.correction.request")} required>
          <Input.TextArea rows={4} maxLength={2_000} showCount data-testid="correction-request" />
        </Form.Item>
        <Form.Item
          name={["correction", "dueOn"]}
          label={t("report.correction.dueOn")}
          extra={t("report.correction.dueOnHint")}
          required
        >
          <DateInput testId="correction-due" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
