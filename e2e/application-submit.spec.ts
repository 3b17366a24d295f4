import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, launchBrowser, login, logout, newPage, screenshot } from "./browser";

const accounts = await demoAccounts();
const account = (username: string) => {
  const found = accounts.find((candidate) => candidate.username === username);
  if (!found) throw new Error(`demo account ${username} missing`);
  return found;
};

/** Opens an antd Select by its test id, types to filter, and picks the option showing `option`. */
async function pick(page: Page, testId: string, search: string, option: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator(".ant-select-item-option:visible").filter({ hasText: option }).first().click();
  await page.keyboard.press("Escape");
}

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

describe("an application from the editor to the recommender", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the applicant fills and submits an application; the recommender recommends it", async () => {
    const { context, page } = await newPage(browser);
    try {
      const applicant = account("app.yichang");
      await login(page, applicant.username, applicant.password);
      await page.getByTestId("menu-calls").click();
      await page.locator('[data-testid^="call-apply-"]').first().click();
      await page.getByTestId("eligibility-panel").waitFor();

      // Step 1: basics. The standard name comes back from the server once type and field are chosen.
      await pick(page, "editor-type", "", "特色类");
      await pick(page, "editor-field", "新材料", "新材料");
      await page.getByTestId("standard-name").filter({ hasText: "湖北省新材料国际科技合作基地（特色）" }).waitFor();
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
      for (const slot of slots) {
        const chooser = page.waitForEvent("filechooser");
        await page.getByTestId(`upload-${slot}`).click();
        await (await chooser).setFiles({
          name: `${slot}.${slot.endsWith("docx") ? "docx" : "pdf"}`,
          mimeType: slot.endsWith("docx")
            ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : "application/pdf",
          buffer: slot.endsWith("docx") ? docx : pdf,
        });
        await page.getByTestId(`upload-${slot}`).locator("xpath=ancestor::tr").getByText("已上传").waitFor();
      }
      await page.getByTestId("finding-7.4-management-systems").getByText("符合").waitFor();
      await screenshot(page, "application-editor-materials");
      await page.getByText("已满足提交条件。").waitFor({ timeout: 20_000 });
      await screenshot(page, "application-editor-ready");

      await page.getByTestId("event-submit").click();
      await page.getByTestId("application-state").filter({ hasText: "推荐部门审核中" }).waitFor();
      await screenshot(page, "application-submitted");
      const url = page.url();
      await logout(page);

      const recommender = account("rec.yichang");
      await login(page, recommender.username, recommender.password);
      await page.getByTestId("menu-workbench").click();
      await page.getByTestId("workbench-queue").getByText("湖北省新材料国际科技合作基地（特色）").first().waitFor();
      await screenshot(page, "workbench-queue");
      await page.goto(url);
      await page.getByTestId("event-recommend").click();
      await page.getByTestId("application-state").filter({ hasText: "已推荐，待形式审查" }).waitFor();
      await page.getByTestId("menu-workbench").click();
      await page.getByTestId("workbench-ranking").getByText("湖北省新材料国际科技合作基地（特色）").waitFor();
      await screenshot(page, "workbench-recommended");
      expect(await page.getByTestId("ranked-0").textContent()).toContain("1");
    } finally {
      await context.close();
    }
  });
});
