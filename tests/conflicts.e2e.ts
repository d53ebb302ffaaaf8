import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storedValues } from './stored-values';
import { seriousViolations } from './pages/plan';

/**
 * Issue 14, honest verdicts: a month total and daily values for part of its days are both
 * shown in the numbers grid, and the user chooses (with undo); daily unique counts get a note
 * in the import preview.
 */

type Labels = {
  create: string;
  organisation: string;
  firstLoop: string;
  submit: string;
  choose: string;
  channel: string;
  imported: string;
};
const EN: Labels = {
  create: 'Create your first plan',
  organisation: 'Organisation',
  firstLoop: 'First loop starts on',
  submit: 'Create plan and start',
  choose: 'Choose a CSV file',
  channel: 'Channel of these values',
  imported: 'Imported:',
};
const NL: Labels = {
  create: 'Maak je eerste plan',
  organisation: 'Organisatie',
  firstLoop: 'Eerste loop begint op',
  submit: 'Plan maken en beginnen',
  choose: 'Kies een CSV-bestand',
  channel: 'Kanaal van deze waarden',
  imported: 'Geïmporteerd:',
};

const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
});

/** A Meta Ads Manager export with one row for January 2026. */
const MONTH = csv(
  'meta-january.csv',
  'Reporting starts,Reporting ends,Applications completed\n2026-01-01,2026-01-31,40\n',
);
/** Daily values for 5–8 January: 3 + 2 + 4 + 1 = 10, four of the month's 31 days. */
const DAYS = csv(
  'days.csv',
  'Date,Applications completed\n2026-01-05,3\n2026-01-06,2\n2026-01-07,4\n2026-01-08,1\n',
);

/** A plan through the form whose loop 1 is January–February 2026; returns its id. */
async function newPlan(page: Page, name: string, labels: Labels): Promise<string> {
  await page.goto('/');
  await page.getByRole('link', { name: labels.create }).click();
  await page.getByLabel(labels.organisation).fill(name);
  await page.getByLabel(labels.firstLoop).fill('2026-01-01');
  await page.getByRole('button', { name: labels.submit }).click();
  await expect(page).toHaveURL(/\/plan\/wizard\/baseline\?id=[\w-]+&loop=1$/);
  return new URL(page.url()).searchParams.get('id') ?? '';
}

async function importFile(
  page: Page,
  id: string,
  file: ReturnType<typeof csv>,
  write: string,
  labels = EN,
): Promise<void> {
  await page.goto(`/loops/import?id=${id}`);
  await page.getByLabel(labels.choose).setInputFiles(file);
  // Both files' values in one channel (none): another channel's values would add up instead
  // of overlapping.
  await page.getByLabel(labels.channel).fill('');
  await page.getByRole('button', { name: write }).click();
  await expect(page.getByRole('status').filter({ hasText: labels.imported })).toBeVisible();
}

/** The days (start dates) of the plan's stored values of January 2026, as IndexedDB holds them. */
async function storedJanuary(page: Page, planId: string): Promise<string[]> {
  return (await storedValues(page))
    .filter((m) => m.planId === planId && m.start.startsWith('2026-01'))
    .map((m) => `${m.start}/${m.end}`)
    .sort();
}

const ALL = [
  '2026-01-01/2026-01-31',
  '2026-01-05/2026-01-05',
  '2026-01-06/2026-01-06',
  '2026-01-07/2026-01-07',
  '2026-01-08/2026-01-08',
];

test.describe('overlapping values in the numbers grid (English)', () => {
  test.use({ locale: 'en-GB' });

  test('the cell shows both, the user chooses in a dialog, and undo puts the values back', async ({
    page,
  }) => {
    test.slow();
    const id = await newPlan(page, 'Overlap BV', EN);
    await importFile(page, id, MONTH, 'Import 1 value');
    await importFile(page, id, DAYS, 'Import 4 values');
    expect(await storedJanuary(page, id)).toEqual(ALL);

    await page.goto(`/loops/numbers?id=${id}`);
    const cell = page.getByRole('textbox', { name: /^Applications completed, Loop 1 / });
    const row = page.getByRole('row', { name: /^Applications completed/ });
    // The total is kept (not silently dropped); the cell says there is more, in words.
    await expect(cell).toHaveValue('40');
    await expect(cell).toHaveAccessibleName(/Overlapping values/);
    await expect(row).toContainText('Overlapping values');
    const resolve = page.getByRole('button', {
      name: 'Resolve: overlapping values in Applications completed, Loop 1',
    });

    // Escape closes the dialog and gives the focus back; nothing is removed.
    await resolve.click();
    const dialog = page.getByRole('dialog', {
      name: 'Overlapping values: Applications completed, Loop 1',
    });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Decide later' })).toBeFocused();
    await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(
      /^Total for 1 Jan 2026 – 31 Jan 2026: 40$/,
    );
    await expect(dialog).toContainText(
      'Inside it: 4 finer values, together 10, covering 4 of its 31 days.',
    );
    await expect(dialog).toContainText(
      'Talentloop now uses the total and leaves the finer values out.',
    );
    const useFiner = dialog.getByRole('button', {
      name: 'Use the finer values (remove the total)',
    });
    await expect(useFiner).toHaveAccessibleDescription(
      /is then covered only partly: 4 of 31 days\.$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(resolve).toBeFocused();
    expect(await storedJanuary(page, id)).toEqual(ALL);

    // Keep the total: the four daily values go, in one write; the cell shows the total.
    await resolve.click();
    await dialog
      .getByRole('button', { name: 'Keep the total (remove the 4 finer values)' })
      .click();
    await expect(dialog).toBeHidden();
    await expect(cell).toBeFocused();
    await expect(row).not.toContainText('Overlapping values');
    await expect(cell).toHaveValue('40');
    await expect.poll(() => storedJanuary(page, id)).toEqual([ALL[0]]);

    const toast = page.getByRole('status').filter({ hasText: 'kept the total' });
    await expect(toast).toContainText(
      'Applications completed: kept the total for 1 Jan 2026 – 31 Jan 2026, removed 4 finer values.',
    );
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(row).toContainText('Overlapping values');
    await expect.poll(() => storedJanuary(page, id)).toEqual(ALL);

    // The other choice: the total goes, and the daily values count (4 of the loop's 59 days).
    await resolve.click();
    await useFiner.click();
    await expect(dialog).toBeHidden();
    await expect(cell).toHaveValue('10');
    await expect(row).toContainText('from finer data, 7% covered');
    await expect.poll(() => storedJanuary(page, id)).toEqual(ALL.slice(1));
    await page
      .getByRole('status')
      .filter({ hasText: 'removed the total' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect(cell).toHaveValue('40');
    await expect.poll(() => storedJanuary(page, id)).toEqual(ALL);
  });

  test('daily unique counts in a CSV import get a note: stored, never added up as people', async ({
    page,
  }) => {
    const id = await newPlan(page, 'Reach BV', EN);
    await page.goto(`/loops/import?id=${id}`);
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(
        csv('reach.csv', 'Date,Unique people reached\n2026-03-02,120\n2026-03-03,80\n'),
      );
    const note = page.getByRole('note').filter({ hasText: 'unique counts per day' });
    await expect(note).toContainText('Unique people reached: these are unique counts per day');
    await expect(note).toContainText('never adds them up as different people');
    await expect(note).toContainText('set the report’s date range to the loop’s dates');
    const preview = page.getByRole('table', { name: 'What will be written, per KPI and period' });
    await expect(preview).toContainText('added up from unique counts: not a number of people');
    expect(await seriousViolations(page)).toEqual([]);

    // Not imported: no note.
    await page.getByLabel('KPI for Unique people reached').selectOption({ label: 'Not imported' });
    await expect(note).toHaveCount(0);
  });
});

test.describe('overlapping values and unique counts (Dutch)', () => {
  test.use({ locale: 'nl-NL' });

  test('the marker, the dialog and the import note in Dutch', async ({ page }) => {
    test.slow();
    const id = await newPlan(page, 'Overlap NL', NL);
    await page.goto(`/loops/import?id=${id}`);
    await page
      .getByLabel('Kies een CSV-bestand')
      .setInputFiles(csv('bereik.csv', 'Datum;Unieke mensen bereikt\n02-03-2026;120\n'));
    await expect(
      page.getByRole('note').filter({ hasText: 'unieke aantallen per dag' }),
    ).toContainText('telt ze nooit op als verschillende mensen');

    await importFile(page, id, MONTH, '1 waarde importeren', NL);
    await importFile(page, id, DAYS, '4 waarden importeren', NL);
    await page.goto(`/loops/numbers?id=${id}`);
    const row = page.getByRole('row', { name: /^Afgeronde sollicitaties/ });
    await expect(row).toContainText('Waarden overlappen');
    await page
      .getByRole('button', {
        name: 'Oplossen: overlappende waarden bij Afgeronde sollicitaties, Loop 1',
      })
      .click();
    const dialog = page.getByRole('dialog', {
      name: 'Overlappende waarden: Afgeronde sollicitaties, Loop 1',
    });
    await expect(dialog).toContainText(
      'Daarbinnen: 4 fijnere waarden, samen 10, voor 4 van de 31 dagen.',
    );
    await expect(dialog).toContainText('is dan maar deels gedekt: 4 van de 31 dagen.');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog
      .getByRole('button', { name: 'Totaal houden (de 4 fijnere waarden verwijderen)' })
      .click();
    await expect(row).not.toContainText('Waarden overlappen');
    await page
      .getByRole('status')
      .filter({ hasText: 'totaal voor' })
      .getByRole('button', { name: 'Ongedaan maken' })
      .click();
    await expect(row).toContainText('Waarden overlappen');
  });
});
