import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Moves the focus with the Tab key until `target` has it, as a keyboard user would, and
 * fails when it is not reachable that way.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

/** Serious or critical axe violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Pastes text into a field through a real paste event, as from a spreadsheet. */
export async function pasteInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Creates a plan through the form, as a new user does, and lands on the baseline step. */
export async function createPlan(
  page: Page,
  organisation: string,
  labels: { create: string; organisation: string; submit: string },
): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: labels.create }).click();
  await page.getByLabel(labels.organisation).fill(organisation);
  await page.getByRole('button', { name: labels.submit }).click();
  await expect(page).toHaveURL(/\/plan\/wizard\/baseline\?id=[\w-]+&loop=1$/);
}

/** The stepper entry of one step ("Done" / "To do" is part of its accessible name). */
export function step(page: Page, name: RegExp): Locator {
  return page
    .getByRole('navigation', { name: /Five-step plan|Stappenplan/ })
    .getByRole('link', { name });
}

/** Creates the example plan from the empty state, as a new user does, and returns its id. */
export async function openExample(page: Page, button: string): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: button }).click();
  await expect(page).toHaveURL(/\/loops\?id=[\w-]+$/);
  return new URL(page.url()).searchParams.get('id') ?? '';
}
