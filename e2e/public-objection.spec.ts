import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicNotice } from "../contracts/public-notices";
import { baseUrl, demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";

/**
 * The running 公示 in public and an objection lodged online (issue 4, item 4; Art. 14.3): a visitor opens /notices
 * without signing in, objects to a candidate by real name and contact, is told what the server refuses, keeps the
 * receipt — and the officer finds the objection in the Notices tab, tagged 网上提交. Screenshots under
 * test-results/screenshots/public-objection-*.png.
 */
const accounts = await demoAccounts();
const officerPassword = accounts.find((account) => account.username === "officer")?.password ?? "";
const chineseDate = (iso: string) => {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
};

describe("public 公示 and online objection", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a visitor lodges a person's objection and keeps the receipt; the officer sees it", {
    timeout: 120_000,
  }, async () => {
    // The demo publishes a 公示 starting on the day it loads (issue 4: the demo has a running notice).
    const listed = (await (await fetch(`${baseUrl()}/api/public/notices`)).json()) as { items: PublicNotice[] };
    const notice = listed.items.find(
      (item) => item.status === "running" && item.candidates.some((c) => c.acceptsObjections),
    );
    if (!notice) throw new Error("the demo has no running 公示 open to objections");
    const candidate = notice.candidates.find((c) => c.acceptsObjections)!;
    const realName = "赵晓明";
    let objectionId = "";

    const visitor = await newPage(browser);
    try {
      const { page } = visitor;
      await page.goto("/registry");
      await page.getByTestId("public-nav-notices").click();
      await page.waitForURL("**/notices");
      const card = page.getByTestId(`public-notice-${notice.id}`);
      await card.waitFor();
      const period = await page.getByTestId(`public-notice-period-${notice.id}`).textContent();
      expect(period).toContain(chineseDate(notice.startOn));
      expect(period).toContain(chineseDate(notice.endOn));
      expect(await card.textContent()).toContain(candidate.standardName);
      await screenshot(page, "public-objection-01-notices");

      await page.getByTestId(`objection-open-${candidate.applicationId}`).click();
      await page.getByTestId("objection-name").waitFor();
      await page.locator(".ant-modal").getByText("匿名异议不予受理").waitFor();
      // A unit's objection asks for its name and the sealed letter.
      await page.getByTestId("objection-kind").getByText("单位").click();
      await page.getByTestId("objection-unit").waitFor();
      await page.getByTestId("objection-seal").waitFor();
      await page.getByTestId("objection-kind").getByText("个人").click();
      await page.getByTestId("objection-unit").waitFor({ state: "detached" });

      await page.getByTestId("objection-name").fill(realName);
      await page.getByTestId("objection-contact").fill("12345");
      await page.getByTestId("objection-content").fill("认为该单位与外方合作机构的合作协议已到期，不再符合认定条件。");
      await page
        .getByTestId("objection-facts")
        .fill("合作协议第八条约定有效期至2025年12月31日，未见续签（可提供协议复印件）。");
      // The server judges the contact and names the field.
      await page.getByTestId("objection-submit").click();
      await page.locator(".ant-form-item-explain-error").filter({ hasText: "有效的手机号" }).waitFor();

      await page.getByTestId("objection-contact").fill("13900002222");
      const answered = page.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/public/notices/${notice.id}/objections`) && response.status() === 201,
      );
      await page.getByTestId("objection-submit").click();
      const receipt = (await (await answered).json()) as { id: string; reference: string; receivedOn: string };
      objectionId = receipt.id;
      await page.getByTestId("objection-receipt").waitFor();
      expect(await page.getByTestId("objection-reference").textContent()).toContain(receipt.reference);
      expect(await page.getByTestId("objection-receipt").textContent()).toContain(chineseDate(receipt.receivedOn));
      await page.locator(".ant-message-notice").waitFor({ state: "detached" }); // the earlier refusal's toast
      await screenshot(page, "public-objection-02-receipt");
    } finally {
      await visitor.context.close();
    }

    const officer = await newPage(browser);
    try {
      const { page } = officer;
      await login(page, "officer", officerPassword);
      await page.getByTestId("menu-decisions").click();
      await page.getByTestId("tab-notices").click();
      const tag = page.getByTestId(`objection-online-${objectionId}`);
      await tag.waitFor();
      expect(await tag.textContent()).toBe("网上提交");
      const row = page.locator("tr").filter({ has: tag });
      expect(await row.textContent()).toContain(`${realName}（13900002222）`);
      expect(await row.textContent()).toContain("已受理");
      await screenshot(page, "public-objection-03-officer");
    } finally {
      await officer.context.close();
    }
  });
});
