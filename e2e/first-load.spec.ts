import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage } from "./browser";

/**
 * What a first visit downloads, measured in Chromium (issue 13): the JavaScript bytes on the wire (compressed, as the
 * server sends them) for the sign-in page on an empty cache ≤ 150 KB, and for each role's first route after signing in
 * — the 工作台 — on an empty cache ≤ 300 KB. Charts, the other language's words and the other pages load only when used.
 */
const password = "Demo@2025";
const budgets = { login: 150 * 1024, firstRoute: 300 * 1024 };

async function scriptBytes(page: Page): Promise<{ bytes: number; files: string[] }> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => {
    const scripts = performance
      .getEntriesByType("resource")
      .filter((entry): entry is PerformanceResourceTiming => entry.name.endsWith(".js"))
      .filter((entry) => new URL(entry.name).origin === location.origin);
    return {
      bytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
      files: scripts.map((entry) => new URL(entry.name).pathname),
    };
  });
}

describe("first load", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("the sign-in page stays within 150 KB of JavaScript, compressed", async () => {
    const { context, page } = await newPage(browser);
    try {
      const response = await page.goto("/login");
      expect(response?.status()).toBe(200);
      await page.getByTestId("login-submit").waitFor();
      const { bytes, files } = await scriptBytes(page);
      console.log(`first load: /login ${(bytes / 1024).toFixed(1)} KB in ${files.length} files`);
      expect(files.length).toBeGreaterThan(0);
      // The sign-in page is plain HTML: no antd, no charts.
      expect(files.some((file) => /EChart|antd|table-/.test(file))).toBe(false);
      expect(bytes).toBeLessThanOrEqual(budgets.login);
    } finally {
      await context.close();
    }
  }, 60_000);

  for (const username of ["officer", "app.hust", "rec.wuhan", "expert"]) {
    it(`${username}'s 工作台 on an empty cache stays within 300 KB of JavaScript, compressed`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, username, password);
        // A new tab with the session but an empty memory cache: the first route as a returning user opens it.
        const first = await context.newPage();
        const client = await context.newCDPSession(first);
        await client.send("Network.setCacheDisabled", { cacheDisabled: true });
        await first.goto("/");
        await first.getByTestId("logout").waitFor();
        const { bytes, files } = await scriptBytes(first);
        console.log(`first load: ${username} / ${(bytes / 1024).toFixed(1)} KB in ${files.length} files`);
        expect(files.some((file) => /EChart/.test(file))).toBe(false);
        expect(bytes).toBeLessThanOrEqual(budgets.firstRoute);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});
