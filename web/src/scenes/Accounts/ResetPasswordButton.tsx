import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Modal, Popconfirm, Typography } from "antd";
import { type PasswordResetResponse, securityApi } from "../../api/security";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * 重置密码 on one account row: a confirmation that says what happens, then the one-time password shown once in a
 * modal. The system administrator resets through /api/accounts, a unit administrator through its unit (`unitId`).
 * Shown only where the row's abilities carry `account.reset-password` (never an administrator's account).
 */
export function ResetPasswordButton({
  account,
  unitId,
}: {
  account: { id: string; username: string; displayName: string };
  unitId?: string;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const feedback = useFeedback();
  const reset = useMutation({
    mutationFn: () =>
      unitId ? securityApi.resetUnitPassword(unitId, account.id) : securityApi.resetPassword(account.id),
    onSuccess: () => void client.invalidateQueries({ queryKey: unitId ? ["unit-accounts", unitId] : ["accounts"] }),
    onError: (error) => feedback.fail(error),
  });
  return (
    <>
      <Popconfirm
        title={t("reset.action")}
        description={<div style={{ maxWidth: 360 }}>{t("reset.confirm", { name: account.displayName })}</div>}
        onConfirm={() => reset.mutate()}
        okButtonProps={{ danger: true, "data-testid": "reset-confirm" }}
      >
        <Button size="small" loading={reset.isPending} data-testid={`account-reset-${account.username}`}>
          {t("reset.action")}
        </Button>
      </Popconfirm>
      <OneTimePasswordModal result={reset.data ?? null} onClose={() => reset.reset()} />
    </>
  );
}

function OneTimePasswordModal({ result, onClose }: { result: PasswordResetResponse | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={result !== null}
      title={t("reset.resultTitle")}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="reset-close">
          {t("reset.close")}
        </Button>
      }
    >
      {result ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("reset.resultText", { name: result.displayName, username: result.username })}
          />
          <Typography.Paragraph
            copyable={{ text: result.oneTimePassword, tooltips: [t("reset.copy"), t("reset.copied")] }}
            style={{ fontSize: 22, fontFamily: "monospace", textAlign: "center" }}
            data-testid="reset-otp"
          >
            {result.oneTimePassword}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
