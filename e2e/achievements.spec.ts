import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { AchievementCandidates } from "../contracts/achievements";
import type { annualReportSummary } from "../contracts/annual-report";
import { demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";
import { toast } from "./ui";

/**
 * 重大联合研发成果 (Art. 16.4) through the UI: the officer opens a report the department holds, publishes one of its
 * joint R&D projects (prefilled, the summary written), the public page shows it, the officer withdraws it from the
 * round page with a reason, and the public page no longer shows it. Screenshots under
 * test-results/screenshots/achievements-*.png.
 */
type AnnualReportSummary = z.infer<typeof annualReportSummary>;

const accounts = await demoAccounts();
const officer = accounts.find((candidate) => candidate.username === "officer");
if (!officer) throw new Error("demo account officer missing");
const heldStates = new Set(["submitted", "under-evaluation", "correction-window", "graded"]);
const summary = "双方联合攻关大尺寸构件激光增材制造工艺，形成国际专利 1 项，已在航空零部件生产中应用。";

/** A report the department holds whose projects still offer publish (any other spec may have moved the demo on). */
async function heldReport(page: Page): Promise<{ report: AnnualReportSummary; candidates: AchievementCandidates }> {
  const list = (await (await page.request.get("/api/annual-reports")).json()) as { items: AnnualReportSummary[] };
  for (const report of list.items.filter((item) => heldStates.has(item.state))) {
    const response = await page.request.get(`/api/annual-reports/${report.id}/achievement-candidates`);
    const candidates = (await response.json()) as AchievementCandidates;
    if (candidates.availableActions.includes("publish") && candidates.projects.some((p) => !p.publishedId)) {
      return { report, candidates };
    }
  }
  throw new Error("no report with the department that has a joint project to publish");
}

describe("published achievements, end to end in the browser", () => {
  let browser: Browser;
  let title = "";
  let roundId = "";
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the officer publishes a joint project of a report it holds", { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      const { report, candidates } = await heldReport(page);
      roundId = report.roundId;
      const project = candidates.projects.find((candidate) => !candidate.publishedId)!;
      title = project.title;
      await page.goto(`/annual-reports/${report.id}`);
      await page.getByTestId("achievement-candidates").waitFor();
      await page.getByTestId(`achievement-publish-${project.index}`).click();
      const titleInput = page.getByTestId("achievement-title");
      await titleInput.waitFor();
      expect(await titleInput.inputValue()).toBe(project.title);
      expect(await page.getByTestId("achievement-partner").inputValue()).toBe(project.partner);
      // The summary is the officer's to write: the server refuses it empty (400) and the form marks the field.
      await page.getByTestId("achievement-submit").click();
      await page.locator(".ant-form-item-explain-error").filter({ hasText: "请填写成果简介" }).waitFor();
      await page.getByTestId("achievement-summary").fill(summary);
      await screenshot(page, "achievements-01-publish-form");
      await page.getByTestId("achievement-submit").click();
      await toast(page, "已发布");
      await page
        .getByTestId(`achievement-project-${project.index}`)
        .filter({ hasText: "已发布" })
        .waitFor({ timeout: 20_000 });
      await screenshot(page, "achievements-02-published");
    } finally {
      await context.close();
    }
  });

  it("the public page shows it by year, with its base and partner", { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/registry");
      await page.getByTestId("public-nav-achievements").click();
      await page.waitForURL(/\/achievements$/);
      const item = page.getByTestId("public-achievements").locator(".ant-list-item").filter({ hasText: title });
      await item.filter({ hasText: summary }).waitFor();
      expect(await item.textContent()).toContain("德国");
      await screenshot(page, "achievements-03-public");
    } finally {
      await context.close();
    }
  });

  it("the officer withdraws it from the round page; the public page hides it", { timeout: 120_000 }, async () => {
    let { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      await page.goto(`/evaluation/${roundId}`);
      const row = page.getByTestId("achievements-table").locator("tr").filter({ hasText: title });
      await row.waitFor();
      await row.locator('[data-testid^="achievement-withdraw-"]').click();
      await page.getByTestId("reason-ok").click();
      await page.getByText("请填写理由").waitFor();
      await page.getByTestId("reason-input").fill("合作方尚未同意公开。");
      await page.getByTestId("reason-ok").click();
      await toast(page, "已撤回");
      await row.filter({ hasText: "已撤回" }).waitFor();
      await screenshot(page, "achievements-04-withdrawn");
    } finally {
      await context.close();
    }

    ({ context, page } = await newPage(browser));
    try {
      await page.goto("/achievements");
      await page.getByTestId("public-achievements").waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.getByTestId("public-achievements").textContent()).not.toContain(summary);
    } finally {
      await context.close();
    }
  });
});
