import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { annualReportSummary, evaluationRoundSchema } from "../contracts/annual-report";
import { demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";
import { confirmAction, pick, pickDate, toast } from "./ui";

/**
 * The year's annual report through the UI (issue 11; SPEC §5.2, Art. 18, 22): the officer opens the year's evaluation
 * (or finds it open — the demo opens last year's), the host unit app.yichang completes its report and submits it, its
 * administrator (the same account) approves it, rec.yichang returns it once with a reason and approves it after the
 * unit's resubmission, and the officer sees it as 已报省科技厅. One screenshot per step under
 * test-results/screenshots/annual-*.png.
 */
type EvaluationRound = z.infer<typeof evaluationRoundSchema>;
type AnnualReportSummary = z.infer<typeof annualReportSummary>;

const accounts = await demoAccounts();
const account = (username: string) => {
  const found = accounts.find((candidate) => candidate.username === username);
  if (!found) throw new Error(`demo account ${username} missing`);
  return found;
};
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The last complete calendar year: the one a round opened today reports on. */
const year = Number(chinaToday().slice(0, 4)) - 1;

/** A text input, textarea or number input by test id (antd puts the id on the element or on its wrapper). */
const field = (page: Page, testId: string) =>
  page
    .locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`)
    .first();

async function rounds(page: Page): Promise<EvaluationRound[]> {
  return ((await (await page.request.get("/api/evaluation-rounds")).json()) as { items: EvaluationRound[] }).items;
}

/** Opens the report of `year` from the caller's 年度工作报告 list. */
async function openOwnReport(page: Page): Promise<string> {
  const own = (await (await page.request.get(`/api/annual-reports?year=${year}`)).json()) as {
    items: AnnualReportSummary[];
  };
  const unitName = "宜昌三峡新材料股份有限公司";
  const report = own.items.find((item) => item.unitName === unitName);
  if (!report) throw new Error(`no ${year} report of ${unitName}`);
  await page.getByTestId("menu-annual-reports").click();
  await page.getByTestId(`report-link-${report.id}`).click();
  await page.getByTestId("report-state").waitFor();
  return report.id;
}

const state = (page: Page, text: string) => page.getByTestId("report-state").filter({ hasText: text }).waitFor();

async function fillReport(page: Page) {
  await page.getByTestId("report-editor").waitFor();
  await field(page, "report-summary").fill(
    "基地围绕先进材料开展国际联合研发，与奥地利、德国合作机构保持稳定合作，本年度新增联合研发项目 1 项。",
  );
  // A row missing its country and dates is not saved: the server names each field, the editor marks it.
  const agreements = await page.locator('input[data-testid^="agreements-"][data-testid$="-partner"]').count();
  await page.getByTestId("add-agreements").click();
  await field(page, `agreements-${agreements}-partner`).fill("格拉茨技术大学");
  await page.getByTestId("save-status").filter({ hasText: "未填写完整" }).waitFor({ timeout: 20_000 });
  await page.getByTestId(`remove-agreements-${agreements}`).click();

  const projects = await page.locator('input[data-testid^="projects-"][data-testid$="-title"]').count();
  await page.getByTestId("add-projects").click();
  await field(page, `projects-${projects}-title`).fill("高温结构陶瓷联合研发");
  await field(page, `projects-${projects}-partner`).fill("弗劳恩霍夫陶瓷技术与系统研究所");
  await pick(page, `projects-${projects}-country`, "德国", "德国");
  await field(page, `projects-${projects}-fundingWan`).fill("80");

  const exchanges = await page.locator('input[data-testid^="exchanges-"][data-testid$="-title"]').count();
  await page.getByTestId("add-exchanges").click();
  await field(page, `exchanges-${exchanges}-title`).fill("维也纳技术大学代表团来访");
  await pickDate(page, `exchanges-${exchanges}-on`, `${year}-09-18`);
  await pick(page, `exchanges-${exchanges}-country`, "奥地利", "奥地利");
  await field(page, `exchanges-${exchanges}-people`).fill("6");

  await field(page, "results-jointPapers").fill("4");
  await field(page, "results-internationalPatents").fill("1");
  await field(page, "management-fullTimeStaff").fill("2");
  await field(page, "management-tripsAbroad").fill("3");
  await page.getByTestId("management-rules").click();
  await page.keyboard.type("基地管理办法");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await field(page, "management-ipManagement").fill("合作成果的知识产权按协议约定归属，由科技部专人管理。");
  await field(page, "management-securityPlan").fill("已制定科技安全与数据出境预案。");
  await field(page, "management-biosafetyEthics").fill("不涉及生物安全事项；出访人员均经审批。");
  await field(page, "support-recommenderWan").fill("20");
  await field(page, "support-hostUnitWan").fill("100");
  await field(page, "support-conditions").fill("提供实验用房 800 平方米及配套设备。");
  await field(page, "report-changes").fill("无");
  await field(page, "report-experience").fill("以项目带动人才交流，合作协议到期前三个月启动续签。");
  await field(page, "report-nextYearPlan").fill("新增 1 项国际联合研发项目，举办 1 期国际技术培训班。");
  await page.getByTestId("save-status").filter({ hasText: "已保存" }).waitFor({ timeout: 20_000 });
  // The server's completeness check follows the saved content.
  await page.getByTestId("report-complete").waitFor({ timeout: 20_000 });
}

describe("the annual report, end to end in the browser", () => {
  let browser: Browser;
  let reportId = "";
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the officer opens the year's evaluation, or finds it open", { timeout: 120_000 }, async () => {
    const officer = account("officer");
    const { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      await page.getByTestId("menu-evaluation").click();
      const existing = (await rounds(page)).find((round) => round.year === year);
      await page.getByTestId("round-create").click();
      await field(page, "round-year").fill(String(year));
      expect(await field(page, "round-title").inputValue()).toBe(`${year}年度省级国际科技合作基地绩效考核`);
      if (existing) {
        // One round per year: the server refuses a second one and the form says so at the year.
        await pickDate(page, "round-deadline", existing.reportDeadline);
        await page.getByTestId("round-submit").click();
        await page.locator(".ant-form-item-explain-error").filter({ hasText: "已经发起" }).waitFor();
        await screenshot(page, "annual-01-officer-round-exists");
        await page.getByRole("button", { name: /取\s*消/ }).click();
        await page.getByTestId(`round-link-${year}`).click();
      } else {
        // A deadline inside the year evaluated is refused by the server, named at the field.
        await pickDate(page, "round-deadline", `${year}-12-31`);
        await page.getByTestId("round-submit").click();
        await page.locator(".ant-form-item-explain-error").filter({ hasText: "结束之后" }).waitFor();
        await screenshot(page, "annual-01-officer-open-refused");
        const deadline = `${year + 1}-03-31` > chinaToday() ? `${year + 1}-03-31` : `${year + 2}-01-31`;
        await pickDate(page, "round-deadline", deadline);
        await page.getByTestId("round-submit").click();
        await toast(page, `已发起 ${year} 年度考核`);
      }
      await page.waitForURL(/\/evaluation\/[^/]+$/);
      await page.locator('[data-testid^="report-link-"]').first().waitFor();
      await screenshot(page, "annual-02-officer-round");
    } finally {
      await context.close();
    }
  });

  it("the host unit completes its report and submits it; its administrator approves", {
    timeout: 180_000,
  }, async () => {
    const unit = account("app.yichang");
    const { context, page } = await newPage(browser);
    try {
      await login(page, unit.username, unit.password);
      reportId = await openOwnReport(page);
      await state(page, "待提交年度工作报告");
      expect(await page.getByTestId("report-deadline").textContent()).toMatch(/报告截止：\d{4}年\d{1,2}月\d{1,2}日（/);
      await fillReport(page);
      // Evidence (Art. 18, 22): a stamped agreement as PDF, judged by content on the server, listed with its link.
      const evidence = page.getByTestId("evidence-files");
      await evidence.locator('input[type="file"]').setInputFiles({
        name: "合作协议（盖章）.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      });
      await evidence.getByTestId("evidence-download").filter({ hasText: "合作协议（盖章）.pdf" }).waitFor();
      await screenshot(page, "annual-03-unit-editor");
      // Submitting asks first, saying what follows; cancelling keeps the report where it was.
      await page.getByTestId("event-submit-report").click();
      const asked = page.locator(".ant-modal-confirm").filter({ hasText: "提交后报告送本单位审核" });
      await asked.waitFor();
      await screenshot(page, "annual-03b-submit-confirm");
      await asked.getByTestId("confirm-cancel").click();
      await asked.waitFor({ state: "hidden" });
      await state(page, "待提交年度工作报告");
      await confirmAction(page, "event-submit-report", "提交后报告送本单位审核");
      await state(page, "依托单位审核中");
      await page.getByTestId("report-view").waitFor();
      // Filed with the report: still listed, no longer open to uploads.
      await evidence.getByTestId("evidence-download").filter({ hasText: "合作协议（盖章）.pdf" }).waitFor();
      await evidence.getByTestId("evidence-upload").waitFor({ state: "detached" });
      // app.yichang is its unit's administrator: the unit's own review is its to do (Art. 22).
      await confirmAction(page, "event-unit-approve", "送推荐部门审核");
      await state(page, "推荐部门审核中");
      await screenshot(page, "annual-04-unit-approved");
    } finally {
      await context.close();
    }
  });

  it("the recommender returns it with a reason; the unit resubmits; the recommender approves", {
    timeout: 180_000,
  }, async () => {
    const recommender = account("rec.yichang");
    const unit = account("app.yichang");
    const reason = "请补充国际技术培训情况。";
    let { context, page } = await newPage(browser);
    try {
      await login(page, recommender.username, recommender.password);
      await page.getByTestId("menu-annual-reports").click();
      await page.getByTestId(`report-link-${reportId}`).click();
      await state(page, "推荐部门审核中");
      await page.getByTestId("view-summary").waitFor();
      await page.getByTestId("evidence-download").filter({ hasText: "合作协议（盖章）.pdf" }).waitFor();
      await screenshot(page, "annual-05-recommender-view");
      await page.getByTestId("event-return-report").click();
      await page.locator(".ant-modal").filter({ hasText: "退回后报告回到依托单位修改" }).waitFor();
      await page.getByTestId("reason-ok").click();
      await page.getByText("请填写理由").waitFor();
      await page.getByTestId("reason-input").fill(reason);
      await page.getByTestId("reason-ok").click();
      await state(page, "待提交年度工作报告");
    } finally {
      await context.close();
    }

    ({ context, page } = await newPage(browser));
    try {
      await login(page, unit.username, unit.password);
      await page.goto(`/annual-reports/${reportId}`);
      await page.getByTestId("returned-reason").filter({ hasText: reason }).waitFor();
      await page.getByTestId("add-trainings").click();
      await field(page, "trainings-0-title").fill("先进陶瓷材料国际技术培训班");
      await pickDate(page, "trainings-0-on", `${year}-10-20`);
      await field(page, "trainings-0-trainees").fill("32");
      await page.getByTestId("save-status").filter({ hasText: "已保存" }).waitFor({ timeout: 20_000 });
      await confirmAction(page, "event-submit-report", "提交后报告送本单位审核");
      await state(page, "依托单位审核中");
      await confirmAction(page, "event-unit-approve", "送推荐部门审核");
      await state(page, "推荐部门审核中");
    } finally {
      await context.close();
    }

    ({ context, page } = await newPage(browser));
    try {
      await login(page, recommender.username, recommender.password);
      await page.goto(`/annual-reports/${reportId}`);
      await confirmAction(page, "event-recommender-approve", "报送省科技厅参加年度考核");
      await state(page, "已报省科技厅");
      expect(await page.getByTestId("report-history").textContent()).toContain(reason);
      await screenshot(page, "annual-06-recommender-approved");
    } finally {
      await context.close();
    }
  });

  it("the officer sees the report as 已报省科技厅 in the year's round", { timeout: 120_000 }, async () => {
    const officer = account("officer");
    const { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      await page.getByTestId("menu-evaluation").click();
      await page.getByTestId(`round-link-${year}`).click();
      await pick(page, "report-state-filter", "", "已报省科技厅");
      await page.waitForURL(/state=submitted/);
      await page.getByRole("heading", { level: 3 }).click();
      await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").waitFor({ state: "detached" });
      const tag = page.getByTestId(`report-state-${reportId}`);
      await tag.waitFor();
      expect(await tag.textContent()).toBe("已报省科技厅");
      await screenshot(page, "annual-07-officer-submitted");
      await page.getByTestId(`report-link-${reportId}`).click();
      await state(page, "已报省科技厅");
      await page.getByTestId("report-view").waitFor();
      await screenshot(page, "annual-08-officer-report");
    } finally {
      await context.close();
    }
  });
});
