import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, screenshot } from "./browser";
import { type RunningServer, startServer } from "./server";
import { toast } from "./ui";

/** The demo officer's display name, as the 录入人 column shows it. */
const officerName = "李处长";

/** Waits for `locator`, then returns its text. */
async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.textContent()) ?? "";
}

/** The field error antd shows under a form item of the open dialog. */
function fieldErrors(dialog: Locator): Locator {
  return dialog.locator(".ant-form-item-explain-error");
}

/** Screenshots once the animations (a modal's zoom, the tab's ink bar) have finished; endless ones (spinners) aside. */
async function settledScreenshot(page: Page, name: string) {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== "running" || animation.effect?.getTiming().iterations === Infinity),
  );
  await screenshot(page, name);
}

/**
 * 基础数据 › 节假日安排 as the officer uses it, on a demo started on 2027-03-01: the demo has then recorded its marked
 * 2027 estimate (the calendar package stops at 2026), and 2028 is the next year the State Council may have published.
 */
describe("the officer keeps the public-holiday years (基础数据 › 节假日安排)", () => {
  let browser: Browser;
  let server: RunningServer;
  let files: string;
  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), "guohe-holidays-"));
    [browser, server] = await Promise.all([launchBrowser(), startServer({ DEMO_CLOCK: "2027-03-01T09:00:00+08:00" })]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it("sees the built-in years and the demo estimate, enters 2028, imports 2027 over the estimate, deletes 2028", async () => {
    const { context, page } = await newPage(browser, { baseURL: server.baseUrl });
    try {
      await login(page, "officer", "Demo@2025");
      await page.getByTestId("menu-reference").click();
      await page.getByRole("tab", { name: "节假日安排" }).click();

      // 1. The built-in years as one row; the demo's 2027 estimate tagged as such.
      const packaged = page.getByTestId("holiday-row-packaged");
      const packagedText = await textOf(packaged);
      expect(packagedText).toContain("2004–2026");
      expect(packagedText).toContain("内置数据（chinese-days");
      const demoYear = page.getByTestId("holiday-row-2027");
      await demoYear.getByTestId("holiday-demo-tag").filter({ hasText: "演示数据" }).waitFor();
      expect(await demoYear.textContent()).toContain("演示数据（估算）");
      expect(await page.getByTestId("holiday-demo-tag").count()).toBe(1);
      await settledScreenshot(page, "holiday-years-tab");

      // 2. 录入/修改 opens on the year after the last covered one.
      await page.getByTestId("holiday-enter").click();
      const dialog = page.getByRole("dialog").filter({ hasText: "录入节假日安排" });
      await dialog.waitFor();
      expect(await dialog.getByTestId("holiday-year").inputValue()).toBe("2028");
      await dialog.getByTestId("holiday-dates").fill("2028-01-01~2028-01-03，01-25~01-31、2028-04-04");
      await dialog.getByTestId("holiday-working-dates").fill("2028-02-05");
      // The preview reads the typed ranges as days (3 + 7 + 1), in the UI's date form; the working day with its weekday.
      const previews = dialog.getByTestId("holiday-preview");
      const holidayPreview = await textOf(previews.first().filter({ hasText: "共 11 天" }));
      expect(holidayPreview).toContain("2028年1月1日至3日（3 天）");
      expect(holidayPreview).toContain("2028年1月25日至31日（7 天）");
      expect(holidayPreview).toContain("2028年4月4日");
      expect(await previews.nth(1).textContent()).toContain("2028年2月5日（周六）");

      // 3. Saving without a 文号: the form says so in Chinese and nothing is saved.
      await dialog.getByTestId("holiday-save").click();
      await fieldErrors(dialog).filter({ hasText: "请填写文号" }).waitFor();
      await settledScreenshot(page, "holiday-years-modal-missing-number");
      // A 文号 without its year in brackets: the server refuses, and its message lands on the 文号 field.
      await dialog.getByTestId("holiday-number").fill("国办发明电9号");
      await dialog.getByTestId("holiday-save").click();
      await fieldErrors(dialog).filter({ hasText: "应写明发文年份" }).waitFor();
      expect(await page.getByTestId("holiday-row-2028").count()).toBe(0);

      await dialog.getByTestId("holiday-number").fill("国办发明电〔2027〕9号");
      await dialog.getByTestId("holiday-save").click();
      await dialog.waitFor({ state: "hidden" });
      const entered = page.getByTestId("holiday-row-2028");
      const enteredText = await textOf(entered);
      expect(enteredText).toContain("国务院办公厅通知（录入）");
      expect(enteredText).toContain("国办发明电〔2027〕9号");
      expect(enteredText).toContain("11 天");
      expect(enteredText).toContain("1 天");
      expect(enteredText).toContain(officerName);
      expect(enteredText).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      // Its dates, unfolded.
      await entered.locator(".ant-table-row-expand-icon").click();
      const dates = await textOf(page.getByTestId("holiday-dates-2028"));
      expect(dates).toContain("2028年1月1日至3日（3 天）");
      expect(dates).toContain("2028年1月25日至31日（7 天）");
      expect(dates).toContain("2028年2月5日（周六）");
      expect(dates).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      await settledScreenshot(page, "holiday-years-entered");

      // 4. Importing a CSV for 2027 over the demo estimate: a bad row is named by its number and nothing is saved.
      const bad = join(files, "2027-有误.csv");
      writeFileSync(bad, "日期,类型\r\n2027-01-01,放假\r\n2027-02-30,放假\r\n2027-02-20,加班\r\n");
      await page.getByTestId("holiday-import").click();
      const importDialog = page.getByRole("dialog").filter({ hasText: "导入节假日安排" });
      await importDialog.waitFor();
      await importDialog.getByTestId("holiday-import-upload").locator('input[type="file"]').setInputFiles(bad);
      await importDialog.getByText("2027-有误.csv").waitFor();
      await importDialog.getByTestId("holiday-import-number").fill("国办发明电〔2026〕5号");
      await importDialog.getByTestId("holiday-import-ok").click();
      const errors = importDialog.getByTestId("holiday-import-errors");
      const errorText = await textOf(errors.filter({ hasText: "未导入任何日期" }));
      expect(errorText).toContain("第 3 行「日期」：“2027-02-30”不是有效日期");
      expect(errorText).toContain("第 4 行「类型」：“加班”无法识别");
      await settledScreenshot(page, "holiday-years-import-errors");
      expect(await demoYear.getByTestId("holiday-demo-tag").count()).toBe(1);

      const good = join(files, "2027.csv");
      writeFileSync(
        good,
        [
          "日期,类型",
          "2027-01-01,放假",
          ...["05", "06", "07", "08", "09", "10", "11"].map((day) => `2027-02-${day},放假`),
          "2027-02-20,上班",
          "2027-04-05,放假",
          "",
        ].join("\r\n"),
      );
      await importDialog.getByTestId("holiday-import-upload").locator('input[type="file"]').setInputFiles(good);
      await importDialog.getByText("2027.csv", { exact: true }).waitFor();
      expect(await errors.count()).toBe(0);
      await importDialog.getByTestId("holiday-import-ok").click();
      await toast(page, "已导入 2027 年：10 行，放假 9 天，调休上班 1 天。");
      await importDialog.waitFor({ state: "hidden" });
      await demoYear.filter({ hasText: "国务院办公厅通知（文件导入）" }).waitFor();
      const importedText = (await demoYear.textContent()) ?? "";
      expect(importedText).toContain("国办发明电〔2026〕5号");
      expect(importedText).toContain("9 天");
      expect(importedText).toContain(officerName);
      expect(await page.getByTestId("holiday-demo-tag").count()).toBe(0);
      await settledScreenshot(page, "holiday-years-imported");

      // 5. Deleting 2028 asks for the reason, recorded in the audit log.
      await entered.getByTestId("holiday-delete-2028").click();
      const confirm = page.getByRole("dialog").filter({ hasText: "删除 2028 年的节假日安排？" });
      await confirm.waitFor();
      await confirm.getByTestId("reason-ok").click();
      await fieldErrors(confirm).filter({ hasText: "请填写理由" }).waitFor();
      await confirm.getByTestId("reason-input").fill("录入有误，待国务院办公厅通知核对后重新录入");
      await settledScreenshot(page, "holiday-years-delete");
      await confirm.getByTestId("reason-ok").click();
      await toast(page, "已删除 2028 年的节假日安排。");
      await entered.waitFor({ state: "detached" });
      expect(await page.getByTestId("holiday-row-2027").count()).toBe(1);
      expect(await packaged.count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
