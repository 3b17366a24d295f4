import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

export const screenshotDir = join(import.meta.dirname, "..", "test-results", "screenshots");

/** Debian Chromium, headless, nothing phoning home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The server global-setup started (fresh data directory, demo mode). */
export function baseUrl(): string {
  return inject("baseUrl");
}

/** A fresh context (own cookies and localStorage) at a desktop size, in Chinese unless told otherwise. */
export async function newPage(
  browser: Browser,
  options: { language?: "zh" | "en"; baseURL?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: options.baseURL ?? baseUrl(),
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
  });
  if (options.language === "en") {
    await context.addInitScript(() => localStorage.setItem("guohe.language", "en"));
  }
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the login form and waits for the shell (the logout button) to appear. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("logout").waitFor({ state: "visible" });
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId("logout").click();
  await page.getByTestId("login-submit").waitFor({ state: "visible" });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  label: string;
  labelEn: string;
}

/** The demo accounts as the server lists them (never a copy in the specs). */
export async function demoAccounts(): Promise<DemoAccount[]> {
  const response = await fetch(`${baseUrl()}/api/demo/accounts`);
  if (!response.ok) throw new Error(`GET /api/demo/accounts answered ${response.status}`);
  return (await response.json()) as DemoAccount[];
}
