import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, ratio, type Point } from './aggregate';
import { addDays, fromDayNumber } from './dates';

const day = (d: string, value: number | null): Point => ({ start: d, end: d, value });

describe('aggregate', () => {
  const january = { start: '2026-01-01', end: '2026-01-31' };

  it('sums, reports coverage and counts points', () => {
    const points = [day('2026-01-01', 3), day('2026-01-02', 4), day('2026-02-01', 100)];
    expect(aggregate('sum', points, january)).toEqual({
      ok: true,
      value: {
        value: 7,
        coverage: 2 / 31,
        coveredDays: 2,
        lastDay: 20455,
        points: 2,
        days: 31,
        partial: 0,
        superseded: 0,
        conflicts: 0,
      },
    });
  });

  it('weights a mean by the days each value covers', () => {
    const points = [{ start: '2026-01-01', end: '2026-01-30', value: 60 }, day('2026-01-31', 90)];
    const result = aggregate('mean', points, january);
    expect(result.ok && result.value.value).toBeCloseTo((60 * 30 + 90) / 31, 12);
  });

  it('takes the last value for snapshot KPIs', () => {
    const points = [day('2026-01-20', 50), day('2026-01-05', 40)];
    expect(aggregate('last', points, january)).toMatchObject({ ok: true, value: { value: 50 } });
  });

  it('never pro-rates a value that sticks out of the period, and says so', () => {
    const result = aggregate(
      'sum',
      [{ start: '2025-12-15', end: '2026-01-14', value: 300 }],
      january,
    );
    expect(result).toMatchObject({ ok: true, value: { value: null, coverage: 0, partial: 1 } });
  });

  it('keeps a coarser total when finer data covers only part of it, and counts the conflict', () => {
    // A May total of 35, a June total of 38, and daily values of 3 for four days in May.
    const may = { start: '2026-05-01', end: '2026-05-31', value: 35 };
    const june = { start: '2026-06-01', end: '2026-06-30', value: 38 };
    const daily = [1, 2, 3, 4].map((d) => day(`2026-05-0${d}`, 3));
    const loop = { start: '2026-05-01', end: '2026-06-30' };
    expect(aggregate('sum', [may, june, ...daily], loop)).toMatchObject({
      ok: true,
      value: { value: 73, coverage: 1, conflicts: 4, superseded: 0, points: 2 },
    });
    // The same for a mean and a last value: the month's figure stands.
    expect(aggregate('mean', [{ ...may, value: 60 }, day('2026-05-02', 10)], loop)).toMatchObject({
      ok: true,
      value: { value: 60, conflicts: 1 },
    });
    expect(aggregate('last', [{ ...may, value: 60 }, day('2026-05-02', 10)], loop)).toMatchObject({
      ok: true,
      value: { value: 60, conflicts: 1 },
    });
  });

  it('lets finer data replace a total only where it covers all of its days', () => {
    const points = [
      { start: '2026-01-01', end: '2026-01-31', value: 999 },
      ...Array.from({ length: 31 }, (_, i) => day(addDays('2026-01-01', i), 2)),
    ];
    expect(aggregate('sum', points, january)).toMatchObject({
      ok: true,
      value: { value: 62, superseded: 1, conflicts: 0, coverage: 1 },
    });
  });

  it('never adds up daily unique counts as people: a period value is used, else the sum is marked', () => {
    const loop = { start: '2026-05-01', end: '2026-06-30' };
    const daily = Array.from({ length: 61 }, (_, i) => day(addDays('2026-05-01', i), 1000));
    const summed = aggregate('unique', daily, loop);
    expect(summed).toMatchObject({ ok: true, value: { value: 61000, uniqueSum: true } });
    const whole = aggregate('unique', [...daily, { ...loop, value: 1400 }], loop);
    expect(whole).toMatchObject({ ok: true, value: { value: 1400, coverage: 1 } });
    expect(whole.ok && whole.value.uniqueSum).toBeFalsy();
  });

  it('weights a mean by its base when the base is stored, else by days with a note', () => {
    // Time on site: a campaign week at 30 s with 7,000 visits, the rest at 120 s with 2,700.
    const loop = { start: '2026-05-01', end: '2026-06-30' };
    const points = [
      { start: '2026-05-01', end: '2026-05-07', value: 30 },
      { start: '2026-05-08', end: '2026-06-30', value: 120 },
    ];
    const visits = new Map([
      [20574, 7000],
      [20581, 2700],
    ]);
    const byBase = aggregate('mean', points, loop, { weightOf: (s) => visits.get(s) ?? null });
    expect(byBase.ok && byBase.value.value).toBeCloseTo((7000 * 30 + 2700 * 120) / 9700, 9);
    expect(byBase.ok && byBase.value.dayWeighted).toBeFalsy();
    const byDays = aggregate('mean', points, loop);
    expect(byDays.ok && byDays.value.value).toBeCloseTo((7 * 30 + 54 * 120) / 61, 9);
    expect(byDays).toMatchObject({ ok: true, value: { dayWeighted: true } });
  });

  it('skips values marked unknown', () => {
    expect(
      aggregate('sum', [day('2026-01-01', null), day('2026-01-02', 1)], january),
    ).toMatchObject({
      ok: true,
      value: { value: 1, points: 1 },
    });
  });

  it('refuses NaN, inverted ranges and bad dates with typed errors', () => {
    expect(aggregate('sum', [day('2026-01-01', Number.NaN)], january)).toMatchObject({
      ok: false,
      error: { code: 'notFinite' },
    });
    expect(
      aggregate('sum', [{ start: '2026-01-05', end: '2026-01-01', value: 1 }], january),
    ).toMatchObject({ ok: false, error: { code: 'invertedRange' } });
    expect(aggregate('sum', [], { start: '2026-01-31', end: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invertedRange' },
    });
  });

  it('sums a period as the sum of its parts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 59 }),
            value: fc.integer({ min: 0, max: 1000 }),
          }),
          { maxLength: 80 },
        ),
        fc.integer({ min: 0, max: 58 }),
        (raw, cut) => {
          const seen = new Set<number>();
          const points = raw
            .filter((p) => !seen.has(p.offset) && seen.add(p.offset))
            .map((p) => day(addDays('2026-01-01', p.offset), p.value));
          const whole = aggregate('sum', points, {
            start: '2026-01-01',
            end: addDays('2026-01-01', 59),
          });
          const a = aggregate('sum', points, {
            start: '2026-01-01',
            end: addDays('2026-01-01', cut),
          });
          const b = aggregate('sum', points, {
            start: addDays('2026-01-01', cut + 1),
            end: addDays('2026-01-01', 59),
          });
          if (!whole.ok || !a.ok || !b.ok) return false;
          return (
            (whole.value.value ?? 0) === (a.value.value ?? 0) + (b.value.value ?? 0) &&
            whole.value.points === a.value.points + b.value.points
          );
        },
      ),
    );
  });

  it('handles any valid day without NaN', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (n, v) => {
          const d = fromDayNumber(n);
          const r = aggregate('mean', [day(d, v)], { start: d, end: d });
          return r.ok && r.value.value === v && r.value.coverage === 1;
        },
      ),
    );
  });
});

describe('ratio', () => {
  const pv = (value: number | null, coverage = 1) => ({
    value,
    coverage,
    coveredDays: Math.round(coverage * 31),
    lastDay: null,
    points: 1,
    days: 31,
    partial: 0,
    superseded: 0,
    conflicts: 0,
  });

  it('computes cost per hire and a percent rate', () => {
    expect(ratio(pv(5000), pv(4), 'currency').value).toBe(1250);
    expect(ratio(pv(30), pv(1200), 'percent').value).toBe(2.5);
  });

  it('gives no value for a zero denominator, never Infinity', () => {
    expect(ratio(pv(5000), pv(0), 'currency').value).toBeNull();
  });

  it('takes the lower coverage of its parts', () => {
    expect(ratio(pv(1, 0.5), pv(2, 1), 'number').coverage).toBe(0.5);
  });
});
