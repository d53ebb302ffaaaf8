import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  channelSeries,
  prepareSeries,
  aggregateSeries,
  ratio,
  type Point,
} from './aggregate';
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

describe('aggregate across channels', () => {
  const january = { start: '2026-01-01', end: '2026-01-31' };
  const on = (channel: string, d: string, value: number | null): Point => ({
    ...day(d, value),
    channel,
  });
  const month = (channel: string | undefined, value: number): Point => ({
    ...january,
    value,
    ...(channel === undefined ? {} : { channel }),
  });

  it('adds the channels of a sum: a second channel never replaces the first', () => {
    const points = [on('Meta', '2026-01-01', 10), on('LinkedIn', '2026-01-01', 5)];
    expect(aggregate('sum', points, january)).toMatchObject({
      ok: true,
      value: { value: 15, coveredDays: 1, points: 2, conflicts: 0, superseded: 0 },
    });
  });

  it("never lets one channel's daily values conflict with another channel's month total", () => {
    const points = [
      month('LinkedIn', 300),
      on('Meta', '2026-01-01', 10),
      on('Meta', '2026-01-02', 20),
    ];
    expect(aggregate('sum', points, january)).toMatchObject({
      ok: true,
      value: { value: 330, coverage: 1, coveredDays: 31, conflicts: 0 },
    });
    // Within one channel the month total still wins over part of its days, as before.
    const same = [month('Meta', 300), on('Meta', '2026-01-01', 10)];
    expect(aggregate('sum', same, january)).toMatchObject({
      ok: true,
      value: { value: 300, conflicts: 1 },
    });
  });

  it('adds a typed total (the unnamed channel) to an imported channel', () => {
    const points = [month(undefined, 1000), on('Meta', '2026-01-05', 250)];
    expect(aggregate('sum', points, january)).toMatchObject({ ok: true, value: { value: 1250 } });
  });

  it('counts a day as covered when any channel has it, and the last day of any channel', () => {
    const points = [
      on('Meta', '2026-01-01', 1),
      on('Meta', '2026-01-02', 1),
      on('LinkedIn', '2026-01-02', 1),
      on('LinkedIn', '2026-01-03', 1),
    ];
    const result = aggregate('sum', points, january);
    expect(result.ok && result.value.coveredDays).toBe(3);
    expect(result.ok && result.value.lastDay).toBe(20456);
  });

  it('adds unique counts of several channels but says they are not people', () => {
    const points = [month('Meta', 1000), month('LinkedIn', 400)];
    expect(aggregate('unique', points, january)).toMatchObject({
      ok: true,
      value: { value: 1400, uniqueSum: true },
    });
    expect(aggregate('unique', [month('Meta', 1000)], january)).toMatchObject({
      ok: true,
      value: { value: 1000 },
    });
    const one = aggregate('unique', [month('Meta', 1000)], january);
    expect(one.ok && one.value.uniqueSum).toBeUndefined();
  });

  it('weighs the means of several channels by their covered days, and says so', () => {
    const points = [month('A', 60), on('B', '2026-01-01', 90)];
    const result = aggregate('mean', points, january);
    expect(result.ok && result.value.value).toBeCloseTo((60 * 31 + 90) / 32, 12);
    expect(result.ok && result.value.dayWeighted).toBe(true);
  });

  it('adds the last values of channels for a count, else takes the latest', () => {
    const points = [
      on('LinkedIn', '2026-01-10', 800),
      on('LinkedIn', '2026-01-20', 900),
      on('Instagram', '2026-01-15', 300),
    ];
    const series = prepareSeries(points);
    if (!series.ok) throw new Error('bad series');
    expect(aggregateSeries('last', series.value, january, { lastAcross: 'sum' })).toMatchObject({
      ok: true,
      value: { value: 1200 },
    });
    expect(aggregateSeries('last', series.value, january)).toMatchObject({
      ok: true,
      value: { value: 900 },
    });
  });

  it('gives the same value as without channels when only one channel has data in the period', () => {
    const points = [
      on('Meta', '2026-01-01', 3),
      on('Meta', '2026-01-02', 4),
      on('LinkedIn', '2026-02-01', 9),
    ];
    const plain = aggregate(
      'sum',
      points.slice(0, 2).map(({ channel: _, ...p }) => p),
      january,
    );
    expect(aggregate('sum', points, january)).toEqual(plain);
  });

  it('keeps each point with its channel when the points come unsorted', () => {
    const points = [on('LinkedIn', '2026-01-03', 7), on('Meta', '2026-01-01', 3)];
    const series = prepareSeries(points);
    if (!series.ok) throw new Error('bad series');
    const meta = channelSeries(series.value, 'Meta');
    expect(Array.from(meta.value)).toEqual([3]);
    expect(Array.from(channelSeries(series.value, 'LinkedIn').value)).toEqual([7]);
    expect(channelSeries(series.value, 'Indeed').start.length).toBe(0);
  });

  it('equals the sum of each channel on its own when channels mix month totals and days', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 30 }),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 1000 }),
          ),
          { maxLength: 40 },
        ),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 5000 })), {
          maxLength: 3,
        }),
        (rows, totals) => {
          const seen = new Set<string>();
          const names = ['A', 'B', 'C'];
          const points = [
            ...rows
              .filter(([d, c]) => !seen.has(`${d}|${c}`) && seen.add(`${d}|${c}`))
              .map(([d, c, v]) => on(names[c] as string, addDays('2026-01-01', d), v)),
            ...totals
              .filter(([c]) => !seen.has(`m|${c}`) && seen.add(`m|${c}`))
              .map(([c, v]) => month(names[c], v)),
          ];
          const series = prepareSeries(points);
          if (!series.ok) return false;
          const whole = aggregateSeries('sum', series.value, january);
          let total = 0;
          let conflicts = 0;
          for (const name of series.value.channels) {
            const part = aggregateSeries('sum', channelSeries(series.value, name), january);
            if (!part.ok) return false;
            total += part.value.value ?? 0;
            conflicts += part.value.conflicts;
          }
          if (!whole.ok) return false;
          if (points.length === 0) return whole.value.value === null;
          return whole.value.value === total && whole.value.conflicts === conflicts;
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
