import { mkdirSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";
import { pick } from "./ui";

const accounts = await demoAccounts();
const officer = accounts.find((account) => account.username === "officer");

/** Lists that work (issue 13 item 3): filters in the URL, kept on reload, exported as exactly the filtered rows. */
describe("lists: filter, URL, reload, export, print", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the officer filters the applications list; the URL holds it, a reload keeps it, the export has exactly those rows", {
    timeout: 120_000,
  }, async () => {
    if (!officer) throw new Error("no officer demo account");
    const { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      await page.goto("/applications");
      await page.getByTestId("applications-table").waitFor();
      await expect(page.getByTestId("applications-search").locator("input").getAttribute("placeholder")).resolves.toBe(
        "依托单位名称或基地名称",
      );

      await pick(page, "applications-filter-state", "", "已推荐，待形式审查");
      await page.waitForURL(/state=recommended/);
      await pick(page, "applications-filter-division", "武汉", "武汉市");
      await page.waitForURL(/division=420100/);
      const rows = page.getByTestId("applications-table").locator("tbody tr.ant-table-row");
      await rows.first().waitFor();
      const tags = await page.getByTestId("application-state-tag").allTextContents();
      expect(tags.length).toBeGreaterThan(0);
      expect(new Set(tags)).toEqual(new Set(["已推荐，待形式审查"]));

      await page.reload();
      await page.getByTestId("applications-table").locator("tbody tr.ant-table-row").first().waitFor();
      expect(new URL(page.url()).searchParams.get("state")).toBe("recommended");
      expect(await page.getByTestId("applications-filter-state").textContent()).toContain("已推荐，待形式审查");
      const afterReload = await page.getByTestId("application-state-tag").allTextContents();
      expect(afterReload).toEqual(tags);
      const units = await page
        .getByTestId("applications-table")
        .locator("tbody tr.ant-table-row td:nth-child(2)")
        .allTextContents();

      mkdirSync("/tmp/shots", { recursive: true });
      await page.screenshot({ path: "/tmp/shots/lists-1440.png", fullPage: true });
      await screenshot(page, "lists-applications-filtered");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("applications-export").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = await download.path();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header.slice(0, 3)).toEqual(["申报名称", "依托单位", "所在市州"]);
      const body: string[][] = [];
      sheet.eachRow((row, number) => {
        if (number > 1) body.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? "")));
      });
      expect(body.map((row) => row[1])).toEqual(units);
      expect(body.every((row) => row[6] === "已推荐，待形式审查" && row[2] === "武汉市")).toBe(true);

      // A link such as a 工作台 card's opens the list filtered.
      await page.goto("/applications?state=in-expert-review");
      await page.getByTestId("application-state-tag").first().waitFor();
      expect(new Set(await page.getByTestId("application-state-tag").allTextContents())).toEqual(
        new Set(["专家评审中"]),
      );

      // The print view: the same filters, one plain table.
      await page.goto("/applications?state=recommended&division=420100&print=1");
      await page.getByTestId("print-view").waitFor();
      expect(await page.getByTestId("print-view").locator("tbody tr").count()).toBe(units.length);
    } finally {
      await context.close();
    }
  });
});
