import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, demoAccounts, launchBrowser, login, screenshot } from "./browser";

/**
 * 统计分析 (issue 13 item 2) in the browser: the officer's charts render (SVG), each switches to its table, the Excel
 * export downloads and opens with Chinese headers; at 1440×900 and 390×844. The 综合评议 portfolio's country × field
 * matrix and division chart with and without a candidate. Those without statistics.read have no menu entry and get
 * the forbidden page. Screenshots in /tmp/shots and test-results/screenshots.
 */
const accounts = await demoAccounts();
const account = (username: string) => {
  const found = accounts.find((candidate) => candidate.username === username);
  if (!found) throw new Error(`demo account ${username} missing`);
  return found;
};
const shots = "/tmp/shots";
mkdirSync(shots, { recursive: true });

async function pageAt(browser: Browser, width: number, height: number, language: "zh" | "en" = "zh") {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width, height }, locale: "zh-CN" });
  if (language === "en") await context.addInitScript(() => localStorage.setItem("guohe.language", "en"));
  return { context, page: await context.newPage() };
}

/** Downloads what clicking `testId` sends and opens it as a workbook. */
async function downloadWorkbook(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const path = join(mkdtempSync(join(tmpdir(), "statistics-")), download.suggestedFilename());
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return { workbook, name: download.suggestedFilename() };
}

describe("statistics in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    it(`the officer's charts, tables and exports at ${width}×${height}`, { timeout: 180_000 }, async () => {
      const { context, page } = await pageAt(browser, width, height);
      try {
        const officer = account("officer");
        await login(page, officer.username, officer.password);
        if (width >= 1200) await page.getByTestId("menu-statistics").click();
        else await page.goto("/statistics");
        await page.getByTestId("statistics-scope").waitFor();
        expect(await page.getByTestId("statistics-scope").textContent()).toContain("全省");

        // Every chart with data draws an SVG (ECharts' SVG renderer), loaded lazily.
        for (const key of [
          "bases-by-type",
          "bases-by-division",
          "bases-by-field",
          "bases-by-country",
          "bases-by-year",
        ]) {
          const chart = page.getByTestId(`chart-${key}-canvas`).locator("svg").first();
          await chart.waitFor({ state: "attached", timeout: 30_000 });
          // ECharts attaches its SVG first and draws into it on the next frame: wait for the drawing.
          await expect
            .poll(() => chart.locator("path, rect, text").count(), { message: key, timeout: 10_000 })
            .toBeGreaterThan(0);
        }
        expect(await page.getByTestId("chart-bases-by-type").textContent()).toContain("联合研究类");

        // The table view of a chart, and back.
        await page.getByTestId("chart-bases-by-division-view").getByText("表格").click();
        const table = page.getByTestId("chart-bases-by-division-table");
        await table.waitFor();
        expect(await table.textContent()).toContain("武汉市");
        expect(await table.textContent()).toContain("合计");
        expect(await page.getByTestId("chart-bases-by-division-canvas").count()).toBe(0);
        await page.getByTestId("chart-bases-by-division-view").getByText("图表").click();
        await page.getByTestId("chart-bases-by-division-canvas").locator("svg").first().waitFor({ state: "attached" });
        await page.waitForTimeout(1_500); // the bars' grow animation, before the screenshot

        // Every card of the page fits the screen (the shell's header is not this page's).
        const overflow = await page.evaluate(() =>
          Math.max(
            ...Array.from(
              document.querySelectorAll('[data-testid^="chart-"], [data-testid="statistics-export-all"]'),
            ).map((element) => element.getBoundingClientRect().right - window.innerWidth),
          ),
        );
        expect(overflow).toBeLessThanOrEqual(1);

        await page.screenshot({ path: join(shots, `statistics-${width}.png`), fullPage: true });
        await screenshot(page, `statistics-${width}`);

        // One chart's Excel, then the whole workbook.
        const one = await downloadWorkbook(page, "chart-bases-by-field-export");
        expect(one.name).toBe("基地领域分布.xlsx");
        const sheet = one.workbook.getWorksheet("基地领域分布")!;
        expect(sheet.getRow(3).values).toEqual([undefined, "领域", "联合研究类", "技术转移类", "特色类", "合计"]);
        const all = await downloadWorkbook(page, "statistics-export-all");
        expect(all.workbook.worksheets.map((entry) => entry.name)).toContain("各市州基地数量");
        expect(all.workbook.worksheets).toHaveLength(8);
      } finally {
        await context.close();
      }
    });
  }

  it("reads in English, country and type names too", { timeout: 120_000 }, async () => {
    const { context, page } = await pageAt(browser, 1440, 900, "en");
    try {
      const officer = account("officer");
      await login(page, officer.username, officer.password);
      await page.goto("/statistics");
      await page.getByTestId("statistics-scope").waitFor();
      expect(await page.getByTestId("statistics-scope").textContent()).toContain("The province");
      await page.getByTestId("chart-bases-by-type-view").getByText("Table").click();
      const types = await page.getByTestId("chart-bases-by-type-table").textContent();
      expect(types).toContain("Joint research");
      expect(types).not.toContain("联合研究");
      await page.getByTestId("chart-bases-by-country-view").getByText("Table").click();
      const countries = await page.getByTestId("chart-bases-by-country-table").textContent();
      expect(countries).toMatch(/[A-Z][a-z]+/);
      expect(countries).not.toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await context.close();
    }
  });

  it("is not offered to an expert or a host unit", { timeout: 120_000 }, async () => {
    for (const username of ["expert", "app.wuhan-ent"]) {
      const { context, page } = await pageAt(browser, 1440, 900);
      try {
        const user = account(username);
        await login(page, user.username, user.password);
        expect(await page.getByTestId("menu-statistics").count(), username).toBe(0);
        await page.goto("/statistics");
        await page.getByTestId("forbidden").waitFor();
      } finally {
        await context.close();
      }
    }
  });

  it("the 综合评议 portfolio as a country × field matrix and a division chart", { timeout: 180_000 }, async () => {
    const { context, page } = await pageAt(browser, 1440, 900);
    try {
      const officer = account("officer");
      await login(page, officer.username, officer.password);
      await page.goto("/decisions?tab=portfolio");
      await page.getByTestId("portfolio-matrix").waitFor();
      const portfolio = (await (await page.request.get("/api/decisions/portfolio")).json()) as {
        matrix: { countries: unknown[] };
        candidates: Array<{ applicationId: string; standardName: string; cells: unknown[] }>;
      };
      expect(portfolio.matrix.countries.length).toBeGreaterThan(0);
      await page.getByTestId("portfolio-matrix-chart").locator("svg").first().waitFor({ state: "attached" });
      await page.getByTestId("portfolio-divisions-chart").locator("svg").first().waitFor({ state: "attached" });
      // Two series (current bases, with the candidates) in the legend while candidates count.
      expect(await page.getByTestId("portfolio-divisions").textContent()).toContain("计入候选后");

      const candidate = portfolio.candidates.find((entry) => entry.cells.length > 0);
      if (candidate) {
        await page.getByTestId("portfolio-candidate-select").click();
        await page.locator(".ant-select-item-option").filter({ hasText: candidate.standardName }).first().click();
      }
      await page.getByTestId("portfolio-matrix-view").getByText("表格").click();
      const table = page.getByTestId("portfolio-matrix-table");
      await table.waitFor();
      if (candidate) expect(await table.textContent()).toMatch(/\d\+1/);
      await page.getByTestId("portfolio-matrix-view").getByText("图表").click();
      await page.getByTestId("portfolio-matrix-chart").locator("svg").first().waitFor({ state: "attached" });
      await page.getByTestId("portfolio-candidates").waitFor();
      await page.waitForTimeout(1_500);
      await page.screenshot({ path: join(shots, "portfolio-1440.png"), fullPage: true });
      await screenshot(page, "portfolio-1440");
    } finally {
      await context.close();
    }
  });
});
