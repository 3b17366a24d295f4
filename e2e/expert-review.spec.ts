import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, screenshot } from "./browser";

/**
 * Expert review through the UI: the demo expert (王教授) finds the invitation the demo drew for them, accepts,
 * declares no conflict, opens the materials, scores the call's rubric, submits — and the review is then locked.
 * The officer sees the round and its draw record; an applicant has no review menu and gets 403 from the API.
 */
describe("expert review", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an expert logs in, declares, scores and submits", async () => {
    const { context, page } = await newPage(browser);
    try {
      const scoreInput = (id: string) =>
        page.locator(`input[data-testid="score-${id}"], [data-testid="score-${id}"] input`).first();
      await login(page, "expert", "Demo@2025");
      await page.getByTestId("menu-expert-portal").click();
      await page.getByText("湖北省量子与光子科技国际科技合作基地（联合研究）").first().waitFor();
      await page.getByTestId("portal-accept").click();
      await page.getByTestId("portal-declare").waitFor();
      await page.getByTestId("portal-no-conflict").click();
      await page.getByTestId("portal-declare").click();
      await page.getByTestId("materials").waitFor();
      expect(await page.getByTestId("materials").textContent()).toContain("宜昌三峡新材料股份有限公司");
      await scoreInput("foundation").fill("34");
      await scoreInput("team").fill("25");
      await scoreInput("plan").fill("26");
      await page.getByTestId("portal-opinion").fill("合作基础扎实，方案可行，建议认定。");
      await page.getByTestId("portal-recommend").click();
      await page.getByTestId("portal-submit").click();
      await page.getByTestId("portal-submit-ok").click();
      await page.locator(".ant-message-notice").filter({ hasText: "评审意见已提交" }).first().waitFor();
      await page.getByTestId("assignment-status").filter({ hasText: "已提交" }).first().waitFor();
      // The list and the open assignment refetch separately: the form locks once its own copy arrives.
      await expect.poll(() => page.getByTestId("portal-save").isDisabled()).toBe(true);
      await screenshot(page, "expert-review-submitted");
      const locked = await page.evaluate(async () => {
        const list = await (await fetch("/api/reviews/assignments")).json();
        const csrf = document.cookie.match(/csrf=([^;]+)/)?.[1] ?? "";
        const response = await fetch(`/api/reviews/assignments/${list.items[0].id}/scores`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) },
          body: JSON.stringify({ scores: { foundation: 1 } }),
        });
        return { status: response.status, total: list.items[0].total };
      });
      expect(locked).toEqual({ status: 409, total: 85 });
      // Read-only after submitting: country names (not ISO codes) and the eligibility findings card.
      expect(await page.getByTestId("materials").textContent()).toContain("俄罗斯");
      await page.getByTestId("material-findings").waitFor();
    } finally {
      await context.close();
    }
  });

  it("the officer sees the round with its draw record; an applicant has no review menu and is refused by the API", async () => {
    const officer = await newPage(browser);
    try {
      await login(officer.page, "officer", "Demo@2025");
      await officer.page.getByTestId("menu-reviews").click();
      await officer.page.getByText("湖北省量子与光子科技国际科技合作基地（联合研究）").first().waitFor();
      await officer.page.locator("[data-testid^=round-open-]").first().click();
      await officer.page.getByText("随机种子").first().waitFor();
      await screenshot(officer.page, "expert-review-officer-round");
    } finally {
      await officer.context.close();
    }
    const applicant = await newPage(browser);
    try {
      await login(applicant.page, "app.wuhan-ent", "Demo@2025");
      expect(await applicant.page.getByTestId("menu-reviews").count()).toBe(0);
      expect(await applicant.page.getByTestId("menu-expert-portal").count()).toBe(0);
      const status = await applicant.page.evaluate(async () => (await fetch("/api/reviews")).status);
      expect(status).toBe(403);
    } finally {
      await applicant.context.close();
    }
  });
});
