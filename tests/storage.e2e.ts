import { expect, test } from './fixtures';
import { SCHEMA_V1, SCHEMA_V2 } from '../src/lib/storage/schema-versions';
import { storedValues } from './stored-values';

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

test('a database of the previous version (2) is upgraded when a plan opens, every value kept', async ({
  page,
}) => {
  // The app's first page only reads; this page never opens the database.
  await page.goto('/how-talentloop-decides');
  const stores = { ...SCHEMA_V1, ...SCHEMA_V2 };
  const seeded = await page.evaluate(async (schema) => {
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('request failed'));
      });
    // Version 2 as Dexie made it (Dexie stores version n as n × 10), with plain calls.
    const open = indexedDB.open('talentloop', 20);
    open.onupgradeneeded = () => {
      for (const [name, spec] of Object.entries(schema)) {
        const [primary = '', ...indexes] = spec.split(',').map((s) => s.trim());
        const store = open.result.createObjectStore(name, { keyPath: primary });
        for (const index of indexes) {
          const unique = index.startsWith('&');
          const path = index.replace('&', '');
          const keyPath = path.startsWith('[') ? path.slice(1, -1).split('+') : path;
          store.createIndex(path, keyPath, { unique });
        }
      }
    };
    const db = await req(open);
    const now = '2026-01-01T00:00:00.000Z';
    const planId = 'old-plan';
    const tx = db.transaction(['plans', 'kpis', 'loops', 'measurements'], 'readwrite');
    tx.objectStore('plans').put({
      ...{ id: planId, organisation: 'Old BV', loopLength: { unit: 'months', count: 2 } },
      ...{ firstLoopStart: '2026-01-01', defaultComparison: 'previousLoop', currency: 'EUR' },
      ...{ notes: '', example: false, createdAt: now, updatedAt: now },
    });
    tx.objectStore('kpis').put({
      ...{ id: 'kpi-1', planId, name: 'Visits', pillar: 'traffic', side: 'recruitment' },
      ...{ unit: 'count', direction: 'higher', aggregation: { kind: 'sum' } },
      ...{ source: 'analytics', order: 0 },
    });
    tx.objectStore('loops').put({
      ...{ id: 'loop-1', planId, index: 1, focus: 'traffic', strategy: '' },
      ...{ expectationsNotes: '', insights: { targetGroup: '', reaction: '', journey: '' } },
      ...{ wizardStep: 4, updatedAt: now },
    });
    const rows: Record<string, unknown>[] = [];
    for (let d = 1; d <= 59; d++) {
      const date = new Date(Date.UTC(2026, 0, d)).toISOString().slice(0, 10);
      const row: Record<string, unknown> = {
        ...{ id: `m-${String(d).padStart(2, '0')}`, planId, kpiId: 'kpi-1' },
        ...{ start: date, end: date, value: d % 10 === 0 ? null : d, source: 'analytics' },
      };
      if (d === 7) row.note = 'job fair';
      rows.push(row);
    }
    rows.push({
      ...{ id: 'total', planId, kpiId: 'kpi-1', start: '2026-01-01', end: '2026-02-28' },
      ...{ value: 1000, source: 'manual' },
    });
    for (const row of rows) tx.objectStore('measurements').put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
    db.close();
    return rows.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
  }, stores);

  await page.goto('/loops?id=old-plan');
  await expect(page.getByRole('heading', { name: /Old BV/ }).first()).toBeVisible();
  const version = await page.evaluate(
    async () => (await indexedDB.databases()).find((d) => d.name === 'talentloop')?.version,
  );
  expect(version).toBe(30);
  expect(await storedValues(page)).toEqual(seeded);
});
