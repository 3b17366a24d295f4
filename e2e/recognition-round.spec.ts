import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../policy/calendar/dates";
import { publicNoticeEnd } from "../policy/calendar/working-days";
import { demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";

/**
 * The recognition round through the UI (SPEC §5.1, item 10). The decision half — on-site verification,
 * comprehensive evaluation, the Party group meeting, the 公示 with an objection, the recognition document and the
 * public registry — runs on the demo round's candidates. The first half (applicant submits, recommender
 * recommends, formal review, experts score) joins this spec once Recognition A's application pages exist.
 */
const accounts = await demoAccounts();
const officer = accounts.find((account) => account.username === "officer")!;
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

type Candidate = { id: string; unitName: string; standardName: string; state: string };

async function candidates(page: Page): Promise<Candidate[]> {
  const response = await page.request.get("/api/decisions/candidates");
  return ((await response.json()) as { items: Candidate[] }).items;
}

async function candidateOf(page: Page, unitName: string): Promise<Candidate> {
  const found = (await candidates(page)).find((c) => c.unitName === unitName);
  if (!found) throw new Error(`no candidate of ${unitName}`);
  return found;
}

async function toast(page: Page, text: string) {
  await page.locator(".ant-message-notice").filter({ hasText: text }).first().waitFor();
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(page: Page, testId: string, date: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

/** Picks options of an antd multiple Select by their visible text. */
async function pickMany(page: Page, testId: string, labels: string[]) {
  await page.getByTestId(testId).click();
  for (const label of labels) {
    const option = page.locator(".ant-select-item-option:visible").filter({ hasText: label }).first();
    await option.click();
    await page.locator(".ant-select-item-option-selected:visible").filter({ hasText: label }).first().waitFor();
  }
  await page.keyboard.press("Escape");
}

/** A past 公示 start whose 5 working days are over today (the officer records a notice already posted). */
function pastNoticeStart(today: string): string {
  for (let back = 9; back < 40; back += 1) {
    const start = addDays(today, -back);
    const end = publicNoticeEnd(start, 5);
    if (end.ok && end.value < today) return start;
  }
  throw new Error("no past notice window found");
}

describe("recognition round: decisions and the public registry", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("verifies on site, evaluates, approves, publishes, resolves an objection, recognizes — and the base is public", async () => {
    const { context, page } = await newPage(browser);
    try {
      const today = chinaToday();
      await login(page, officer.username, officer.password);
      await page.getByTestId("menu-decisions").click();
      await page.getByTestId("candidates-table").waitFor();
      await screenshot(page, "round-01-candidates");

      // 实地核查: the reviewed candidate is sent on site, then the visit is recorded.
      const reviewed = await candidateOf(page, "湖北隆中高端装备股份有限公司");
      await page.getByTestId(`candidate-start-on-site-verification-${reviewed.id}`).click();
      await toast(page, "已完成");
      await page.getByTestId(`candidate-complete-on-site-verification-${reviewed.id}`).click();
      await pickDate(page, "visit-date", today);
      await page.getByTestId("visit-team").fill("王建国（组长）\n刘敏");
      await page.getByTestId("visit-findings").fill("场地与设备与申报一致。");
      await page.getByTestId("visit-ok").click();
      await page.getByTestId(`candidate-state-${reviewed.id}`).filter({ hasText: "实地核查完成" }).waitFor();
      await screenshot(page, "round-02-verified");

      // 综合评议: the portfolio, then the opinion.
      await page.getByTestId("tab-portfolio").click();
      await page.getByTestId("portfolio-candidates").waitFor();
      await screenshot(page, "round-03-portfolio");
      await page.getByTestId("tab-candidates").click();
      await page.getByTestId(`candidate-evaluate-${reviewed.id}`).click();
      await page.getByTestId("evaluate-input").fill("填补高端装备领域德国合作布局，建议认定。");
      await page.getByTestId("evaluate-ok").click();
      await page.getByTestId(`candidate-state-${reviewed.id}`).filter({ hasText: "综合评议完成" }).waitFor();

      // 厅党组会: approves it with the candidate the demo left evaluated.
      const evaluated = await candidateOf(page, "十堰车谷智能网联汽车研究院有限公司");
      await page.getByTestId("tab-approval").click();
      await pickDate(page, "approval-date", today);
      await page.getByTestId("approval-minute").fill("厅党组会纪要〔2026〕18号");
      await pickMany(page, "approval-applications", [reviewed.standardName, evaluated.standardName]);
      await page.getByTestId("approval-submit").click();
      await toast(page, "已完成");
      await screenshot(page, "round-04-approved");

      // 公示: a notice posted earlier, now over (5 working days on the holiday calendar).
      await page.getByTestId("tab-notices").click();
      await pickDate(page, "notice-start", pastNoticeStart(today));
      await pickMany(page, "notice-applications", [reviewed.standardName, evaluated.standardName]);
      await page.getByTestId("notice-publish").click();
      await toast(page, "公示截止日期");
      // The demo's running notice has an objection under investigation: it is dismissed with its resolution.
      const dismiss = page.locator('[data-testid^="objection-dismissed-"]').first();
      await dismiss.click();
      await page.getByTestId("objection-step-input").fill("续签协议原件已核实，异议不成立。");
      await page.getByTestId("objection-step-ok").click();
      await page.getByText("异议不成立").first().waitFor();
      await screenshot(page, "round-05-notices");

      // 发文认定: the officer's prefix, the next free number, the list.
      await page.getByTestId("tab-recognition").click();
      await page.getByTestId("recognition-prefix").fill("鄂科技函");
      await page.getByTestId("recognition-preview").filter({ hasText: "鄂科技函〔" }).waitFor();
      await pickMany(page, "recognition-applications", [reviewed.standardName, evaluated.standardName]);
      await page.getByTestId("recognition-submit").click();
      await toast(page, "鄂科技函〔");
      await screenshot(page, "round-06-recognized");
      const documents = (await (await page.request.get("/api/decisions/recognitions")).json()) as Array<{
        id: string;
        documentNumber: string;
        applicationIds: string[];
      }>;
      const issued = documents.find((d) => d.applicationIds.includes(reviewed.id))!;
      expect(issued.documentNumber).toMatch(/^鄂科技函〔\d{4}〕\d+号$/);
      const pdf = await page.request.get(`/api/decisions/recognitions/${issued.id}/notice/pdf`);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      await context.close();
    }

    // The public registry, without signing in.
    const visitor = await newPage(browser);
    try {
      await visitor.page.goto("/registry");
      await visitor.page.getByTestId("registry-search").locator("input").fill("隆中");
      await visitor.page.getByTestId("registry-search").locator("input").press("Enter");
      const link = visitor.page.getByRole("link", { name: "湖北省高端装备国际科技合作基地（技术转移）" });
      await link.waitFor();
      await screenshot(visitor.page, "round-07-registry");
      await link.click();
      await visitor.page.getByTestId("registry-profile").getByText("湖北隆中高端装备股份有限公司").waitFor();
      await screenshot(visitor.page, "round-08-profile");
    } finally {
      await visitor.context.close();
    }
  });
});
