import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BaseDetail, BaseSummary } from "../contracts/bases";
import { demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";

const accounts = await demoAccounts();
const officer = accounts.find((account) => account.role === "officer");
const applicant = accounts.find((account) => account.username === "app.yichang");

/** The first base of the caller's list whose timeline opens with the given kind (read through the API). */
async function baseStartingWith(page: Page, kind: "recognized" | "imported"): Promise<BaseDetail> {
  const list = (await (await page.request.get("/api/bases?pageSize=200")).json()) as { items: BaseSummary[] };
  for (const item of list.items) {
    const base = (await (await page.request.get(`/api/bases/${item.id}`)).json()) as BaseDetail;
    if (base.timeline[0]?.kind === kind) return base;
  }
  throw new Error(`no base starting with ${kind}`);
}

describe("a base's page (基地管理)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the officer opens a recognized base from the list and sees its recognition first on the timeline", async () => {
    if (!officer) throw new Error("no officer demo account");
    const { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      const recognized = await baseStartingWith(page, "recognized");
      await page.getByTestId("menu-bases").click();
      await page.getByTestId(`base-link-${recognized.id}`).click();
      const first = page.getByTestId("timeline-recognized");
      await first.waitFor();
      const [year, month, day] = recognized.recognizedOn.split("-").map(Number);
      const text = await first.textContent();
      expect(text).toContain("认定为省级国际科技合作基地");
      expect(text).toContain(`${year}年${month}月${day}日`);
      expect(text).toContain(recognized.documentNumber);
      expect(await page.getByTestId("base-facts").textContent()).toContain(recognized.unitName);
      await screenshot(page, "base-officer-recognized");
    } finally {
      await context.close();
    }
  });

  it("a host unit sees only its own bases, each opening with its import or recognition", async () => {
    if (!applicant) throw new Error("no app.yichang demo account");
    const { context, page } = await newPage(browser);
    try {
      await login(page, applicant.username, applicant.password);
      const me = (await (await page.request.get("/api/auth/me")).json()) as { jurisdiction: { unitId?: string } };
      const own = (await (await page.request.get("/api/bases")).json()) as { items: BaseSummary[] };
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.every((item) => item.unitId === me.jurisdiction.unitId)).toBe(true);
      await page.getByTestId("menu-bases").click();
      await page.getByTestId("bases-table").locator(".ant-table-row").first().waitFor();
      const links = page.locator('[data-testid^="base-link-"]');
      expect(await links.count()).toBe(own.items.length);
      for (const item of own.items) expect(await page.getByTestId(`base-link-${item.id}`).count()).toBe(1);
      await page.locator('[data-testid^="base-link-"]').first().click();
      await page.locator('[data-testid="timeline-imported"], [data-testid="timeline-recognized"]').first().waitFor();
      await screenshot(page, "base-unit-own");
    } finally {
      await context.close();
    }
  });
});
