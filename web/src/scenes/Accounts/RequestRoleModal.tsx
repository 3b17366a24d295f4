import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Form, Modal, Select } from "antd";
import { useEffect } from "react";
import { roleLabels } from "../../../../policy/roles";
import { accountsApi } from "../../api/endpoints";
import type { Account, Grant } from "../../api/types";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * POST /api/accounts/:id/grants: the role is pending until the security administrator approves it (三员). Only the
 * roles the server offers for this account (`requestableRoles`, the 三员分立 rules) are listed.
 */
export function RequestRoleModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ role: Grant["role"] }>();
  const client = useQueryClient();
  const feedback = useFeedback();
  useEffect(() => {
    if (account) form.resetFields();
  }, [account, form]);
  const request = useMutation({
    mutationFn: ({ role }: { role: Grant["role"] }) => accountsApi.requestRole(account!.id, role),
    onSuccess: () => {
      feedback.done(t("accounts.roleRequested"));
      void client.invalidateQueries({ queryKey: ["accounts"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={account !== null}
      title={t("accounts.requestRoleTitle", { name: account?.displayName ?? "" })}
      okText={t("accounts.submitRequest")}
      confirmLoading={request.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Alert type="info" showIcon title={t("accounts.approvalNote")} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(values) => request.mutate(values)}>
        <Form.Item
          name="role"
          label={t("account.role")}
          rules={[{ required: true, message: t("account.roleRequired") }]}
        >
          <Select
            options={(account?.requestableRoles ?? []).map((role) => ({
              value: role,
              label: pick(roleLabels[role].zh, roleLabels[role].en),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
