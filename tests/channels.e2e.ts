import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newJanuaryPlan, seriousViolations } from './pages/plan';

const CSV = 'tests/fixtures/csv';

/** Chooses a file on the import page and imports what it suggests. */
async function importFile(page: Page, file: string | Parameters<Page['setInputFiles']>[1]) {
  await page.getByLabel('Choose a CSV file').setInputFiles(file as string);
  await page.getByRole('button', { name: /^Import [\d,]+ values?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();
}

/** Candidates of January 2026 with their source: two hires via Facebook, one via LinkedIn. */
const ATS = [
  'Candidate,Applied date,Source,Status,Hired date',
  'C1,02-01-2026,Facebook,Hired,20-01-2026',
  'C2,03-01-2026,Instagram,Hired,21-01-2026',
  'C3,04-01-2026,LinkedIn,Hired,22-01-2026',
  'C4,05-01-2026,LinkedIn,Rejected,',
].join('\n');

test.describe('channels that add up (English)', () => {
  test.use({ locale: 'en-GB' });

  test('Meta then LinkedIn into one plan: the loop holds the sum of both, the grid shows each', async ({
    page,
  }) => {
    test.slow();
    const id = await newJanuaryPlan(page, 'Channels BV');
    await page.goto(`/loops/import?id=${id}`);
    await page.getByLabel('Choose a CSV file').setInputFiles(`${CSV}/meta-en.csv`);
    await expect(page.getByLabel('Channel of these values')).toHaveValue('Meta');
    await page.getByRole('button', { name: 'Add KPI “Marketing spend” to this plan' }).click();
    await page.getByRole('button', { name: /^Import [\d,]+ values$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();

    // LinkedIn's export: nothing of its own is stored yet, so nothing to replace; Meta stays.
    await page.getByLabel('Choose a CSV file').setInputFiles(`${CSV}/linkedin.csv`);
    await expect(page.getByLabel('Channel of these values')).toHaveValue('LinkedIn');
    await expect(page.getByText('Values already stored for the same KPI')).toHaveCount(0);
    await expect(page.getByRole('note').filter({ hasText: 'stay and are added' })).toContainText(
      'Meta',
    );
    const preview = page.getByRole('table', { name: 'What will be written, per KPI and period' });
    const spend = preview.getByRole('row', { name: /^Marketing spend Loop 1/ });
    await expect(spend.getByRole('cell').nth(1)).toHaveText(/^€123\.60/);
    await expect(spend.getByRole('cell').nth(2)).toHaveText(/^€77\.75/);
    await expect(spend.getByRole('cell').nth(3)).toHaveText(/^€201\.35/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Import [\d,]+ values$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText(
      '0 replaced',
    );

    // The ATS export: each candidate's source is the channel of the application and the hire.
    await importFile(page, { name: 'ats.csv', mimeType: 'text/csv', buffer: Buffer.from(ATS) });

    // The grid: loop 1's spend is the sum, read-only; the channels on demand.
    await page.goto(`/loops/numbers?id=${id}`);
    const cell = page.getByRole('textbox', { name: /^Marketing spend, Loop 1 / });
    await expect(cell).toHaveValue('€201.35');
    await expect(cell).toHaveAccessibleName(/2 channels added up/);
    await page.getByLabel('Show the channels of each total').check();
    const row = page.getByRole('row', { name: /^Marketing spend/ });
    await expect(row).toContainText('LinkedIn: €123.60');
    await expect(row).toContainText('Meta: €77.75');
    const hires = page.getByRole('row', { name: /^Hires/ });
    await expect(hires).toContainText('LinkedIn: 1');
    await expect(hires).toContainText('Meta: 2');
    // A total typed by hand is its own channel: it adds to the imported ones.
    await page
      .getByRole('textbox', { name: 'Manual (typed by hand): Marketing spend, Loop 1' })
      .fill('100');
    await page.keyboard.press('Enter');
    await expect(cell).toHaveValue('€301.35');
    await expect(cell).toHaveAccessibleName(/3 channels added up/);
    expect(await seriousViolations(page)).toEqual([]);

    // The results: per channel its own spend and hires, the total the plan's own.
    await page.goto(`/loops/dashboard?id=${id}&loop=1`);
    const table = page.getByRole('table', { name: /^Per channel: / });
    const cells = (name: string) =>
      table.getByRole('row', { name: new RegExp(`^${name}\\b`) }).getByRole('cell');
    await expect(cells('Meta').first()).toContainText('€77.75');
    await expect(cells('LinkedIn').first()).toContainText('€123.60');
    await expect(cells('Manual').first()).toContainText('€100.00');
    await expect(cells('Total').first()).toContainText('€301.35');
    const hiresColumn = await table.getByRole('columnheader').allTextContents();
    const at = hiresColumn.indexOf('Hires') - 1;
    await expect(cells('Meta').nth(at)).toContainText('2');
    await expect(cells('LinkedIn').nth(at)).toContainText('1');
    await expect(cells('Total').nth(at)).toContainText('3');
  });
});
