import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { annualReportSummary, evaluationRoundSchema } from "../contracts/annual-report";
import { launchBrowser, login, newPage, screenshot } from "./browser";
import { type RunningServer, startServer } from "./server";
import { confirmAction, pickDate, toast } from "./ui";

/**
 * 补正 (Art. 22; SPEC §5.2), in the browser, on a server of its own (starting the evaluation changes the demo's
 * round): the officer puts the department's reports under evaluation and asks 华中科技大学 to correct its report —
 * refused at the fields without a request, and with today as the due date — then with a due date a week on; the
 * host unit sees the request with the date as offices write it and the days left, edits the report and submits the
 * correction; the report is back under evaluation and its history shows both steps. Screenshots under
 * test-results/screenshots/correction-*.png.
 */
type EvaluationRound = z.infer<typeof evaluationRoundSchema>;
type AnnualReportSummary = z.infer<typeof annualReportSummary>;

const password = "Demo@2025";
const hust = "华中科技大学";
const chinaDay = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);
const officeDate = (iso: string) => {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
};

/** The latest open round (the demo may hold an earlier, graded year as well). */
async function openRound(page: Page): Promise<EvaluationRound> {
  const { items } = (await (await page.request.get("/api/evaluation-rounds")).json()) as { items: EvaluationRound[] };
  const round = items.filter((candidate) => candidate.status === "open").sort((a, b) => b.year - a.year)[0];
  if (!round) throw new Error("the demo has no open evaluation round");
  return round;
}

const state = (page: Page, text: string) => page.getByTestId("report-state").filter({ hasText: text }).waitFor();

describe("the correction window of an annual report, end to end in the browser", () => {
  let browser: Browser;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the officer asks for a correction; the unit edits its report and submits it", { timeout: 180_000 }, async () => {
    const officer = await newPage(browser, { baseURL: server!.baseUrl });
    const unit = await newPage(browser, { baseURL: server!.baseUrl });
    try {
      const page = officer.page;
      await login(page, "officer", password);
      const round = await openRound(page);
      await page.goto(`/evaluation/${round.id}`);
      await page.getByTestId("round-start-evaluation").click();
      await page.getByTestId("round-start-evaluation-ok").click();
      await toast(page, "已进入考核评审");
      const { items } = (await (await page.request.get(`/api/annual-reports?year=${round.year}`)).json()) as {
        items: AnnualReportSummary[];
      };
      // The demo's report already with the department (华科 has another base, whose report is still a draft).
      const report = items.find((item) => item.unitName === hust && item.state === "under-evaluation");
      expect(report).toBeDefined();
      const url = `/annual-reports/${report!.id}`;
      await page.goto(url);
      await state(page, "考核评审中");

      // Nothing written, then today as the due date: the server names the field each time.
      await page.getByTestId("event-open-correction").click();
      await page.getByTestId("correction-ok").click();
      await page.locator(".ant-form-item-explain-error").filter({ hasText: "请说明需要补正的内容" }).waitFor();
      const request = "请补充与维也纳技术大学联合研究协议的盖章扫描件。";
      await page.locator('textarea[data-testid="correction-request"]').fill(request);
      // Enter in the date field sends the form (its one text input), as the OK button does.
      const today = chinaDay(Date.now());
      await pickDate(page, "correction-due", today);
      await page.locator(".ant-form-item-explain-error").filter({ hasText: "补正截止日期须晚于今天" }).waitFor();
      const dueOn = chinaDay(Date.now() + 7 * 86_400_000);
      await pickDate(page, "correction-due", dueOn);
      await toast(page, "已要求补正");
      await state(page, "补正中");
      await page.getByTestId("correction-alert").filter({ hasText: request }).waitFor();
      await screenshot(page, "correction-01-requested");

      const unitPage = unit.page;
      await login(unitPage, "app.hust", password);
      await unitPage.goto(url);
      const alert = unitPage.getByTestId("correction-alert");
      await alert.filter({ hasText: `补正截止：${officeDate(dueOn)}（还剩 7 天）` }).waitFor();
      await alert.filter({ hasText: request }).waitFor();
      await unitPage.getByTestId("report-editor").waitFor();
      await unitPage
        .locator('textarea[data-testid="report-summary"], [data-testid="report-summary"] textarea')
        .first()
        .fill("基地围绕光电信息开展国际合作；已补充与维也纳技术大学联合研究协议的盖章扫描件。");
      await unitPage.getByTestId("save-status").filter({ hasText: "已保存" }).waitFor({ timeout: 20_000 });
      await screenshot(unitPage, "correction-02-unit-editing");
      await confirmAction(unitPage, "event-submit-correction", "按补正后的内容继续考核");
      await state(unitPage, "考核评审中");
      expect(await unitPage.getByTestId("correction-alert").count()).toBe(0);
      await screenshot(unitPage, "correction-03-submitted");

      await page.reload();
      await state(page, "考核评审中");
      const stored = (await (await page.request.get(`/api/annual-reports/${report!.id}`)).json()) as {
        content: { summary?: string };
        events: Array<{ event: string; reason: string | null }>;
      };
      expect(stored.content.summary).toContain("盖章扫描件");
      expect(stored.events.slice(-2).map((entry) => entry.event)).toEqual(["open-correction", "submit-correction"]);
      expect(stored.events.at(-2)?.reason).toBe(request);
    } finally {
      await officer.context.close();
      await unit.context.close();
    }
  });
});
