import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExample, seriousViolations } from './pages/plan';

/**
 * Issue 16: messages that say what is true. A database deleted in another tab is not "safe";
 * storage that does not answer is said not to, instead of "Loading…" forever; a newer
 * version's data shows no "No plans yet"; a loop field and the grid say the same when the
 * plan is gone.
 */

/** Deletes the plan and its loops with plain IndexedDB, as another tab's delete leaves them. */
function deletePlanBehindTheApp(page: Page, planId: string): Promise<void> {
  return page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('talentloop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['plans', 'loops'], 'readwrite');
          tx.objectStore('plans').delete(id);
          const loops = tx.objectStore('loops').index('planId').openKeyCursor(IDBKeyRange.only(id));
          loops.onsuccess = () => {
            const cursor = loops.result;
            if (!cursor) return;
            tx.objectStore('loops').delete(cursor.primaryKey);
            cursor.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    planId,
  );
}

test.describe('true messages (English)', () => {
  test.use({ locale: 'en-GB' });

  test('a database deleted in another tab is said to be deleted, with a restore and a reload', async ({
    page,
    context,
  }) => {
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/loop?id=${id}&loop=6`);
    const strategy = page.getByLabel('The one strategy of this loop');
    // A saved change: this tab now holds the database open (reading alone does not).
    await strategy.fill('Saved before the deletion.');
    await strategy.blur();
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

    // Another tab deletes the database (as "delete site data" code or a second app would).
    const other = await context.newPage();
    await other.goto('/method');
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('talentloop');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await other.close();

    const notice = page.getByRole('alert').filter({ hasText: 'deleted in another tab' });
    await expect(notice).toHaveText(
      /^Talentloop’s data in this browser was deleted in another tab \(or by clearing the site’s data\)\. What this tab shows is no longer stored, and nothing more is saved here\./,
    );
    await expect(page.getByText('your saved data is safe')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    // What is typed now is not said to be saved.
    await strategy.fill('Typed after the deletion.');
    await strategy.blur();
    await expect(
      page.getByText(
        'Not saved: Talentloop’s data in this browser was deleted in another tab, so this was not saved',
      ),
    ).toBeVisible();
    await expect(page.getByText('All changes saved')).toHaveCount(0);

    // Restore a backup opens the backup page afresh, where the deleted data can come back.
    await notice.getByRole('link', { name: 'Restore a backup' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backup & print');
    await expect(page.getByLabel('Choose a backup file')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'No plans yet' })).toBeVisible();
  });

  test("a newer version's data: the notice only, no 'No plans yet'", async ({ page }) => {
    await page.goto('/method');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('talentloop', 9990);
          open.onupgradeneeded = () => {
            open.result.createObjectStore('plans', { keyPath: 'id' });
            open.result.createObjectStore('loops', { keyPath: 'id' });
            open.result.createObjectStore('settings', { keyPath: 'key' });
          };
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText(
      'The data on this device was saved by a newer version of Talentloop. Reload the page to get that version.',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plans');
    await expect(page.getByRole('heading', { name: 'No plans yet' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Create your first plan' })).toHaveCount(0);
    await expect(page.getByText('Loading…')).toHaveCount(0);
    // The plan chooser of the loops page says the same: no 'no plans'.
    await page.goto('/loops');
    await expect(page.getByRole('alert')).toContainText('saved by a newer version');
    await expect(page.getByRole('link', { name: 'Plans' }).last()).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    await expect(page.getByText(/no plans/i)).toHaveCount(0);
  });

  test('a loop field and the numbers grid both say the plan no longer exists', async ({
    page,
    context,
  }) => {
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/loop?id=${id}&loop=6`);
    const strategy = page.getByLabel('The one strategy of this loop');
    await expect(strategy).toBeEditable();
    const grid = await context.newPage();
    await grid.goto(`/loops/numbers?id=${id}`);
    const cell = grid.getByRole('textbox', { name: /^Hires, Loop 6/ });
    await expect(cell).toBeEditable();

    await deletePlanBehindTheApp(page, id);

    await strategy.fill('Typed after the plan was deleted.');
    await strategy.blur();
    const gone = 'Not saved: this plan no longer exists (deleted in another tab?)';
    await expect(page.getByText(gone)).toBeVisible();
    await expect(page.getByText(/unexpected error|not found/i)).toHaveCount(0);

    await cell.fill('7');
    await cell.press('Enter');
    await expect(grid.getByText(gone)).toBeVisible();
  });
});

test.describe('true messages (Dutch)', () => {
  test.use({ locale: 'nl-NL' });

  test('storage that does not answer is said not to, on the plans page and a plan page, and both go on once it answers', async ({
    page,
    context,
  }) => {
    test.slow();
    const id = await openExample(page, 'Probeer met voorbeeldgegevens');
    await page.clock.install();
    // Another tab holds the database open and ignores requests to close it, while a deletion
    // waits behind it: every indexedDB.open() after that waits too, without end.
    const blocker = await context.newPage();
    await blocker.goto('/method');
    await blocker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('talentloop');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = open.result;
            indexedDB.deleteDatabase('talentloop');
            resolve();
          };
        }),
    );

    // Counts each page's indexedDB.open() calls: the app starts its stall timer as it asks, so
    // the clock may only move once both pages have asked (a slow page asking after the jump
    // would otherwise wait 10 real seconds).
    await context.addInitScript(() => {
      const w = window as unknown as { opens: number };
      const open = indexedDB.open.bind(indexedDB);
      w.opens = 0;
      indexedDB.open = (...args: Parameters<typeof open>) => {
        w.opens++;
        return open(...args);
      };
    });
    await page.goto('/');
    const planPage = await context.newPage();
    await planPage.goto(`/loops?id=${id}`);
    for (const p of [page, planPage])
      await expect
        .poll(() => p.evaluate(() => (window as unknown as { opens: number }).opens))
        .toBeGreaterThan(0);
    await expect(page.getByText('Laden…')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.clock.fastForward(10_000);
    // After the timeout each page says so; the plan page, held back until then, shows too.
    for (const p of [page, planPage]) {
      await expect(p.getByText('Laden…')).toBeVisible();
      const notice = p.getByRole('alert');
      await expect(notice).toContainText(
        'De opslag van de browser antwoordt niet, dus je gegevens kunnen nog niet worden getoond; deze pagina blijft wachten.',
      );
      await expect(notice).toContainText('sluit de andere Talentloop-tabbladen');
      await expect(notice.getByRole('button', { name: 'Opnieuw laden' })).toBeVisible();
    }
    expect(await seriousViolations(page)).toEqual([]);

    // The other tab lets go (and its deletion runs): the waiting pages go on by themselves.
    await blocker.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await expect(page.getByRole('heading', { name: 'Nog geen plannen' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(planPage.getByRole('heading', { name: 'Plan niet gevonden' })).toBeVisible();
    await expect(planPage.getByRole('alert')).toHaveCount(0);
  });
});
