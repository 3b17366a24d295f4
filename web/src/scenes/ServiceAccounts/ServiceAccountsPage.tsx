import { ApiOutlined, PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Flex, Popconfirm, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { type ApiToken, type ServiceAccount, serviceAccountsApi } from "../../api/service-accounts";
import { hasAbility, useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { CreateServiceAccountModal, IssueTokenModal } from "./ServiceAccountModals";

const roleColors: Record<ServiceAccount["roleStatus"], string> = {
  pending: "gold",
  approved: "green",
  rejected: "red",
  revoked: "default",
  none: "default",
};
const tokenColors: Record<ApiToken["status"], string> = { live: "green", expired: "default", revoked: "red" };

/**
 * 服务账号与令牌 (系统管理员; docs/integration.md): outside systems' accounts, each with its integration role's state
 * and its API tokens. Create an account, issue a token (shown once, with a copy button), revoke one — each offered
 * only where the server allows it (`abilities`, a live token).
 */
export function ServiceAccountsPage() {
  const me = useSession();
  const { t, dateTime, number } = useI18n();
  const client = useQueryClient();
  const feedback = useFeedback();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [creating, setCreating] = useState(false);
  const [issuingFor, setIssuingFor] = useState<ServiceAccount | null>(null);
  const list = useQuery({
    queryKey: ["service-accounts", page],
    queryFn: () => serviceAccountsApi.list(page.current, page.size),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => serviceAccountsApi.revokeToken(token.id),
    onSuccess: () => {
      feedback.done(t("serviceAccounts.revoked"));
      void client.invalidateQueries({ queryKey: ["service-accounts"] });
    },
    onError: (error) => feedback.fail(error),
  });
  const canManage = hasAbility(me, "api-token.manage");

  const tokens = (account: ServiceAccount) =>
    account.tokens.length === 0 ? (
      <Typography.Text type="secondary">{t("serviceAccounts.noTokens")}</Typography.Text>
    ) : (
      <Table<ApiToken>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={account.tokens}
        data-testid={`service-account-tokens-${account.username}`}
        columns={[
          { title: t("serviceAccounts.tokenName"), dataIndex: "name" },
          {
            title: t("serviceAccounts.prefix"),
            dataIndex: "prefix",
            render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
          },
          {
            title: t("serviceAccounts.status"),
            dataIndex: "status",
            render: (status: ApiToken["status"]) => (
              <Tag color={tokenColors[status]}>{t(`serviceAccounts.status.${status}`)}</Tag>
            ),
          },
          { title: t("serviceAccounts.createdAt"), dataIndex: "createdAt", render: (v: string) => dateTime(v) },
          { title: t("serviceAccounts.expiresAt"), dataIndex: "expiresAt", render: (v: string) => dateTime(v) },
          {
            title: t("serviceAccounts.lastUsedAt"),
            dataIndex: "lastUsedAt",
            render: (v: string | null) => (v ? dateTime(v) : t("serviceAccounts.neverUsed")),
          },
          {
            title: t("table.actions"),
            key: "actions",
            render: (_, token) =>
              token.status === "live" && canManage ? (
                <Popconfirm
                  title={t("serviceAccounts.revoke")}
                  description={
                    <div style={{ maxWidth: 360 }}>
                      {t("serviceAccounts.revokeConfirm", { name: token.name, prefix: token.prefix })}
                    </div>
                  }
                  onConfirm={() => revoke.mutate(token)}
                  okButtonProps={{ danger: true, "data-testid": "token-revoke-confirm" }}
                >
                  <Button size="small" danger data-testid={`token-revoke-${token.prefix}`}>
                    {t("serviceAccounts.revoke")}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    );

  return (
    <>
      <PageHeader
        title={t("nav.serviceAccounts")}
        intro={t("serviceAccounts.intro")}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="service-account-create"
            >
              {t("serviceAccounts.create")}
            </Button>
          ) : null
        }
      />
      <Card>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<ServiceAccount>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          // Every account's tokens stay in view under its row, new accounts' too.
          expandable={{
            expandedRowRender: tokens,
            expandedRowKeys: list.data?.items.map((account) => account.id) ?? [],
            showExpandColumn: false,
          }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: list.data?.total ?? 0,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (current, size) => setPage({ current, size }),
          }}
          data-testid="service-accounts-table"
          columns={[
            { title: t("serviceAccounts.username"), dataIndex: "username" },
            { title: t("serviceAccounts.displayName"), dataIndex: "displayName" },
            {
              title: t("serviceAccounts.role"),
              dataIndex: "roleStatus",
              render: (status: ServiceAccount["roleStatus"]) => (
                <Tag color={roleColors[status]}>{t(`serviceAccounts.role.${status}`)}</Tag>
              ),
            },
            {
              title: t("serviceAccounts.state"),
              dataIndex: "disabled",
              render: (disabled: boolean) =>
                disabled ? (
                  <Tag color="red">{t("serviceAccounts.disabled")}</Tag>
                ) : (
                  <Tag color="green">{t("serviceAccounts.enabled")}</Tag>
                ),
            },
            {
              title: t("serviceAccounts.tokens"),
              key: "tokens",
              render: (_, account) => number(account.tokens.filter((token) => token.status === "live").length),
            },
            {
              title: t("table.actions"),
              key: "actions",
              fixed: "right",
              width: 140,
              render: (_, account) =>
                account.abilities.includes("api-token.manage") ? (
                  <Flex gap={4}>
                    <Button
                      size="small"
                      icon={<ApiOutlined />}
                      onClick={() => setIssuingFor(account)}
                      data-testid={`service-account-issue-${account.username}`}
                    >
                      {t("serviceAccounts.issue")}
                    </Button>
                  </Flex>
                ) : null,
            },
          ]}
        />
      </Card>
      {canManage ? <CreateServiceAccountModal open={creating} onClose={() => setCreating(false)} /> : null}
      <IssueTokenModal account={issuingFor} onClose={() => setIssuingFor(null)} />
    </>
  );
}
