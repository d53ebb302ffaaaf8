import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations, tabTo } from './pages/plan';

/**
 * A plan whose numbers carry their channel: Meta and LinkedIn spend and clicks from the ad
 * platforms, completed applications and hires per channel from the ATS's source column, in
 * loop 2 and in loop 1 (its reference), plus one hire typed by hand in loop 2.
 *
 * Loop 2: Meta € 1,000 ÷ 4 hires = € 250; LinkedIn € 600 ÷ 2 = € 300; together € 1,600 ÷ 7
 * hires (the hand-typed one counts in the total) = € 228.57. Loop 1: Meta € 800 ÷ 2 = € 400;
 * LinkedIn € 900 ÷ 3 = € 300; total € 1,700 ÷ 5 = € 340.
 */
const PLAN_ID = 'plan-channels';
const LOOP_1 = { start: '2025-01-01', end: '2025-02-28' };
const LOOP_2 = { start: '2025-03-01', end: '2025-04-30' };

const kpi = (key: string, extra: Record<string, unknown>, order: number) => ({
  id: `kpi-${key}`,
  catalogKey: key,
  side: 'recruitment',
  order,
  ...extra,
});
const KPIS = [
  kpi(
    'clicks',
    { pillar: 'traffic', unit: 'count', direction: 'higher', aggregation: { kind: 'sum' } },
    1,
  ),
  kpi(
    'applicationsCompleted',
    { pillar: 'conversion', unit: 'count', direction: 'higher', aggregation: { kind: 'sum' } },
    2,
  ),
  kpi(
    'hires',
    { pillar: 'conversion', unit: 'count', direction: 'higher', aggregation: { kind: 'sum' } },
    3,
  ),
  kpi(
    'spend',
    { pillar: 'conversion', unit: 'currency', direction: 'depends', aggregation: { kind: 'sum' } },
    4,
  ),
  kpi(
    'costPerHire',
    {
      pillar: 'conversion',
      unit: 'currency',
      direction: 'lower',
      aggregation: { kind: 'ratio', numerator: 'spend', denominator: 'hires' },
    },
    5,
  ),
].map((k) => ({
  ...k,
  source: k.catalogKey === 'costPerHire' ? 'manual' : k.catalogKey === 'spend' ? 'ads' : 'ats',
}));

let next = 0;
const value = (key: string, range: typeof LOOP_1, v: number, channel?: string) => ({
  id: `m-${++next}`,
  kpiId: `kpi-${key}`,
  ...range,
  value: v,
  source: key === 'spend' || key === 'clicks' ? 'ads' : 'ats',
  ...(channel ? { channel } : {}),
});

const MEASUREMENTS = [
  value('spend', LOOP_1, 800, 'Meta'),
  value('spend', LOOP_1, 900, 'LinkedIn'),
  value('clicks', LOOP_1, 400, 'Meta'),
  value('clicks', LOOP_1, 300, 'LinkedIn'),
  value('applicationsCompleted', LOOP_1, 20, 'Meta'),
  value('applicationsCompleted', LOOP_1, 10, 'LinkedIn'),
  value('hires', LOOP_1, 2, 'Meta'),
  value('hires', LOOP_1, 3, 'LinkedIn'),
  value('spend', LOOP_2, 1000, 'Meta'),
  value('spend', LOOP_2, 600, 'LinkedIn'),
  value('clicks', LOOP_2, 500, 'Meta'),
  value('clicks', LOOP_2, 200, 'LinkedIn'),
  value('applicationsCompleted', LOOP_2, 40, 'Meta'),
  value('applicationsCompleted', LOOP_2, 12, 'LinkedIn'),
  value('hires', LOOP_2, 4, 'Meta'),
  value('hires', LOOP_2, 2, 'LinkedIn'),
  value('hires', LOOP_2, 1),
];

const loop = (index: number) => ({
  id: `loop-${index}`,
  index,
  focus: 'conversion',
  strategy: '',
  expectationsNotes: '',
  insights: { targetGroup: '', reaction: '', journey: '' },
  updatedAt: '2025-01-01T09:00:00.000Z',
});

const BACKUP = JSON.stringify({
  format: 'talentloop-backup',
  version: 1,
  exportedAt: '2025-05-02T10:00:00.000Z',
  app: { name: 'Talentloop', version: '0.1.0' },
  data: {
    plans: [
      {
        id: PLAN_ID,
        organisation: 'Channel Care',
        loopLength: { unit: 'months', count: 2 },
        firstLoopStart: LOOP_1.start,
        defaultComparison: 'previousLoop',
        currency: 'EUR',
        notes: '',
        example: false,
        createdAt: '2025-01-01T09:00:00.000Z',
        updatedAt: '2025-05-02T09:00:00.000Z',
        kpis: KPIS,
        loops: [loop(1), loop(2)],
        targets: [],
        campaigns: [],
        loopChanges: [],
        measurements: MEASUREMENTS,
        meetings: [],
        budgets: [],
      },
    ],
  },
});

async function importPlan(page: Page, importButton: string): Promise<void> {
  await page.goto('/backup');
  await page.getByLabel(/Choose a backup file|Kies een back-upbestand/).setInputFiles({
    name: 'channels.json',
    mimeType: 'application/json',
    buffer: Buffer.from(BACKUP),
  });
  await page.getByRole('button', { name: importButton, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Imported|Geïmporteerd/ })).toBeVisible();
}

test.describe('per-channel results (English)', () => {
  test.use({ locale: 'en-GB' });

  test('the results page shows each channel’s cost per hire, the total and the change', async ({
    page,
  }) => {
    await importPlan(page, 'Import');
    await page.goto(`/loops/dashboard?id=${PLAN_ID}&loop=2`);
    const table = page.getByRole('table', {
      name: /^Per channel: .* loop 2, compared with the previous loop/,
    });
    await expect(table).toBeVisible();
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}\\b`) });
    const header = table.getByRole('columnheader');
    await expect(header).toHaveText([
      'Channel',
      'Spend',
      'Clicks',
      'Applications completed',
      'Hires',
      'Cost per click',
      'Cost per application',
      'Cost per hire',
    ]);
    // Cost per hire is the last column: each channel's own spend ÷ its own hires.
    const costPerHire = (name: string) => row(name).getByRole('cell').last();
    await expect(costPerHire('Meta')).toContainText('€250.00');
    await expect(costPerHire('Meta')).toContainText('▼ −€150.00 (−37.5%) better');
    await expect(costPerHire('Meta')).toContainText('vs €400.00');
    await expect(costPerHire('LinkedIn')).toContainText('€300.00');
    await expect(costPerHire('LinkedIn')).toContainText('unchanged');
    // The hire typed by hand has no spend: a hire, and no cost.
    await expect(row('Manual').getByRole('cell').nth(3)).toContainText('1');
    await expect(costPerHire('Manual')).toHaveText('–');
    // The total is the plan's own: € 1,600 ÷ 7 hires, as on the Cost per hire card.
    await expect(row('Total').getByRole('cell').first()).toContainText('€1,600.00');
    await expect(costPerHire('Total')).toContainText('€228.57');
    await expect(costPerHire('Total')).toContainText('vs €340.00');
    await expect(page.getByRole('article', { name: 'Cost per hire', exact: true })).toContainText(
      '€228.57',
    );
    await expect(row('Meta').getByRole('cell').nth(4)).toContainText('€2.00'); // 1,000 ÷ 500 clicks

    // The table scrolls sideways in a region a keyboard user can reach and scroll.
    await tabTo(page, page.getByRole('region', { name: 'Per channel (scrolls sideways)' }));
    expect(await seriousViolations(page)).toEqual([]);

    // The printable report has the same table.
    await page.goto(`/loops/report?id=${PLAN_ID}&loop=2`);
    const report = page.getByRole('table', { name: /^Per channel: / });
    await expect(
      report
        .getByRole('row', { name: /^Meta\b/ })
        .getByRole('cell')
        .last(),
    ).toContainText('€250.00');
    await expect(
      report
        .getByRole('row', { name: /^Total\b/ })
        .getByRole('cell')
        .last(),
    ).toContainText('€228.57');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('on a phone the table scrolls inside its region, never the page', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await importPlan(page, 'Import');
    await page.goto(`/loops/dashboard?id=${PLAN_ID}&loop=2`);
    const region = page.getByRole('region', { name: 'Per channel (scrolls sideways)' });
    await expect(region.getByRole('table')).toBeVisible();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    // The channel stays in view when the region is scrolled to its last column.
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const box = await region.boundingBox();
    const name = await region.getByRole('rowheader', { name: 'Meta' }).boundingBox();
    expect(Math.abs((name?.x ?? -99) - (box?.x ?? 0))).toBeLessThanOrEqual(2);
  });

  test('a plan without named channels shows no per-channel table', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Try with example data' }).click();
    await expect(page).toHaveURL(/\/loops\?id=[\w-]+$/, { timeout: 15_000 });
    const id = new URL(page.url()).searchParams.get('id');
    await page.goto(`/loops/dashboard?id=${id}&loop=2`);
    await expect(page.getByRole('heading', { name: 'From reach to hire' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Per channel' })).toHaveCount(0);
  });
});

test.describe('resultaten per kanaal (Nederlands)', () => {
  test.use({ locale: 'nl-NL' });

  test('de resultatenpagina toont de cost per hire per kanaal en het totaal', async ({ page }) => {
    await importPlan(page, 'Importeren');
    await page.goto(`/loops/dashboard?id=${PLAN_ID}&loop=2`);
    const table = page.getByRole('table', { name: /^Per kanaal: / });
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}\\b`) });
    await expect(row('Meta').getByRole('cell').last()).toContainText('€ 250,00');
    await expect(row('Meta').getByRole('cell').last()).toContainText('beter');
    await expect(row('Handmatig').getByRole('cell').last()).toHaveText('–');
    await expect(row('Totaal').getByRole('cell').last()).toContainText('€ 228,57');
    await expect(row('Totaal').getByRole('cell').last()).toContainText('t.o.v. € 340,00');
  });
});
