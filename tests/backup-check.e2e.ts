import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { bigBackup } from '../scripts/big-backup.js';
import { expect, test } from './fixtures';
import { countStoredValues } from './stored-values';

const FIXTURE = readFileSync('tests/fixtures/backups/v1-example.json', 'utf8');

/** In the page, from now on: the longest task (50 ms or more) and each progress value painted. */
function watchMainThread(): Promise<void> {
  return new Promise((resolve) => {
    const w = window as unknown as { __longest: number; __painted: number[]; __log: string[] };
    w.__longest = 0;
    w.__painted = [];
    w.__log = [`watching from ${Math.round(performance.now())}`];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        w.__longest = Math.max(w.__longest, entry.duration);
        w.__log.push(`task ${Math.round(entry.startTime)}+${Math.round(entry.duration)}`);
      }
    }).observe({ type: 'longtask' });
    const frame = () => {
      const bar = document.querySelector('progress');
      if (bar && w.__painted.at(-1) !== bar.value) w.__painted.push(bar.value);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(() => {
      frame();
      resolve();
    });
  });
}

const watched = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __longest: number; __painted: number[]; __log: string[] };
    return { longest: w.__longest, painted: [...w.__painted], log: w.__log.join(', ') };
  });

/** Rows of a store in the app's database, read directly (0 while there is no such store). */
function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(async (name) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('talentloop')) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('talentloop');
      open.onerror = () => reject(open.error ?? new Error('open failed'));
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(name)) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction(name).objectStore(name).count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error ?? new Error('count failed'));
      };
    });
  }, store);
}

test.describe('a large backup (English)', () => {
  test.use({ locale: 'en-GB' });

  test('is checked in a worker while the page stays responsive and shows progress, then imported whole', async ({
    page,
  }) => {
    test.slow();
    const big = bigBackup(8_000_000);
    const measurements = (
      JSON.parse(big.text) as { data: { plans: { measurements: unknown[] }[] } }
    ).data.plans.reduce((n, plan) => n + plan.measurements.length, 0);
    const path = test.info().outputPath('large.json');
    writeFileSync(path, big.text);

    await page.goto('/backup');
    const choose = page.getByLabel('Choose a backup file');
    await choose.waitFor();
    // The limit in the README's unit (its formatting also readies the page's number formatting).
    await expect(page.getByText('Backup files up to 100 MB can be read.')).toBeVisible();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.evaluate(watchMainThread);
    await choose.setInputFiles(path);
    // Waited for with a cheap look at the buttons twice a second: the accessible-name query
    // of getByRole, polled meanwhile, is itself a task of 60–90 ms on this page under load.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Import'),
      null,
      { polling: 500, timeout: 90_000 },
    );
    const { longest, painted, log } = await watched(page);
    const start = page.getByRole('button', { name: 'Import', exact: true });
    expect(workers.some((url) => /check\.worker/.test(url))).toBe(true);
    // The whole file was read, parsed and checked without one task of 200 ms on the page.
    expect(longest, `long tasks (start+duration, ms): ${log}`).toBeLessThan(200);
    expect(painted.filter((value) => value > 0 && value < 100).length).toBeGreaterThanOrEqual(3);
    expect(painted).toEqual([...painted].sort((a, b) => a - b));
    await expect(page.getByText(/^large\.json was made with Talentloop/)).toContainText(
      `Plans: ${big.plans}, records: ${big.rows.toLocaleString('en-GB')}.`,
    );

    await start.click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toContainText(
      `Plans added: ${big.plans}`,
      { timeout: 120_000 },
    );
    await page.reload();
    await page.getByLabel('Choose a backup file').waitFor();
    expect(await countRows(page, 'plans')).toBe(big.plans);
    expect(await countStoredValues(page)).toBe(measurements);
    await page.goto('/');
    const list = page.getByRole('list', { name: 'Your plans' });
    await expect(list.getByRole('heading', { level: 2 })).toHaveCount(big.plans);
    await expect(list.getByRole('heading', { name: 'Employer 1', exact: true })).toBeVisible();
  });
});

test.describe('restoring with the network off', () => {
  test.use({ locale: 'en-GB', serviceWorkers: 'allow' });

  test('the check’s worker comes from the precache', async ({ page, context }) => {
    await page.goto('/backup');
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    await context.setOffline(true);
    await page.reload();
    await page
      .getByLabel('Choose a backup file')
      .setInputFiles('tests/fixtures/backups/v1-example.json');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toContainText(
      'Plans added: 1',
    );
    await page.reload();
    expect(await countRows(page, 'plans')).toBe(1);
    await context.setOffline(false);
  });
});

const lines = (text: string) => text.split('\n');

for (const { locale, choose, say } of [
  {
    locale: 'en-GB',
    choose: 'Choose a backup file',
    say: {
      unexpected: (c: string, l: number, k: number) =>
        `not a valid JSON file: unexpected “${c}” at line ${l}, column ${k}`,
      openText: (l: number, k: number) =>
        `not a valid JSON file: a text is not closed at line ${l}, column ${k} (a missing quote?)`,
      endsEarly: (l: number, k: number) =>
        `not a valid JSON file: it ends at line ${l}, column ${k} before the backup is complete; it may be cut off`,
      negative:
        'plans[0].measurements[0].value: Careers site visits: a count cannot be negative (-5)',
    },
  },
  {
    locale: 'nl-NL',
    choose: 'Kies een back-upbestand',
    say: {
      unexpected: (c: string, l: number, k: number) =>
        `geen geldig JSON-bestand: onverwacht “${c}” op regel ${l}, kolom ${k}`,
      openText: (l: number, k: number) =>
        `geen geldig JSON-bestand: een tekst is niet afgesloten op regel ${l}, kolom ${k} (ontbreekt er een aanhalingsteken?)`,
      endsEarly: (l: number, k: number) =>
        `geen geldig JSON-bestand: het houdt op bij regel ${l}, kolom ${k}, voordat de back-up compleet is; het is misschien afgebroken`,
      negative:
        'plans[0].measurements[0].value: Bezoeken werken-bij site: een aantal kan niet negatief zijn (-5)',
    },
  },
]) {
  test.describe(`a broken backup (${locale})`, () => {
    test.use({ locale });

    test('a JSON mistake is named with its line and column, a KPI by its name, and nothing changes', async ({
      page,
    }) => {
      await page.goto('/backup');
      const input = page.getByLabel(choose);
      await input.waitFor();
      const alert = page.getByRole('alert');
      const upload = (name: string, text: string) =>
        input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

      // A trailing comma after the last plan: the closing bracket is unexpected.
      const trailing = FIXTURE.replace(/\}\n\s*\]\n\s*\}\n\}\s*$/, '},\n  ]\n }\n}\n');
      await upload('trailing.json', trailing);
      await expect(alert).toContainText(say.unexpected(']', lines(trailing).length - 3, 3));

      // A missing closing quote, in a file saved with a byte order mark (not counted).
      const row = lines(FIXTURE).findIndex((line) => line.includes('"organisation"'));
      const unquoted = FIXTURE.replace('Linde Care Group",', 'Linde Care Group,');
      await upload('quote.json', `\uFEFF${unquoted}`);
      await expect(alert).toContainText(say.openText(row + 1, lines(unquoted)[row]!.length + 1));

      // Cut off in the middle of a number.
      const cut = FIXTURE.slice(0, FIXTURE.indexOf('"version": 1') + '"version": 1'.length);
      await upload('cut.json', cut);
      await expect(alert).toContainText(say.endsEarly(3, 14));

      // A value the grid would refuse names its KPI as the grid does.
      const file = JSON.parse(FIXTURE) as {
        data: { plans: { measurements: { value: number }[] }[] };
      };
      file.data.plans[0]!.measurements[0]!.value = -5;
      await upload('negative.json', JSON.stringify(file));
      await expect(alert).toContainText(say.negative);

      expect(await countRows(page, 'plans')).toBe(0);
    });
  });
}
