import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Form, Modal } from "antd";
import { useEffect } from "react";
import type { Account } from "../../api/types";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { ExpertOptionPicker } from "./ExpertOptionPicker";
import { expertLinkApi } from "./expert-link-api";

/** POST /api/accounts/:id/expert: links (or re-links) an account holding or requesting the expert role. */
export function LinkExpertModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ expertId: string }>();
  const client = useQueryClient();
  const feedback = useFeedback();
  useEffect(() => {
    if (account) form.resetFields();
  }, [account, form]);
  const link = useMutation({
    mutationFn: ({ expertId }: { expertId: string }) => expertLinkApi.link(account!.id, expertId),
    onSuccess: () => {
      feedback.done(t("accounts.done.linkExpert"));
      void client.invalidateQueries({ queryKey: ["accounts"] });
      void client.invalidateQueries({ queryKey: ["account-expert-options"] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={account !== null}
      title={t("accounts.linkExpertTitle", { name: account?.displayName ?? "" })}
      okText={t("action.save")}
      confirmLoading={link.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Alert
        type={account?.expert ? "info" : "warning"}
        showIcon
        title={
          account?.expert
            ? t("accounts.linkExpertCurrent", { name: account.expert.name })
            : t("accounts.linkExpertMissing")
        }
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={(values) => link.mutate(values)}>
        <Form.Item
          name="expertId"
          label={t("account.expert")}
          rules={[{ required: true, message: t("account.expertRequired") }]}
        >
          <ExpertOptionPicker testId="account-link-expert" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
