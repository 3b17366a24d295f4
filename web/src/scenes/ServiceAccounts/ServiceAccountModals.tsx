import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input, InputNumber, Modal, Typography } from "antd";
import { useEffect } from "react";
import {
  type ApiTokenInput,
  type IssuedApiToken,
  type ServiceAccount,
  type ServiceAccountInput,
  serviceAccountsApi,
} from "../../api/service-accounts";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/** POST /api/service-accounts: the account's integration role then waits for the security administrator (三员). */
export function CreateServiceAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ServiceAccountInput>();
  const client = useQueryClient();
  const feedback = useFeedback();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const create = useMutation({
    mutationFn: (input: ServiceAccountInput) => serviceAccountsApi.create(input),
    onSuccess: () => {
      feedback.done(t("serviceAccounts.created"));
      void client.invalidateQueries({ queryKey: ["service-accounts"] });
      void client.invalidateQueries({ queryKey: ["accounts"] });
      onClose();
    },
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={open}
      title={t("serviceAccounts.createTitle")}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ "data-testid": "service-account-save" }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item
          name="username"
          label={t("serviceAccounts.username")}
          extra={t("serviceAccounts.usernameHint")}
          rules={[{ required: true, message: t("serviceAccounts.required") }]}
        >
          <Input data-testid="service-account-username" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("serviceAccounts.displayName")}
          extra={t("serviceAccounts.displayNameHint")}
          rules={[{ required: true, message: t("serviceAccounts.required") }]}
        >
          <Input data-testid="service-account-display-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * POST /api/service-accounts/:id/tokens, then the token in a window of its own: shown this once with a copy button,
 * closed only by the button that says it was saved.
 */
export function IssueTokenModal({ account, onClose }: { account: ServiceAccount | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ApiTokenInput>();
  const client = useQueryClient();
  const feedback = useFeedback();
  useEffect(() => {
    if (account) form.resetFields();
  }, [account, form]);
  const issue = useMutation({
    mutationFn: (input: ApiTokenInput) => serviceAccountsApi.issueToken(account!.id, input),
    onSuccess: () => {
      feedback.done(t("serviceAccounts.issued"));
      void client.invalidateQueries({ queryKey: ["service-accounts"] });
    },
    onError: (error) => feedback.fail(error, form),
  });
  const issued = issue.data ?? null;
  return (
    <>
      <Modal
        open={account !== null && issued === null}
        title={t("serviceAccounts.issueTitle", { name: account?.displayName ?? "" })}
        confirmLoading={issue.isPending}
        onCancel={onClose}
        onOk={() => form.submit()}
        okButtonProps={{ "data-testid": "token-issue-save" }}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ expiresInDays: 90 }}
          onFinish={(values) => issue.mutate(values)}
        >
          <Form.Item
            name="name"
            label={t("serviceAccounts.tokenName")}
            extra={t("serviceAccounts.tokenNameHint")}
            rules={[{ required: true, message: t("serviceAccounts.required") }]}
          >
            <Input data-testid="token-name" />
          </Form.Item>
          <Form.Item
            name="expiresInDays"
            label={t("serviceAccounts.expiresInDays")}
            extra={t("serviceAccounts.expiresHint")}
            rules={[{ required: true, message: t("serviceAccounts.required") }]}
          >
            <InputNumber min={1} max={366} precision={0} style={{ width: 160 }} data-testid="token-days" />
          </Form.Item>
        </Form>
      </Modal>
      <IssuedTokenModal
        issued={issued}
        accountName={account?.displayName ?? ""}
        onClose={() => {
          issue.reset();
          onClose();
        }}
      />
    </>
  );
}

function IssuedTokenModal({
  issued,
  accountName,
  onClose,
}: {
  issued: IssuedApiToken | null;
  accountName: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={issued !== null}
      title={t("serviceAccounts.issuedTitle")}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-issued-close">
          {t("serviceAccounts.close")}
        </Button>
      }
    >
      {issued ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("serviceAccounts.issuedText", { name: accountName })}
          />
          <Typography.Paragraph
            copyable={{ text: issued.token, tooltips: [t("serviceAccounts.copy"), t("serviceAccounts.copied")] }}
            style={{ fontFamily: "monospace", wordBreak: "break-all" }}
            data-testid="token-issued-value"
          >
            {issued.token}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
