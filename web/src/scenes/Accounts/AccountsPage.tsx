import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Input, Table } from "antd";
import { useState } from "react";
import { accountsApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import type { Account } from "../../api/types";
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
  const { t, number } = useI18n();
  const [q, setQ] = useState("");
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [creating, setCreating] = useState(false);
  const [roleFor, setRoleFor] = useState<Account | null>(null);
  const [expertFor, setExpertFor] = useState<Account | null>(null);
  const [revokeFor, setRevokeFor] = useState<Account | null>(null);
  const list = useQuery({
    queryKey: ["accounts", { q, ...page }],
    queryFn: () => accountsApi.list({ q: q || undefined, page: page.current, pageSize: page.size }),
    placeholderData: keepPreviousData,
  });
  const columns = useAccountColumns(setRoleFor, setExpertFor, setRevokeFor);
  const canCreate = hasAbility(me, "account.create");

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
        <Input.Search
          allowClear
          placeholder={t("accounts.searchPlaceholder")}
          style={{ width: 320, marginBottom: 16 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Account>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1285 }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (current, size) => setPage({ current, size }),
          }}
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
