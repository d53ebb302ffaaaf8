import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, rangeDays, type DateRange } from './dates';
import {
  defaultBaseline,
  hasEnded,
  loopState,
  loopIndexOf,
  loopRange,
  monthsSpanned,
  previousLoopRange,
  sameRangeLastYear,
  type LoopLength,
} from './periods';
import type { Result } from './result';

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const dateArb = fc.integer({ min: 0, max: 40_000 }).map(fromDayNumber);
const lengthArb: fc.Arbitrary<LoopLength> = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((count) => ({ unit: 'months' as const, count })),
  fc.integer({ min: 2, max: 26 }).map((count) => ({ unit: 'weeks' as const, count })),
);

describe('loopRange', () => {
  it('gives two calendar months by default-style lengths', () => {
    const months = { unit: 'months', count: 2 } as const;
    expect(unwrap(loopRange('2026-01-01', months, 1))).toEqual({
      start: '2026-01-01',
      end: '2026-02-28',
    });
    expect(unwrap(loopRange('2026-01-01', months, 2))).toEqual({
      start: '2026-03-01',
      end: '2026-04-30',
    });
    expect(unwrap(loopRange('2026-01-05', { unit: 'weeks', count: 2 }, 3))).toEqual({
      start: '2026-02-02',
      end: '2026-02-15',
    });
  });

  it('tiles time: each loop starts the day after the previous one ends', () => {
    fc.assert(
      fc.property(dateArb, lengthArb, fc.integer({ min: 1, max: 60 }), (first, length, n) => {
        const a = unwrap(loopRange(first, length, n));
        const b = unwrap(loopRange(first, length, n + 1));
        return addDays(a.end, 1) === b.start && a.start <= a.end;
      }),
    );
  });

  it('puts every day of a loop in that loop', () => {
    fc.assert(
      fc.property(dateArb, lengthArb, fc.integer({ min: 1, max: 40 }), (first, length, n) => {
        const r = unwrap(loopRange(first, length, n));
        return (
          unwrap(loopIndexOf(first, length, r.start)) === n &&
          unwrap(loopIndexOf(first, length, r.end)) === n
        );
      }),
    );
  });

  it('refuses a loop of 1 week or 7 months, loop 0 and a bad start date', () => {
    expect(loopRange('2026-01-01', { unit: 'weeks', count: 1 }, 1)).toMatchObject({
      ok: false,
      error: { code: 'invalidLoopLength' },
    });
    expect(loopRange('2026-01-01', { unit: 'months', count: 7 }, 1)).toMatchObject({
      ok: false,
      error: { code: 'invalidLoopLength' },
    });
    expect(loopRange('2026-01-01', { unit: 'months', count: 2 }, 0)).toMatchObject({
      ok: false,
      error: { code: 'invalidLoopIndex' },
    });
    expect(loopRange('2026-13-01', { unit: 'months', count: 2 }, 1)).toMatchObject({
      ok: false,
      error: { code: 'invalidDate' },
    });
  });
});

describe('baseline and previous loop', () => {
  it('default baseline is the loop length just before loop 1', () => {
    expect(unwrap(defaultBaseline('2026-03-01', { unit: 'months', count: 2 }))).toEqual({
      start: '2026-01-01',
      end: '2026-02-28',
    });
    expect(unwrap(previousLoopRange('2026-03-01', { unit: 'months', count: 2 }, 1))).toEqual({
      start: '2026-01-01',
      end: '2026-02-28',
    });
    expect(unwrap(previousLoopRange('2026-03-01', { unit: 'months', count: 2 }, 3))).toEqual(
      unwrap(loopRange('2026-03-01', { unit: 'months', count: 2 }, 2)),
    );
  });
});

describe('sameRangeLastYear', () => {
  it.each([
    [
      { start: '2024-01-01', end: '2024-02-29' },
      { start: '2023-01-01', end: '2023-02-28' },
    ],
    [
      { start: '2025-01-01', end: '2025-02-28' },
      { start: '2024-01-01', end: '2024-02-29' },
    ],
    [
      { start: '2024-02-29', end: '2024-04-28' },
      { start: '2023-02-28', end: '2023-04-28' },
    ],
    [
      { start: '2026-03-01', end: '2026-04-30' },
      { start: '2025-03-01', end: '2025-04-30' },
    ],
  ])('%o → %o', (range, expected) => {
    expect(unwrap(sameRangeLastYear(range))).toEqual(expected);
  });

  it('covers the same number of months as the loop, for every month-based loop', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 30 }),
        (first, count, n) => {
          const loop = unwrap(loopRange(first, { unit: 'months', count }, n));
          const last = unwrap(sameRangeLastYear(loop));
          return (
            monthsSpanned(loop) === monthsSpanned(last) &&
            Math.abs(rangeDays(loop) - rangeDays(last)) <= 3
          );
        },
      ),
    );
  });

  it('moves week loops back 52 weeks, keeping length and weekdays', () => {
    const loop: DateRange = { start: '2026-01-05', end: '2026-02-15' };
    const last = unwrap(sameRangeLastYear(loop, 'weeks'));
    expect(last).toEqual({ start: '2025-01-06', end: '2025-02-16' });
    expect(rangeDays(last)).toBe(rangeDays(loop));
  });
});

describe('hasEnded', () => {
  it('is true only after the last day: a loop is still running on its last day', () => {
    const loop = { start: '2026-01-01', end: '2026-02-28' };
    expect(hasEnded(loop, '2026-02-27')).toBe(false);
    expect(hasEnded(loop, '2026-02-28')).toBe(false);
    expect(hasEnded(loop, '2026-03-01')).toBe(true);
  });
});

describe('loopState', () => {
  it('is to come before the first day, running through the last, over after it', () => {
    const loop = { start: '2026-01-01', end: '2026-02-28' };
    expect(loopState(loop, '2025-12-31')).toBe('notStarted');
    expect(loopState(loop, '2026-01-01')).toBe('running');
    expect(loopState(loop, '2026-02-28')).toBe('running');
    expect(loopState(loop, '2026-03-01')).toBe('ended');
  });
});
