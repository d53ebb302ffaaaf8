import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storedValues } from './stored-values';
import { openExample, seriousViolations } from './pages/plan';

/**
 * Issue 16: a CSV import obeys the numbers grid's rules (whole non-negative counts,
 * percentages up to 100, the maximum every number has). Each refused value is named with its
 * file, line, column and date; nothing is written, and the stored values after a reload are
 * what they were.
 */

const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

/** Every stored value of the plan, as IndexedDB holds it, in a fixed order. */
async function storedRows(page: Page): Promise<string[]> {
  return (await storedValues(page)).map((row) => JSON.stringify(row)).sort();
}

test.describe('CSV values that break the number rules (English)', () => {
  test.use({ locale: 'en-GB' });

  test('hires −5, brand awareness 150 %, 12.5 impressions and 1e308 are refused at their places; nothing is written', async ({
    page,
  }) => {
    const id = await openExample(page, 'Try with example data');
    const before = await storedRows(page);
    expect(before.length).toBeGreaterThan(0);
    await page.goto(`/loops/import?id=${id}`);

    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(
        csv(
          'survey.csv',
          'Date,Hires,Brand awareness,Impressions\n2026-01-05,-5,40,100\n2026-01-06,2,150,12.5\n',
        ),
      );
    // The columns go to the plan's KPIs of the same name, whose rules then apply.
    await expect(page.getByLabel('KPI for Hires')).not.toHaveValue('');
    await expect(page.getByLabel('KPI for Brand awareness')).not.toHaveValue('');
    await expect(page.getByLabel('KPI for Impressions')).not.toHaveValue('');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'survey.csv: 3 values break the number rules of its KPI (as in the numbers grid). Nothing is written',
    );
    const items = alert.getByRole('listitem');
    await expect(items).toHaveText([
      'Line 2, column “Hires”, 5 Jan 2026: Hires: a count cannot be negative (-5)',
      'Line 3, column “Brand awareness”, 6 Jan 2026: Brand awareness: a percentage is at most 100, not 150',
      'Line 3, column “Impressions”, 6 Jan 2026: Impressions: 12.5 is not a whole count',
    ]);
    // No way to write while a refusal stands.
    await expect(page.getByRole('button', { name: /^Import \d+ values?$/ })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Leaving the impressions out takes its refusal away, and only its.
    await page.getByLabel('KPI for Impressions').selectOption({ label: 'Not imported' });
    await expect(items).toHaveCount(2);
    await expect(alert).toContainText('survey.csv: 2 values break');

    // A number beyond the maximum is refused while reading, with its line and column.
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(csv('huge.csv', 'Date,Hires\n2026-01-05,3\n2026-01-06,1e308\n'));
    await expect(page.getByRole('alert')).toContainText(
      'huge.csv could not be read. Problems found: 1. Nothing was written.',
    );
    await expect(page.getByRole('alert')).toContainText(
      'Line 3, column “Hires”: “1e308” is too large to be a real value',
    );

    await page.reload();
    await expect(page.getByLabel('Choose a CSV file')).toBeVisible();
    expect(await storedRows(page)).toEqual(before);
  });
});

test.describe('CSV values that break the number rules (Dutch)', () => {
  test.use({ locale: 'nl-NL' });

  test('a Dutch file: each refusal in Dutch, with its line, column and date', async ({ page }) => {
    const id = await openExample(page, 'Probeer met voorbeeldgegevens');
    const before = await storedRows(page);
    await page.goto(`/loops/import?id=${id}`);
    await page
      .getByLabel('Kies een CSV-bestand')
      .setInputFiles(
        csv(
          'enquete.csv',
          'Datum;Hires;Naamsbekendheid;Weergaven\n05-01-2026;-5;40;100\n06-01-2026;2;150;12,5\n',
        ),
      );
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'enquete.csv: 3 waarden houden zich niet aan de getalregels van de KPI',
    );
    await expect(alert.getByRole('listitem')).toHaveText([
      'Regel 2, kolom “Hires”, 5 jan 2026: Hires: een aantal kan niet negatief zijn (-5)',
      'Regel 3, kolom “Naamsbekendheid”, 6 jan 2026: Naamsbekendheid: een percentage is hoogstens 100, niet 150',
      'Regel 3, kolom “Weergaven”, 6 jan 2026: Weergaven: 12,5 is geen heel aantal',
    ]);
    await expect(page.getByRole('button', { name: /importeren$/ })).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel('Kies een CSV-bestand')).toBeVisible();
    expect(await storedRows(page)).toEqual(before);
  });
});
