import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { evaluationRoundSchema } from "../contracts/annual-report";
import type { GradingView } from "../contracts/evaluation";
import { demoExpertAccounts } from "../server/demo/load-review-demo";
import { launchBrowser, login, newPage, screenshot } from "./browser";
import { type RunningServer, startServer } from "./server";
import { confirmAction, pick, pickDate, pickMany, toast } from "./ui";

/**
 * The year after the reports (issue 11; Art. 20.6, 22–25), in the browser, on a server of its own: the officer
 * starts the evaluation of the demo's round, sends 华科's report to an expert panel and records an on-site check; the
 * drawn experts score it and the leader writes the panel's opinion; the same data directory is restarted on the demo
 * clock the day after the report deadline (the deadline job marks the reports that never reached the department); the
 * officer confirms the grades the rules propose (华科 优秀 on its panel's score), allocates funding by grade, downloads
 * the funding table and the 优秀 list and publishes the grades; a host unit graded 不合格 files its rectification plan
 * and report; the officer's re-check finds it still unqualified and the base goes to 拟取消资格. Fraud found on site
 * (Art. 20.1) is covered by server/routes/annual-reports/grading.test.ts. Screenshots: test-results/screenshots/yearly-*.
 */
type EvaluationRound = z.infer<typeof evaluationRoundSchema>;

const password = "Demo@2025";
const hust = "华中科技大学";
const yichang = "宜昌三峡新材料股份有限公司";
const chinaDay = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);

async function roundOf(page: Page): Promise<EvaluationRound> {
  const { items } = (await (await page.request.get("/api/evaluation-rounds")).json()) as { items: EvaluationRound[] };
  const round = items.find((candidate) => candidate.status === "open");
  if (!round) throw new Error("the demo has no open evaluation round");
  return round;
}

/** Every score input at 90% of its maximum: a total of 90, above the 优秀 line of 85. */
async function score(page: Page) {
  const inputs = page.locator('input[data-testid^="score-"], [data-testid^="score-"] input');
  await inputs.first().waitFor();
  for (const input of await inputs.all()) {
    const max = Number(await input.getAttribute("aria-valuemax"));
    await input.fill(String(Math.round((Number.isFinite(max) && max > 0 ? max : 10) * 0.9)));
  }
}

async function grading(page: Page, roundId: string): Promise<GradingView> {
  return (await (await page.request.get(`/api/evaluation-rounds/${roundId}/grading`)).json()) as GradingView;
}

describe("grading, funding and rectification, end to end in the browser", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "guohe-e2e-yearly-"));
  let browser: Browser;
  let server: RunningServer | undefined;
  let round: EvaluationRound;
  let scored: { reportId: string; baseName: string } = { reportId: "", baseName: "" };

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({}, { dataDir })]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the officer starts the evaluation, sends a report to an expert panel and records an on-site check", {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await newPage(browser, { baseURL: server!.baseUrl });
    try {
      await login(page, "officer", password);
      round = await roundOf(page);
      await page.goto(`/evaluation/${round.id}`);
      const card = page.getByTestId("grading-card");
      // Reports still on their way hold the grading back, each named.
      await card.getByTestId("grading-blockers").waitFor();
      expect(await card.getByTestId("grading-confirm").count()).toBe(0);
      // The demo's report already with the department.
      const submitted = (await grading(page, round.id)).lines.filter((line) => line.reportState === "submitted");
      expect(submitted.map((line) => line.unitName)).toEqual([hust]);
      scored = { reportId: submitted[0]!.reportId, baseName: submitted[0]!.baseName };
      await page.getByTestId("round-start-evaluation").click();
      await page.getByTestId("round-start-evaluation-ok").click();
      await toast(page, "已进入考核评审");
      await screenshot(page, "yearly-01-grading-held");

      // The report goes to an expert panel like an application: kind 年度工作报告, a field of the expert pool.
      await page.getByTestId("menu-reviews").click();
      await page.getByTestId("review-start").click();
      await page.getByTestId("review-start-kind").getByText("年度工作报告").click();
      await pick(page, "review-start-target", "", scored.baseName);
      const fields = page.getByTestId("review-start-fields");
      for (const remove of await fields.locator(".ant-select-selection-item-remove").all()) await remove.click();
      await pickMany(page, "review-start-fields", ["人工智能"]);
      await page.getByTestId("review-start-panel-size").fill("3");
      await page.getByTestId("review-start-backups").fill("1");
      await page.getByTestId("review-start-submit").click();
      await page.getByText("随机种子").first().waitFor();
      await page.locator(".ant-modal-wrap").waitFor({ state: "hidden" });
      await screenshot(page, "yearly-02-report-panel-drawn");

      await page.goto(`/evaluation/${round.id}`);
      const line = (await grading(page, round.id)).lines.find((candidate) => candidate.reportId === scored.reportId);
      expect(line?.reportState).toBe("under-evaluation");
      await card.getByTestId("grading-record-check").click();
      await pick(page, "check-report", "华中", scored.baseName);
      // A check dated tomorrow is refused at the field by the server.
      await pickDate(page, "check-date", chinaDay(Date.now() + 86_400_000));
      await page
        .locator('textarea[data-testid="check-findings"]')
        .fill("核查合作协议原件、联合研发项目合同与报告一致，专职管理人员在岗。");
      await page.getByTestId("check-submit").click();
      await page.locator(".ant-form-item-explain-error").first().waitFor();
      // Today's date, submitted until the form takes it: on a loaded machine the picker can keep the refused date
      // (one clean-clone CI run waited 30 s for the toast after this step).
      const recorded = page.locator(".ant-message-notice").filter({ hasText: "已登记实地核查" }).first();
      for (let attempt = 1; !(await recorded.isVisible()); attempt += 1) {
        expect(attempt, "the on-site check was not recorded after three submissions").toBeLessThanOrEqual(3);
        await pickDate(page, "check-date", chinaDay(Date.now()));
        await page.getByTestId("check-submit").click();
        await recorded.waitFor({ timeout: 10_000 }).catch(() => undefined);
      }
      await card.getByTestId("grading-check").filter({ hasText: "合作协议原件" }).waitFor();
      await screenshot(page, "yearly-03-onsite-check");
    } finally {
      await context.close();
    }
  });

  it("the drawn experts score the report; the leader's opinion completes the review", {
    timeout: 240_000,
  }, async () => {
    const officer = await newPage(browser, { baseURL: server!.baseUrl });
    let panel: Array<{ expertName: string; role: string }> = [];
    try {
      await login(officer.page, "officer", password);
      const reviews = (await (await officer.page.request.get("/api/reviews?pageSize=100")).json()) as {
        items: Array<{ id: string; targetId: string }>;
      };
      const review = reviews.items.find((item) => item.targetId === scored.reportId);
      expect(review).toBeDefined();
      panel = (await (await officer.page.request.get(`/api/reviews/${review!.id}`)).json()).assignments;
    } finally {
      await officer.context.close();
    }
    expect(panel).toHaveLength(3);
    const ordered = [...panel].sort((a, b) => Number(a.role === "leader") - Number(b.role === "leader"));
    for (const [index, member] of ordered.entries()) {
      const username = demoExpertAccounts.find((expert) => expert.name === member.expertName)?.username;
      expect(username, `${member.expertName} has a demo account`).toBeDefined();
      const { context, page } = await newPage(browser, { baseURL: server!.baseUrl });
      try {
        await login(page, username!, password);
        await page.getByTestId("menu-expert-portal").click();
        await page.locator('[data-testid^="assignment-"]').filter({ hasText: scored.baseName }).first().click();
        await page.getByTestId("portal-accept").click();
        await page.getByTestId("portal-no-conflict").click();
        await page.getByTestId("portal-declare").click();
        await page.getByTestId("materials").getByText(hust).first().waitFor();
        await score(page);
        await page.getByTestId("portal-opinion").fill("国际合作成效显著，联合研发与人才交流均超额完成年度计划。");
        if (index === 0) await screenshot(page, "yearly-04-expert-scoring");
        await page.getByTestId("portal-submit").click();
        await page.getByTestId("portal-submit-ok").click();
        await toast(page, "评审意见已提交");
        if (member.role === "leader") {
          await page.getByTestId("panel-opinion-input").fill("专家组一致认为该基地年度工作成效显著，建议评为优秀。");
          await page.getByTestId("panel-opinion-submit").click();
          await toast(page, "已保存");
        }
      } finally {
        await context.close();
      }
    }
  });

  it("after the deadline, the officer confirms the grades, allocates funding, exports it and publishes", {
    timeout: 180_000,
  }, async () => {
    await server!.stop();
    server = undefined;
    const dayAfter = chinaDay(Date.parse(`${round.reportDeadline}T12:00:00+08:00`) + 86_400_000);
    server = await startServer({ DEMO_CLOCK: `${dayAfter}T09:00:00+08:00` }, { dataDir });
    const { context, page } = await newPage(browser, { baseURL: server.baseUrl });
    try {
      await login(page, "officer", password);
      await page.goto(`/evaluation/${round.id}`);
      const card = page.getByTestId("grading-card");
      // The deadline job ran at start: every report is settled, so nothing holds the grading back.
      await card.getByTestId("grading-confirm").waitFor();
      expect(await card.getByTestId("grading-blockers").count()).toBe(0);
      const proposed = await grading(page, round.id);
      expect(proposed.lines.length).toBeGreaterThanOrEqual(3);
      // The panel's score makes 华科's base the one 优秀 (at least one slot, and 90 ≥ 85).
      const hustLine = proposed.lines.find((line) => line.reportId === scored.reportId)!;
      expect(hustLine).toMatchObject({ grade: "excellent", score: 90, fraudFound: false });
      const yichangLine = proposed.lines.find((line) => line.unitName === yichang)!;
      expect(yichangLine.grade).toBe("unqualified");
      expect(yichangLine.consequenceZh).toContain("整改");
      await screenshot(page, "yearly-05-grades-proposed");

      await card.getByTestId("grading-confirm").click();
      await page.getByTestId("grading-confirm-ok").click();
      await toast(page, `已确认 ${proposed.lines.length} 个基地的考核结果`);
      await card.getByTestId("grading-funding").waitFor();

      await card.getByTestId("grading-funding").click();
      for (const [grade, yuan] of [
        ["excellent", "300000"],
        ["qualified", "100000"],
        ["unqualified", "0"],
      ] as const) {
        const input = page
          .locator(`[data-testid="funding-${grade}"] input, input[data-testid="funding-${grade}"]`)
          .first();
        await input.fill(yuan);
      }
      await page.getByTestId("funding-submit").click();
      await toast(page, "已为");
      const funded = await grading(page, round.id);
      expect(funded.funding).toEqual({ excellent: 300_000, qualified: 100_000, unqualified: 0 });
      expect(
        funded.lines.every(
          (line) =>
            line.fundingYuan === (line.grade === "unqualified" ? 0 : line.grade === "excellent" ? 300_000 : 100_000),
        ),
      ).toBe(true);

      // The funding table as the browser downloads it: a real workbook, one row per base graded.
      const download = page.waitForEvent("download");
      await card.getByTestId("grading-export-funding").click();
      const file = await (await download).path();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0]!;
      const rows: string[] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).join("|")));
      expect(rows[0]).toContain(`${round.year}年度`);
      expect(
        rows.some((row) => row.includes(hustLine.baseName) && row.includes("优秀") && row.includes("300000")),
      ).toBe(true);
      expect(rows.some((row) => row.includes(yichangLine.baseName) && row.includes("不合格"))).toBe(true);

      // The 优秀 list for priority recommendation (Art. 25) names 华科's base and no other.
      const listed = page.waitForEvent("download");
      await card.getByTestId("grading-export-excellent").click();
      const excellent = new ExcelJS.Workbook();
      await excellent.xlsx.readFile(await (await listed).path());
      const names: string[] = [];
      excellent.worksheets[0]!.eachRow((row) => names.push((row.values as unknown[]).join("|")));
      expect(names.filter((row) => row.includes("湖北省")).map((row) => row.includes(hustLine.baseName))).toEqual([
        true,
      ]);

      await card.getByTestId("grading-publish").click();
      await page.getByTestId("grading-publish-ok").click();
      await toast(page, "已通知");
      expect((await grading(page, round.id)).availableActions).not.toContain("publish");
      await screenshot(page, "yearly-06-graded-funded");
    } finally {
      await context.close();
    }
  });

  it("the host unit graded 不合格 files its plan and report; the re-check finds it still unqualified", {
    timeout: 180_000,
  }, async () => {
    const unit = await newPage(browser, { baseURL: server!.baseUrl });
    let caseId = "";
    try {
      await login(unit.page, "app.yichang", password);
      await unit.page.getByTestId("menu-rectifications").click();
      const link = unit.page.locator('[data-testid^="rectification-link-"]').first();
      await link.waitFor();
      caseId = ((await link.getAttribute("data-testid")) ?? "").replace("rectification-link-", "");
      await link.click();
      await unit.page.getByTestId("rectification-state").filter({ hasText: "待提交整改方案" }).waitFor();
      await unit.page
        .getByTestId("rectification-plan-input")
        .fill("一、补报年度工作报告；二、明确专职管理人员 2 名；三、建立报告报送提醒与复核制度。");
      await unit.page.getByTestId("rectification-plan-save").click();
      await toast(unit.page, "已保存");
      await confirmAction(unit.page, "event-file-plan", "提交后整改方案不能再修改");
      await unit.page.getByTestId("rectification-finalReport-input").waitFor();
      await unit.page
        .getByTestId("rectification-finalReport-input")
        .fill("已补报年度工作报告并经推荐单位审核；专职管理人员已到岗；报送制度已印发执行。");
      await unit.page.getByTestId("rectification-finalReport-save").click();
      await toast(unit.page, "已保存");
      // The report's evidence (Art. 24): a photo of the appointment letter, judged by content on the server.
      const evidence = unit.page.getByTestId("evidence-files");
      await evidence.locator('input[type="file"]').setInputFiles({
        name: "专职管理人员任命文件.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
      });
      await evidence.getByText("整改报告佐证材料").waitFor();
      await confirmAction(unit.page, "event-file-report", "由省科技厅复核并决定是否合格");
      await unit.page.getByTestId("rectification-state").filter({ hasText: "已提交整改报告" }).waitFor();
      await screenshot(unit.page, "yearly-07-rectification-filed");
    } finally {
      await unit.context.close();
    }

    const { context, page } = await newPage(browser, { baseURL: server!.baseUrl });
    try {
      await login(page, "officer", password);
      await page.goto(`/rectifications/${caseId}`);
      await page.getByTestId("event-fail").click();
      // The failure needs its reason (Art. 20.6).
      await page.getByTestId("reason-input").fill("整改报告未附专职人员任命文件，报送制度未见执行记录，仍不合格。");
      await page.getByTestId("reason-ok").click();
      await page.getByTestId("rectification-decision").waitFor();
      await page.getByTestId("reason-input").waitFor({ state: "hidden" });
      await page.getByTestId("evidence-download").filter({ hasText: "专职管理人员任命文件.jpg" }).waitFor();
      expect(await page.getByTestId("rectification-due").textContent()).not.toContain("整改期限");
      await page.getByTestId("rectification-state").first().filter({ hasText: "整改后仍不合格" }).waitFor();
      await page.getByText("拟取消资格").first().waitFor();
      await screenshot(page, "yearly-08-rectification-failed");
    } finally {
      await context.close();
    }
  });
});
