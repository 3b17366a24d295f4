import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityDefaults } from "../policy/security/password-policy";
import { api } from "./api";
import { demoAccounts, launchBrowser, login, logout, newPage } from "./browser";
import { toast } from "./ui";

/**
 * Accounts and security (issue 13 item 8): the system administrator resets a password and the user signs in with
 * the one-time password and must change it; the security administrator edits the 安全策略; an irreversible action
 * asks first and cancelling keeps the state; the formal-review checklist opens with no box ticked; the three
 * pages of every role's menu — the three administrators' first — ask the server for nothing the role cannot have (no
 * refused entry in the audit log).
 */
const accounts = await demoAccounts();
const password = accounts.find((account) => account.username === "officer")!.password;
const shots = "/tmp/shots";
mkdirSync(shots, { recursive: true });

async function signInForm(page: Page, username: string, secret: string) {
  await page.goto("/login");
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(secret);
  await page.getByTestId("login-submit").click();
}

/** The audit log's last sequence number and its refused entries after one, read as the auditor. */
async function refusedAfter(page: Page, seq: number) {
  type Entry = { seq: number; actorName: string | null; action: string; outcome: string };
  const entries = await api(page).get<{ items: Entry[] }>("/api/audit?outcome=refused&pageSize=100");
  return entries.items.filter((entry) => entry.seq > seq);
}
async function lastSeq(page: Page) {
  const entries = await api(page).get<{ items: Array<{ seq: number }> }>("/api/audit?pageSize=1");
  return entries.items[0]?.seq ?? 0;
}

describe("accounts and security in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("the system administrator resets a password; the user signs in once with it and must change it", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "sysadmin", password);
      await page.getByTestId("menu-accounts").click();
      await page
        .getByPlaceholder(/用户名|username/i)
        .first()
        .fill("rec.donghu");
      await page.keyboard.press("Enter");
      // An administrator's row offers no reset at all.
      await page.getByTestId("account-reset-rec.donghu").click();
      await page.getByText("原密码立即失效").waitFor();
      await page.getByTestId("reset-confirm").click();
      await page.locator(".ant-modal").filter({ hasText: "临时密码" }).waitFor();
      const otp = (await page.getByTestId("reset-otp").textContent())?.trim() ?? "";
      expect(otp.length).toBeGreaterThanOrEqual(12);
      await page.waitForTimeout(500); // the modal's opening animation
      await page.screenshot({ path: `${shots}/reset-1440.png` });
      await page.getByTestId("reset-close").click();
      await page
        .getByPlaceholder(/用户名|username/i)
        .first()
        .fill("secadmin");
      await page.keyboard.press("Enter");
      await page.locator("td").filter({ hasText: "secadmin" }).first().waitFor();
      expect(await page.getByTestId("account-reset-secadmin").count()).toBe(0);
      await logout(page);

      // The old password no longer works; the one-time password signs in and leads to the forced change.
      await signInForm(page, "rec.donghu", password);
      await page.getByTestId("login-error").waitFor();
      await signInForm(page, "rec.donghu", otp);
      await page.getByTestId("forced-password").waitFor();
      await page.getByTestId("password-current").fill(otp);
      await page.getByTestId("password-new").fill("Dong#Hu2027x");
      await page.getByTestId("password-confirm").fill("Dong#Hu2027x");
      await page.getByTestId("password-submit").click();
      await page.getByTestId("logout").waitFor();
      await logout(page);
      // One time only.
      await signInForm(page, "rec.donghu", otp);
      await page.getByTestId("login-error").waitFor();
      await login(page, "rec.donghu", "Dong#Hu2027x");
      // The e2e specs share one server: the demo password comes back for the specs that sign in as rec.donghu later.
      await api(page).post("/api/auth/password", { currentPassword: "Dong#Hu2027x", newPassword: password });
    } finally {
      await context.close();
    }
  });

  it("the login page says whom to ask when the password is forgotten", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByTestId("forgot-password-link").click();
      await page.getByTestId("forgot-password").getByText("单位管理员").first().waitFor();
      expect(await page.getByTestId("forgot-password").textContent()).toContain("系统管理员");
    } finally {
      await context.close();
    }
  });

  it("the security administrator edits the 安全策略 within bounds", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "secadmin", password);
      await page.getByTestId("menu-security-policy").click();
      const idle = page.getByTestId("policy-idleTimeoutMinutes");
      await idle.fill("20");
      await page.getByTestId("policy-maxFailedLogins").fill("4");
      await page.getByTestId("policy-save").click();
      await page.locator(".ant-popconfirm .ant-btn-primary").click();
      await toast(page, "安全策略已保存");
      await page.locator(".ant-popconfirm").waitFor({ state: "hidden" });
      await page.getByText(/最近由 安全管理员 于/).waitFor();
      await page.screenshot({ path: `${shots}/security-policy-1440.png`, fullPage: true });
      const saved = await api(page).get<{ idleTimeoutMinutes: number; maxFailedLogins: number; version: number }>(
        "/api/security-policy",
      );
      expect(saved).toMatchObject({ idleTimeoutMinutes: 20, maxFailedLogins: 4 });
      // The other specs of the run keep the defaults.
      await api(page).put("/api/security-policy", { ...securityDefaults, version: saved.version });
    } finally {
      await context.close();
    }
  });

  it("an irreversible action asks first; cancelling keeps the state", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "app.hust", password);
      const list = await api(page).get<{ items: Array<{ id: string; state: string }> }>("/api/applications");
      const draft = list.items.find((item) => item.state === "draft");
      expect(draft).toBeDefined();
      await page.goto(`/applications/${draft!.id}`);
      const state = await page.getByTestId("application-state").textContent();
      await page.getByTestId("event-withdraw").click();
      await page.getByText("撤回后本申报即终止").waitFor();
      await page.getByTestId("confirm-cancel").click();
      await page.getByText("撤回后本申报即终止").waitFor({ state: "hidden" });
      expect(await page.getByTestId("application-state").textContent()).toBe(state);
      const after = await api(page).get<{ state: string }>(`/api/applications/${draft!.id}`);
      expect(after.state).toBe("draft");
    } finally {
      await context.close();
    }
  });

  it("the formal-review checklist opens with no box ticked", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "officer", password);
      const list = await api(page).get<{ items: Array<{ id: string; state: string }> }>(
        "/api/applications?pageSize=100",
      );
      const recommended = list.items.find((item) => item.state === "recommended");
      expect(recommended).toBeDefined();
      await page.goto(`/applications/${recommended!.id}`);
      await page.getByTestId("event-pass-formal-review").click();
      const boxes = page.locator(".ant-modal .ant-checkbox-input");
      await boxes.first().waitFor();
      expect(await boxes.count()).toBeGreaterThan(3);
      expect(await page.locator(".ant-modal .ant-checkbox-input:checked").count()).toBe(0);
      await page
        .locator(".ant-modal")
        .getByRole("button", { name: /取\s*消/ })
        .click();
      const after = await api(page).get<{ state: string }>(`/api/applications/${recommended!.id}`);
      expect(after.state).toBe("recommended");
    } finally {
      await context.close();
    }
  });

  it("no role's pages ask for what the role cannot have (no refused entry in the audit log)", {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "auditor", password);
      const start = await lastSeq(page);
      await logout(page);
      const roles = ["sysadmin", "secadmin", "auditor", "officer", "rec.wuhan", "app.hust", "expert", "evaluator"];
      for (const username of roles) {
        await login(page, username, password);
        // Every page of the role's menu, as the menu links them.
        const paths = await page
          .locator('a[data-testid^="menu-"]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("href") ?? "/"));
        expect(paths.length).toBeGreaterThan(2);
        for (const path of paths) {
          await page.goto(path);
          await page.waitForLoadState("networkidle");
        }
        await page.goto("/change-password");
        await page.waitForLoadState("networkidle");
        await logout(page);
      }
      await login(page, "auditor", password);
      const refused = await refusedAfter(page, start);
      expect(refused.map((entry) => `${entry.actorName}: ${entry.action}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
