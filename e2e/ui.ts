import type { Page } from "playwright-core";

/** Helpers for antd widgets, shared by the specs. */

/** Opens an antd Select by its test id, types to filter, and picks the option showing `option`. */
export async function pick(page: Page, testId: string, search: string, option: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator(".ant-select-item-option:visible").filter({ hasText: option }).first().click();
  await page.keyboard.press("Escape");
}

/** Picks options of an antd multiple Select by their visible text. */
export async function pickMany(page: Page, testId: string, labels: string[]) {
  await page.getByTestId(testId).click();
  for (const label of labels) {
    const option = page.locator(".ant-select-item-option:visible").filter({ hasText: label }).first();
    await option.click();
    await page.locator(".ant-select-item-option-selected:visible").filter({ hasText: label }).first().waitFor();
  }
  await page.keyboard.press("Escape");
}

/** Types a date into an antd DatePicker and confirms it. */
export async function pickDate(page: Page, testId: string, date: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

/** Waits for an antd message toast containing `text`. */
export async function toast(page: Page, text: string) {
  await page.locator(".ant-message-notice").filter({ hasText: text }).first().waitFor();
}

/**
 * Clicks an irreversible action's button, checks the confirmation says its consequence (`consequence`, a part of the
 * sentence), and confirms (web/src/components/useConfirm.ts: `confirm-ok`).
 */
export async function confirmAction(page: Page, buttonTestId: string, consequence: string) {
  await page.getByTestId(buttonTestId).click();
  const dialog = page.locator(".ant-modal-confirm").filter({ hasText: consequence });
  // Clicked while still zooming in, the OK button was once ignored under CI load (base-life, 2026-12-07): click it
  // once the dialog has settled (no motion class left).
  const settled = page.locator(".ant-modal-confirm:not([class*='ant-zoom'])").filter({ hasText: consequence });
  await settled.waitFor();
  await settled.getByTestId("confirm-ok").click();
  await dialog.waitFor({ state: "hidden" });
}
