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
  it("a host unit drafts this year's work plan on its base's page and files it; it is read-only after", async () => {
    if (!applicant) throw new Error("no app.yichang demo account");
    const { context, page } = await newPage(browser);
    try {
      await login(page, applicant.username, applicant.password);
      const own = (await (await page.request.get("/api/bases")).json()) as { items: BaseSummary[] };
      const base = own.items.find((item) => item.standardName.includes("先进材料")) ?? own.items[0]!;
      await page.goto(`/bases/${base.id}`);
      const card = page.getByTestId("work-plan");
      await card.getByTestId("plan-save").waitFor();
      await card.getByLabel("平台建设目标").fill("建设先进陶瓷联合实验室。");
      await card.getByTestId("plan-save").click();
      await card.getByText("项目合作目标", { exact: false }).first().waitFor();
      await expect.poll(async () => (await card.textContent()) ?? "").toContain("报备前还需填写");
      await card.getByLabel("项目合作目标").fill("新增国际联合研发项目 2 项。");
      await card.getByLabel("人才交流目标").fill("互派研究人员 4 人次。");
      await card.getByLabel("交流活动目标").fill("举办国际研讨会 1 次。");
      await card.getByLabel("联合发表论文（篇）").fill("5");
      await card.getByTestId("plan-save").click();
      await expect.poll(async () => (await card.textContent()) ?? "").not.toContain("报备前还需填写");
      await screenshot(page, "base-work-plan-draft");
      await card.getByTestId("plan-file").click();
      await expect.poll(async () => (await card.textContent()) ?? "").toContain("报备（调整须按重大事项变化报告）");
      expect(await card.getByTestId("plan-save").count()).toBe(0);
      expect(await card.textContent()).toContain("建设先进陶瓷联合实验室");
      await screenshot(page, "base-work-plan-filed");
    } finally {
      await context.close();
    }
  });
});
