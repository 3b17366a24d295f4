import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";

const accounts = await demoAccounts();
const applicant = accounts.find((account) => account.username === "app.wuhan-ent");

describe("checking a printed document's verification code", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("anyone opens /verify/<code> of a generated 申报书 and sees it verified; an unknown code is not found", async () => {
    if (!applicant) throw new Error("demo account app.wuhan-ent missing");
    // The applicant generates the 申报书 (PDF) of one of its applications; the code comes back with it.
    const signedIn = await newPage(browser);
    let code: string;
    try {
      await login(signedIn.page, applicant.username, applicant.password);
      const list = await signedIn.page.request.get("/api/applications");
      const [application] = ((await list.json()) as { items: Array<{ id: string }> }).items;
      if (!application) throw new Error("the demo applicant has no application");
      const pdf = await signedIn.page.request.get(`/api/applications/${application.id}/application-form/pdf`);
      expect(pdf.status()).toBe(200);
      code = pdf.headers()["x-verification-code"] ?? "";
      expect(code).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    } finally {
      await signedIn.context.close();
    }

    // Someone holding the paper copy, not signed in, opens what the QR code links to.
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`/verify/${code}`);
      const result = page.getByTestId("verify-result");
      await result.filter({ hasText: "验证通过：该文件由本平台生成" }).waitFor();
      const text = (await result.textContent()) ?? "";
      expect(text).toContain(code);
      expect(text).toContain("国际科技合作基地认定申报书");
      expect(text).toContain("武汉光谷激光科技有限公司");
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      await screenshot(page, "verify-passed");

      // A code typed by hand that the platform never printed.
      await page.getByTestId("verify-code").fill("0000-0000-0000-0000");
      await page.getByTestId("verify-submit").click();
      await page.waitForURL("**/verify/0000-0000-0000-0000");
      await result.filter({ hasText: "未找到该验证码" }).waitFor();
      await screenshot(page, "verify-not-found");
    } finally {
      await context.close();
    }
  });
});
