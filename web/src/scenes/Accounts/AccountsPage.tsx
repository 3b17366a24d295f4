import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Table } from "antd";
import { useState } from "react";
import { roleLabels } from "../../../../policy/roles";
import { hasAbility, useSession } from "../../api/session";
import type { Account } from "../../api/types";
import { ListToolbar } from "../../components/list/ListToolbar";
import { fetchListPage } from "../../components/list/list-api";
import { PrintView } from "../../components/list/PrintView";
import { useListParams } from "../../components/list/useListParams";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { AccountFormModal } from "./AccountFormModal";
import { useAccountColumns } from "./account-columns";
import { LinkExpertModal } from "./LinkExpertModal";
import { RequestRoleModal } from "./RequestRoleModal";
import { RevokeRoleModal } from "./RevokeRoleModal";

/**
 * Accounts (系统管理员): create, unlock, disable/enable, request roles and their revocation for the security
 * administrator to approve, and link expert accounts to their expert-pool record — each row offering only what the
 * server allows on it (administrators' accounts: nothing, 三员分立).
 */
export function AccountsPage() {
  const me = useSession();
  const { t, pick, number, dateTime } = useI18n();
  // Search, the lock filter and the page live in the URL: the 工作台's 锁定中的账号 opens /accounts?locked=true.
  const list = useListParams({ filters: ["locked"] });
  const [creating, setCreating] = useState(false);
  const [roleFor, setRoleFor] = useState<Account | null>(null);
  const [expertFor, setExpertFor] = useState<Account | null>(null);
  const [revokeFor, setRevokeFor] = useState<Account | null>(null);
  const listed = useQuery({
    queryKey: ["accounts", list.listQuery],
    queryFn: () => fetchListPage("/api/accounts", list.listQuery),
    placeholderData: keepPreviousData,
  });
  const columns = useAccountColumns(setRoleFor, setExpertFor, setRevokeFor);
  const canCreate = hasAbility(me, "account.create");
  const lockedOptions = [
    { value: "true", label: t("accounts.filter.locked.true") },
    { value: "false", label: t("accounts.filter.locked.false") },
  ];

  if (list.printing) {
    const roles = (account: Account) =>
      account.grants
        .filter((grant) => grant.status === "approved" && !grant.revokes)
        .map((grant) => pick(roleLabels[grant.role].zh, roleLabels[grant.role].en))
        .join("、");
    const state = (account: Account) =>
      [
        account.disabled ? t("account.disabled") : null,
        account.locked ? t("account.locked") : null,
        account.mustChangePassword ? t("account.mustChangePassword") : null,
      ]
        .filter(Boolean)
        .join("、") || t("account.active");
    return (
      <PrintView<Account>
        title={t("nav.accounts")}
        queryKey={["accounts", list.exportQuery]}
        fetchPage={(pageNumber, pageSize) =>
          fetchListPage("/api/accounts", { ...list.exportQuery, page: pageNumber, pageSize })
        }
        filters={[lockedOptions.find((option) => option.value === list.filters.locked)?.label, list.q].filter(
          (word): word is string => Boolean(word),
        )}
        rowKey={(account) => account.id}
        columns={[
          { title: t("account.username"), value: (a) => a.username },
          { title: t("account.displayName"), value: (a) => a.displayName },
          { title: t("account.affiliation"), value: (a) => a.unitName ?? a.recommenderName ?? "" },
          { title: t("account.roles"), value: roles },
          { title: t("account.state"), value: state },
          { title: t("account.lastLogin"), value: (a) => (a.lastLoginAt ? dateTime(a.lastLoginAt) : "") },
        ]}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t("nav.accounts")}
        intro={t("accounts.intro")}
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="account-create"
            >
              {t("accounts.create")}
            </Button>
          ) : null
        }
      />
      <Card>
        <ListToolbar
          list={list}
          name="accounts"
          searchPlaceholder={t("accounts.searchPlaceholder")}
          filters={[
            {
              key: "locked",
              placeholder: t("accounts.filter.locked"),
              width: 140,
              options: lockedOptions,
            },
          ]}
        />
        {listed.isError ? <QueryError error={listed.error} onRetry={() => listed.refetch()} /> : null}
        <Table<Account>
          rowKey="id"
          columns={columns}
          dataSource={listed.data?.items}
          loading={listed.isFetching}
          scroll={{ x: 1285 }}
          onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter)}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: listed.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { n: number(total) }),
          }}
          data-testid="accounts-table"
        />
      </Card>
      {/* Both modals render their expert picker up front, which asks for pool experts and field labels: only for
          the holder of account.create (the security administrator reads this list too, and may ask for neither). */}
      {canCreate ? <AccountFormModal open={creating} onClose={() => setCreating(false)} /> : null}
      <RequestRoleModal account={roleFor} onClose={() => setRoleFor(null)} />
      {canCreate ? <LinkExpertModal account={expertFor} onClose={() => setExpertFor(null)} /> : null}
      <RevokeRoleModal account={revokeFor} onClose={() => setRevokeFor(null)} />
    </>
  );
}
