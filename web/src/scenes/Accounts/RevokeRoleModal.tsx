import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { roleLabels } from "../../../../policy/roles";
import type { Account } from "../../api/types";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { roleRevocationApi } from "./role-revocation-api";

interface Values {
  grantId: string;
  reason: string;
}

/**
 * POST /api/role-grants/:id/revoke: the system administrator asks to revoke an approved role, with a reason. The role
 * stays in effect until the security administrator approves the revocation. Only the grants the server marks
 * `revocable` are listed.
 */
export function RevokeRoleModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const feedback = useFeedback();
  const revocable = account?.grants.filter((grant) => grant.revocable) ?? [];
  useEffect(() => {
    if (!account) return;
    form.resetFields();
    const only = account.grants.filter((grant) => grant.revocable);
    if (only.length === 1) form.setFieldsValue({ grantId: only[0]!.id });
  }, [account, form]);
  const request = useMutation({
    mutationFn: ({ grantId, reason }: Values) => roleRevocationApi.request(grantId, reason.trim()),
    onSuccess: () => {
      feedback.done(t("accounts.revocationRequested"));
      void client.invalidateQueries({ queryKey: ["accounts"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={account !== null}
      title={t("accounts.revokeRoleTitle", { name: account?.displayName ?? "" })}
      okText={t("accounts.submitRequest")}
      okButtonProps={{ danger: true, "data-testid": "revoke-role-ok" }}
      confirmLoading={request.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Alert type="info" showIcon title={t("accounts.revocationNote")} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(values) => request.mutate(values)}>
        <Form.Item
          name="grantId"
          label={t("account.role")}
          rules={[{ required: true, message: t("account.roleRequired") }]}
        >
          <Select
            options={revocable.map((grant) => ({
              value: grant.id,
              label: pick(roleLabels[grant.role].zh, roleLabels[grant.role].en),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("decision.reason")}
          rules={[{ required: true, whitespace: true, message: t("accounts.revocationReasonRequired") }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="revoke-role-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
