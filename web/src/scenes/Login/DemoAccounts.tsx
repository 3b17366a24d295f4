import { useQuery } from "@tanstack/react-query";
import { roleLabels } from "../../../../policy/roles";
import { authApi } from "../../api/endpoints";
import { useI18n } from "../../i18n/I18nProvider";

/** Demo mode only: GET /api/demo/accounts answers 404 otherwise, and the table is not shown. */
export function DemoAccounts({ onPick }: { onPick: (account: { username: string; password: string }) => void }) {
  const { t, pick } = useI18n();
  const accounts = useQuery({ queryKey: ["demo-accounts"], queryFn: authApi.demoAccounts, retry: false });
  if (!accounts.data?.length) return null;
  return (
    <section className="login-card wide" data-testid="demo-accounts">
      <h2>{t("auth.demoTitle")}</h2>
      <div className="login-card-body">
        <p className="login-hint">{t("auth.demoHint", { password: accounts.data[0]!.password })}</p>
        <table className="demo-table">
          <thead>
            <tr>
              <th>{t("auth.demoRole")}</th>
              <th>{t("auth.demoWho")}</th>
              <th>{t("auth.username")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((account) => (
              <tr
                key={account.username}
                data-testid={`demo-account-${account.username}`}
                tabIndex={0}
                onClick={() => onPick({ username: account.username, password: account.password })}
                onKeyDown={(event) => {
                  if (event.key === "Enter") onPick({ username: account.username, password: account.password });
                }}
              >
                <td>
                  <span className="demo-role">{pick(roleLabels[account.role].zh, roleLabels[account.role].en)}</span>
                </td>
                <td>{pick(account.label, account.labelEn)}</td>
                <td>
                  <span className="demo-username">{account.username}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
