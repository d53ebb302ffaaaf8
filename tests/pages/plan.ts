import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Moves the focus with the Tab key until `target` has it, as a keyboard user would, and
 * fails when it is not reachable that way. The target is found once and marked, so each key
 * press costs one cheap check instead of a new search by role and name (which made keyboard
 * walks the slowest tests); it is found again when the page replaced it.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  const mark = `t${Math.random().toString(36).slice(2)}`;
  const markTarget = () => target.evaluate((el, m) => el.setAttribute('data-tab-to', m), mark);
  await markTarget();
  for (let i = 0; i < maxPresses; i++) {
    const state = await page.evaluate((m) => {
      const el = document.querySelector(`[data-tab-to="${m}"]`);
      if (!el) return 'gone';
      if (el !== document.activeElement) return 'elsewhere';
      el.removeAttribute('data-tab-to');
      return 'focused';
    }, mark);
    if (state === 'focused') return;
    if (state === 'gone') await markTarget();
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

/**
 * Serious or critical axe violations on the page as it is now. Legacy mode runs axe in the page
 * itself: the app has no frames, and the default mode opens a blank page per check to combine
 * frame results, which tripled the time of every check. Only violations are collected.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
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

/** A plan through the English form whose loop 1 is January–February 2026; returns its id. */
export async function newJanuaryPlan(page: Page, name: string): Promise<string> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Create your first plan' }).click();
  await page.getByLabel('Organisation').fill(name);
  await page.getByLabel('First loop starts on').fill('2026-01-01');
  await page.getByRole('button', { name: 'Create plan and start' }).click();
  await expect(page).toHaveURL(/\/plan\/wizard\/baseline\?id=[\w-]+&loop=1$/);
  return new URL(page.url()).searchParams.get('id') ?? '';
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
  // The example is six loops of daily numbers written in one transaction: with two browsers
  // busy on two cores it took over 5 s once (a11y, clean CI run).
  await expect(page).toHaveURL(/\/loops\?id=[\w-]+$/, { timeout: 15_000 });
  return new URL(page.url()).searchParams.get('id') ?? '';
}
