import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, watchContext } from './fixtures';
import { openExample, seriousViolations } from './pages/plan';
import { A4, readPdf } from './pdf';

const FIXTURE = 'tests/fixtures/backups/v1-example.json';

/** The names of the plans on the plans page, in their order. */
async function planNames(page: Page): Promise<string[]> {
  await page.goto('/');
  const list = page.getByRole('list', { name: /Your plans|Je plannen/ });
  await list.waitFor();
  return list.getByRole('heading', { level: 2 }).allInnerTexts();
}

test.describe('backup and restore (English)', () => {
  test.use({ locale: 'en-GB' });

  test('export downloads a file; a fresh browser profile imports it and shows the same plans', async ({
    page,
    browser,
    baseURL,
    ownOrigin,
  }) => {
    test.slow();
    await openExample(page, 'Try with example data');
    await page.goto('/plan/new');
    await page.getByLabel('Organisation').fill('Acme Care');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page).toHaveURL(/wizard\/baseline/);
    const before = await planNames(page);
    expect(before).toHaveLength(2);

    await page.goto('/backup');
    await expect(page.getByText('No backup downloaded yet.')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download backup' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^talentloop-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const path = test.info().outputPath('backup.json');
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; version: number };
    expect(file).toMatchObject({ format: 'talentloop-backup', version: 2 });
    await expect(page.getByText(/^Last backup: /)).toBeVisible();

    // Another device: a new, empty browser profile.
    const fresh = await browser.newContext({ baseURL, locale: 'en-GB' });
    const watch = await watchContext(fresh, ownOrigin);
    const other = await fresh.newPage();
    await other.goto('/');
    await expect(other.getByRole('heading', { name: 'No plans yet' })).toBeVisible();
    await other.getByRole('link', { name: 'Import a backup' }).click();
    await other.getByLabel('Choose a backup file').setInputFiles(path);
    const preview = other.getByRole('table', { name: 'What the import does, plan by plan' });
    await expect(preview.getByRole('row')).toHaveCount(3);
    await expect(preview).toContainText('Added');
    expect(await seriousViolations(other)).toEqual([]);
    await other.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(other.getByRole('status').filter({ hasText: 'Imported.' })).toContainText(
      'Plans added: 2',
    );
    expect(await planNames(other)).toEqual(before);
    await fresh.close();
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  test('replace asks first, keeps a snapshot, and Undo import puts the old data back', async ({
    page,
  }) => {
    test.slow();
    await openExample(page, 'Try with example data');
    const before = await planNames(page);
    await page.goto('/backup');
    await page.getByLabel('Choose a backup file').setInputFiles(FIXTURE);
    await page.getByRole('radio', { name: /Replace everything/ }).check();
    await expect(page.getByRole('row').filter({ hasText: 'Added' })).toHaveCount(1);
    await expect(page.getByRole('row').filter({ hasText: 'Removed' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace everything on this device?' });
    await expect(dialog).toContainText('Plans removed: 1');
    await dialog.getByRole('button', { name: 'Replace everything' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toContainText(
      'removed: 1',
    );
    await expect(page.getByRole('button', { name: /^Restore the snapshot of / })).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo import' }).click();
    await expect(page.getByText('The import was undone')).toBeVisible();
    expect(await planNames(page)).toEqual(before);
  });

  test('a file dropped on the page is checked and previewed like a chosen one', async ({
    page,
  }) => {
    await page.goto('/backup');
    const text = readFileSync(FIXTURE, 'utf8');
    const transfer = await page.evaluateHandle((body) => {
      const data = new DataTransfer();
      data.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
      return data;
    }, text);
    const zone = page.getByRole('group', { name: 'Drop a backup file here' });
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.getByText(/^dropped\.json was made with Talentloop 0\.1\.0/)).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Added' })).toHaveCount(1);
  });

  test('a bad file is refused with each problem and its place, and nothing changes', async ({
    page,
  }) => {
    await openExample(page, 'Try with example data');
    const before = await planNames(page);
    await page.goto('/backup');
    const bad = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
      data: { plans: { loops: { updatedAt: string }[]; measurements: { kpiId: string }[] }[] };
    };
    bad.data.plans[0]!.loops[3]!.updatedAt = 'not a date';
    bad.data.plans[0]!.measurements[5]!.kpiId = 'no-such-kpi';
    await page.getByLabel('Choose a backup file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('bad.json was not imported. Problems found: 2.');
    await expect(alert).toContainText(
      'plans[0].loops[3].updatedAt: not a date and time (YYYY-MM-DDThh:mm:ssZ)',
    );
    await expect(alert).toContainText(
      'plans[0].measurements[5].kpiId: refers to no-such-kpi, which is not in this plan',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Choose a backup file').setInputFiles({
      name: 'proto.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        readFileSync(FIXTURE, 'utf8').replace('"organisation"', '"__proto__": {}, "organisation"'),
      ),
    });
    await expect(page.getByRole('alert')).toContainText(
      'plans[0].__proto__: the field name __proto__ is not allowed',
    );

    await page.getByLabel('Choose a backup file').setInputFiles({
      name: 'newer.json',
      mimeType: 'application/json',
      buffer: Buffer.from(readFileSync(FIXTURE, 'utf8').replace('"version": 1', '"version": 7')),
    });
    await expect(page.getByRole('alert')).toContainText(
      'version: made by a newer Talentloop (backup format 7; this version reads up to 2)',
    );
    await page.getByLabel('Choose a backup file').setInputFiles({
      name: 'half.json',
      mimeType: 'application/json',
      buffer: readFileSync(FIXTURE).subarray(0, 3000),
    });
    await expect(page.getByRole('alert')).toContainText('not a valid JSON file');
    expect(await planNames(page)).toEqual(before);
  });

  test('the backup reminder appears after 14 days with changes and can be put off', async ({
    page,
  }) => {
    await page.clock.install({ time: new Date('2026-11-01T09:00:00Z') });
    await page.goto('/plan/new');
    await page.getByLabel('Organisation').fill('Acme Care');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page).toHaveURL(/wizard\/baseline/);
    await page.goto('/');
    await expect(page.getByRole('complementary', { name: 'Backup reminder' })).toHaveCount(0);

    await page.clock.setFixedTime(new Date('2026-11-16T09:00:00Z'));
    await page.goto('/');
    const reminder = page.getByRole('complementary', { name: 'Backup reminder' });
    await expect(reminder).toContainText('You have not downloaded a backup yet.');
    expect(await seriousViolations(page)).toEqual([]);
    await reminder.getByRole('button', { name: 'Not now' }).click();
    await expect(reminder).toHaveCount(0);
    // The choice is saved in the background; the reload waits until it is on disk.
    await expect.poll(() => storedSetting(page, 'backupReminderSnoozedUntil')).toBeTruthy();
    await page.reload();
    await expect(page.getByRole('list', { name: 'Your plans' })).toBeVisible();
    await expect(reminder).toHaveCount(0);

    // A week later it is back; a backup makes it go away.
    await page.clock.setFixedTime(new Date('2026-11-24T09:00:00Z'));
    await page.goto('/');
    await reminder.getByRole('link', { name: 'Make a backup' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download backup' }).click();
    await downloading;
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Your plans' })).toBeVisible();
    await expect(reminder).toHaveCount(0);
  });
});

test.describe('print (Dutch and English)', () => {
  for (const { locale, button, focus, targets } of [
    { locale: 'en-GB', button: 'Try with example data', focus: 'Focus', targets: 'Targets' },
    { locale: 'nl-NL', button: 'Probeer met voorbeeldgegevens', focus: 'Focus', targets: 'Doelen' },
  ]) {
    test(`the expectations summary prints on one or two A4 pages with the focus and every target (${locale})`, async ({
      browser,
      baseURL,
    }) => {
      test.slow();
      const context = await browser.newContext({ baseURL, locale });
      const page = await context.newPage();
      await openExample(page, button);
      await page.goto('/backup');
      const summaryLink = page.getByRole('link', {
        name: /^(Expectations summary|Verwachtingen), loop/,
      });
      await summaryLink.click();
      const summary = page.getByRole('article');
      await expect(summary.getByRole('heading', { name: focus, exact: true })).toBeVisible();
      const focusText = await summary.locator('.focus').innerText();
      const rows = await summary
        .getByRole('region', { name: targets })
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.querySelector('th')!.innerText,
            tr.querySelectorAll('td')[1]!.innerText,
          ]),
        );
      expect(rows.length).toBeGreaterThan(3);

      const pdf = await readPdf(await page.pdf({ format: 'A4' }));
      expect(pdf.pages.length).toBeGreaterThanOrEqual(1);
      expect(pdf.pages.length).toBeLessThanOrEqual(2);
      for (const { width, height } of pdf.pages) {
        // Chromium rounds A4 to 8.27 × 11.69 inch: within a point or so of 210 × 297 mm.
        expect(Math.abs(width - A4.width)).toBeLessThan(1);
        expect(Math.abs(height - A4.height)).toBeLessThan(1);
      }
      const text = pdf.pages.map((p) => p.text).join(' ');
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      expect(text).toContain(squash(focusText));
      for (const [kpi, target] of rows) {
        expect(text).toContain(squash(kpi!));
        expect(text).toContain(squash(target!));
      }
      // No navigation or buttons on paper.
      expect(text).not.toMatch(
        /Backup & print|Back-up & afdrukken|Print summary|Samenvatting afdrukken/,
      );
      await context.close();
    });
  }
});

/** A setting as stored in IndexedDB right now (undefined while it is not written). */
function storedSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (name) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('talentloop');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('settings').objectStore('settings').get(name);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { value?: unknown } | undefined)?.value);
          };
          get.onerror = () => reject(get.error ?? new Error('read failed'));
        };
      }),
    key,
  );
}
