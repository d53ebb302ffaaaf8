import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newJanuaryPlan, pasteInto, seriousViolations } from './pages/plan';

/**
 * Issue 16, no lost work: two tabs of the app on the same plan stay in step and never
 * overwrite each other silently, undo leaves later changes alone, and what was typed survives
 * a tab closed 100 ms after the last keystroke. Every outcome is checked after a reload.
 */

test.use({ locale: 'en-GB' });

const loopPage = (id: string) => `/loops/loop?id=${id}&loop=1`;
const numbersPage = (id: string) => `/loops/numbers?id=${id}`;
const strategy = (page: Page) =>
  page.getByRole('textbox', { name: 'The one strategy of this loop' });
/**
 * Types into a field of a tab the user is not looking at right now (as in a window beside the
 * other): an input event without moving the focus, which would save it on leaving the field.
 */
const typeAside = (field: Locator, text: string) =>
  field.evaluate((el, value) => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
const cell = (page: Page, period: string) =>
  page.getByRole('textbox', { name: `Careers site visits, ${period}`, exact: true });
/** The strategy of the plan's loop 1 as stored in IndexedDB (read without the app). */
const storedStrategy = (page: Page, planId: string) =>
  page.evaluate(
    (id) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('talentloop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('loops').objectStore('loops').getAll();
          all.onsuccess = () => {
            const loops = all.result as { planId: string; index: number; strategy: string }[];
            resolve(loops.find((l) => l.planId === id && l.index === 1)?.strategy);
            open.result.close();
          };
        };
      }),
    planId,
  );
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' });

test('two tabs on the same text: a change appears in the other in place, and a clash is never silent', async ({
  page,
  context,
}) => {
  const id = await newJanuaryPlan(page, 'Tabs BV');
  await page.goto(loopPage(id));
  // Tab B was opened earlier; it controls its own timers so its autosave waits for the test.
  const other = await context.newPage();
  await other.clock.install();
  await other.goto(loopPage(id));
  await expect(strategy(other)).toHaveValue('');

  // A saves; B shows A's text without a reload.
  await strategy(page).fill('Reach nurses on Instagram.');
  await strategy(page).blur();
  await expect(saved(page)).toBeVisible();
  await expect(strategy(other)).toHaveValue('Reach nurses on Instagram.');

  // B starts typing over A's text; before B's save, A saves again.
  await typeAside(strategy(other), 'Reach nurses on Instagram. Add night-shift stories.');
  await strategy(page).fill('Reach nurses on Instagram and TikTok.');
  await strategy(page).blur();
  await expect(saved(page)).toBeVisible();
  // B keeps what it typed while A's newer text arrives…
  await expect(strategy(other)).toHaveValue('Reach nurses on Instagram. Add night-shift stories.');
  // …and its save is refused, with both texts shown and the choice offered.
  await other.clock.runFor(1000);
  const clash = other.getByRole('group', { name: /was changed elsewhere/ });
  await expect(clash).toBeVisible();
  await expect(clash).toContainText('Reach nurses on Instagram and TikTok.');
  await expect(strategy(other)).toHaveValue('Reach nurses on Instagram. Add night-shift stories.');
  expect(await seriousViolations(other)).toEqual([]);

  await clash.getByRole('button', { name: 'Keep both (newer text first)' }).click();
  const both =
    'Reach nurses on Instagram and TikTok.\n\nReach nurses on Instagram. Add night-shift stories.';
  await expect(strategy(other)).toHaveValue(both);
  await expect(saved(other)).toBeVisible();
  await expect(strategy(page)).toHaveValue(both);

  for (const tab of [page, other]) {
    await tab.reload();
    await expect(strategy(tab)).toHaveValue(both);
  }
});

test('two tabs on the same cell: the second value is not written over the first without a choice', async ({
  page,
  context,
}) => {
  const id = await newJanuaryPlan(page, 'Cells BV');
  await page.goto(numbersPage(id));
  const other = await context.newPage();
  await other.goto(numbersPage(id));

  // B types 222 and has not pressed Enter yet; A types 111 and presses Enter.
  await typeAside(cell(other, 'Loop 1'), '222');
  await cell(page, 'Loop 1').fill('111');
  await cell(page, 'Loop 1').press('Enter');
  await expect(saved(page)).toBeVisible();
  await expect(cell(other, 'Loop 1')).toHaveValue('222');

  // B's Enter finds 111 stored since B began: nothing is overwritten, both are shown.
  await cell(other, 'Loop 1').focus();
  await cell(other, 'Loop 1').press('Enter');
  const clash = other.getByRole('alert').filter({ hasText: 'Changed elsewhere to 111' });
  await expect(clash).toBeVisible();
  expect(await seriousViolations(other)).toEqual([]);
  await clash.getByRole('button', { name: 'Keep 222 in Careers site visits, Loop 1' }).click();
  await expect(clash).toBeHidden();
  // A sees B's choice in place.
  await expect(cell(page, 'Loop 1')).toHaveValue('222');

  await page.reload();
  await expect(cell(page, 'Loop 1')).toHaveValue('222');
});

test('undoing a paste leaves a cell that another tab changed since', async ({ page, context }) => {
  const id = await newJanuaryPlan(page, 'Undo BV');
  await page.goto(numbersPage(id));
  const other = await context.newPage();
  await other.goto(numbersPage(id));

  await pasteInto(cell(page, 'Loop 1'), '10\t20');
  await expect(page.getByText('Pasted: 2 cells saved, 0 refused.')).toBeVisible();
  await expect(cell(other, 'Loop 2')).toHaveValue('20');
  await cell(other, 'Loop 2').fill('25');
  await cell(other, 'Loop 2').press('Enter');
  await expect(cell(page, 'Loop 2')).toHaveValue('25');

  await page.getByRole('button', { name: 'Undo the last paste' }).click();
  await expect(
    page.getByText(
      'Paste undone, except in 1 cell changed since the paste: there the newer value stays.',
    ),
  ).toBeVisible();
  await page.reload();
  await expect(cell(page, 'Loop 1')).toHaveValue('');
  await expect(cell(page, 'Loop 2')).toHaveValue('25');
});

test('text and a cell typed 100 ms before the tab closes are there on the next visit', async ({
  page,
  context,
}) => {
  const id = await newJanuaryPlan(page, 'Close BV');
  // A number field (the baseline), typed without leaving it, the tab closed 100 ms later.
  const visits = (p: Page) => p.getByRole('textbox', { name: 'Careers site visits', exact: true });
  await visits(page).pressSequentially('1200', { delay: 5 });
  await page.waitForTimeout(100);
  await page.close();
  const again = await context.newPage();
  await again.goto(`/plan/wizard/baseline?id=${id}&loop=1`);
  await expect(visits(again)).toHaveValue('1200');
  await expect(again.getByText(/was not yet saved when the page closed/)).toBeVisible();
  // The draft goes once the save is confirmed; the reload without it reads the stored value.
  const drafts = (p: Page) =>
    p.evaluate(
      () => Object.keys(localStorage).filter((k) => k.startsWith('talentloop.draft.')).length,
    );
  await expect.poll(() => drafts(again)).toBe(0);
  await again.reload();
  await expect(visits(again)).toHaveValue('1200');

  // A draft typed from 900 while the stored value is now 1,200 (another tab saved it): the
  // next visit saves nothing by itself, shows both, and stores only the user's choice.
  const field = await visits(again).getAttribute('id');
  await again.evaluate(
    ([plan, kpi]) =>
      localStorage.setItem(
        `talentloop.draft.${plan}.baseline.${kpi}`,
        JSON.stringify({ text: '1400', base: '900', at: new Date().toISOString() }),
      ),
    [id, (field ?? '').replace('baseline-', '')],
  );
  await again.reload();
  const choice = again.getByRole('group', { name: /Careers site visits: before the page closed/ });
  await expect(choice).toContainText('you typed 1400');
  await expect(choice).toContainText('changed to 1200');
  await choice.getByRole('button', { name: 'Keep 1400' }).click();
  await expect(choice).toBeHidden();
  await expect(visits(again)).toHaveValue('1400');
  await expect.poll(() => drafts(again)).toBe(0);
  await again.reload();
  await expect(visits(again)).toHaveValue('1400');
  await again.close();

  const first = await context.newPage();
  await first.goto(loopPage(id));
  await strategy(first).pressSequentially('Employer video first', { delay: 5 });
  await first.waitForTimeout(100);
  await first.close();

  const next = await context.newPage();
  await next.goto(loopPage(id));
  await expect(strategy(next)).toHaveValue('Employer video first');
  // Stored in the database, not only shown from the kept draft.
  await expect.poll(() => storedStrategy(next, id)).toBe('Employer video first');

  // A value typed without Enter, the tab closed 100 ms later.
  await next.goto(numbersPage(id));
  await cell(next, 'Loop 1').pressSequentially('345', { delay: 5 });
  await next.waitForTimeout(100);
  await next.close();

  const last = await context.newPage();
  await last.goto(numbersPage(id));
  await expect(cell(last, 'Loop 1')).toHaveValue('345');
  // Saved now, or already while the tab closed (then nothing is saved twice): either way the
  // draft goes once the stored value holds it.
  await expect.poll(() => drafts(last)).toBe(0);
  // Stored, not only shown from the draft: a visit without drafts still has it.
  await last.evaluate(() => localStorage.clear());
  await last.reload();
  await expect(cell(last, 'Loop 1')).toHaveValue('345');
  await last.goto(loopPage(id));
  await expect(strategy(last)).toHaveValue('Employer video first');
});

test('leaving with a campaign not yet added asks first; once added, leaving asks nothing', async ({
  page,
}) => {
  const id = await newJanuaryPlan(page, 'Leave BV');
  await page.goto(loopPage(id));
  const form = page.getByRole('form', { name: 'Add a campaign' });
  await form.getByLabel('Name', { exact: true }).fill('Night-shift video');

  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  // The reload is cancelled by the user's answer: the typed name is still there.
  await page.reload({ timeout: 2000 }).catch(() => undefined);
  await expect.poll(() => asked).toEqual(['beforeunload']);
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Night-shift video');

  await form.getByLabel('Starts on').fill('2026-01-05');
  await form.getByLabel('Ends on').fill('2026-01-25');
  await form.getByRole('button', { name: 'Add campaign' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Night-shift video' })).toBeVisible();
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await expect(page.getByRole('listitem').filter({ hasText: 'Night-shift video' })).toBeVisible();
});
