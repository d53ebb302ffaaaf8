import type { LoopLength } from '$lib/schema';
import {
  addDays,
  addMonths,
  checkRange,
  isLastDayOfMonth,
  isValidDate,
  parseIsoDate,
  toDayNumber,
  type DateRange,
  type IsoDate,
} from './dates';
import { fail, ok, type Result } from './result';

export type { LoopLength };

/** The default learning loop: two calendar months. */
export const DEFAULT_LOOP_LENGTH: LoopLength = { unit: 'months', count: 2 };

/** Loops last from 2 weeks to 6 months. */
export function checkLoopLength(length: LoopLength): Result<LoopLength> {
  const valid =
    Number.isInteger(length.count) &&
    (length.unit === 'weeks'
      ? length.count >= 2 && length.count <= 26
      : length.unit === 'months' && length.count >= 1 && length.count <= 6);
  return valid
    ? ok(length)
    : fail('invalidLoopLength', 'loopLength', `${length.count} ${length.unit}`);
}

/** The start of the period `k` loop lengths after `first` (k may be negative). */
function shift(first: IsoDate, length: LoopLength, k: number): IsoDate {
  return length.unit === 'weeks'
    ? addDays(first, 7 * length.count * k)
    : addMonths(first, length.count * k);
}

/**
 * Date range of loop `n` (1 = the first loop). Each loop ends the day before the next one
 * starts, both computed from the first start, so consecutive loops tile time exactly.
 */
export function loopRange(firstStart: IsoDate, length: LoopLength, n: number): Result<DateRange> {
  if (!isValidDate(firstStart)) return fail('invalidDate', 'firstLoopStart', firstStart);
  const checked = checkLoopLength(length);
  if (!checked.ok) return checked;
  if (!Number.isInteger(n) || n < 1 || n > 10_000) return fail('invalidLoopIndex', 'loop', n);
  return ok({
    start: shift(firstStart, length, n - 1),
    end: addDays(shift(firstStart, length, n), -1),
  });
}

/** The loop before loop `n`; for loop 1 that is the default baseline period. */
export function previousLoopRange(
  firstStart: IsoDate,
  length: LoopLength,
  n: number,
): Result<DateRange> {
  if (n === 1) return defaultBaseline(firstStart, length);
  return loopRange(firstStart, length, n - 1);
}

/** The baseline (0-meting) by default: the period of one loop length just before loop 1. */
export function defaultBaseline(firstStart: IsoDate, length: LoopLength): Result<DateRange> {
  if (!isValidDate(firstStart)) return fail('invalidDate', 'firstLoopStart', firstStart);
  const checked = checkLoopLength(length);
  if (!checked.ok) return checked;
  return ok({ start: shift(firstStart, length, -1), end: addDays(firstStart, -1) });
}

/**
 * The same period one year earlier. Calendar periods move back 12 months, with month ends
 * kept as month ends (a loop ending 29 February 2024 compares with one ending 28 February
 * 2023, and one ending 28 February 2025 with 29 February 2024), so both cover the same
 * months. Week-based loops move back 52 weeks, so both cover the same weekdays.
 */
export function sameRangeLastYear(
  range: DateRange,
  unit: LoopLength['unit'] = 'months',
): Result<DateRange> {
  const checked = checkRange(range);
  if (!checked.ok) return checked;
  if (unit === 'weeks')
    return ok({ start: addDays(range.start, -364), end: addDays(range.end, -364) });
  const end = isLastDayOfMonth(range.end)
    ? lastDayOf(addMonths(range.end, -12))
    : addMonths(range.end, -12);
  return ok({ start: addMonths(range.start, -12), end });
}

/** The last day of the month `date` falls in. */
function lastDayOf(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

/** The number of the loop containing `date`: 1 for the first loop, 0 or less before it. */
export function loopIndexOf(
  firstStart: IsoDate,
  length: LoopLength,
  date: IsoDate,
): Result<number> {
  if (!isValidDate(firstStart)) return fail('invalidDate', 'firstLoopStart', firstStart);
  if (!isValidDate(date)) return fail('invalidDate', 'date', date);
  const checked = checkLoopLength(length);
  if (!checked.ok) return checked;
  const day = toDayNumber(date);
  // An estimate from the average loop length, then corrected: month lengths vary.
  const average = length.unit === 'weeks' ? 7 * length.count : 30.436875 * length.count;
  let k = Math.floor((day - toDayNumber(firstStart)) / average);
  while (toDayNumber(shift(firstStart, length, k)) > day) k--;
  while (toDayNumber(shift(firstStart, length, k + 1)) <= day) k++;
  return ok(k + 1);
}

/** Whole calendar months covered by a range, counting partial months as they are touched. */
export function monthsSpanned(range: DateRange): number {
  const a = parseIsoDate(range.start);
  const b = parseIsoDate(range.end);
  if (!a || !b) return 0;
  return (b.y - a.y) * 12 + (b.m - a.m) + 1;
}

/** Whether a period has ended by `today` (its last day is before today): not still running. */
export function hasEnded(range: { end: string }, today: string): boolean {
  return range.end < today;
}

/** Whether a loop is still to come, running or over on `today`. */
export function loopState(
  range: { start: string; end: string },
  today: string,
): 'notStarted' | 'running' | 'ended' {
  if (today < range.start) return 'notStarted';
  return hasEnded(range, today) ? 'ended' : 'running';
}
