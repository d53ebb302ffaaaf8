import { sortRows } from './tables';
import { describe, expect, it } from 'vitest';
import {
  isIsoDate,
  kpiSchema,
  measurementSchema,
  planSchema,
  settingRowSchema,
  tableSchemas,
} from '.';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '1999-01-01'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each([
    '2023-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '26-01-01',
    '2026-01-01T00:00',
    '',
  ])('rejects %s', (d) => {
    expect(isIsoDate(d)).toBe(false);
  });
});

const plan = {
  id: 'p1',
  organisation: 'Acme Zorg',
  loopLength: { unit: 'months', count: 2 },
  firstLoopStart: '2026-01-01',
  defaultComparison: 'previousLoop',
  currency: 'EUR',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
};

describe('planSchema', () => {
  it('accepts a valid plan and fills defaults', () => {
    const parsed = planSchema.parse(plan);
    expect(parsed.notes).toBe('');
    expect(parsed.example).toBe(false);
  });

  it.each([
    ['loop of 1 week', { loopLength: { unit: 'weeks', count: 1 } }],
    ['loop of 7 months', { loopLength: { unit: 'months', count: 7 } }],
    ['an impossible date', { firstLoopStart: '2026-02-30' }],
    ['a lowercase currency', { currency: 'eur' }],
    ['an empty organisation', { organisation: '' }],
    [
      'a baseline that ends before it starts',
      { baseline: { start: '2025-12-31', end: '2025-11-01' } },
    ],
  ])('rejects %s', (_name, change) => {
    expect(planSchema.safeParse({ ...plan, ...change }).success).toBe(false);
  });
});

describe('measurementSchema', () => {
  const m = {
    id: 'm1',
    planId: 'p1',
    kpiId: 'k1',
    start: '2026-01-01',
    end: '2026-01-31',
    value: 12,
    source: 'manual',
  };

  it('accepts a value and an explicit unknown (null)', () => {
    expect(measurementSchema.safeParse(m).success).toBe(true);
    expect(measurementSchema.safeParse({ ...m, value: null }).success).toBe(true);
  });

  it('rejects NaN, Infinity and an inverted range with the field path', () => {
    expect(measurementSchema.safeParse({ ...m, value: Number.NaN }).success).toBe(false);
    expect(measurementSchema.safeParse({ ...m, value: Infinity }).success).toBe(false);
    const inverted = measurementSchema.safeParse({ ...m, start: '2026-02-01' });
    expect(inverted.success).toBe(false);
    expect(inverted.error?.issues[0]).toMatchObject({
      path: ['end'],
      message: 'error.endBeforeStart',
    });
  });
});

describe('kpiSchema', () => {
  it('accepts a ratio KPI formed from two other KPIs', () => {
    const kpi = {
      id: 'k9',
      planId: 'p1',
      catalogKey: 'costPerHire',
      pillar: 'conversion',
      side: 'recruitment',
      unit: 'currency',
      direction: 'lower',
      aggregation: { kind: 'ratio', numerator: 'spend', denominator: 'hires' },
      source: 'manual',
      order: 3,
    };
    expect(kpiSchema.safeParse(kpi).success).toBe(true);
    expect(kpiSchema.safeParse({ ...kpi, aggregation: { kind: 'median' } }).success).toBe(false);
  });
});

describe('settingRowSchema', () => {
  it('checks the value against the schema of its key', () => {
    expect(settingRowSchema.safeParse({ key: 'backupReminderDays', value: 14 }).success).toBe(true);
    const bad = settingRowSchema.safeParse({ key: 'backupReminderDays', value: 'soon' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['value'], code: 'invalid_type' });
    expect(settingRowSchema.safeParse({ key: 'unknownKey', value: 1 }).success).toBe(false);
  });
});

describe('tableSchemas', () => {
  it('covers every table of the data model', () => {
    expect(Object.keys(tableSchemas).sort()).toEqual(
      [
        'budgets',
        'campaigns',
        'kpis',
        'loopChanges',
        'loops',
        'measurements',
        'meetings',
        'plans',
        'settings',
        'targets',
      ].sort(),
    );
  });
});

describe('timestampSchema', () => {
  it('accepts toISOString output and refuses anything else', async () => {
    const { timestampSchema } = await import('.');
    expect(
      timestampSchema.safeParse(new Date(Date.UTC(2026, 10, 23, 14, 5)).toISOString()).success,
    ).toBe(true);
    expect(timestampSchema.safeParse('2026-11-23T14:05:00Z').success).toBe(true);
    for (const bad of [
      '2026-11-23',
      '2026-02-30T10:00:00Z',
      '2026-11-23T25:00:00Z',
      '2026-11-23 14:05:00',
      42,
    ])
      expect(timestampSchema.safeParse(bad).success, String(bad)).toBe(false);
  });
});

describe('sortRows of measurements', () => {
  it('gives exactly the order of start, then id (stable), as a plain sort by them would', () => {
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const rows = Array.from({ length: 500 }, (_, i) => ({
      id: `m-${(i * 7919) % 37}`,
      planId: 'p',
      kpiId: `k-${i}`,
      start: `2026-0${1 + (i % 3)}-1${i % 10}`,
      end: '2026-03-31',
      value: i,
      source: 'manual' as const,
    }));
    const expected = [...rows].sort((a, b) => compare(a.start, b.start) || compare(a.id, b.id));
    expect(sortRows('measurements', rows)).toEqual(expected);
    expect(sortRows('measurements', rows).map((r) => r.kpiId)).toEqual(
      expected.map((r) => r.kpiId),
    );
  });
});
