import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { evaluationRoundSchema } from "../contracts/annual-report";
import type { GradingView } from "../contracts/evaluation";
import { launchBrowser, login, newPage, screenshot } from "./browser";
import { type RunningServer, startServer } from "./server";
import { pick, pickDate, toast } from "./ui";

/**
 * The year after the reports (issue 11; Art. 20.1, 20.6, 22–25), in the browser, on a server of its own: the officer
 * starts the evaluation of the demo's round and records an on-site check that finds falsified materials; the same
 * data directory is restarted on the demo clock the day after the report deadline (the deadline job marks the
 * reports that never reached the department); the officer confirms the grades the rules propose, allocates funding by
 * grade, downloads the funding table and publishes the grades; a host unit graded 不合格 files its rectification plan
 * and report; the officer's re-check finds it still unqualified and the base goes to 拟取消资格. Screenshots under
 * test-results/screenshots/yearly-*.png.
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

async function grading(page: Page, roundId: string): Promise<GradingView> {
  return (await (await page.request.get(`/api/evaluation-rounds/${roundId}/grading`)).json()) as GradingView;
}

describe("grading, funding and rectification, end to end in the browser", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "guohe-e2e-yearly-"));
  let browser: Browser;
  let server: RunningServer | undefined;
  let round: EvaluationRound;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({}, { dataDir })]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the officer starts the evaluation and records an on-site check that finds fraud", {
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
      await page.getByTestId("round-start-evaluation").click();
      await page.getByTestId("round-start-evaluation-ok").click();
      await toast(page, "已进入考核评审");
      await screenshot(page, "yearly-01-grading-held");

      const hustLine = (await grading(page, round.id)).lines.find((line) => line.reportId === submitted[0]!.reportId);
      expect(hustLine?.reportState).toBe("under-evaluation");
      await card.getByTestId("grading-record-check").click();
      await pick(page, "check-report", "华中", hustLine!.baseName);
      // A check dated tomorrow is refused at the field by the server.
      await pickDate(page, "check-date", chinaDay(Date.now() + 86_400_000));
      await page
        .locator('textarea[data-testid="check-findings"]')
        .fill("核查发现年度报告所附合作协议系伪造，外方合作机构不知情。");
      await page.getByTestId("check-fraud").check();
      await page.getByTestId("check-submit").click();
      await page.locator(".ant-form-item-explain-error").first().waitFor();
      await pickDate(page, "check-date", chinaDay(Date.now()));
      await page.getByTestId("check-submit").click();
      await toast(page, "已登记实地核查");
      await card.getByTestId("grading-check").filter({ hasText: "伪造" }).waitFor();
      await screenshot(page, "yearly-02-onsite-check");
    } finally {
      await context.close();
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
      const hustLine = proposed.lines.find((line) => line.fraudFound)!;
      expect(hustLine.unitName).toBe(hust);
      expect(hustLine).toMatchObject({ grade: "unqualified", fraudFound: true });
      expect(hustLine.consequenceZh).toContain("第二十条第一项");
      const yichangLine = proposed.lines.find((line) => line.unitName === yichang)!;
      expect(yichangLine.grade).toBe("unqualified");
      expect(yichangLine.consequenceZh).toContain("整改");
      await screenshot(page, "yearly-03-grades-proposed");

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
      expect(rows.some((row) => row.includes(hustLine.baseName) && row.includes("不合格"))).toBe(true);

      await card.getByTestId("grading-publish").click();
      await page.getByTestId("grading-publish-ok").click();
      await toast(page, "已通知");
      expect((await grading(page, round.id)).availableActions).not.toContain("publish");
      await screenshot(page, "yearly-04-graded-funded");
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
      await unit.page.getByTestId("event-file-plan").click();
      await unit.page.getByTestId("confirm-ok").click();
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
      await unit.page.getByTestId("event-file-report").click();
      await unit.page.getByTestId("confirm-ok").click();
      await unit.page.getByTestId("rectification-state").filter({ hasText: "已提交整改报告" }).waitFor();
      await screenshot(unit.page, "yearly-05-rectification-filed");
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
      await screenshot(page, "yearly-06-rectification-failed");
    } finally {
      await context.close();
    }
  });
});
