import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../policy/calendar/dates";
import { publicNoticeEnd } from "../policy/calendar/working-days";
import { demoExpertAccounts } from "../server/demo/load-review-demo";
import { demoAccounts, launchBrowser, login, logout, newPage, screenshot } from "./browser";
import { confirmAction, pick, pickDate, pickMany, toast } from "./ui";

/**
 * The whole recognition round through the UI (issue 4, item 10; SPEC §5.1): the applicant fills and submits, the
 * recommender recommends, the officer passes formal review and sends the application to expert review, draws a
 * panel, the drawn experts declare and score, the leader writes the panel's opinion, the officer completes the
 * review, verifies on site, evaluates, records the approval, publishes the 公示, recognizes — and a visitor finds
 * the base in the public registry. One screenshot per step under test-results/screenshots/round-*.png.
 */
const accounts = await demoAccounts();
const account = (username: string) => {
  const found = accounts.find((candidate) => candidate.username === username);
  if (!found) throw new Error(`demo account ${username} missing`);
  return found;
};
const password = account("officer").password;
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const standardName = "湖北省新材料国际科技合作基地（特色）";
const unitName = "宜昌三峡新材料股份有限公司";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("....word/document.xml....")]);
const slots = [
  "application-form-docx",
  "application-form-pdf",
  "work-plan-docx",
  "work-plan-pdf",
  ...[
    "ipOwnership",
    "benefitSharing",
    "crossBorderData",
    "humanGeneticResources",
    "ethics",
    "disputeHandling",
    "securityRisk",
  ].map((key) => `system-${key}`),
];

/** A past 公示 start whose 5 working days are over today (the officer records a notice already posted). */
function pastNoticeStart(today: string): string {
  for (let back = 9; back < 40; back += 1) {
    const start = addDays(today, -back);
    const end = publicNoticeEnd(start, 5);
    if (end.ok && end.value < today) return start;
  }
  throw new Error("no past notice window found");
}

async function fillApplication(page: Page) {
  // Step 1: basics. The standard name comes back from the server once type and field are chosen.
  await pick(page, "editor-type", "", "特色类");
  await pick(page, "editor-field", "新材料", "新材料");
  await page.getByTestId("standard-name").filter({ hasText: standardName }).waitFor();
  await pick(page, "editor-key-countries", "德国", "德国");
  await pick(page, "editor-main-countries", "法国", "法国");
  await pick(page, "editor-radiating-countries", "意大利", "意大利");
  await page
    .getByTestId("editor-goals")
    .fill("围绕新材料领域与德法意机构共建联合实验室，三年内联合承担国际合作项目5项。");
  await page.getByTestId("editor-mechanism").fill("理事会领导下的主任负责制，设国际学术委员会。");
  await page.getByTestId("editor-legal-person").check();
  await page.getByTestId("editor-in-existence").check();

  // Step 2: three partners with valid agreements (Art. 7.2).
  await page.getByTestId("step-next").click();
  const partners = [
    ["德国弗劳恩霍夫硅酸盐研究所", "德国", "2023-05-01", "2028-04-30"],
    ["法国国家科学研究中心", "法国", "2022-09-01", "2029-08-31"],
    ["意大利米兰理工大学", "意大利", "2024-01-15", "2030-01-14"],
  ] as const;
  for (const [index, [name, country, start, end]] of partners.entries()) {
    await page.getByTestId("add-partner").click();
    await page.getByTestId(`partner-${index}-name`).fill(name);
    await pick(page, `partner-${index}-country`, country, country);
    await page.getByTestId(`partner-${index}-start`).fill(start);
    await page.getByTestId(`partner-${index}-end`).fill(end);
  }

  // Step 3: director (a person of the unit) and team.
  await page.getByTestId("step-next").click();
  await pick(page, "editor-director", "", "赵峡");
  await pick(page, "editor-director-title", "", "副高级");
  await page.getByTestId("editor-full-time").check();
  await pick(page, "editor-full-time-basis", "", "社保缴纳记录");
  await page.getByTestId("editor-research-lead").check();
  await page.getByText("具有同等研究能力").click();
  await page.getByTestId("add-member").click();
  await page.getByTestId("member-0-name").fill("赵峡");
  await page.getByTestId("add-member").click();
  await page.getByTestId("member-1-name").fill("周新");

  // Step 4: track record (Art. 10).
  await page.getByTestId("step-next").click();
  await page.getByTestId("add-project").click();
  await page.getByTestId("project-0-date").fill("2025-07-01");
  await page.getByLabel("合作成效").fill("联合研发的高性能陶瓷材料已在省内三家企业转化应用。");

  // Step 6 first (commitments), then the materials, so every finding settles before the upload step.
  await page.getByTestId("step-next").click();
  await page.getByTestId("step-next").click();
  await page.getByTestId("attest-truthful").check();
  await page.getByTestId("attest-secrets").check();
  await page.getByTestId("attest-partners").check();
  await page.getByTestId("save-status").filter({ hasText: "已保存" }).waitFor({ timeout: 20_000 });

  await page.getByRole("button", { name: "←" }).click();
  for (const [index, slot] of slots.entries()) {
    const chooser = page.waitForEvent("filechooser");
    await page.getByTestId(`upload-${slot}`).click();
    // Named as a unit names its scans: other specs read every page for codes, and a slot code is one.
    await (await chooser).setFiles({
      name: `附件${index + 1}.${slot.endsWith("docx") ? "docx" : "pdf"}`,
      mimeType: slot.endsWith("docx")
        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : "application/pdf",
      buffer: slot.endsWith("docx") ? docx : pdf,
    });
    await page.getByTestId(`upload-${slot}`).locator("xpath=ancestor::tr").getByText("已上传").waitFor();
  }
  await page.getByTestId("finding-7.4-management-systems").getByText("符合").waitFor();
}

/** Fills every indicator of the rubric at 85 % of its range. */
async function score(page: Page) {
  const inputs = page.locator('input[data-testid^="score-"], [data-testid^="score-"] input');
  await inputs.first().waitFor();
  for (const input of await inputs.all()) {
    const max = Number(await input.getAttribute("aria-valuemax"));
    await input.fill(String(Math.round((Number.isFinite(max) && max > 0 ? max : 10) * 0.85)));
  }
}

describe("the recognition round, end to end in the browser", () => {
  let browser: Browser;
  let applicationUrl = "";
  let applicationId = "";
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the applicant submits and the recommender recommends", { timeout: 180_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "app.yichang", password);
      await page.getByTestId("menu-calls").click();
      await page.locator('[data-testid^="call-apply-"]').first().click();
      await page.getByTestId("eligibility-panel").waitFor();
      await fillApplication(page);
      await screenshot(page, "round-01-editor-materials");
      await page.getByText("已满足提交条件。").waitFor({ timeout: 20_000 });
      await confirmAction(page, "event-submit", "提交后申报书送推荐部门审核");
      await page.getByTestId("application-state").filter({ hasText: "推荐部门审核中" }).waitFor();
      await screenshot(page, "round-02-submitted");
      applicationUrl = new URL(page.url()).pathname;
      applicationId = applicationUrl.split("/").at(-1)!;
      await logout(page);

      await login(page, "rec.yichang", password);
      await page.getByTestId("menu-workbench").click();
      await page.getByTestId("workbench-queue").getByText(standardName).first().waitFor();
      await page.goto(applicationUrl);
      await confirmAction(page, "event-recommend", "推荐后申报送省科技厅形式审查");
      await page.getByTestId("application-state").filter({ hasText: "已推荐，待形式审查" }).waitFor();
      await page.getByTestId("menu-workbench").click();
      await page.getByTestId("workbench-ranking").getByText(standardName).waitFor();
      await screenshot(page, "round-03-recommended");
      expect(await page.getByTestId("ranked-0").textContent()).toContain("1");
    } finally {
      await context.close();
    }
  });

  it("the officer passes formal review, sends it to experts and draws a panel", { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "officer", password);
      await page.getByTestId("menu-formal-review").click();
      await page.getByText(standardName).first().waitFor();
      await page.goto(applicationUrl);
      await page.getByTestId("event-pass-formal-review").click();
      // The checklist opens with no box ticked: each item is checked and ticked (once the dialog shows them).
      await page.locator(".ant-modal .ant-checkbox-input").first().waitFor({ state: "attached" });
      for (const box of await page.locator(".ant-modal .ant-checkbox-input").all()) await box.check();
      await page.getByTestId("checklist-ok").click();
      await page.getByTestId("event-send-to-review").waitFor();
      await screenshot(page, "round-04-formal-review-passed");
      await confirmAction(page, "event-send-to-review", "送专家评审后申报进入专家评审");
      await page.getByTestId("application-state").filter({ hasText: "专家评审" }).waitFor();

      await page.getByTestId("menu-reviews").click();
      await page.getByTestId("review-start").click();
      await pick(page, "review-start-target", "", standardName);
      await page.getByTestId("review-start-panel-size").fill("3");
      await page.getByTestId("review-start-backups").fill("1");
      await screenshot(page, "round-05-review-settings");
      await page.getByTestId("review-start-submit").click();
      await page.getByText("随机种子").first().waitFor();
      await page.locator(".ant-modal-wrap").waitFor({ state: "hidden" });
      await page.waitForTimeout(400); // the drawer's slide-in, for the screenshot only
      await screenshot(page, "round-06-panel-drawn");
    } finally {
      await context.close();
    }
  });

  it("the drawn experts declare and score; the leader writes the panel's opinion", { timeout: 240_000 }, async () => {
    const officer = await newPage(browser);
    let panel: Array<{ expertName: string; role: string }> = [];
    try {
      await login(officer.page, "officer", password);
      const rounds = (await (await officer.page.request.get("/api/reviews?pageSize=100")).json()) as {
        items: Array<{ id: string; targetId: string }>;
      };
      const round = rounds.items.find((item) => item.targetId === applicationId);
      expect(round).toBeDefined();
      const detail = await (await officer.page.request.get(`/api/reviews/${round!.id}`)).json();
      panel = detail.assignments as typeof panel;
    } finally {
      await officer.context.close();
    }
    expect(panel).toHaveLength(3);
    // The leader scores last, then writes the panel's opinion once every member has submitted.
    const ordered = [...panel].sort((a, b) => Number(a.role === "leader") - Number(b.role === "leader"));
    for (const [index, member] of ordered.entries()) {
      const username = demoExpertAccounts.find((expert) => expert.name === member.expertName)?.username;
      expect(username, `${member.expertName} has a demo account`).toBeDefined();
      const { context, page } = await newPage(browser);
      try {
        await login(page, username!, password);
        await page.getByTestId("menu-expert-portal").click();
        await page.locator('[data-testid^="assignment-"]').filter({ hasText: standardName }).first().click();
        await page.getByTestId("portal-accept").click();
        await page.getByTestId("portal-no-conflict").click();
        await page.getByTestId("portal-declare").click();
        await page.getByTestId("materials").getByText(unitName).first().waitFor();
        await score(page);
        await page.getByTestId("portal-opinion").fill("合作基础扎实，建设方案可行，建议认定。");
        await page.getByTestId("portal-recommend").click();
        if (index === 0) await screenshot(page, "round-07-expert-scoring");
        await page.getByTestId("portal-submit").click();
        await page.getByTestId("portal-submit-ok").click();
        await toast(page, "评审意见已提交");
        if (member.role === "leader") {
          await page
            .getByTestId("panel-opinion-input")
            .fill("专家组一致认为该基地合作基础扎实、方案可行，建议予以认定。");
          await screenshot(page, "round-08-panel-opinion");
          await page.getByTestId("panel-opinion-submit").click();
          await toast(page, "已保存");
        }
      } finally {
        await context.close();
      }
    }
  });

  it("the officer completes the review, verifies, approves, publishes and recognizes", {
    timeout: 180_000,
  }, async () => {
    const { context, page } = await newPage(browser);
    try {
      const today = chinaToday();
      await login(page, "officer", password);
      await page.getByTestId("menu-decisions").click();
      await page.getByTestId("candidates-table").waitFor();
      await page.getByTestId(`candidate-complete-review-${applicationId}`).click();
      await page.getByTestId(`candidate-state-${applicationId}`).filter({ hasText: "专家评审完成" }).waitFor();
      await screenshot(page, "round-09-reviewed");

      // 实地核查
      await page.getByTestId(`candidate-start-on-site-verification-${applicationId}`).click();
      await toast(page, "已完成");
      await page.getByTestId(`candidate-complete-on-site-verification-${applicationId}`).click();
      await pickDate(page, "visit-date", today);
      await page.getByTestId("visit-team").fill("刘敏（组长）\n张伟");
      await page.getByTestId("visit-findings").fill("场地、设备与外方合作协议原件与申报一致。");
      await page.getByTestId("visit-ok").click();
      await page.getByTestId(`candidate-state-${applicationId}`).filter({ hasText: "实地核查完成" }).waitFor();

      // 综合评议: the portfolio beside the candidate, then the opinion.
      await page.getByTestId("tab-portfolio").click();
      await page.getByTestId("portfolio-candidates").waitFor();
      await screenshot(page, "round-10-portfolio");
      await page.getByTestId("tab-candidates").click();
      await page.getByTestId(`candidate-evaluate-${applicationId}`).click();
      await page.getByTestId("evaluate-input").fill("补齐宜昌新材料领域欧洲合作布局，建议认定。");
      await page.getByTestId("evaluate-ok").click();
      await page.getByTestId(`candidate-state-${applicationId}`).filter({ hasText: "综合评议完成" }).waitFor();

      // 厅党组会
      await page.getByTestId("tab-approval").click();
      await pickDate(page, "approval-date", today);
      await page.getByTestId("approval-minute").fill("厅党组会纪要〔2026〕21号");
      await pickMany(page, "approval-applications", [standardName]);
      await page.getByTestId("approval-submit").click();
      await toast(page, "已完成");
      await screenshot(page, "round-11-approved");

      // 公示: a notice posted earlier, now over (5 working days on the holiday calendar).
      await page.getByTestId("tab-notices").click();
      await pickDate(page, "notice-start", pastNoticeStart(today));
      await pickMany(page, "notice-applications", [standardName]);
      await confirmAction(page, "notice-publish", "公示后名单和公示起止日期即在公共网站公开");
      await toast(page, "公示截止日期");
      await screenshot(page, "round-12-notice");

      // 发文认定: the officer's prefix, the next free number.
      await page.getByTestId("tab-recognition").click();
      await page.getByTestId("recognition-prefix").fill("鄂科技函");
      await page.getByTestId("recognition-preview").filter({ hasText: "鄂科技函〔" }).waitFor();
      await pickMany(page, "recognition-applications", [standardName]);
      await page.getByTestId("recognition-submit").click();
      await toast(page, "鄂科技函〔");
      await screenshot(page, "round-13-recognized");
      const documents = (await (await page.request.get("/api/decisions/recognitions")).json()) as Array<{
        id: string;
        documentNumber: string;
        applicationIds: string[];
      }>;
      const issued = documents.find((d) => d.applicationIds.includes(applicationId))!;
      expect(issued.documentNumber).toMatch(/^鄂科技函〔\d{4}〕\d+号$/);
      const notice = await page.request.get(`/api/decisions/recognitions/${issued.id}/notice/pdf`);
      expect(notice.status()).toBe(200);
      expect((await notice.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      await context.close();
    }
  });

  it("a visitor finds the new base in the public registry", async () => {
    const { context, page } = await newPage(browser);
    try {
      // Standard names are per field and type (Art. 29), so other units' bases may share ours: find it by its unit.
      const listed = (await (await page.request.get("/api/public/bases?q=三峡新材")).json()) as {
        items: Array<{ id: string; name: string; unit: string }>;
      };
      const ours = listed.items.find((base) => base.unit === unitName && base.name === standardName);
      expect(ours).toBeDefined();
      await page.goto("/registry");
      await page.getByTestId("registry-search").locator("input").fill("三峡新材");
      await page.getByTestId("registry-search").locator("input").press("Enter");
      const link = page.getByTestId(`registry-base-${ours!.id}`);
      await link.waitFor();
      await expect.poll(() => page.locator('[data-testid^="registry-base-"]').count()).toBe(listed.items.length);
      await screenshot(page, "round-14-registry");
      await link.click();
      await page.getByTestId("registry-profile").getByText(unitName).waitFor();
      await page.getByTestId("registry-profile").getByText("赵峡").waitFor();
      await screenshot(page, "round-15-profile");
    } finally {
      await context.close();
    }
  });
});
