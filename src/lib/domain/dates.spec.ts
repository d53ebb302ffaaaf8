import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  checkRange,
  fromDayNumber,
  isLastDayOfMonth,
  rangeDays,
  toDayNumber,
} from './dates';

describe('day numbers', () => {
  it('count from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('round-trip every day over four centuries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        (n) => toDayNumber(fromDayNumber(n)) === n,
      ),
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-03-15', -2, '2026-01-15'],
    ['2026-12-01', 1, '2027-01-01'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('ranges', () => {
  it('count days inclusively', () => {
    expect(rangeDays({ start: '2024-02-01', end: '2024-02-29' })).toBe(29);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(isLastDayOfMonth('2023-02-28')).toBe(true);
  });

  it('refuse inverted ranges and impossible dates with a typed error', () => {
    expect(checkRange({ start: '2026-02-01', end: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invertedRange' },
    });
    expect(checkRange({ start: '2026-02-30', end: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalidDate', field: 'range.start' },
    });
  });
});
