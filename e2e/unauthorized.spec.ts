import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";

const accounts = await demoAccounts();
const byRole = (role: string) => {
  const account = accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account with role ${role}`);
  return account;
};

/** A fetch made by the page itself: same cookies, same CSRF cookie, as the SPA would. */
function statusFromPage(page: Page, path: string, method = "GET", body: unknown = {}): Promise<number> {
  return page.evaluate(
    async ([url, verb, json]) => {
      const csrf = document.cookie.match(/(?:^|;\s*)csrf=([^;]+)/)?.[1] ?? "";
      const response = await fetch(url!, {
        method: verb,
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) },
        body: verb === "GET" ? undefined : json,
      });
      return response.status;
    },
    [path, method, JSON.stringify(body)] as const,
  );
}

describe("unauthorized access", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an applicant opening /audit or /accounts sees 无权访问, and the API answers 403", async () => {
    const applicant = byRole("applicant");
    const { context, page } = await newPage(browser);
    try {
      await login(page, applicant.username, applicant.password);
      for (const path of ["/audit", "/accounts", "/role-grants", "/reference", "/evaluation"]) {
        await page.goto(path);
        const forbidden = page.getByTestId("forbidden");
        await forbidden.waitFor();
        expect(await forbidden.textContent()).toBe("无权访问");
      }
      await page.goto("/audit");
      await page.getByTestId("forbidden").waitFor();
      await screenshot(page, "unauthorized-applicant-audit");
      expect(await statusFromPage(page, "/api/audit")).toBe(403);
      expect(await statusFromPage(page, "/api/audit/verify")).toBe(403);
      expect(await statusFromPage(page, "/api/accounts")).toBe(403);
      expect(await statusFromPage(page, "/api/role-grants?status=pending")).toBe(403);
      // A well-formed write is refused for want of the ability (a malformed one would stop at validation, 400).
      const field = { nameZh: "测试领域", nameEn: "Test field" };
      expect(await statusFromPage(page, "/api/reference/fields", "POST", field)).toBe(403);
      const round = { year: 2025, title: "2025年度考核", reportDeadline: "2099-03-31", evaluator: "experts" };
      expect(await statusFromPage(page, "/api/evaluation-rounds", "POST", round)).toBe(403);
    } finally {
      await context.close();
    }
  });

  it("the system administrator (三员) sees no business data: /units is refused in the UI and the API", async () => {
    const sysadmin = byRole("sysadmin");
    const { context, page } = await newPage(browser);
    try {
      await login(page, sysadmin.username, sysadmin.password);
      for (const path of ["/units", "/people", "/audit"]) {
        await page.goto(path);
        await page.getByTestId("forbidden").waitFor();
      }
      expect(await statusFromPage(page, "/api/units")).toBe(403);
      expect(await statusFromPage(page, "/api/people")).toBe(403);
      expect(await statusFromPage(page, "/api/audit")).toBe(403);
    } finally {
      await context.close();
    }
  });

  it("the auditor cannot reach accounts or units", async () => {
    const auditor = byRole("auditor");
    const { context, page } = await newPage(browser);
    try {
      await login(page, auditor.username, auditor.password);
      await page.goto("/accounts");
      await page.getByTestId("forbidden").waitFor();
      expect(await statusFromPage(page, "/api/accounts")).toBe(403);
      expect(await statusFromPage(page, "/api/units")).toBe(403);
    } finally {
      await context.close();
    }
  });

  it("without a session a page sends the visitor to the login form and the API answers 401", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/audit");
      await page.getByTestId("login-submit").waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe("/login");
      expect(url.searchParams.get("next")).toBe("/audit");
      expect(await statusFromPage(page, "/api/audit")).toBe(401);
      expect((await fetch(`${baseUrl()}/api/units`)).status).toBe(401);
    } finally {
      await context.close();
    }
  });
});
