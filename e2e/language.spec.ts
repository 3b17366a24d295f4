import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";

const accounts = await demoAccounts();
const officer = accounts.find((account) => account.role === "officer");

describe("language switch", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("switching to English changes the menu, and the choice survives a reload", async () => {
    if (!officer) throw new Error("no officer demo account");
    const { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      const units = page.getByTestId("menu-units");
      expect(await units.textContent()).toBe("依托单位");
      expect(await page.getByTestId("menu-home").textContent()).toBe("首页");

      await page.getByTestId("lang-switch").click();
      await units.filter({ hasText: "Host units" }).waitFor();
      expect(await page.getByTestId("menu-home").textContent()).toBe("Home");
      expect(await page.getByTestId("platform-title").textContent()).toBe(
        "International S&T Cooperation Base Platform",
      );
      expect(await page.getByTestId("logout").textContent()).toContain("Sign out");
      await screenshot(page, "language-officer-en");

      await page.reload();
      await page.getByTestId("menu-units").filter({ hasText: "Host units" }).waitFor();

      await page.getByTestId("lang-switch").click();
      await page.getByTestId("menu-units").filter({ hasText: "依托单位" }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("the login page follows the stored choice before anyone signs in", async () => {
    const { context, page } = await newPage(browser, { language: "en" });
    try {
      await page.goto("/login");
      await page.getByTestId("login-submit").filter({ hasText: "Sign in" }).waitFor();
      expect(await page.getByTestId("register-link").textContent()).toBe("Register a host unit");
    } finally {
      await context.close();
    }
  });
});
