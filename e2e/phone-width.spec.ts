import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, login } from "./browser";

/**
 * At 390 × 844 (a phone) no page is wider than the screen: the header drops the name and role tags, the side menu folds
 * behind a header button, a wide table scrolls inside its own box. Every menu page of each role, plus the public pages and the sign-in page.
 */
const password = "Demo@2025";
const phone = { width: 390, height: 844 };
const roles = ["officer", "app.hust", "expert"] as const;
const publicPaths = ["/login", "/registry", "/notices", "/announcements", "/policy"];

describe("phone width", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function overflowing(page: import("playwright-core").Page, paths: readonly string[]) {
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      // A page has drawn its content: a heading, a table, a card, or the 工作台's count tiles.
      await page.locator("h1, h2, .ant-table, .ant-card, .count-tile").first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > phone.width) wide.push(`${path}: ${width}px`);
    }
    return wide;
  }

  it("public pages fit the screen", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: phone, locale: "zh-CN" });
    try {
      expect(await overflowing(await context.newPage(), publicPaths)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  for (const username of roles) {
    it(`every menu page of ${username} fits the screen`, async () => {
      const context = await browser.newContext({ baseURL: baseUrl(), viewport: phone, locale: "zh-CN" });
      try {
        const page = await context.newPage();
        await login(page, username, password);
        const paths = await page
          .locator('[data-testid^="menu-"]')
          .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
        expect(paths.length).toBeGreaterThan(2);
        expect(await overflowing(page, [...new Set(paths)])).toEqual([]);
        // The menu is folded away; the header's button opens it, and choosing a page folds it again.
        const menuWidth = async () => (await page.locator("aside.ant-layout-sider").boundingBox())?.width ?? 0;
        expect(await menuWidth()).toBeLessThan(2);
        await page.getByTestId("side-menu-toggle").click();
        await expect.poll(menuWidth).toBeGreaterThan(150);
        await page.locator('[data-testid^="menu-"]').last().click();
        await page.waitForURL((url) => url.pathname === paths[paths.length - 1]);
        await expect.poll(menuWidth).toBeLessThan(2);
      } finally {
        await context.close();
      }
    }, 240_000);
  }
});
