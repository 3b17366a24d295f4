import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, login, newPage } from "./browser";

const shots = "/tmp/shots";

async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/assistant-${name}.png` });
}

/** Asks a question in the drawer (Enter sends) and returns the answer bubble or the refusal that follows it. */
async function ask(page: Page, question: string) {
  const before = await page.locator('[data-testid="assistant-answer"], [data-testid="assistant-refused"]').count();
  const input = page.getByTestId("assistant-input");
  await input.fill(question);
  await input.press("Enter");
  const replies = page.locator('[data-testid="assistant-answer"], [data-testid="assistant-refused"]');
  await page.waitForFunction(
    ([selector, count]) => document.querySelectorAll(selector as string).length > (count as number),
    ['[data-testid="assistant-answer"], [data-testid="assistant-refused"]', before] as const,
  );
  return replies.nth(before);
}

/** Clicks a cited article and checks the measures page opens in a new tab scrolled to that article's anchor. */
async function followCitation(context: BrowserContext, link: ReturnType<Page["locator"]>) {
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/policy#art-\d{1,2}(-\d{1,2})?$/);
  const anchor = href.split("#")[1] ?? "";
  const [policy] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await policy.waitForLoadState();
  expect(new URL(policy.url()).pathname).toBe("/policy");
  expect(new URL(policy.url()).hash).toBe(`#${anchor}`);
  await policy.locator(`[id="${anchor}"]`).waitFor();
  // The page scrolls the anchored article or item to the top of the window.
  await policy.waitForFunction((id) => {
    const box = document.getElementById(id)?.getBoundingClientRect();
    return box !== undefined && box.top >= -2 && box.top < window.innerHeight / 2;
  }, anchor);
  await policy.close();
  return anchor;
}

/** Answers the self-check's questions from `answers` (by question id) until the verdict shows. */
async function runSelfCheck(page: Page, answers: Record<string, string | number | boolean>) {
  const asked: string[] = [];
  for (let turn = 0; turn < 30; turn += 1) {
    const open = page.locator('[data-testid="self-check-question"][data-answered="false"]');
    const verdict = page.getByTestId("self-check-verdict");
    await Promise.race([open.first().waitFor(), verdict.waitFor()]);
    if (await verdict.isVisible()) return asked;
    const question = open.first();
    const id = (await question.getAttribute("data-question")) ?? "";
    asked.push(id);
    const value = answers[id];
    if (value === undefined) throw new Error(`the self-check asked ${id}, which the test has no answer for`);
    if (typeof value === "boolean") await question.getByTestId(value ? "self-check-yes" : "self-check-no").click();
    else if (typeof value === "number") {
      // antd puts the test id on the input or on its wrapper, depending on the version.
      const box = question.locator('input[data-testid="self-check-number"], [data-testid="self-check-number"] input');
      await box.fill(String(value));
      await question.getByTestId("self-check-submit").click();
    } else await question.getByTestId(`self-check-option-${value}`).click();
    await page.locator(`[data-testid="self-check-question"][data-question="${id}"][data-answered="true"]`).waitFor();
  }
  throw new Error("the self-check did not reach a verdict");
}

describe("政策助手: a visitor asks and runs the self-check", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("on the public registry, answers three questions with cited articles and runs the self-check to a verdict (1440 px)", async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/registry");
      await page.getByTestId("public-nav").waitFor();
      await page.getByTestId("assistant-open").click();
      const drawer = page.getByTestId("assistant-drawer");
      await drawer.getByTestId("assistant-input").waitFor();

      // 1. Conditions: answered from the measures, citing articles linked to the policy page.
      const conditions = await ask(page, "申报省国合基地的依托单位需要满足哪些条件？");
      expect(await conditions.getAttribute("data-testid")).toBe("assistant-answer");
      const cited = conditions.getByTestId("assistant-citations").locator("a");
      expect(await cited.count()).toBeGreaterThan(0);
      // The host unit's conditions are Art. 7: among the articles cited.
      const hrefs = await cited.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      const art7 = hrefs.findIndex((href) => /^\/policy#art-7(-\d)?$/.test(href));
      expect(art7, hrefs.join(" ")).toBeGreaterThanOrEqual(0);
      const quotes = conditions.getByTestId("assistant-quotes");
      expect(await quotes.getAttribute("open")).toBeNull(); // folded
      await quotes.locator("summary").click();
      expect((await quotes.locator("blockquote").first().textContent())?.length ?? 0).toBeGreaterThan(10);
      expect(await followCitation(context, cited.nth(art7))).toMatch(/^art-7/);

      // 2. A computed deadline, with the rule used and Art. 18.5.
      const deadline = await ask(page, "负责人3月15日变更，最晚什么时候报备？");
      expect(await deadline.getByTestId("assistant-computed-value").textContent()).toMatch(/^\d{4}年6月15日$/);
      expect(await deadline.getByTestId("assistant-computed").textContent()).toContain("所用规则");
      const item = deadline.getByTestId("assistant-citations").getByTestId("article-ref-18.5");
      expect(await item.textContent()).toBe("第十八条第（五）项");
      expect(await followCitation(context, item)).toBe("art-18-5");

      // 3. Out of scope: refused with the contact, no invented rule.
      const weather = await ask(page, "今天武汉天气怎么样？");
      expect(await weather.getAttribute("data-testid")).toBe("assistant-refused");
      const refusal = (await weather.textContent()) ?? "";
      expect(refusal).toContain("无法回答");
      expect(refusal).toContain("请联系");
      expect(await weather.locator("a[href^='/policy']").count()).toBe(0);
      await shot(page, "answers-1440");

      // The self-check, one question at a time, to the verdict.
      await page.getByTestId("assistant-chip-self-check").click();
      const asked = await runSelfCheck(page, {
        baseType: "joint-research",
        offshore: false,
        unitType: "university",
        division: "420100",
        legalPerson: true,
        unitBadRecord: false,
        revokedRecently: false,
        validPartners: 3,
        compositeTeam: true,
        managementSystems: true,
        nationalPlatform: false,
        internationalProjects: 2,
        jointPapers: 4,
        directorFullTime: true,
        directorResearchLead: true,
        directorBadRecord: false,
        directorTitle: "senior",
      });
      // Only what the rules need: a university's joint-research base is not asked about R&D ratio, transfer or offshore.
      expect(asked).not.toContain("revenue3y");
      expect(asked).not.toContain("transferTeamSize");
      expect(asked).not.toContain("overseasPremises");
      const verdict = page.getByTestId("self-check-verdict");
      expect(await verdict.getByTestId("self-check-overall").textContent()).toBe(
        "所问硬性条件均符合，部分条件由专家评审",
      );
      const partners = verdict.getByTestId("self-check-rule-7.2-partners");
      expect(await partners.textContent()).toContain("符合");
      expect(await partners.getByTestId("article-ref-7.2").textContent()).toBe("第七条第（二）项");
      expect(await verdict.getByTestId("self-check-rule-12.2-title").textContent()).toContain("正高级");
      await verdict.scrollIntoViewIfNeeded();
      await shot(page, "verdict-1440");

      // 开始申报 leads to the calls page (through sign-in for a visitor).
      await verdict.getByTestId("self-check-start").click();
      await page.waitForURL(/\/(calls|login)/);
    } finally {
      await context.close();
    }
  });

  it("works at 390 px: asks, and a unit outside Hubei is told at once why it cannot apply", async () => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 390, height: 844 },
      locale: "zh-CN",
    });
    const page = await context.newPage();
    try {
      await page.goto("/registry");
      await page.getByTestId("assistant-open").click();
      await page.getByTestId("assistant-input").waitFor();
      const drawerBox = await page.locator(".ant-drawer-content-wrapper").boundingBox();
      // 100vw may come back as 390.00003: a sub-pixel is not an overflow, the page's own scroll width is the proof.
      expect(Math.round(drawerBox?.width ?? 0)).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const answer = await ask(page, "负责人3月15日变更，最晚什么时候报备？");
      expect(await answer.getByTestId("assistant-computed-value").textContent()).toMatch(/年6月15日$/);
      await shot(page, "answers-390");

      await page.getByTestId("assistant-chip-self-check").click();
      const asked = await runSelfCheck(page, {
        baseType: "characteristic",
        offshore: false,
        unitType: "hospital",
        division: "outside",
      });
      expect(asked).toEqual(["baseType", "offshore", "unitType", "division"]);
      const verdict = page.getByTestId("self-check-verdict");
      expect(await verdict.getByTestId("self-check-overall").textContent()).toBe("暂不符合申报条件");
      expect(await verdict.getByTestId("self-check-rule-7.1-registered-in-hubei").textContent()).toContain("湖北省");
      expect(await verdict.getByTestId("self-check-start").count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await verdict.scrollIntoViewIfNeeded();
      await shot(page, "verdict-390");
    } finally {
      await context.close();
    }
  });
  it("a signed-in host unit asks about its own application and is shown its findings, with a link to it", async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, "app.wuhan-ent", "Demo@2025");
      // What the unit may read, as the applications list gives it: the answer speaks of these and of no other.
      const listed = (await (await page.request.get("/api/applications?pageSize=100")).json()) as {
        items: { id: string }[];
      };
      await page.getByTestId("assistant-open").click();
      const answer = await ask(page, "我们的申报还有什么问题？");
      expect(await answer.textContent()).not.toContain("登录后");
      const links = answer.getByTestId("assistant-applications").locator("a");
      if (listed.items.length === 0) expect(await answer.textContent()).toContain("尚无申报");
      else {
        const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
        expect(hrefs.length).toBeGreaterThan(0);
        const own = new Set(listed.items.map((item) => `/applications/${item.id}`));
        for (const href of hrefs) expect(own.has(href), href).toBe(true);
        await shot(page, "own-application");
        await links.first().click();
        await page.waitForURL((url) => url.pathname === hrefs[0]);
      }
    } finally {
      await context.close();
    }
  });
});
