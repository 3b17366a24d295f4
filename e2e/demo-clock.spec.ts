import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, screenshot } from "./browser";
import { type RunningServer, startServer } from "./server";

describe("a demo started at a chosen moment (DEMO_CLOCK)", () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({ DEMO_CLOCK: "2027-06-30T09:00:00+08:00" })]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the demo time in a banner on every page, and the demo's work dated from it", async () => {
    const { context, page } = await newPage(browser, { baseURL: server.baseUrl });
    try {
      await page.goto("/login");
      const banner = page.getByTestId("demo-clock-banner");
      await banner.filter({ hasText: "2027年6月30日" }).waitFor();
      expect(await banner.textContent()).toContain("并非真实时间");
      await login(page, "officer", "Demo@2025");
      await banner.filter({ hasText: "演示时钟" }).waitFor();
      // The 公示 under way began on the demo's day.
      const notices = await page.request.get("/api/public/notices");
      expect(((await notices.json()) as { today: string }).today).toBe("2027-06-30");
      await screenshot(page, "demo-clock-banner");
    } finally {
      await context.close();
    }
  });

  it("shows no banner on the real clock", async () => {
    const { context, page } = await newPage(browser);
    try {
      const health = page.waitForResponse((response) => response.url().endsWith("/healthz"));
      await page.goto("/login");
      expect(await (await health).json()).toEqual({ status: "ok" });
      await page.getByTestId("login-submit").waitFor();
      expect(await page.getByTestId("demo-clock-banner").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
