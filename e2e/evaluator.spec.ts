import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { annualReportDetail, annualReportSummary } from "../contracts/annual-report";
import type { EvaluatorTaskView } from "../contracts/evaluator";
import { api } from "./api";
import { launchBrowser, login, newPage, screenshot } from "./browser";
import { type RunningServer, startServer } from "./server";
import { pick, toast } from "./ui";

/**
 * 委托第三方评估机构 (Art. 16.3, 22), in the browser, on a server of its own. The preparation goes through the API as
 * the demo's own accounts: the officer opens this year's round with a third-party evaluator; 宜昌's host unit fills
 * its report (last graded year's content), submits and approves it; 宜昌's recommender approves; the officer starts
 * the evaluation. Then, in the browser, the officer entrusts the round to the demo evaluator on the round page; the
 * evaluator finds the report under 评估任务, reads it, has an out-of-range score refused at the field and an empty
 * opinion refused by the server at the field, saves a draft and submits; the task shows 已提交.
 * Screenshots: test-results/screenshots/evaluator-*.
 */
type ReportSummary = z.infer<typeof annualReportSummary>;
type ReportDetail = z.infer<typeof annualReportDetail>;

const password = "Demo@2025";
const chinaDay = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);

describe("a round entrusted to a third-party evaluator, end to end in the browser", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "guohe-e2e-evaluator-"));
  let browser: Browser;
  let server: RunningServer | undefined;
  let roundId = "";
  let reportId = "";

  /** Runs `work` as a demo account signed in through the API, in a context of its own. */
  async function as<T>(username: string, work: (calls: ReturnType<typeof api>) => Promise<T>): Promise<T> {
    const { context, page } = await newPage(browser, { baseURL: server!.baseUrl });
    try {
      const response = await page.request.post("/api/auth/login", { data: { username, password } });
      expect(response.ok(), `${username} signs in`).toBe(true);
      return await work(api(page));
    } finally {
      await context.close();
    }
  }

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({}, { dataDir })]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a third-party round of this year reaches evaluation through the API", { timeout: 60_000 }, async () => {
    const year = Number(chinaDay(Date.now()).slice(0, 4));
    roundId = await as("officer", async (officer) => {
      const opened = await officer.post<{ id: string }>("/api/evaluation-rounds", {
        year,
        title: `${year}年度省级国际科技合作基地绩效考核（委托第三方评估）`,
        reportDeadline: chinaDay(Date.now() + 90 * 86_400_000),
        evaluator: "third-party",
      });
      return opened.id;
    });
    const version = await as("app.yichang", async (unit) => {
      const { items } = await unit.get<{ items: ReportSummary[] }>("/api/annual-reports");
      const graded = items.find((item) => item.state === "graded");
      const current = items.find((item) => item.roundId === roundId);
      expect(graded, "the demo graded 宜昌's report of an earlier year").toBeDefined();
      expect(current, "the new round has a report for 宜昌's base").toBeDefined();
      reportId = current!.id;
      const earlier = await unit.get<ReportDetail>(`/api/annual-reports/${graded!.id}`);
      const draft = await unit.get<ReportDetail>(`/api/annual-reports/${reportId}`);
      const saved = await unit.put<{ version: number }>(`/api/annual-reports/${reportId}`, {
        content: earlier.content,
        version: draft.version,
      });
      const submitted = await unit.post<ReportDetail>(`/api/annual-reports/${reportId}/events`, {
        event: "submit-report",
        expectedVersion: saved.version,
      });
      const approved = await unit.post<ReportDetail>(`/api/annual-reports/${reportId}/events`, {
        event: "unit-approve",
        expectedVersion: submitted.version,
      });
      return approved.version;
    });
    await as("rec.yichang", (recommender) =>
      recommender.post(`/api/annual-reports/${reportId}/events`, {
        event: "recommender-approve",
        expectedVersion: version,
      }),
    );
    const started = await as("officer", (officer) =>
      officer.post<{ started: number }>(`/api/evaluation-rounds/${roundId}/start-evaluation`),
    );
    expect(started.started).toBe(1);
  });

  it("the officer entrusts the round to the evaluator on the round page", { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(browser, { baseURL: server!.baseUrl });
    try {
      await login(page, "officer", password);
      await page.goto(`/evaluation/${roundId}`);
      const card = page.getByTestId("entrustment-card");
      await card.getByTestId("entrustment-none").waitFor();
      await pick(page, "entrustment-select", "", "（evaluator）");
      await card.getByTestId("entrustment-submit").click();
      await toast(page, "已委托");
      await card.getByTestId("entrustment-evaluator").waitFor();
      expect(await card.getByTestId("entrustment-current").textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      await screenshot(page, "evaluator-01-entrusted");
    } finally {
      await context.close();
    }
  });

  it("the evaluator reads the report, scores it and submits", { timeout: 90_000 }, async () => {
    const { context, page } = await newPage(browser, { baseURL: server!.baseUrl });
    try {
      await login(page, "evaluator", password);
      await page.getByTestId("menu-evaluator-tasks").click();
      await page.getByTestId(`task-link-${reportId}`).waitFor();
      expect(await page.getByTestId(`task-score-state-${reportId}`).textContent()).toBe("未开始");
      await screenshot(page, "evaluator-02-tasks");
      await page.getByTestId(`task-link-${reportId}`).click();
      await page.getByTestId("report-view").waitFor();
      expect(await page.getByTestId("report-view").textContent()).toContain("弗劳恩霍夫协会");

      const task = (await (await page.request.get(`/api/evaluator/tasks/${reportId}`)).json()) as EvaluatorTaskView;
      const leaves = (list: EvaluatorTaskView["rubric"]["indicators"]): EvaluatorTaskView["rubric"]["indicators"] =>
        list.flatMap((indicator) => (indicator.children?.length ? leaves(indicator.children) : [indicator]));
      const sheet = leaves(task.rubric.indicators);
      const input = (id: string) => page.locator(`input[data-testid="score-${id}"]`);
      const first = sheet[0]!;

      // A score above the indicator's maximum is refused at its field; nothing is saved.
      await input(first.id).fill(String(first.max + 1));
      await page.getByTestId("evaluator-save").click();
      await page.locator(".ant-form-item-explain-error").filter({ hasText: "分值应在" }).first().waitFor();
      await screenshot(page, "evaluator-03-out-of-range");

      // Every indicator at 80% of its range, no opinion yet: the server refuses the submission at the opinion.
      for (const leaf of sheet) await input(leaf.id).fill(String(Math.round(leaf.min + (leaf.max - leaf.min) * 0.8)));
      await page.getByTestId("evaluator-submit").click();
      await page.getByTestId("evaluator-submit-ok").click();
      const opinion = page.locator(".ant-form-item").filter({ has: page.getByTestId("evaluator-opinion") });
      await opinion.locator(".ant-form-item-explain-error").waitFor();
      await page.getByTestId("task-score-state").filter({ hasText: "草稿" }).waitFor();
      expect(await page.getByTestId("live-total").textContent()).toContain("80");
      await screenshot(page, "evaluator-04-opinion-required");

      await page.getByTestId("evaluator-opinion").fill("基地合作稳定，联合研发与人才交流成效明显，建议评为合格以上。");
      await page.getByTestId("evaluator-submit").click();
      await page.getByTestId("evaluator-submit-ok").click();
      await toast(page, "评分已提交");
      await page.getByTestId("task-score-state").filter({ hasText: "已提交" }).waitFor();
      // The server's total, on the rubric: every indicator at 80% of its range.
      expect(await page.getByTestId("saved-total").textContent()).toContain("80");
      expect(await page.getByTestId("evaluator-save").count()).toBe(0);
      expect(await page.getByTestId("evaluator-submit").count()).toBe(0);
      await screenshot(page, "evaluator-05-submitted");

      await page.getByTestId("menu-evaluator-tasks").click();
      await page.getByTestId(`task-score-state-${reportId}`).filter({ hasText: "已提交" }).waitFor();
    } finally {
      await context.close();
    }
  });
});
