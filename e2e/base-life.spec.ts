import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { annualReportSummary, evaluationRoundSchema } from "../contracts/annual-report";
import type { BaseSummary } from "../contracts/bases";
import type { RectificationDetail, RectificationSummary } from "../contracts/rectification";
import { addDays, yearOf } from "../policy/calendar/dates";
import { banEnd, changeReportDeadline } from "../policy/calendar/deadlines";
import { docxText, pdfText } from "../server/routes/applications/recognition.fixtures";
import { type Api, api } from "./api";
import { launchBrowser, login, logout, newPage, screenshot } from "./browser";
import { type RunningServer, startServer } from "./server";
import { confirmAction, pick, pickDate } from "./ui";

/**
 * The life of a base after recognition, part 2 (Art. 18.5, 20), in the browser on a server of its own:
 * 1. 宜昌's host unit reports a change of director from its base page (the due date shows as the change date is
 *    entered), its recommender approves, the department files it; the base page shows the new director and the
 *    filing on its timeline, and the change year's annual report (Word) lists the change.
 * 2. 华科's 光电子信息 base, graded 不合格 in the demo's graded year, files its rectification report and is still
 *    不合格 on re-check (through the API as the demo's accounts); the system's proposal on Art. 20.6 waits on the
 *    base page; the officer revokes it with the 厅党组会 record and a document number; the notice PDF reads; the base
 *    leaves the public registry; 华科's next application is refused on Art. 20 with the day the ban ends.
 * Screenshots: test-results/screenshots/base-life-*.
 */
type Round = z.infer<typeof evaluationRoundSchema>;
type ReportSummary = z.infer<typeof annualReportSummary>;

const password = "Demo@2025";
const hustOptics = "湖北省光电子信息国际科技合作基地（联合研究）";
const chinaDay = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);
/** A day as the UI or a document may write it: 2027-03-31 or 2027年3月31日. */
const dayPattern = (iso: string) => {
  const [year, month, day] = iso.split("-").map(Number);
  return new RegExp(`${iso}|${year}年${month}月${day}日`);
};

describe("major changes and revocation, end to end in the browser", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "guohe-e2e-base-life-"));
  let browser: Browser;
  let server: RunningServer | undefined;

  /** Runs `work` as a demo account signed in through the API, in a context of its own. */
  async function as<T>(username: string, work: (calls: Api) => Promise<T>): Promise<T> {
    const { context, page } = await newPage(browser, { baseURL: server!.baseUrl });
    try {
      const response = await page.request.post("/api/auth/login", { data: { username, password } });
      expect(response.ok(), `${username} signs in`).toBe(true);
      return await work(api(page));
    } finally {
      await context.close();
    }
  }

  async function signedIn(username: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newPage(browser, { baseURL: server!.baseUrl });
    await login(page, username, password);
    return { page, close: () => context.close() };
  }

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({}, { dataDir })]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a director change: reported, approved, filed, and shown on the base and in the year's report", {
    timeout: 240_000,
  }, async () => {
    const today = chinaDay(Date.now());
    const changedOn = addDays(today, -10);
    const unit = await signedIn("app.yichang");
    let changeUrl = "";
    let newDirector = "";
    let baseId = "";
    try {
      const { page } = unit;
      const { items } = await api(page).get<{ items: BaseSummary[] }>("/api/bases");
      baseId = items.find((base) => base.status === "active")!.id;
      await page.goto(`/bases/${baseId}`);
      const card = page.getByTestId("base-change-reports");
      await card.getByTestId("change-report-new").click();
      await pick(page, "change-report-kind", "", "负责人变更");
      await pickDate(page, "change-report-changed-on", changedOn);
      // The 3-month deadline shows as soon as the change date is entered (Art. 18.5).
      await page
        .getByTestId("change-report-due-hint")
        .filter({ hasText: dayPattern(changeReportDeadline(changedOn)) })
        .waitFor();
      await screenshot(page, "base-life-01-change-new");
      await page.getByTestId("change-report-create").click();
      await page.waitForURL(/\/change-reports\/[^/]+$/);
      changeUrl = new URL(page.url()).pathname;

      // The new director is not yet a registered person of the unit: typed by name (Art. 12.3 still compared).
      newDirector = "钱立新";
      await page.getByTestId("change-report-director-mode").getByText("填写姓名").click();
      await page.getByTestId("change-report-director-name").fill(newDirector);
      expect(newDirector.length).toBeGreaterThan(0);
      await page.getByTestId("change-report-description").fill("原负责人赵峡退休，经公司董事会研究，由新负责人接任。");
      await page.getByTestId("change-report-save").click();
      await confirmAction(page, "change-report-submit", "提交后报告送推荐部门审核");
      await page.getByTestId("change-report-state").filter({ hasText: "推荐部门审核中" }).waitFor();
      expect(await page.getByTestId("change-report-due").first().textContent()).toMatch(
        dayPattern(changeReportDeadline(changedOn)),
      );
      await screenshot(page, "base-life-02-change-submitted");
    } finally {
      await unit.close();
    }

    const recommender = await signedIn("rec.yichang");
    try {
      await recommender.page.goto(changeUrl);
      await confirmAction(recommender.page, "change-report-approve", "同意后报告报省科技厅备案");
      await recommender.page.getByTestId("change-report-state").filter({ hasText: "推荐部门已同意" }).waitFor();
    } finally {
      await recommender.close();
    }

    const officer = await signedIn("officer");
    try {
      const { page } = officer;
      await page.goto(changeUrl);
      await confirmAction(page, "change-report-file", "备案后变化内容写入基地登记信息");
      await page.getByTestId("change-report-state").filter({ hasText: "已备案" }).waitFor();
      await screenshot(page, "base-life-03-change-filed");

      await page.goto(`/bases/${baseId}`);
      await page.getByTestId("base-facts").filter({ hasText: newDirector }).waitFor();
      await page.getByTestId("timeline-change-filed").first().waitFor();
      await screenshot(page, "base-life-04-base-new-director");

      // The change year's annual report lists it (Art. 18.5, 16.4): the demo has last year's round; this year's is
      // opened here when the change falls in it.
      const calls = api(page);
      const year = yearOf(changedOn);
      const { items: rounds } = await calls.get<{ items: Round[] }>("/api/evaluation-rounds");
      if (!rounds.some((round) => round.year === year)) {
        await calls.post("/api/evaluation-rounds", {
          year,
          title: `${year}年度省级国际科技合作基地绩效考核`,
          reportDeadline: `${year + 1}-01-31`,
          evaluator: "experts",
        });
      }
      const { items: reports } = await calls.get<{ items: ReportSummary[] }>(`/api/annual-reports?year=${year}`);
      const report = reports.find((item) => item.baseId === baseId && item.year === year);
      expect(report, "the base reports on the change's year").toBeDefined();
      const word = await page.request.get(`/api/annual-reports/${report!.id}/document?format=docx`);
      expect(word.ok()).toBe(true);
      const text = await docxText(Buffer.from(await word.body()));
      expect(text).toContain("负责人变更");
      expect(text).toContain(newDirector);
    } finally {
      await officer.close();
    }
  });

  it("revoked on Art. 20.6 after rectification: notice, out of the registry, the unit's next application refused", {
    timeout: 240_000,
  }, async () => {
    const today = chinaDay(Date.now());
    const anonymous = await newPage(browser, { baseURL: server!.baseUrl });
    const registryRows = (page: Page) => page.locator(".ant-table-tbody");
    try {
      await anonymous.page.goto(`/registry?q=${encodeURIComponent("光电子信息")}`);
      await registryRows(anonymous.page).filter({ hasText: hustOptics }).waitFor();
    } finally {
      await anonymous.context.close();
    }

    // 华科 files its rectification report; the department's re-check finds it still 不合格 (Art. 24).
    const caseId = await as("app.hust", async (unit) => {
      const { items } = await unit.get<{ items: RectificationSummary[] }>("/api/rectifications");
      const open = items.find((item) => item.baseName === hustOptics && item.state === "plan-filed");
      expect(open, "the demo's 不合格 base has its plan filed").toBeDefined();
      let detail = await unit.get<RectificationDetail>(`/api/rectifications/${open!.id}`);
      await unit.put(`/api/rectifications/${open!.id}/report`, {
        finalReport: "已完成整改：补充合作协议两份，配备专职管理人员两名。",
        expectedVersion: detail.version,
      });
      detail = await unit.get<RectificationDetail>(`/api/rectifications/${open!.id}`);
      await unit.post(`/api/rectifications/${open!.id}/events`, {
        event: "file-report",
        expectedVersion: detail.version,
      });
      return open!.id;
    });
    await as("officer", async (officer) => {
      const detail = await officer.get<RectificationDetail>(`/api/rectifications/${caseId}`);
      await officer.post(`/api/rectifications/${caseId}/events`, {
        event: "fail",
        reason: "复核认为合作协议仍不足三份，整改后仍不合格。",
        expectedVersion: detail.version,
      });
    });

    const officer = await signedIn("officer");
    const documentNumber = 88;
    try {
      const { page } = officer;
      const { items } = await api(page).get<{ items: BaseSummary[] }>(
        `/api/bases?q=${encodeURIComponent("光电子信息")}`,
      );
      const base = items.find((item) => item.standardName === hustOptics)!;
      expect(base.status).toBe("revocation-proposed");
      await page.goto(`/bases/${base.id}`);
      await page.getByTestId("base-revocations").locator('[data-testid^="revocation-link-"]').first().click();
      await page.getByTestId("revocation-ground-label").filter({ hasText: "整改期满后仍不合格" }).waitFor();
      await page.getByTestId("revocation-meeting-date").fill(today);
      await page.getByTestId("revocation-minute-ref").fill("厅党组会纪要第12期");
      await page
        .locator('input[data-testid="revocation-doc-number"], [data-testid="revocation-doc-number"] input')
        .first()
        .fill(String(documentNumber));
      await screenshot(page, "base-life-05-revocation-decision");
      await page.getByTestId("revocation-revoke").click();
      await page.getByTestId("revocation-revoke-confirm").click();
      await page.getByTestId("revocation-state").filter({ hasText: "已取消资格" }).waitFor();
      const until = banEnd(today);
      expect(await page.getByTestId("revocation-ban-ends").textContent()).toMatch(dayPattern(until));
      await screenshot(page, "base-life-06-revoked");

      // The notice as the browser downloads it: 公文 number, the ground's article, the ban's end.
      const download = page.waitForEvent("download");
      await page.getByTestId("revocation-notice-download").click();
      const text = pdfText(readFileSync((await (await download).path())!)).replace(/\s+/g, "");
      expect(text).toContain(`〔${yearOf(today)}〕${documentNumber}号`);
      expect(text).toContain("第二十条");
      expect(text).toContain("光电子信息");
      expect(text).toMatch(dayPattern(until));
    } finally {
      await officer.close();
    }

    const after = await newPage(browser, { baseURL: server!.baseUrl });
    try {
      await after.page.goto(`/registry?q=${encodeURIComponent("光电子信息")}`);
      await after.page.locator(".ant-table-placeholder, .ant-empty").first().waitFor();
      expect(await registryRows(after.page).textContent()).not.toContain(hustOptics);
      await screenshot(after.page, "base-life-07-registry-without-base");
    } finally {
      await after.context.close();
    }

    // Art. 20: 华科 may not be recognized again for three years; its next application says until when.
    const unit = await signedIn("app.hust");
    try {
      const { page } = unit;
      await page.getByTestId("menu-calls").click();
      await page.locator('[data-testid^="call-apply-"]').first().click();
      // The rules run once the application says what it is: a joint-research base in a field.
      await pick(page, "editor-type", "", "联合研究");
      await pick(page, "editor-field", "人工智能", "人工智能");
      const panel = page.getByTestId("eligibility-panel");
      await panel.filter({ hasText: dayPattern(banEnd(today)) }).waitFor({ timeout: 30_000 });
      expect(await panel.textContent()).toMatch(/取消资格/);
      await screenshot(page, "base-life-08-application-banned");
      await logout(page);
    } finally {
      await unit.close();
    }
  });
});
