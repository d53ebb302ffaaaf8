import { describe, expect, it } from 'vitest';
import { measurementSchema, type Measurement } from '$lib/schema/measurement';
import {
  isSoundPack,
  looseValues,
  packKeyOf,
  packMonth,
  packValues,
  splitForPacks,
  unpackValues,
  type MeasurementPack,
} from './measurement-pack';

const base = { planId: 'p', kpiId: 'k', source: 'analytics' as const };

function day(id: string, date: string, value: number | null, more: Partial<Measurement> = {}) {
  return { ...base, id, start: date, end: date, value, ...more } satisfies Measurement;
}

describe('packMonth', () => {
  it('packs a day or a week inside one month, shorter than it', () => {
    expect(packMonth('2026-01-05', '2026-01-05')).toBe('2026-01');
    expect(packMonth('2026-02-02', '2026-02-08')).toBe('2026-02');
    expect(packMonth('2026-01-01', '2026-01-30')).toBe('2026-01');
    expect(packMonth('2026-01-02', '2026-01-31')).toBe('2026-01');
  });

  it('leaves whole months, ranges across months and longer periods as records', () => {
    expect(packMonth('2026-01-01', '2026-01-31')).toBeNull();
    expect(packMonth('2024-02-01', '2024-02-29')).toBeNull();
    expect(packMonth('2026-01-26', '2026-02-01')).toBeNull();
    expect(packMonth('2025-11-01', '2025-12-31')).toBeNull();
    expect(packMonth('2025-01-01', '2026-01-31')).toBeNull();
  });

  it('keys a pack by plan, KPI, channel (none is ”) and month', () => {
    expect(packKeyOf(day('a', '2026-03-04', 1))).toEqual(['p', 'k', '', '2026-03']);
    expect(packKeyOf(day('a', '2026-03-04', 1, { channel: 'Indeed' }))).toEqual([
      'p',
      'k',
      'Indeed',
      '2026-03',
    ]);
  });
});

describe('packValues and unpackValues', () => {
  const rows: Measurement[] = [
    day('c', '2026-01-03', 3),
    day('a', '2026-01-01', null, { note: 'closed' }),
    day('b', '2026-01-02', 2.5, { source: 'manual', note: '' }),
    { ...day('w', '2026-01-05', 70), end: '2026-01-11' },
  ];

  it('gives back exactly the values packed (ids, values, periods, sources, notes), by date', () => {
    const pack = packValues(['p', 'k', '', '2026-01'], rows);
    expect(isSoundPack(pack)).toBe(true);
    const back = unpackValues(pack);
    expect(back).toStrictEqual(
      [rows[1], rows[2], rows[0], rows[3]].map((m) => measurementSchema.parse(m)),
    );
    expect(pack.ids).toEqual(['a', 'b', 'c', 'w']);
    expect(pack.source).toBe('analytics');
    expect(pack.sources).toEqual(['analytics', 'manual', 'analytics', 'analytics']);
    expect(pack.notes).toEqual(['closed', '', null, null]);
    expect(pack.ends).toEqual([1, 2, 3, 11]);
  });

  it('keeps what every value shares once: one source, no ends, no notes', () => {
    const pack = packValues(
      ['p', 'k', 'LinkedIn', '2026-02'],
      [
        day('x', '2026-02-01', 1, { channel: 'LinkedIn' }),
        day('y', '2026-02-28', 2, { channel: 'LinkedIn' }),
      ],
    );
    expect(pack).toStrictEqual({
      planId: 'p',
      kpiId: 'k',
      channel: 'LinkedIn',
      month: '2026-02',
      ids: ['x', 'y'],
      days: [1, 28],
      values: [1, 2],
      source: 'analytics',
    } satisfies MeasurementPack);
    expect(unpackValues(pack).map((m) => m.channel)).toEqual(['LinkedIn', 'LinkedIn']);
  });

  it('splits values into their packs and the values kept one record each', () => {
    const month = { ...day('m', '2026-01-01', 9), end: '2026-01-31' };
    const { packs, single } = splitForPacks([...rows, month, day('o', '2026-02-01', 1)]);
    expect(single).toEqual([month]);
    expect([...packs.values()].map((g) => [g.key, g.rows.map((r) => r.id)])).toEqual([
      [
        ['p', 'k', '', '2026-01'],
        ['c', 'a', 'b', 'w'],
      ],
      [['p', 'k', '', '2026-02'], ['o']],
    ]);
  });
});

describe('isSoundPack and looseValues', () => {
  const sound = packValues(['p', 'k', '', '2026-02'], [day('a', '2026-02-01', 1)]);

  it.each([
    ['a value that is not a number', { values: ['1'] }],
    ['an infinite value', { values: [Infinity] }],
    ['an implausible value', { values: [1e16] }],
    ['a day the month does not have', { days: [29] }],
    ['an end before the start', { ends: [0] }],
    ['arrays of different lengths', { ids: ['a', 'b'] }],
    ['an empty id', { ids: [''] }],
    ['an unknown source', { source: 'fax' }],
    ['a month that is not one', { month: '2026-13' }],
    ['a note too long', { notes: ['x'.repeat(501)] }],
    ['a channel too long', { channel: 'x'.repeat(61) }],
  ])('finds a damaged pack: %s, and the schema says what is wrong', (_, damage) => {
    const damaged = { ...sound, ...damage };
    expect(isSoundPack(damaged)).toBe(false);
    const loose = looseValues(damaged);
    expect(loose.length).toBeGreaterThan(0);
    expect(loose.some((row) => !measurementSchema.safeParse(row).success)).toBe(true);
  });

  it('reads a record that is no pack at all as itself, so it is reported, not dropped', () => {
    expect(looseValues({ nonsense: true })).toEqual([{ nonsense: true }]);
    expect(looseValues(null)).toEqual([null]);
  });

  it('reads a sound pack loosely as its values', () => {
    expect(looseValues(sound)).toEqual(unpackValues(sound));
  });
});
