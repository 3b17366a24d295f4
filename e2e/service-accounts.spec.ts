import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./api";
import { demoAccounts, launchBrowser, login, logout, newPage, screenshot } from "./browser";

/**
 * 服务账号与令牌 (issue 18 item 3; docs/integration.md): the system administrator creates a service account and issues a
 * token shown once with a copy button; the token reads nothing until the security administrator approves the
 * integration role, then reads the registry without a cookie; revoked on the page, it is refused at once.
 */
const accounts = await demoAccounts();
const password = accounts.find((account) => account.username === "sysadmin")!.password;

describe("service accounts and API tokens in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("the system administrator creates a service account, issues a token once, and revokes it", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "sysadmin", password);
      await page.getByTestId("menu-service-accounts").click();
      await page.getByTestId("service-account-create").click();
      await page.getByTestId("service-account-username").fill("svc.e2e");
      await page.getByTestId("service-account-display-name").fill("湖北政务服务网（测试）");
      await page.getByTestId("service-account-save").click();
      const row = page.getByTestId("service-accounts-table").locator("tr").filter({ hasText: "svc.e2e" });
      await row.getByText("待安全管理员审批").waitFor();

      await page.getByTestId("service-account-issue-svc.e2e").click();
      await page.getByTestId("token-name").fill("生产环境");
      await page.getByTestId("token-issue-save").click();
      const shown = page.getByTestId("token-issued-value");
      await shown.waitFor();
      const token = (await shown.textContent())?.trim() ?? "";
      expect(token).toMatch(/^gat_[A-Za-z0-9_-]{43}$/);
      await page.locator(".ant-modal").filter({ hasText: "仅显示这一次" }).locator(".ant-typography-copy").waitFor();
      await page.waitForTimeout(500); // the modal's opening animation
      await screenshot(page, "service-account-token");
      await page.getByTestId("token-issued-close").click();
      // Shown once: closed, it is gone from the page, which lists the token by its first characters only.
      await shown.waitFor({ state: "detached" });
      const tokens = page.getByTestId("service-account-tokens-svc.e2e");
      await tokens.getByText(`${token.slice(0, 8)}…`).waitFor();
      expect(await page.getByText(token).count()).toBe(0);

      // Until the security administrator approves the role, the token signs in and may read nothing.
      const bearer = { authorization: `Bearer ${token}` };
      const me = await page.request.get("/api/auth/me", { headers: bearer });
      expect(me.status()).toBe(200);
      expect((await me.json()).roles).toEqual([]);
      expect((await page.request.get("/api/bases", { headers: bearer })).status()).toBe(403);
      await logout(page);

      await login(page, "secadmin", password);
      const pending = await api(page).get<{ items: Array<{ id: string; username: string; role: string }> }>(
        "/api/role-grants?status=pending&pageSize=200",
      );
      const grant = pending.items.find((item) => item.username === "svc.e2e");
      expect(grant?.role).toBe("integration");
      await api(page).post(`/api/role-grants/${grant!.id}/approve`, {});
      await logout(page);

      // A fresh context: no cookie at all, only the token.
      const { context: outside } = await newPage(browser);
      try {
        const bases = await outside.request.get("/api/bases?pageSize=1", { headers: bearer });
        expect(bases.status()).toBe(200);
        expect((await bases.json()).total).toBeGreaterThan(0);
        expect((await outside.request.get("/api/feed/bases?limit=1", { headers: bearer })).status()).toBe(200);
      } finally {
        await outside.close();
      }

      await login(page, "sysadmin", password);
      await page.getByTestId("menu-service-accounts").click();
      await page.getByTestId(`token-revoke-${token.slice(0, 8)}`).click();
      await page.getByTestId("token-revoke-confirm").click();
      await page.getByTestId("service-account-tokens-svc.e2e").getByText("已吊销").waitFor();
      const refused = await page.request.get("/api/bases", { headers: bearer });
      expect(refused.status()).toBe(401);
      expect((await refused.json()).code).toBe("invalid-token");
      // The accounts page marks the account as a service account.
      await page.getByTestId("menu-accounts").click();
      await page
        .getByTestId("accounts-table")
        .locator("tr")
        .filter({ hasText: "svc.e2e" })
        .getByText("服务账号")
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
