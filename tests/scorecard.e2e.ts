import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createPlan, openExample, seriousViolations } from './pages/plan';
import { A4, readPdf } from './pdf';

/** The words each language uses on the scorecard and the tiles. */
const LANGS = [
  {
    locale: 'en-GB',
    example: 'Try with example data',
    region: 'At a glance',
    real: 'Probably a real change',
    better: 'better',
    worse: 'worse',
    tradeOff: 'Expected trade-off',
    chance: 'Could be chance',
    rows: {
      better: 'Probably real, better',
      worse: 'Probably real, worse',
      tradeOffs: 'Expected trade-offs',
      chance: 'Could be chance',
    },
    allMet: 'All KPIs: target met',
    report: (n: number) => `Results of loop ${n}`,
    xOfY: (x: number, y: number) => `${x} of ${y}`,
  },
  {
    locale: 'nl-NL',
    example: 'Probeer met voorbeeldgegevens',
    region: 'In één oogopslag',
    real: 'Waarschijnlijk een echte verandering',
    better: 'beter',
    worse: 'slechter',
    tradeOff: 'Verwacht bijeffect',
    chance: 'Kan toeval zijn',
    rows: {
      better: 'Waarschijnlijk echt, beter',
      worse: 'Waarschijnlijk echt, slechter',
      tradeOffs: 'Verwachte bijeffecten',
      chance: 'Kan toeval zijn',
    },
    allMet: 'Alle KPI’s: doel gehaald',
    report: (n: number) => `Resultaten van loop ${n}`,
    xOfY: (x: number, y: number) => `${x} van ${y}`,
  },
];

/** The count a scorecard row states ("2 Expected trade-offs …: Time on site, …"). */
async function rowCount(region: Locator, label: string): Promise<number> {
  const row = region.getByRole('listitem').filter({ hasText: label }).first();
  return Number(await row.locator('strong').innerText());
}

/** How many tiles show all of `texts` and none of `without` (details closed: as seen). */
async function tiles(
  page: Page,
  texts: string[],
  without: string[] = [],
  exact = true,
): Promise<number> {
  const shown = (t: string) => page.getByText(t, { exact }).filter({ visible: true });
  let found = page.locator('section.pillar article');
  for (const t of texts) found = found.filter({ has: shown(t) });
  for (const t of without) found = found.filter({ hasNot: shown(t) });
  return found.count();
}

for (const lang of LANGS) {
  test.describe(`the scorecard (${lang.locale})`, () => {
    test.use({ locale: lang.locale, viewport: { width: 1280, height: 800 } });

    test("states the last ended loop's counts, and they agree with the tiles", async ({ page }) => {
      test.slow();
      const id = await openExample(page, lang.example);
      const current = await page.locator('[aria-current="true"] h2').innerText();
      const last = Number(current.replace(/\D/g, '')) - 1;
      await page.goto(`/loops/dashboard?id=${id}&loop=${last}`);
      const region = page.getByRole('region', { name: lang.region });
      await expect(region).toBeVisible();
      await expect(page.locator('section.pillar article').first()).toBeVisible();

      const t = lang.rows;
      expect(await rowCount(region, t.better)).toBe(
        await tiles(page, [lang.real, lang.better], [lang.tradeOff]),
      );
      expect(await rowCount(region, t.worse)).toBe(
        await tiles(page, [lang.real, lang.worse], [lang.tradeOff]),
      );
      expect(await rowCount(region, t.chance)).toBe(
        await tiles(page, [lang.chance], [lang.tradeOff]),
      );
      const tradeOffs = await tiles(page, [lang.tradeOff]);
      expect(tradeOffs).toBeGreaterThan(0);
      expect(await rowCount(region, t.tradeOffs)).toBe(tradeOffs);

      const met = await tiles(page, ['✓'], [], false);
      const missed = await tiles(page, ['✗'], [], false);
      expect(met + missed).toBeGreaterThan(0);
      await expect(
        region.getByRole('definition').filter({ hasText: lang.xOfY(met, met + missed) }),
      ).toHaveCount(1);
      await expect(region.getByText(lang.allMet)).toBeVisible();

      // The whole scorecard is on the first screen of a laptop.
      const box = await region.boundingBox();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the report of that loop prints on at most two A4 pages, header and numbers on each', async ({
      page,
    }) => {
      test.slow();
      const id = await openExample(page, lang.example);
      const current = await page.locator('[aria-current="true"] h2').innerText();
      const last = Number(current.replace(/\D/g, '')) - 1;
      await page.goto(`/loops/report?id=${id}&loop=${last}`);
      const report = page.getByRole('article', { name: lang.report(last) });
      await expect(report.getByRole('region', { name: lang.region })).toBeVisible();
      await expect(report.locator('canvas')).toHaveCount(1);
      // Printed once the chart is drawn (it takes the keyboard then), as a user who sees it
      // prints: a chart still loading prints its longer table instead.
      await expect(report.getByRole('application')).toHaveAttribute('tabindex', '0');
      await page.emulateMedia({ media: 'print' });
      const { pages } = await readPdf(await page.pdf({ format: 'A4' }));
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.length).toBeLessThanOrEqual(2);
      for (const [i, p] of pages.entries()) {
        expect(p.width).toBeCloseTo(A4.width, -1);
        expect(p.height).toBeCloseTo(A4.height, -1);
        expect(p.text).toContain(`${i + 1} / ${pages.length}`);
        expect(p.text).toContain(`Loop ${last} · `);
      }
      // The scorecard comes first, before the table of every KPI.
      const first = pages[0]?.text ?? '';
      expect(first.indexOf(lang.region)).toBeGreaterThan(-1);
      expect(first.indexOf(lang.region)).toBeLessThan(first.indexOf(lang.rows.chance));
    });
  });
}

test.describe('an empty plan (en-GB)', () => {
  test.use({ locale: 'en-GB' });

  test('its results page leads to entering numbers, with the date the loop starts', async ({
    page,
  }) => {
    test.slow();
    await createPlan(page, 'Empty BV', {
      create: 'Create your first plan',
      organisation: 'Organisation',
      submit: 'Create plan and start',
    });
    const id = new URL(page.url()).searchParams.get('id');
    await page.goto(`/loops/dashboard?id=${id}&loop=1`);
    const empty = page.getByRole('region', { name: 'No numbers for loop 1 yet' });
    await expect(empty).toBeVisible();
    await expect(empty).toContainText(/Loop 1 starts on \d+ \w+ \d{4}/);
    await expect(page.locator('canvas')).toHaveCount(0);
    await expect(page.getByText('no test for this kind of number')).toHaveCount(0);
    await empty.getByRole('link', { name: 'Enter numbers' }).click();
    await expect(page).toHaveURL(/\/loops\/numbers\?id=/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
