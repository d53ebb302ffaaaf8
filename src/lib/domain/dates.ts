import { fail, ok, type Result } from './result';

/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings, with no time zones: a date is a day
 * number (days since 1970-01-01 in the proleptic Gregorian calendar), never a `Date`.
 */
export type IsoDate = string;
/** An inclusive range of days. */
export type DateRange = { start: IsoDate; end: IsoDate };

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The parts of a valid ISO date, or null. Hand-rolled: it runs for every stored value. */
export function parseIsoDate(date: string): { y: number; m: number; d: number } | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function isValidDate(date: string): boolean {
  return parseIsoDate(date) !== null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatIsoDate(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). The date must be valid. */
export function toDayNumber(date: IsoDate): number {
  const day = dayNumberOrNull(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return day;
}

/** The day number of a valid ISO date, or null: one parse, for hot loops over many dates. */
export function dayNumberOrNull(date: string): number | null {
  const p = parseIsoDate(date);
  if (!p) return null;
  const y = p.m <= 2 ? p.y - 1 : p.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (p.m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + p.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (civil_from_days). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return formatIsoDate(y, m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months; a day past the end of the target month becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatIsoDate(y, m, Math.min(p.d, daysInMonth(y, m)));
}

export function isLastDayOfMonth(date: IsoDate): boolean {
  const p = parseIsoDate(date);
  return !!p && p.d === daysInMonth(p.y, p.m);
}

/** Number of days in an inclusive range. */
export function rangeDays(range: DateRange): number {
  return toDayNumber(range.end) - toDayNumber(range.start) + 1;
}

/** Checks a range: both ends filled in and real dates, end not before start. */
export function checkRange(range: DateRange, field = 'range'): Result<DateRange> {
  for (const end of ['start', 'end'] as const)
    if (range[end].trim() === '') return fail('emptyDate', `${field}.${end}`);
  if (!isValidDate(range.start)) return fail('invalidDate', `${field}.start`, range.start);
  if (!isValidDate(range.end)) return fail('invalidDate', `${field}.end`, range.end);
  if (range.end < range.start) return fail('invertedRange', field, `${range.start}…${range.end}`);
  return ok(range);
}

/** True when the two ranges share at least one day. */
export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: DateRange, inner: DateRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
