import { describe, expect, it } from 'vitest';
import { catalogKpi, type KpiDefinition } from '$lib/domain/catalog';
import {
  plannedWrites,
  previewPeriods,
  shortUniqueColumns,
  sourceOf,
  suggestMapping,
  type PlanKpi,
} from './mapping';
import type { Series } from './presets';

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
  points: points.map(([start, end, value]) => ({ start, end, value })),
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
      },
      { kpiId: 'k-impr', start: '2026-01-02', end: '2026-01-02', value: 150, existing: null },
    ]);
  });

  it('writes nothing for columns that are not imported', () => {
    expect(plannedWrites([impressions], { c1: null }, [])).toEqual([]);
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
