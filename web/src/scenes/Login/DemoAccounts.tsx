import { useQuery } from "@tanstack/react-query";
import { Card, Table, Tag, Typography } from "antd";
import { roleLabels } from "../../../../policy/roles";
import { authApi } from "../../api/endpoints";
import type { DemoAccount } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";

/** Demo mode only: GET /api/demo/accounts answers 404 otherwise, and the table is not shown. */
export function DemoAccounts({ onPick }: { onPick: (account: { username: string; password: string }) => void }) {
  const { t, pick } = useI18n();
  const accounts = useQuery({ queryKey: ["demo-accounts"], queryFn: authApi.demoAccounts, retry: false });
  if (!accounts.data?.length) return null;
  return (
    <Card title={t("auth.demoTitle")} style={{ width: 560, maxWidth: "100%" }} data-testid="demo-accounts">
      <Typography.Paragraph type="secondary">
        {t("auth.demoHint", { password: accounts.data[0]!.password })}
      </Typography.Paragraph>
      <Table<DemoAccount>
        size="small"
        rowKey="username"
        pagination={false}
        dataSource={accounts.data}
        onRow={(account) => ({
          onClick: () => onPick({ username: account.username, password: account.password }),
          style: { cursor: "pointer" },
          "data-testid": `demo-account-${account.username}`,
        })}
        columns={[
          {
            title: t("auth.demoRole"),
            dataIndex: "role",
            width: 120,
            render: (role: DemoAccount["role"]) => (
              <Tag color="blue">{pick(roleLabels[role].zh, roleLabels[role].en)}</Tag>
            ),
          },
          { title: t("auth.demoWho"), key: "label", render: (_, account) => pick(account.label, account.labelEn) },
          {
            title: t("auth.username"),
            dataIndex: "username",
            width: 130,
            render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
