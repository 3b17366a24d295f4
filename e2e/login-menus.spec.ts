import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, launchBrowser, login, logout, newPage, screenshot } from "./browser";

/**
 * What each role's menu must and must not show. Menu entries follow the abilities /api/auth/me returns
 * (policy/access/abilities.ts); this table is the expectation written down by role, not a copy of the accounts.
 */
const menus: Record<string, { present: string[]; absent: string[] }> = {
  officer: {
    present: [
      "home",
      "units",
      "people",
      "reference",
      "bases",
      "evaluation",
      "annual-reports",
      "rectifications",
      "deadlines",
      "notifications",
    ],
    absent: ["accounts", "service-accounts", "role-grants", "audit", "my-unit", "evaluator-tasks"],
  },
  recommender: {
    present: ["home", "units", "people", "bases", "annual-reports", "rectifications", "deadlines", "notifications"],
    absent: ["accounts", "role-grants", "audit", "reference", "my-unit", "evaluation"],
  },
  applicant: {
    present: ["home", "my-unit", "people", "bases", "annual-reports", "rectifications", "deadlines", "notifications"],
    absent: ["accounts", "role-grants", "audit", "reference", "evaluation"],
  },
  expert: {
    present: ["home", "notifications"],
    absent: [
      "evaluator-tasks",
      "units",
      "my-unit",
      "people",
      "accounts",
      "role-grants",
      "audit",
      "reference",
      "bases",
      "evaluation",
      "annual-reports",
      "rectifications",
      "deadlines",
    ],
  },
  evaluator: {
    present: ["home", "evaluator-tasks", "notifications"],
    absent: [
      "units",
      "my-unit",
      "people",
      "accounts",
      "role-grants",
      "audit",
      "reference",
      "bases",
      "evaluation",
      "annual-reports",
      "rectifications",
      "deadlines",
    ],
  },
  // 三员: none of them sees business data (units, people).
  sysadmin: {
    present: ["home", "accounts", "service-accounts", "notifications"],
    absent: [
      "units",
      "my-unit",
      "people",
      "role-grants",
      "audit",
      "reference",
      "bases",
      "evaluation",
      "annual-reports",
      "rectifications",
      "deadlines",
    ],
  },
  secadmin: {
    present: ["home", "role-grants"],
    absent: [
      "service-accounts",
      "units",
      "my-unit",
      "people",
      "audit",
      "reference",
      "bases",
      "evaluation",
      "annual-reports",
      "rectifications",
      "deadlines",
    ],
  },
  auditor: {
    present: ["home", "audit"],
    absent: [
      "units",
      "my-unit",
      "people",
      "accounts",
      "role-grants",
      "reference",
      "evaluation",
      "annual-reports",
      "rectifications",
      "deadlines",
    ],
  },
};

const accounts = await demoAccounts();

describe("every demo account signs in and sees its role's menu", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the server lists demo accounts for every role this suite knows", () => {
    expect(accounts.length).toBeGreaterThan(0);
    for (const account of accounts) expect(Object.keys(menus)).toContain(account.role);
  });

  it.each(accounts.map((account) => [account.username, account] as const))("%s", async (_, account) => {
    const expected = menus[account.role]!;
    const { context, page } = await newPage(browser);
    try {
      await login(page, account.username, account.password);
      await page.getByTestId("menu-home").waitFor();
      expect(await page.getByTestId("platform-title").textContent()).toBe("国合基地管理平台");
      for (const key of expected.present) {
        expect(await page.getByTestId(`menu-${key}`).count(), `${account.username} should see menu-${key}`).toBe(1);
      }
      for (const key of expected.absent) {
        expect(await page.getByTestId(`menu-${key}`).count(), `${account.username} must not see menu-${key}`).toBe(0);
      }
      // The home page shows real counts from /api/dashboard.
      await page.locator('[data-testid^="card-"]').first().waitFor();
      await screenshot(page, `menu-${account.username}`);
      await logout(page);
      expect(new URL(page.url()).pathname).toBe("/login");
    } finally {
      await context.close();
    }
  });
});
