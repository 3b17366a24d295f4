import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usccCheckDigit } from "../policy/uscc";
import { demoAccounts, launchBrowser, login, logout, newPage, screenshot } from "./browser";

const accounts = await demoAccounts();
const account = (username: string) => {
  const found = accounts.find((candidate) => candidate.username === username);
  if (!found) throw new Error(`demo account ${username} missing`);
  return found;
};

/** Picks an option of an antd Select (or TreeSelect) opened from its form label. */
async function choose(page: Page, label: string, search: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(search);
  await page
    .locator(".ant-select-item-option:visible, .ant-select-tree-node-content-wrapper:visible")
    .filter({ hasText: option })
    .first()
    .click();
}

async function toast(page: Page, text: string) {
  await page.locator(".ant-message-notice").filter({ hasText: text }).first().waitFor();
}

describe("foundation workflows through the UI", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a host unit registers itself with its authorisation letter; the recommender confirms; its admin signs in", async () => {
    const name = "武汉星河光电技术有限公司";
    const first17 = "91420100MA4E2E001";
    const uscc = `${first17}${usccCheckDigit(first17)}`;
    const { context, page } = await newPage(browser);
    try {
      await page.goto("/login");
      await page.getByTestId("register-link").click();
      await page.getByLabel("单位名称").fill(name);
      await page.getByLabel("统一社会信用代码").fill(uscc);
      await choose(page, "单位类型", "", "科技型企业");
      await choose(page, "注册地", "武汉", "武汉市");
      await page.getByLabel("注册地址").fill("湖北省武汉市东湖新技术开发区光谷大道 1 号");
      await choose(page, "推荐部门", "武汉市科学", "武汉市科学技术局");
      await page.getByLabel("法定代表人").fill("周先生");
      await page.getByLabel("联系人").fill("吴女士");
      await page.getByLabel("联系电话").fill("027-87654321");
      await page.getByLabel("用户名", { exact: true }).fill("xinghe.admin");
      await page.getByLabel("姓名", { exact: true }).fill("星河光电 管理员");
      await page.getByLabel("密码", { exact: true }).fill("Xinghe#2025");
      await page.getByLabel("确认密码", { exact: true }).fill("Xinghe#2025");
      await page.locator('input[type="file"]').setInputFiles({
        name: "授权书.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      });
      await page.getByTestId("authorisation-file").waitFor();
      await page.getByTestId("register-submit").click();
      const done = page.getByTestId("register-done");
      await done.waitFor();
      expect(await done.textContent()).toBe("已提交，待推荐部门确认");
      await screenshot(page, "workflow-register-done");

      const recommender = account("rec.wuhan");
      await login(page, recommender.username, recommender.password);
      await page.goto("/units?status=pending");
      await page.getByRole("button", { name }).click();
      await page.getByTestId("unit-confirm").click();
      await page.getByTestId("reason-ok").click();
      // The durable outcome, not the 3-second toast: a loaded CI machine once missed the toast (CI run of 2026-12-05).
      await page.getByTestId("unit-drawer").getByText("已确认").first().waitFor({ timeout: 60_000 });
      await page.locator(".ant-drawer-close").click();
      await page.getByTestId("unit-drawer").waitFor({ state: "hidden" });
      await logout(page);

      await login(page, "xinghe.admin", "Xinghe#2025");
      await page.getByTestId("menu-my-unit").click();
      await page.getByText(uscc).waitFor();
      await page.getByTestId("colleague-add").waitFor();
      await screenshot(page, "workflow-register-my-unit");
    } finally {
      await context.close();
    }
  });

  it("the system administrator creates an account, the security administrator approves its role, the user must change the password", async () => {
    const { context, page } = await newPage(browser);
    try {
      const sysadmin = account("sysadmin");
      await login(page, sysadmin.username, sysadmin.password);
      await page.getByTestId("menu-accounts").click();
      await page.getByTestId("account-create").click();
      await page.getByLabel("用户名", { exact: true }).fill("zhang.officer");
      await page.getByLabel("姓名", { exact: true }).fill("张科员");
      await page.getByLabel("初始密码").fill("Initial#2025");
      await choose(page, "申请角色", "", "省科技厅");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "保 存" }).click();
      await toast(page, "账号已创建");
      await page.getByRole("cell", { name: "zhang.officer" }).waitFor();
      await logout(page);

      const secadmin = account("secadmin");
      await login(page, secadmin.username, secadmin.password);
      await page.getByTestId("menu-role-grants").click();
      await page.getByTestId("grant-approve-zhang.officer").click();
      await page.getByTestId("reason-ok").click();
      await toast(page, "已批准");
      await logout(page);

      await page.goto("/login");
      await page.getByTestId("login-username").fill("zhang.officer");
      await page.getByTestId("login-password").fill("Initial#2025");
      await page.getByTestId("login-submit").click();
      await page.getByTestId("forced-password").waitFor();
      await page.getByTestId("password-current").fill("Initial#2025");
      await page.getByTestId("password-new").fill("Changed#2025");
      await page.getByTestId("password-confirm").fill("Changed#2025");
      await page.getByTestId("password-submit").click();
      await page.getByTestId("menu-units").waitFor();
      expect(await page.getByTestId("user-name").textContent()).toBe("张科员");
    } finally {
      await context.close();
    }
  });

  it("saving a unit someone else changed meanwhile (409) says so and reloads the latest version", async () => {
    const { context, page } = await newPage(browser);
    try {
      const officer = account("officer");
      await login(page, officer.username, officer.password);
      await page.goto("/units?q=宜昌三峡");
      await page.getByRole("button", { name: "宜昌三峡新材料股份有限公司" }).click();
      await page.getByTestId("unit-edit").click();
      const address = page.getByTestId("unit-form").getByLabel("注册地址");
      await address.waitFor();

      // Another officer saves first: the version the open form holds is now stale.
      const status = await page.evaluate(async () => {
        const list = await (await fetch("/api/units?q=宜昌三峡")).json();
        const unit = list.items[0];
        const csrf = decodeURIComponent(document.cookie.match(/(?:^|;\s*)csrf=([^;]+)/)?.[1] ?? "");
        const response = await fetch(`/api/units/${unit.id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json", "x-csrf-token": csrf },
          body: JSON.stringify({ address: "湖北省宜昌市猇亭区（他人修改）", version: unit.version }),
        });
        return response.status;
      });
      expect(status).toBe(200);

      await address.fill("湖北省宜昌市猇亭区（我的修改）");
      await page.getByRole("button", { name: "保 存" }).click();
      const alert = page.getByTestId("stale-alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("该记录已被他人修改");
      expect(await address.inputValue()).toBe("湖北省宜昌市猇亭区（他人修改）");
      await screenshot(page, "workflow-stale-version");

      await address.fill("湖北省宜昌市猇亭区（我的修改）");
      await page.getByRole("button", { name: "保 存" }).click();
      await toast(page, "已保存");
      await page.getByTestId("unit-drawer").getByText("湖北省宜昌市猇亭区（我的修改）").waitFor();
    } finally {
      await context.close();
    }
  });

  it("the auditor finds the actions above in the log and the chain verifies", async () => {
    const { context, page } = await newPage(browser);
    try {
      const auditor = account("auditor");
      await login(page, auditor.username, auditor.password);
      await page.getByTestId("menu-audit").click();
      // Entries read as sentences; the filter chooses the kind of object by its name, not by an action code.
      await page.locator(".ant-select").filter({ hasText: "操作对象类别" }).click();
      await page.keyboard.type("单位");
      await page.locator('.ant-select-item-option[title="单位"]').click();
      await page.getByTestId("audit-search").click();
      await page
        .getByRole("cell", { name: /修改了单位/ })
        .first()
        .waitFor();
      await page.getByTestId("audit-verify").click();
      const verdict = page.getByTestId("audit-verdict");
      await verdict.waitFor();
      expect(await verdict.textContent()).toContain("审计链完整");
      await screenshot(page, "workflow-audit-verify");
    } finally {
      await context.close();
    }
  });
});
