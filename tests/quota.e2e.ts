import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 16: a full disk. The origin's quota is made tiny (Chromium's DevTools protocol) before
 * the app first uses its database; an action that writes then gets the app's own message
 * about space, with what to do, instead of "unexpected error (AbortError …)", and after a
 * reload with the quota restored nothing was changed.
 */

/**
 * Far less than the example plan needs (about 70 KB), yet the empty database can still be
 * created. (A quota of 0 means no override.)
 */
const TINY_QUOTA = 4 * 1024;

/**
 * Sets the quota of the app's origin; the function it returns restores it. The override lasts
 * as long as the DevTools session that set it, so the session stays open until then.
 */
async function setQuota(
  page: Page,
  origin: string,
  quotaSize: number,
): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });
  return async () => {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await cdp.detach();
  };
}

/** The plans stored in IndexedDB (none when the database does not exist). */
function storedPlans(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('talentloop')) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('talentloop');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('plans')) {
          db.close();
          resolve(0);
          return;
        }
        const req = db.transaction('plans').objectStore('plans').count();
        req.onsuccess = () => {
          db.close();
          resolve(req.result);
        };
        req.onerror = () => reject(req.error);
      };
    });
  });
}

test.describe('a full disk (English)', () => {
  test.use({ locale: 'en-GB' });

  test('creating the example plan says the device is out of space and what to do; nothing is stored', async ({
    page,
    ownOrigin,
  }) => {
    const restore = await setQuota(page, ownOrigin, TINY_QUOTA);
    await page.goto('/');
    await page.getByRole('button', { name: 'Try with example data' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'That did not work: the device is out of storage space, so this was not saved. Export a backup, delete plans you no longer need (such as the example), or free space on the device, then try again.',
    );
    await expect(alert).not.toContainText('unexpected error');
    await expect(page).toHaveURL(/\/$/);

    await restore();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'No plans yet' })).toBeVisible();
    expect(await storedPlans(page)).toBe(0);
    // With space again, the same action works: the refusal was the quota's.
    await page.getByRole('button', { name: 'Try with example data' }).click();
    await expect(page).toHaveURL(/\/loops\?id=/);
    expect(await storedPlans(page)).toBe(1);
  });

  test('restoring a backup says the device is out of space; nothing is stored', async ({
    page,
    ownOrigin,
  }) => {
    const restore = await setQuota(page, ownOrigin, TINY_QUOTA);
    await page.goto('/backup');
    await page
      .getByLabel('Choose a backup file')
      .setInputFiles('tests/fixtures/backups/v1-example.json');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(
      'The import failed and nothing was changed: the device is out of storage space, so this was not saved. Export a backup',
    );
    await restore();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'No plans yet' })).toBeVisible();
    expect(await storedPlans(page)).toBe(0);
  });
});

test.describe('a full disk (Dutch)', () => {
  test.use({ locale: 'nl-NL' });

  test('the same in Dutch', async ({ page, ownOrigin }) => {
    const restore = await setQuota(page, ownOrigin, TINY_QUOTA);
    await page.goto('/');
    await page.getByRole('button', { name: 'Probeer met voorbeeldgegevens' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'het apparaat heeft geen opslagruimte meer, dus dit is niet bewaard. Exporteer een back-up',
    );
    await restore();
    await page.reload();
    expect(await storedPlans(page)).toBe(0);
  });
});
