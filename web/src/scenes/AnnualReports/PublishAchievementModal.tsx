import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form, Input, Modal, Typography } from "antd";
import { useEffect } from "react";
import { type AchievementInput, type AchievementProject, achievementsApi } from "../../api/achievements";
import { CountrySelect } from "../../components/CountrySelect";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

type AchievementForm = Partial<Omit<AchievementInput, "reportId">>;

/**
 * 发布为重大合作成果 (Art. 16.4): the chosen joint project prefills title, partner and country; the officer checks,
 * writes the summary and publishes. The server stores what is confirmed here; its field errors land on the fields.
 */
export function PublishAchievementModal({
  open,
  reportId,
  project,
  onClose,
}: {
  open: boolean;
  reportId: string;
  /** The project to prefill from; null for an achievement written from scratch. */
  project: AchievementProject | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<AchievementForm>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project) form.setFieldsValue({ title: project.title, partner: project.partner, country: project.country });
  }, [open, project, form]);
  const publish = useMutation({
    mutationFn: (values: AchievementForm) =>
      achievementsApi.publish({
        reportId,
        title: values.title ?? "",
        summary: values.summary ?? "",
        ...(values.partner?.trim() ? { partner: values.partner } : {}),
        ...(values.country ? { country: values.country } : {}),
      }),
    onSuccess: () => {
      feedback.done(t("achievements.published"));
      void client.invalidateQueries({ queryKey: ["achievement-candidates", reportId] });
      void client.invalidateQueries({ queryKey: ["achievements"] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={open}
      title={t("achievements.form.title")}
      okText={t("achievements.form.submit")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: publish.isPending, "data-testid": "achievement-submit" }}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t("achievements.form.intro")}</Typography.Paragraph>
      <Form<AchievementForm> form={form} layout="vertical" onFinish={(values) => publish.mutate(values)}>
        <Form.Item name="title" label={t("achievements.form.name")} required>
          <Input maxLength={200} showCount data-testid="achievement-title" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t("achievements.form.summary")}
          extra={t("achievements.form.summaryHint")}
          required
        >
          <Input.TextArea rows={5} maxLength={2_000} showCount data-testid="achievement-summary" />
        </Form.Item>
        <Form.Item name="partner" label={t("achievements.form.partner")}>
          <Input maxLength={200} data-testid="achievement-partner" />
        </Form.Item>
        <Form.Item name="country" label={t("achievements.form.country")}>
          <CountrySelect testId="achievement-country" style={{ width: 280 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
