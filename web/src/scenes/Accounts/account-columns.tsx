import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Flex, Popconfirm, type TableColumnsType, Tag, Tooltip } from "antd";
import { roleLabels } from "../../../../policy/roles";
import { accountsApi } from "../../api/endpoints";
import type { Account } from "../../api/types";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { AccountStateTags } from "./AccountStateTags";
import { ResetPasswordButton } from "./ResetPasswordButton";

const grantColors = { pending: "gold", approved: "green", rejected: "red", revoked: "default" } as const;

export function useAccountColumns(
  onRequestRole: (account: Account) => void,
  onLinkExpert: (account: Account) => void,
  onRevokeRole: (account: Account) => void,
): TableColumnsType<Account> {
  const { t, pick, dateTime } = useI18n();
  return [
    { title: t("account.username"), dataIndex: "username", fixed: "left", width: 150 },
    { title: t("account.displayName"), dataIndex: "displayName", width: 140 },
    {
      title: t("account.affiliation"),
      key: "affiliation",
      width: 200,
      render: (_, account) =>
        account.expert
          ? t("account.expertLinked", { name: account.expert.name })
          : (account.unitName ?? account.recommenderName ?? "—"),
    },
    {
      title: t("account.roles"),
      key: "roles",
      width: 200,
      render: (_, account) => {
        // Revocation requests are not roles: they mark the grant they would revoke while they are open.
        const revoking = new Set(
          account.grants.filter((g) => g.revokes && g.status === "pending").map((g) => g.revokes as string),
        );
        return (
          <Flex gap={4} wrap>
            {account.grants
              .filter((grant) => !grant.revokes)
              .map((grant) => (
                <Tooltip
                  key={grant.id}
                  title={revoking.has(grant.id) ? t("accounts.revocationPending") : t(`grant.status.${grant.status}`)}
                >
                  <Tag color={grantColors[grant.status]} data-testid={`grant-tag-${grant.role}`}>
                    {pick(roleLabels[grant.role].zh, roleLabels[grant.role].en)}
                    {grant.status === "pending" ? t("accounts.pendingSuffix") : ""}
                    {revoking.has(grant.id) ? t("accounts.revokingSuffix") : ""}
                  </Tag>
                </Tooltip>
              ))}
          </Flex>
        );
      },
    },
    {
      title: t("account.state"),
      key: "state",
      width: 120,
      render: (_, account) => <AccountStateTags account={account} />,
    },
    {
      title: t("account.lastLogin"),
      dataIndex: "lastLoginAt",
      width: 175,
      render: (value: string | null) => dateTime(value),
    },
    {
      title: t("table.actions"),
      key: "actions",
      fixed: "right",
      width: 300,
      render: (_, account) => (
        <AccountActions
          account={account}
          onRequestRole={onRequestRole}
          onLinkExpert={onLinkExpert}
          onRevokeRole={onRevokeRole}
        />
      ),
    },
  ];
}

/**
 * Only the actions the record's `abilities` grant (the server's 三员分立 rules, per row): unlock (account.unlock, when
 * locked), disable/enable (account.update; never one's own account nor an administrator's), request a role, revoke a
 * role (grants marked `revocable`), the link to the expert pool (account.create, on rows holding or requesting
 * the expert role) and a password reset (account.reset-password). An administrator's account offers none.
 */
function AccountActions({
  account,
  onRequestRole,
  onLinkExpert,
  onRevokeRole,
}: {
  account: Account;
  onRequestRole: (account: Account) => void;
  onLinkExpert: (account: Account) => void;
  onRevokeRole: (account: Account) => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const feedback = useFeedback();
  const can = (ability: string) => account.abilities.includes(ability);
  const act = useMutation({
    mutationFn: (action: "unlock" | "disable" | "enable") => accountsApi[action](account.id),
    onSuccess: (_, action) => {
      feedback.done(t(`accounts.done.${action}`));
      void client.invalidateQueries({ queryKey: ["accounts"] });
    },
    onError: (error) => feedback.fail(error),
  });
  return (
    <Flex gap={4} wrap>
      {can("account.unlock") ? (
        <Button size="small" onClick={() => act.mutate("unlock")} data-testid={`account-unlock-${account.username}`}>
          {t("accounts.unlock")}
        </Button>
      ) : null}
      {can("account.update") && !account.disabled ? (
        <Popconfirm
          title={t("accounts.disableConfirm", { name: account.displayName })}
          onConfirm={() => act.mutate("disable")}
        >
          <Button size="small" danger data-testid={`account-disable-${account.username}`}>
            {t("accounts.disable")}
          </Button>
        </Popconfirm>
      ) : null}
      {can("account.update") && account.disabled ? (
        <Button size="small" onClick={() => act.mutate("enable")}>
          {t("accounts.enable")}
        </Button>
      ) : null}
      {can("account.reset-password") ? <ResetPasswordButton account={account} /> : null}
      {can("role-grant.request") ? (
        <Button size="small" onClick={() => onRequestRole(account)} data-testid={`account-grant-${account.username}`}>
          {t("accounts.requestRole")}
        </Button>
      ) : null}
      {account.grants.some((grant) => grant.revocable) ? (
        <Button
          size="small"
          danger
          onClick={() => onRevokeRole(account)}
          data-testid={`account-revoke-${account.username}`}
        >
          {t("accounts.revokeRole")}
        </Button>
      ) : null}
      {can("account.create") ? (
        <Button
          size="small"
          type={account.expert ? "default" : "primary"}
          ghost={!account.expert}
          onClick={() => onLinkExpert(account)}
          data-testid={`account-link-expert-${account.username}`}
        >
          {t("accounts.linkExpert")}
        </Button>
      ) : null}
    </Flex>
  );
}
