import { expect, test } from './fixtures';

test.use({ locale: 'en-GB' });

/** Waits until the app opened its database (the Settings fields are enabled once loaded). */
async function openSettings(page: import('@playwright/test').Page) {
  await page.goto('/settings');
  await expect(page.getByLabel('Suggest a backup after this many days with changes')).toBeEnabled();
}

test('a write to the database survives a reload', async ({ page }) => {
  await openSettings(page);
  const days = page.getByLabel('Suggest a backup after this many days with changes');
  await expect(days).toHaveValue('14');
  await days.fill('30');
  await days.press('Tab');
  await expect(page.locator('#backup-reminder-days-status')).toHaveText('Saved');
  const currency = page.getByLabel('Default currency for new plans');
  await currency.fill('usd');
  await currency.press('Tab');
  await expect(page.locator('#default-currency-status')).toHaveText('Saved');

  await page.reload();
  await expect(page.getByLabel('Suggest a backup after this many days with changes')).toHaveValue(
    '30',
  );
  await expect(page.getByLabel('Default currency for new plans')).toHaveValue('USD');
  // The first write asked for persistent storage; Settings reports the answer and the usage.
  await expect(page.getByTestId('storage-persistence')).not.toBeEmpty();
  await expect(page.getByTestId('storage-usage')).toContainText('used of');
});

test('an invalid setting gets a message and is not written', async ({ page }) => {
  await openSettings(page);
  const days = page.getByLabel('Suggest a backup after this many days with changes');
  await days.fill('0');
  await days.press('Tab');
  await expect(page.locator('#backup-reminder-days-status')).toHaveText(
    'Not saved: a whole number from 1 to 365',
  );
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  const currency = page.getByLabel('Default currency for new plans');
  await currency.fill('E1');
  await currency.press('Tab');
  await expect(page.locator('#default-currency-status')).toContainText('Not saved: not a currency');

  await page.reload();
  await expect(page.getByLabel('Suggest a backup after this many days with changes')).toHaveValue(
    '14',
  );
  await expect(page.getByLabel('Default currency for new plans')).toHaveValue('EUR');
});

test('corrupt data in IndexedDB and localStorage is reported and the rest still loads', async ({
  page,
}) => {
  await openSettings(page);
  const days = page.getByLabel('Suggest a backup after this many days with changes');
  await days.fill('21');
  await days.press('Tab');
  await expect(page.locator('#backup-reminder-days-status')).toHaveText('Saved');

  // Records as an older build or a hand edit might leave them.
  await page.evaluate(async () => {
    localStorage.setItem('talentloop.locale', '{"broken');
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('talentloop');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('settings', 'readwrite');
        tx.objectStore('settings').put({ key: 'defaultCurrency', value: 42 });
        tx.objectStore('settings').put({ key: 'fromTheFuture', value: true });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  });

  await page.reload();
  const report = page.getByRole('region', { name: 'Some stored data could not be read' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('settings “defaultCurrency”: value:');
  await expect(report).toContainText('settings “fromTheFuture”');
  await expect(report).toContainText('Saved preference “talentloop.locale” was not understood');
  // The valid setting still loaded; the corrupt one falls back to its default.
  await expect(days).toHaveValue('21');
  await expect(page.getByLabel('Default currency for new plans')).toHaveValue('EUR');
  // Nothing was deleted or rewritten behind the user's back.
  const stored = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('talentloop');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('settings').objectStore('settings').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as unknown[]);
          };
        };
      }),
  );
  expect(stored).toContainEqual({ key: 'defaultCurrency', value: 42 });
  expect(stored).toContainEqual({ key: 'fromTheFuture', value: true });
  await report.getByRole('button', { name: 'Hide this message' }).click();
  await expect(report).toBeHidden();
});

test('a database written by a newer version is reported, the app still renders', async ({
  page,
}) => {
  await page.goto('/loops');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        indexedDB.deleteDatabase('talentloop');
        const open = indexedDB.open('talentloop', 9990);
        open.onupgradeneeded = () => open.result.createObjectStore('settings', { keyPath: 'key' });
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByRole('alert')).toContainText('saved by a newer version of Talentloop');
});

test('another tab upgrading the database leaves this tab with a message, not broken', async ({
  page,
}) => {
  await openSettings(page);
  // What a newer build in another tab does: open the database at a higher version.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('talentloop', 9990);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
        open.onblocked = () => reject(new Error('blocked: the app did not close its connection'));
      }),
  );
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Talentloop was updated in another tab');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
});
