import { z } from "zod";
import { demoAccount } from "../../../contracts/auth";
import { demoAccounts } from "../../demo/demo-accounts";
import { demoJurisdictions } from "../../demo/load-demo";
import type { RouteDeps, TypedApp } from "../types";

/** Demo mode only: the login page lists these. Outside demo mode the route does not exist (404). */
export async function demoRoutes(app: TypedApp, deps: RouteDeps) {
  if (!deps.config.demo) return;
  app.get(
    "/api/demo/accounts",
    {
      config: { public: true },
      schema: { tags: ["demo"], summary: "演示账号 / demo accounts", response: { 200: z.array(demoAccount) } },
    },
    async () => {
      const jurisdictions = await demoJurisdictions(deps.database.db);
      return demoAccounts.map((account) => ({
        username: account.username,
        password: account.password,
        role: account.roles[0]!,
        jurisdiction: jurisdictions.get(account.username) ?? {},
        label: account.label,
        labelEn: account.labelEn,
      }));
    },
  );
}
