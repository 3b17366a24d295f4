import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage } from "./browser";

const shots = "/tmp/shots";

/**
 * 阅览 (issue 13 item 4): the Wuhan recommender opens the one-page view of the demo application waiting at Wuhan
 * from its workbench queue — every section under 一、二、三…, the eligibility findings, the history as sentences —
 * previews the stamped PDF in the browser and the Word 申报书 through docx-preview, writes its 推荐意见, and the page
 * is photographed at 1440 and 390 px.
 */
describe("阅览: one application on one page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the recommender reads, previews PDF and Word, and writes its opinion", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "rec.wuhan", "Demo@2025");
      await page.getByTestId("menu-workbench").click();
      const queue = page.getByTestId("workbench-queue");
      const link = queue.locator("[data-testid^=application-read-]").first();
      await link.waitFor();
      await link.click();
      await page.waitForURL(/\/applications\/[^/]+\/read$/);

      const sheet = page.getByTestId("read-document");
      await sheet.waitFor();
      expect(await page.getByTestId("read-section").count()).toBeGreaterThanOrEqual(6);
      const text = (await sheet.textContent()) ?? "";
      expect(text).toContain("一、基本情况");
      expect(text).toContain("武汉光谷激光科技有限公司");
      expect(text).toContain("资格自查结果");
      expect(text).not.toMatch(/joint-research|application\.type|[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(await page.getByTestId("read-findings").locator("[data-testid^=finding-]").count()).toBeGreaterThan(5);
      const history = (await page.getByTestId("read-history").textContent()) ?? "";
      expect(history).toContain("提交");
      expect(history).toContain("报上级推荐部门");
      expect(history).toContain("推荐部门审核中");

      // The stamped PDF in the browser's own viewer: a frame on the file route, answered inline.
      const pdfRow = page.locator("[data-slot=application-form-pdf]").first();
      await pdfRow.locator("[data-testid^=preview-]").click();
      const frame = pdfRow.getByTestId("pdf-preview");
      await frame.waitFor();
      const src = (await frame.getAttribute("src")) ?? "";
      expect(src).toMatch(/\/api\/applications\/.+\/files\/.+\?inline=1$/);
      const inline = await page.request.get(src);
      expect(inline.status()).toBe(200);
      expect(inline.headers()["content-type"]).toBe("application/pdf");
      expect(inline.headers()["content-disposition"]).toMatch(/^inline; /);

      // The Word 申报书 rendered in the page by docx-preview.
      const wordRow = page.locator("[data-slot=application-form-docx]").first();
      await wordRow.locator("[data-testid^=preview-]").click();
      const word = wordRow.getByTestId("docx-preview");
      await wordRow.locator("[data-testid=docx-preview][data-status=ready]").waitFor({ timeout: 20_000 });
      expect(await word.textContent()).toContain("演示材料");

      // The 推荐意见: written here, shown on the page, kept by the server.
      const opinion = "该单位光电子信息领域国际合作基础扎实，同意推荐。";
      await page.getByTestId("opinion-input").fill(opinion);
      await page.getByTestId("opinion-save").click();
      await page.locator(".ant-message-notice").filter({ hasText: "推荐意见已保存" }).first().waitFor();
      await page.getByTestId("read-opinions").getByText(opinion).first().waitFor();
      const id = page.url().split("/").at(-2);
      const stored = await page.request.get(`/api/applications/${id}/read`);
      expect((await stored.json()).opinions.map((o: { opinion: string }) => o.opinion)).toContain(opinion);

      await page.getByTestId("read-print").waitFor();
      await page.screenshot({ path: `${shots}/read-1440.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByTestId("read-document").waitFor();
      // The document itself fits the phone's width: no table, heading or file row runs off the right edge.
      const overflowing = await page.evaluate(
        () =>
          [...document.querySelectorAll("[data-testid=read-document] *")].filter(
            (element) => element.getBoundingClientRect().right > window.innerWidth + 1,
          ).length,
      );
      expect(overflowing).toBe(0);
      await page.screenshot({ path: `${shots}/read-390.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  it("a unit of another jurisdiction cannot open it", async () => {
    const recommender = await newPage(browser);
    let id = "";
    try {
      await login(recommender.page, "rec.wuhan", "Demo@2025");
      const list = await recommender.page.request.get("/api/applications?held=true&state=submitted");
      id = (await list.json()).items[0].id;
    } finally {
      await recommender.context.close();
    }
    const other = await newPage(browser);
    try {
      await login(other.page, "app.yichang", "Demo@2025");
      expect((await other.page.request.get(`/api/applications/${id}/read`)).status()).toBe(404);
      await other.page.goto(`/applications/${id}/read`);
      await other.page.locator(".ant-result, .ant-alert").first().waitFor();
      expect(await other.page.getByTestId("read-document").count()).toBe(0);
    } finally {
      await other.context.close();
    }
  });
});
