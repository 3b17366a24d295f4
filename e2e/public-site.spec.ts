import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnouncementList } from "../contracts/announcements";
import { api } from "./api";
import { demoAccounts, launchBrowser, login, newPage } from "./browser";

/**
 * The public site (issue 13 item 6) at 1440×900 and 390×844: the officer writes and publishes a call's notice with
 * an attachment; a visitor finds it under 通知公告, reads it and downloads the attachment; the measures' text at
 * /policy with an anchor per article and item, reached from an eligibility finding's citation; the registry as
 * cards on a phone, no wider than the screen. Screenshots in /tmp/shots/public-<page>-<width>.png.
 */
const accounts = await demoAccounts();
const passwordOf = (username: string) => accounts.find((account) => account.username === username)?.password ?? "";
const shots = "/tmp/shots";
const widths = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;
const guide = Buffer.from("%PDF-1.4\n% 申报指南 public-site e2e\n1 0 obj<<>>endobj\n%%EOF\n");
const title = "关于组织申报湖北省国际科技合作基地的通知（门户网站测试）";
const body =
  "各市、州、直管市、神农架林区科技局，各有关单位：\n\n为做好省国合基地认定工作，现将有关事项通知如下。\n\n一、申报条件按《湖北省国际科技合作基地管理办法》执行。";

async function shoot(page: Page, name: string, width: number) {
  mkdirSync(shots, { recursive: true });
  // Settled first: no loading blur, no confirmation still fading out.
  await page.waitForFunction(() => !document.querySelector(".ant-spin-blur, .ant-popover:not(.ant-popover-hidden)"));
  await page.screenshot({ path: `${shots}/public-${name}-${width}.png`, fullPage: true });
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Whether the element's top is inside the viewport (the anchor scrolled to it). */
async function inViewport(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= -2 && box.top < window.innerHeight;
  });
}

describe("the public site: 通知公告, the measures' text, the registry on a phone", () => {
  let browser: Browser;
  let callId = "";
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the officer writes a call's notice, attaches the guide and publishes it", { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "officer", passwordOf("officer"));
      const calls = await api(page).get<{ items: Array<{ id: string; status: string }> }>("/api/calls");
      callId = calls.items.find((call) => call.status !== "draft")?.id ?? "";
      expect(callId).not.toBe("");
      await page.goto("/calls");
      await page.getByTestId(`call-notice-${callId}`).click();
      await page.getByTestId("call-notice-title").fill(title);
      await page.getByTestId("call-notice-body").fill(body);
      await page.getByTestId("call-notice-save").click();
      await page.locator(".ant-message-notice").filter({ hasText: "通知已保存" }).first().waitFor();
      await page
        .locator(".ant-drawer input[type=file]")
        .setInputFiles({ name: "申报指南.pdf", mimeType: "application/pdf", buffer: guide });
      await page.locator(".ant-drawer").getByText("申报指南.pdf").waitFor();
      await page.getByTestId("call-notice-publish").click();
      await page.locator(".ant-popover:visible .ant-btn-primary").click();
      await page.getByTestId("call-notice-public-link").waitFor();
      expect(await page.locator(".ant-drawer").textContent()).toContain("起公开");
      await shoot(page, "call-notice-officer", 1440);
    } finally {
      await context.close();
    }
  });

  for (const size of widths) {
    it(`a visitor reads 通知公告 and downloads the attachment at ${size.width} px`, { timeout: 120_000 }, async () => {
      const { context, page } = await newPage(browser);
      try {
        await page.setViewportSize(size);
        await page.goto("/registry");
        await page.getByTestId("public-nav-verify").waitFor();
        const nav = await page.getByTestId("public-nav").locator("a").allTextContents();
        expect(nav).toEqual(["通知公告", "公示", "政策文件", "基地名录", "成果", "联盟", "验证"]);
        expect((await page.locator("header, nav").allTextContents()).join("")).not.toContain("整改中");
        await page.getByTestId("public-nav-announcements").click();
        await page.waitForURL("**/announcements");
        const listed = (await (await page.request.get("/api/public/announcements")).json()) as AnnouncementList;
        const dates = listed.items.map((item) => item.on);
        expect(dates).toEqual([...dates].sort().reverse());
        await page.getByTestId(`announcement-${callId}`).waitFor();
        expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
        await shoot(page, "announcements", size.width);

        await page.getByTestId(`announcement-link-${callId}`).click();
        await page.waitForURL(`**/announcements/${callId}`);
        const detail = page.getByTestId("announcement-detail");
        await detail.waitFor();
        expect(await detail.textContent()).toContain(title);
        const paragraphs = await page.getByTestId("announcement-body").locator(".ant-typography").allTextContents();
        expect(paragraphs).toHaveLength(3);
        expect(paragraphs[2]).toContain("申报条件");
        expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
        await shoot(page, "announcement", size.width);

        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.locator("[data-testid^=announcement-file-]").first().click(),
        ]);
        expect(download.suggestedFilename()).toBe("申报指南.pdf");
        const stream = await download.createReadStream();
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        expect(Buffer.concat(chunks).equals(guide)).toBe(true);

        // 公示 are listed too; an ended one would stay, marked 已结束 (checked in the API test).
        await page.goto("/notices");
        await page.getByTestId("notices-rules").waitFor();
        await shoot(page, "notices", size.width);
      } finally {
        await context.close();
      }
    });

    it(`the measures at /policy: anchors per article and item at ${size.width} px`, { timeout: 60_000 }, async () => {
      const { context, page } = await newPage(browser);
      try {
        await page.setViewportSize(size);
        await page.goto("/policy#art-14-2");
        await page.getByTestId("art-14-2").waitFor();
        expect(await page.getByTestId("art-14-2").textContent()).toContain("形式审查");
        await page.waitForFunction(() => {
          const top = document.getElementById("art-14-2")?.getBoundingClientRect().top ?? -1;
          return top >= -2 && top < window.innerHeight;
        });
        expect(await page.getByTestId("policy-text").locator("[id^=art-]").count()).toBeGreaterThan(31);
        expect(await page.getByTestId("art-20-6").textContent()).toContain("整改期满后仍不合格");
        expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
        await shoot(page, "policy", size.width);
      } finally {
        await context.close();
      }
    });

    it(`the registry fits ${size.width} px, fields and types in English in English mode`, {
      timeout: 60_000,
    }, async () => {
      const { context, page } = await newPage(browser, { language: "en" });
      try {
        await page.setViewportSize(size);
        await page.goto("/registry");
        if (size.width < 768) {
          const cards = page.getByTestId("registry-cards");
          await cards.locator("[data-testid^=registry-card-]").first().waitFor();
          const text = (await cards.textContent()) ?? "";
          expect(text).toMatch(/Joint research|Technology transfer|Characteristic/i);
          expect(text).not.toMatch(/联合研究类|技术转移类|特色类/);
          expect(await page.locator(".ant-table").count()).toBe(0);
        } else {
          await page.getByTestId("registry-table").locator("[data-testid^=registry-base-]").first().waitFor();
        }
        expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
        await shoot(page, "registry", size.width);
        await page.goto("/policy");
        await page.getByTestId("policy-authoritative").waitFor();
        expect(await page.getByTestId("art-14").textContent()).toContain("Article 14");
        expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
        await shoot(page, "policy-en", size.width);
      } finally {
        await context.close();
      }
    });
  }

  it("an eligibility finding's citation opens that article of the measures", { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "app.wuhan-ent", passwordOf("app.wuhan-ent"));
      const mine = await api(page).get<{ items: Array<{ id: string }> }>("/api/applications");
      const id = mine.items[0]?.id;
      expect(id).toBeDefined();
      await page.goto(`/applications/${id}`);
      const reference = page
        .getByTestId("eligibility-panel")
        .locator("[data-testid^=finding-] [data-testid^=article-ref-]")
        .first();
      await reference.waitFor({ timeout: 30_000 });
      const article = ((await reference.getAttribute("data-testid")) ?? "").replace("article-ref-", "");
      const anchor = `art-${article.replace(".", "-")}`;
      expect(await reference.getAttribute("href")).toBe(`/policy#${anchor}`);
      const [policy] = await Promise.all([context.waitForEvent("page"), reference.click()]);
      await policy.waitForLoadState();
      await policy.getByTestId(anchor).waitFor();
      expect(new URL(policy.url()).hash).toBe(`#${anchor}`);
      await policy.waitForFunction((target) => {
        const top = document.getElementById(target)?.getBoundingClientRect().top ?? -1;
        return top >= -2 && top < window.innerHeight;
      }, anchor);
      expect(await inViewport(policy, anchor)).toBe(true);
      await shoot(policy, "policy-from-finding", 1440);
    } finally {
      await context.close();
    }
  });
});
