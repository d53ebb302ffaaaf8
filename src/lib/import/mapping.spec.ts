import { describe, expect, it } from 'vitest';
import { catalogKpi, type KpiDefinition } from '$lib/domain/catalog';
import { addDays } from '$lib/domain/dates';
import {
  addableKpi,
  countsAsZero,
  fillsByDefault,
  MAX_FILL_DAYS,
  plannedWrites,
  previewPeriods,
  refusedValues,
  rememberMapping,
  shortUniqueColumns,
  sourceOf,
  suggestMapping,
  withAddedKpi,
  zeroFills,
  type PlanKpi,
} from './mapping';
import { extract, type Series } from './presets';

const def = (key: string): KpiDefinition => {
  const found = catalogKpi(key);
  if (!found.ok) throw new Error(key);
  return found.value;
};
const kpis: PlanKpi[] = [
  { id: 'k-impr', definition: def('impressions') },
  { id: 'k-spend', definition: def('spend') },
];
const series = (
  key: string,
  label: string,
  suggested: string | null,
  points: [string, string, number][],
): Series => ({
  key,
  label,
  suggested,
  combine: 'sum',
  // One cell per point, on lines 2, 3, …
  points: points.map(([start, end, value], i) => ({ start, end, value, line: i + 2, cells: 1 })),
});
const impressions = series('c1', 'Impressions', 'impressions', [
  ['2026-01-01', '2026-01-01', 100],
  ['2026-01-02', '2026-01-02', 150],
]);
const spend = series('c2', 'Amount spent (EUR)', 'spend', [['2026-01-01', '2026-01-01', 10]]);
const reach = series('c3', 'Reach', 'reachMeta', [['2026-01-01', '2026-01-01', 80]]);

describe('suggestMapping', () => {
  it('maps each column to the plan KPI of its suggestion, and leaves the rest out', () => {
    expect(suggestMapping([impressions, spend, reach], kpis)).toEqual({
      c1: 'k-impr',
      c2: 'k-spend',
      c3: null,
    });
  });

  it('prefers what the user chose last time for the same column, if that KPI still exists', () => {
    const remembered = { Impressions: null, Reach: 'k-impr', 'Amount spent (EUR)': 'gone' };
    expect(suggestMapping([impressions, spend, reach], kpis, remembered)).toEqual({
      c1: null,
      c2: 'k-spend',
      c3: 'k-impr',
    });
  });
});

describe('clicks and other columns across languages (issue 17)', () => {
  const linkClicks = (label: string) => ({
    ...series('c7', label, 'linkClicks', [['2026-01-01', '2026-01-01', 40]]),
    meaning: 'meta:link clicks',
  });
  const custom = (id: string, name: string, aggregation: PlanKpi['definition']['aggregation']) => ({
    id,
    definition: { ...def('impressions'), key: id, aggregation, name: { en: name, nl: name } },
  });

  it('suggests a custom KPI named exactly as the column, whatever its case and spacing', () => {
    const plan = [...kpis, custom('k-own', ' link  CLICKS', { kind: 'sum' })];
    expect(suggestMapping([linkClicks('Link clicks')], plan)).toEqual({ c7: 'k-own' });
    // The catalog suggestion goes first; a computed KPI takes no values.
    const withCatalog = [...plan, { id: 'k-link', definition: def('linkClicks') }];
    expect(suggestMapping([linkClicks('Link clicks')], withCatalog)).toEqual({ c7: 'k-link' });
    const computed = [
      ...kpis,
      custom('k-f', 'Link clicks', { kind: 'ratio', numerator: 'a', denominator: 'b' }),
    ];
    expect(suggestMapping([linkClicks('Link clicks')], computed)).toEqual({ c7: null });
  });

  it('remembers a column under its meaning, so the Dutch header gets what was chosen for the English one', () => {
    const remembered = rememberMapping(
      { 'Link clicks': null, Reach: 'k-impr' },
      [linkClicks('Link clicks'), impressions],
      { c7: 'k-spend', c1: null },
      kpis,
    );
    // The header's old entry gives way to the meaning; other columns' memory stays.
    expect(remembered).toEqual({
      Reach: 'k-impr',
      'meta:link clicks': 'k-spend',
      Impressions: null,
    });
    expect(suggestMapping([linkClicks('Klikken op link')], kpis, remembered)).toEqual({
      c7: 'k-spend',
    });
    // What was remembered per header before is still read; the meaning goes first.
    expect(
      suggestMapping([linkClicks('Klikken op link')], kpis, { 'Klikken op link': 'k-impr' }),
    ).toEqual({ c7: 'k-impr' });
    expect(
      suggestMapping([linkClicks('Klikken op link')], kpis, {
        'Klikken op link': 'k-impr',
        'meta:link clicks': null,
      }),
    ).toEqual({ c7: null });
  });

  it('keeps no "not imported" where the plan had no KPI to suggest: once it has one, that one is suggested', () => {
    const column = linkClicks('Link clicks');
    const before = rememberMapping({ 'meta:link clicks': 'k-old' }, [column], { c7: null }, kpis);
    expect(before).toEqual({});
    const later = [...kpis, { id: 'k-link', definition: def('linkClicks') }];
    expect(suggestMapping([linkClicks('Klikken op link')], later, before)).toEqual({
      c7: 'k-link',
    });
    // Left out although a KPI was suggested: that is a choice, and it is kept.
    expect(rememberMapping({}, [column], { c7: null }, later)).toEqual({
      'meta:link clicks': null,
    });
  });

  it('offers to add the catalog KPI a column suggests when the plan lacks it, then maps it there', () => {
    const column = linkClicks('Link clicks');
    const mapping = suggestMapping([column, impressions], kpis);
    expect(addableKpi(column, mapping, kpis)).toBe('linkClicks');
    expect(addableKpi(impressions, mapping, kpis)).toBeNull();
    // Mapped by the user elsewhere, or suggesting a computed KPI: nothing to add.
    expect(addableKpi(column, { c7: 'k-impr' }, kpis)).toBeNull();
    expect(addableKpi({ ...column, suggested: 'clickThroughRate' }, mapping, kpis)).toBeNull();
    expect(withAddedKpi([column, impressions], mapping, 'linkClicks', 'k-new')).toEqual({
      c7: 'k-new',
      c1: 'k-impr',
    });
  });
});

describe('plannedWrites', () => {
  it('adds up columns mapped to the same KPI per range and finds what is stored there', () => {
    const existing = [
      { id: 'm1', kpiId: 'k-impr', start: '2026-01-01', end: '2026-01-01', value: 5 },
    ];
    const writes = plannedWrites([impressions, reach], { c1: 'k-impr', c3: 'k-impr' }, existing);
    expect(writes).toEqual([
      {
        kpiId: 'k-impr',
        start: '2026-01-01',
        end: '2026-01-01',
        value: 180,
        existing: existing[0],
        // Where it comes from: the first column's cell, and how many cells it adds up.
        series: 'c1',
        line: 2,
        cells: 2,
      },
      {
        kpiId: 'k-impr',
        start: '2026-01-02',
        end: '2026-01-02',
        value: 150,
        existing: null,
        series: 'c1',
        line: 3,
        cells: 1,
      },
    ]);
  });

  it('writes nothing for columns that are not imported', () => {
    expect(plannedWrites([impressions], { c1: null }, [])).toEqual([]);
  });
});

describe('refusedValues', () => {
  const planKpis: PlanKpi[] = [
    { id: 'k-hires', definition: def('hires') },
    { id: 'k-aware', definition: def('brandAwareness') },
    { id: 'k-impr', definition: def('impressions') },
    { id: 'k-spend', definition: def('spend') },
  ];
  /** A generic file read as the worker reads it, mapped as `mapping` says, then checked. */
  function refusals(csv: string, mapping: Record<string, string | null>) {
    const read = extract(csv);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    return refusedValues(
      read.series,
      mapping,
      planKpis,
      plannedWrites(read.series, mapping, []),
    ).map(({ series, line, cells, start, kpiId, value, code }) => ({
      series,
      line,
      cells,
      start,
      kpiId,
      value,
      code,
    }));
  }

  it("refuses each cell that breaks the grid's rules of its KPI's unit, at its line and date", () => {
    const csv = [
      'Date,Hires,Brand awareness,Impressions,Spend',
      '2026-01-05,-5,40,100,12.5',
      '2026-01-06,2,150,12.5,-1',
      '2026-01-07,3,55.5,300,20',
    ].join('\n');
    const mapping = {
      'col-1': 'k-hires',
      'col-2': 'k-aware',
      'col-3': 'k-impr',
      'col-4': 'k-spend',
    };
    expect(refusals(csv, mapping)).toEqual([
      {
        series: 'col-1',
        line: 2,
        cells: 1,
        start: '2026-01-05',
        kpiId: 'k-hires',
        value: -5,
        code: 'negativeCount',
      },
      {
        series: 'col-2',
        line: 3,
        cells: 1,
        start: '2026-01-06',
        kpiId: 'k-aware',
        value: 150,
        code: 'percentOverHundred',
      },
      {
        series: 'col-3',
        line: 3,
        cells: 1,
        start: '2026-01-06',
        kpiId: 'k-impr',
        value: 12.5,
        code: 'notACount',
      },
      {
        series: 'col-4',
        line: 3,
        cells: 1,
        start: '2026-01-06',
        kpiId: 'k-spend',
        value: -1,
        code: 'negativeValue',
      },
    ]);
  });

  it('applies the rules of the KPI a column is mapped to, and none to a column left out', () => {
    const csv = 'Date,Value\n2026-01-05,12.5\n2026-01-06,150\n';
    expect(refusals(csv, { 'col-1': 'k-spend' })).toEqual([]);
    expect(refusals(csv, { 'col-1': null })).toEqual([]);
    expect(refusals(csv, { 'col-1': 'k-aware' }).map((r) => [r.line, r.code])).toEqual([
      [3, 'percentOverHundred'],
    ]);
    expect(refusals(csv, { 'col-1': 'k-impr' }).map((r) => [r.line, r.code])).toEqual([
      [2, 'notACount'],
    ]);
  });

  it('refuses a negative cell even when the rows of its date add up to a valid total', () => {
    const csv = 'Date,Campaign,Hires\n2026-01-05,A,4\n2026-01-05,B,-1\n';
    expect(refusals(csv, { 'col-2': 'k-hires' })).toEqual([
      {
        series: 'col-2',
        line: 3,
        cells: 1,
        start: '2026-01-05',
        kpiId: 'k-hires',
        value: -1,
        code: 'negativeCount',
      },
    ]);
  });

  it('refuses a total that breaks the rules only as a total, at its first line', () => {
    // Two rows of one day: each percentage is valid, their sum is not.
    const csv = 'Date,Campaign,Brand awareness\n2026-01-04,A,1\n2026-01-05,A,60\n2026-01-05,B,70\n';
    expect(refusals(csv, { 'col-2': 'k-aware' })).toEqual([
      {
        series: 'col-2',
        line: 3,
        cells: 2,
        start: '2026-01-05',
        kpiId: 'k-aware',
        value: 130,
        code: 'percentOverHundred',
      },
    ]);
    // Two columns added into one KPI past the maximum every number has.
    const big = 'Date,A,B\n2026-01-05,900000000000000,900000000000000\n';
    expect(refusals(big, { 'col-1': 'k-impr', 'col-2': 'k-impr' })).toEqual([
      {
        series: 'col-1',
        line: 2,
        cells: 2,
        start: '2026-01-05',
        kpiId: 'k-impr',
        value: 1.8e15,
        code: 'numberTooLarge',
      },
    ]);
  });

  it('finds nothing to refuse in values that obey the rules', () => {
    const csv = 'Date,Hires,Brand awareness,Spend\n2026-01-05,0,100,0.5\n2026-01-06,3,0,12\n';
    expect(refusals(csv, { 'col-1': 'k-hires', 'col-2': 'k-aware', 'col-3': 'k-spend' })).toEqual(
      [],
    );
  });
});

describe('previewPeriods', () => {
  const plan = { firstLoopStart: '2026-01-01', loopLength: { unit: 'months' as const, count: 2 } };

  it('shows per KPI and touched period the imported total and coverage beside the current value', () => {
    const existing = [
      { id: 'm', kpiId: 'k-impr', start: '2026-01-01', end: '2026-02-28', value: 9000 },
    ];
    const writes = plannedWrites([impressions], { c1: 'k-impr' }, existing);
    const cells = previewPeriods(plan, kpis, writes, existing);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({
      kpiId: 'k-impr',
      period: 1,
      range: { start: '2026-01-01', end: '2026-02-28' },
      imported: { value: 250, points: 2 },
      current: { value: 9000, coverage: 1 },
    });
    expect(cells[0]!.imported.coverage).toBeCloseTo(2 / 59);
  });

  it('includes the baseline when the values fall before the first loop', () => {
    const early = series('c9', 'Impressions', 'impressions', [['2025-12-15', '2025-12-15', 40]]);
    const cells = previewPeriods(plan, kpis, plannedWrites([early], { c9: 'k-impr' }, []), []);
    expect(cells.map((c) => c.period)).toEqual(['baseline']);
  });
});

describe('sourceOf', () => {
  it('records each tool as the kind of source it is', () => {
    expect(['ga4', 'meta', 'linkedin', 'ats', 'generic'].map((p) => sourceOf(p as never))).toEqual([
      'analytics',
      'ads',
      'ads',
      'ats',
      'manual',
    ]);
  });
});

describe('shortUniqueColumns', () => {
  const plan = { firstLoopStart: '2026-01-01', loopLength: { unit: 'months' as const, count: 2 } };
  const withReach: PlanKpi[] = [...kpis, { id: 'k-reach', definition: def('reachMeta') }];

  it('names a column of daily unique counts mapped to a unique KPI', () => {
    expect(
      shortUniqueColumns(plan, withReach, [impressions, reach], { c1: 'k-impr', c3: 'k-reach' }),
    ).toEqual([{ key: 'c3', label: 'Reach', kpiId: 'k-reach' }]);
  });

  it('says nothing for daily counts that add up, or for a unique column left out', () => {
    expect(
      shortUniqueColumns(plan, withReach, [impressions, reach], { c1: 'k-impr', c3: null }),
    ).toEqual([]);
  });

  it('says nothing for a figure over the whole loop, and names a week or a month too', () => {
    const loop = series('c4', 'Reach', 'reachMeta', [['2026-01-01', '2026-02-28', 9000]]);
    expect(shortUniqueColumns(plan, withReach, [loop], { c4: 'k-reach' })).toEqual([]);
    const month = series('c5', 'Reach', 'reachMeta', [['2026-03-01', '2026-03-31', 5000]]);
    expect(shortUniqueColumns(plan, withReach, [month], { c5: 'k-reach' })).toHaveLength(1);
  });

  it('compares values before the first loop with the baseline', () => {
    const baseline = series('c6', 'Reach', 'reachMeta', [['2025-11-01', '2025-12-31', 7000]]);
    expect(shortUniqueColumns(plan, withReach, [baseline], { c6: 'k-reach' })).toEqual([]);
    const day = series('c7', 'Reach', 'reachMeta', [['2025-12-01', '2025-12-01', 70]]);
    expect(shortUniqueColumns(plan, withReach, [day], { c7: 'k-reach' })).toHaveLength(1);
  });
});

describe('countsAsZero', () => {
  it('holds for whole counts that add up, not for people, means, last values, money or ratios', () => {
    const yes = ['hires', 'applicationsCompleted', 'impressions', 'careerSiteVisits', 'leadForms'];
    const no = [
      'reach',
      'uniqueVisitors',
      'timeOnSite',
      'frequency',
      'talentPool1to3',
      'spend',
      'costPerHire',
      'timeToHire',
      'brandAwareness',
    ];
    expect(yes.filter((key) => countsAsZero(def(key)))).toEqual(yes);
    expect(no.filter((key) => countsAsZero(def(key)))).toEqual([]);
  });
});

describe('zeroFills', () => {
  const planKpis: PlanKpi[] = [
    { id: 'k-hires', definition: def('hires') },
    { id: 'k-tth', definition: def('timeToHire') },
    { id: 'k-reach', definition: def('reachMeta') },
  ];
  const hires = series('hires', 'hires', 'hires', [
    ['2026-01-02', '2026-01-02', 1],
    ['2026-01-04', '2026-01-04', 2],
  ]);
  const tth = series('tth', 'timeToHire', 'timeToHire', [['2026-01-02', '2026-01-02', 30]]);
  const people = series('people', 'Reach', 'reachMeta', [['2026-01-02', '2026-01-02', 50]]);
  const all = [hires, tth, people];
  const mapping = { hires: 'k-hires', tth: 'k-tth', people: 'k-reach' };
  const range = { start: '2026-01-01', end: '2026-01-05' };
  const fill = (start: string) => ({
    kpiId: 'k-hires',
    start,
    end: start,
    value: 0,
    existing: null,
    filled: true,
    series: 'hires',
    line: 0,
    cells: 0,
  });

  it('writes 0 on each day of the range without a row, for event counts only', () => {
    const writes = plannedWrites(all, mapping, []);
    expect(zeroFills(range, all, mapping, planKpis, writes, [])).toEqual(
      ['2026-01-01', '2026-01-03', '2026-01-05'].map(fill),
    );
  });

  it('leaves a day with a value stored on exactly that day, and days inside a longer row', () => {
    const week = series('hires', 'hires', 'hires', [['2026-01-01', '2026-01-03', 4]]);
    const existing = [
      { id: 'm1', kpiId: 'k-hires', start: '2026-01-05', end: '2026-01-05', value: 2 },
      // A total over more days is not the same day: finer data may take its place.
      { id: 'm2', kpiId: 'k-hires', start: '2026-01-01', end: '2026-01-31', value: 9 },
    ];
    const writes = plannedWrites([week], { hires: 'k-hires' }, existing);
    expect(zeroFills(range, [week], { hires: 'k-hires' }, planKpis, writes, existing)).toEqual([
      fill('2026-01-04'),
    ]);
  });

  it('fills nothing for a column left out, or over a range too long to be meant', () => {
    const writes = plannedWrites(all, { ...mapping, hires: null }, []);
    expect(zeroFills(range, all, { ...mapping, hires: null }, planKpis, writes, [])).toEqual([]);
    // One day more than the longest range filled.
    const long = { start: '2026-01-01', end: addDays('2026-01-01', MAX_FILL_DAYS) };
    expect(zeroFills(long, all, mapping, planKpis, plannedWrites(all, mapping, []), [])).toEqual(
      [],
    );
  });
});

describe('fillsByDefault', () => {
  const base = { ok: true as const, notation: 'en' as const, series: [], rows: 1, skipped: 0 };
  it('fills a stated range, and an ATS export over two days or more; nothing else', () => {
    const stated = { start: '2026-01-01', end: '2026-01-01', stated: true };
    const guessed = { start: '2026-01-01', end: '2026-01-02', stated: false };
    expect(fillsByDefault({ ...base, preset: 'ga4', range: stated })).toBe(true);
    expect(fillsByDefault({ ...base, preset: 'ats', range: guessed })).toBe(true);
    expect(
      fillsByDefault({ ...base, preset: 'ats', range: { ...guessed, end: '2026-01-01' } }),
    ).toBe(false);
    expect(fillsByDefault({ ...base, preset: 'generic', range: guessed })).toBe(false);
    expect(fillsByDefault({ ...base, preset: 'ats', range: null })).toBe(false);
  });
});
