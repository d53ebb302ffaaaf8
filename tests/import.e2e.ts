import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExample, seriousViolations } from './pages/plan';

const CSV = 'tests/fixtures/csv';

/**
 * The example plan's import page, as a user reaches it (English); `today` fixes the clock first,
 * so that the example's loops, which follow today's month, fall where the test expects.
 */
async function openExampleImport(page: Page, { today }: { today?: string } = {}): Promise<string> {
  if (today) await page.clock.setFixedTime(new Date(`${today}T09:00:00Z`));
  const id = await openExample(page, 'Try with example data');
  await page.goto(`/loops/import?id=${id}`);
  return id;
}

test.describe('CSV import (English)', () => {
  test.use({ locale: 'en-GB' });

  test('a Dutch Meta export: detected, mapped, previewed, written, and shown on the dashboard', async ({
    page,
  }) => {
    test.slow();
    // The example's loops follow today's month; the export is for January 2026, so the loop it
    // falls in (and the share of its days) is fixed by fixing today.
    await page.clock.setFixedTime(new Date('2026-11-23T09:00:00Z'));
    await openExample(page, 'Try with example data');
    await page.getByRole('link', { name: 'Enter numbers' }).first().click();
    await page.getByRole('link', { name: 'Import a CSV file' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Import numbers from a CSV file',
    );
    await page.getByLabel('Choose a CSV file').setInputFiles(`${CSV}/meta-nl-1252.csv`);
    await expect(page.getByText(/a Meta Ads Manager export\. Rows read: 2/)).toContainText(
      'Numbers written as 1.234,5; text encoding Windows-1252.',
    );
    // Suggested from the preset; the user adds one more.
    await expect(page.getByLabel('KPI for Weergaven')).toHaveValue(/.+/);
    await expect(page.getByLabel('KPI for Besteed bedrag (EUR)')).not.toHaveValue('');
    await expect(page.getByLabel('KPI for Bereik')).toHaveValue('');
    const preview = page.getByRole('table', { name: 'What will be written, per KPI and period' });
    await expect(preview.getByRole('row')).toHaveCount(3);
    const impressions = preview.getByRole('row', { name: /Impressions/ });
    await expect(impressions).toContainText('34,500 (53 % of the days)');
    // The example's loop totals were imported before channels existed: Meta's January meets
    // them (replace or keep), it is not added to them.
    await expect(page.getByLabel('Channel of these values')).toHaveValue('Meta');
    await expect(page.getByText(/imported before channels existed: 2\.$/)).toBeVisible();
    const after = impressions.getByRole('cell').last();
    await expect(after).toHaveText('34,500 (53 % of the days)');
    await page.getByRole('radio', { name: 'Keep them; skip those imported values' }).check();
    await expect(after).toHaveText('214,000 (100 % of the days)');
    await page.getByRole('radio', { name: 'Replace them with the imported values' }).check();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import 2 values' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Imported:' });
    await expect(done).toHaveText(/Imported: 0 added, 2 replaced, 0 left unchanged\./);
    await expect(done).toBeFocused();
    await done.getByRole('link', { name: /^See the results of loop \d+$/ }).click();
    // Meta's January replaced the loop's older total: the card says how little it covers.
    const card = page.getByRole('article', { name: 'Impressions', exact: true });
    await expect(card).toContainText('34,500');
    await expect(card).not.toContainText('A finer value was left out');
  });

  test('the same export again: the mapping is remembered, stored values can be kept', async ({
    page,
  }) => {
    test.slow();
    await openExampleImport(page);
    await page.getByLabel('Choose a CSV file').setInputFiles(`${CSV}/meta-nl-1252.csv`);
    await page.getByLabel('KPI for Weergaven').selectOption({ label: 'Not imported' });
    await page.getByRole('button', { name: 'Import 1 value' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText(
      '0 added, 1 replaced',
    );

    await page.getByLabel('Choose a CSV file').setInputFiles(`${CSV}/meta-nl-1252.csv`);
    await expect(page.getByLabel('KPI for Weergaven')).toHaveValue('');
    await expect(
      page.getByText(
        'Values already stored for the same KPI and days, in this channel or imported before channels existed: 1.',
      ),
    ).toBeVisible();
    await page.getByRole('radio', { name: 'Keep them; skip those imported values' }).check();
    await page.getByRole('button', { name: 'Import 1 value' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText(
      '0 added, 0 replaced, 1 left unchanged',
    );
  });

  test('a bad file gets each problem with its line and column, and nothing is written', async ({
    page,
  }) => {
    await openExampleImport(page);
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: 'ga4.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Date,Sessions,Active users\n20260101,5,4\n20260102,five,4\n20260103,6\n',
      ),
    });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'ga4.csv could not be read. Problems found: 1. Nothing was written.',
    );
    await expect(alert).toContainText('Line 4: this row has 2 cells, the header has 3');
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: 'ga4.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Date,Sessions,Active users\n20260101,5,4\n20260102,five,4\n'),
    });
    await expect(page.getByRole('alert')).toContainText(
      'Line 3, column “Sessions”: “five” is not a number',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('coverage from the export range (English)', () => {
  test.use({ locale: 'en-GB' });

  /**
   * An ATS export over loop 6 of the example (September–October 2026 with today fixed in
   * November): a candidate every other day from 1 September to 31 October, 16 of the first
   * ones hired ten days after applying. Days without a candidate had none.
   */
  function atsExport(): string {
    const date = (day: number) => {
      const d = new Date(Date.UTC(2026, 8, 1 + day));
      const two = (n: number) => String(n).padStart(2, '0');
      return `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
    };
    const lines = ['Candidate,Vacancy,Applied date,Source,Status,Hired date'];
    for (let k = 0; k <= 30; k++) {
      const hired = k < 16 ? date(2 * k + 10) : '';
      lines.push(`C-${k},Nurse,${date(2 * k)},Indeed,${hired ? 'Hired' : 'Interview'},${hired}`);
    }
    return `${lines.join('\n')}\n`;
  }

  test('an ATS export covers its whole range: days without a candidate are zero, so hires are fully covered', async ({
    page,
  }) => {
    test.slow();
    await openExampleImport(page, { today: '2026-11-23' });
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles({ name: 'ats.csv', mimeType: 'text/csv', buffer: Buffer.from(atsExport()) });
    await expect(page.getByText(/an applicant tracking export/)).toBeVisible();
    const zero = page.getByRole('checkbox', {
      name: 'Days without rows in 1 Sept 2026 – 31 Oct 2026 count as zero',
    });
    await expect(zero).toBeChecked();
    const preview = page.getByRole('table', { name: 'What will be written, per KPI and period' });
    const hires = preview.getByRole('row', { name: /^Hires Loop 6/ });
    await expect(hires).toContainText('16 (100 % of the days)');
    // Unticked, only the 16 days with a hire are covered; ticked again for the import.
    await zero.uncheck();
    await expect(hires).toContainText('16 (26 % of the days)');
    await zero.check();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Import [\d,]+ values$/ }).click();
    const done = page.getByRole('status').filter({ hasText: 'Imported:' });
    await expect(done).toBeVisible();
    await done.getByRole('link', { name: 'See the results of loop 6' }).click();
    // The export's days replace the example's loop total (imported before channels existed):
    // all of the loop is covered.
    const card = page.getByRole('article', { name: 'Hires', exact: true });
    await expect(card.locator('.value')).toHaveText('16');
    await expect(card).not.toContainText('of the loop');
    await expect(card).not.toContainText('The data covers');
    await expect(card).not.toContainText('A finer value was left out');
  });
});

test.describe('clicks and mappings across languages (English)', () => {
  test.use({ locale: 'en-GB' });

  test('a Meta export: link clicks map to Link clicks, added from the import page without leaving it', async ({
    page,
  }) => {
    test.slow();
    const id = await openExampleImport(page, { today: '2026-11-23' });
    await page.getByLabel('Choose a CSV file').setInputFiles(`${CSV}/meta-en.csv`);
    const column = page.getByLabel('KPI for Link clicks');
    // The example plan has no link clicks: the column offers to add the KPI.
    await expect(column).toHaveValue('');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add KPI “Link clicks” to this plan' }).click();
    await expect(column).toBeFocused();
    await expect(column.locator('option:checked')).toHaveText('Link clicks');
    await expect(
      page.getByRole('button', { name: 'Add KPI “Link clicks” to this plan' }),
    ).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/loops/import\\?id=${id}$`));
    const preview = page.getByRole('table', { name: 'What will be written, per KPI and period' });
    await expect(preview.getByRole('row', { name: /Link clicks/ })).toContainText('85');

    // Impressions, spend and link clicks, on two days each, and a zero for the third day of
    // the export's stated range for each of the two counts (impressions and link clicks).
    await page.getByRole('button', { name: 'Import 8 values' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Imported:' });
    // Impressions and spend meet the example's loop totals (imported before channels existed).
    await expect(done).toContainText('Imported: 4 added, 4 replaced');
    await expect(done).toContainText('Of the values added, 2 are zeros for days without a row.');
  });

  test('the Dutch Meta header reuses a mapping remembered for the English one', async ({
    page,
  }) => {
    test.slow();
    await openExampleImport(page);
    await page.getByLabel('Choose a CSV file').setInputFiles(`${CSV}/meta-en.csv`);
    await page.getByLabel('KPI for Results').selectOption({ label: 'Applications started' });
    await page.getByLabel('KPI for Impressions').selectOption({ label: 'Not imported' });
    await page.getByRole('button', { name: /^Import \d+ values$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();

    await page.getByLabel('Choose a CSV file').setInputFiles(`${CSV}/meta-nl-1252.csv`);
    await expect(page.getByLabel('KPI for Resultaten').locator('option:checked')).toHaveText(
      'Applications started',
    );
    await expect(page.getByLabel('KPI for Weergaven')).toHaveValue('');
  });
});

test.describe('after a CSV import (English)', () => {
  test.use({ locale: 'en-GB' });

  test('values for a loop not started yet are kept and lead to the plan, not to a missing loop; the grid shows money with its sign and cents', async ({
    page,
  }) => {
    test.slow();
    const id = await openExampleImport(page, { today: '2026-11-23' });
    // One day in a started loop, one in December 2027: far past the example's last loop.
    const csv = [
      'Campaign name,Day,Impressions,Amount spent (EUR)',
      'Nurses,2026-01-05,1000,12.5',
      'Nurses,2027-12-15,900,10',
    ].join('\n');
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles({ name: 'meta.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: /^Import \d+ values?$/ }).click();
    const done = page.getByRole('status').filter({ hasText: 'Imported:' });
    await expect(done).toContainText(
      'Values for loops that have not been started yet (13) are stored: they show in the results once you start those loops.',
    );
    await expect(done.getByRole('link', { name: 'See the results of loop 13' })).toHaveCount(0);
    await expect(
      done.getByRole('link', { name: 'Go to the plan to start the next loop' }),
    ).toHaveAttribute('href', `/loops?id=${id}`);
    await done.getByRole('link', { name: /^See the results of loop \d+$/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Loop \d+: results$/);

    // Money in the numbers grid: the sign beside the KPI, cents in the cells.
    await page.goto(`/loops/numbers?id=${id}`);
    await expect(page.getByRole('rowheader', { name: 'Marketing spend (€)' })).toBeVisible();
    const loop1 = page.getByRole('textbox', { name: /^Marketing spend, Loop 1( \(|$)/ });
    await loop1.fill('4386.2');
    await loop1.press('Enter');
    await page.reload();
    await expect(loop1).toHaveValue('4386.20');
  });
});

test.describe('CSV import (Dutch)', () => {
  test.use({ locale: 'nl-NL' });

  test('an English LinkedIn export in the Dutch interface', async ({ page }) => {
    const id = await openExample(page, 'Probeer met voorbeeldgegevens');
    await page.goto(`/loops/import?id=${id}`);
    await page.getByLabel('Kies een CSV-bestand').setInputFiles(`${CSV}/linkedin.csv`);
    await expect(
      page.getByText(
        /een export uit LinkedIn Campaign Manager\. Gelezen rijen: 3; weggelaten totaalrijen: 1\./,
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Wat er wordt opgeslagen, per KPI en periode' }),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
