import { z } from 'zod';

// zod compiles parsers with `new Function` when it may; under our CSP (no 'unsafe-eval')
// even its probe is reported as a violation, so parse without code generation.
z.config({ jitless: true });

/** Record ids are random UUIDs, so plans from two devices can be merged without clashes. */
export const idSchema = z.string().min(1).max(64);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (no time, no zone). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

/** Custom messages are i18n message keys; the UI translates them (see i18n/issues.ts). */
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'error.notADate' });

/** Timestamps of changes, as ISO 8601 strings in UTC (`Date.prototype.toISOString`). */
export const timestampSchema = z.iso.datetime();

/** A finite number: NaN and ±Infinity never reach storage. */
export const finiteNumber = z.number().refine(Number.isFinite, { message: 'error.notFinite' });
export const nonNegativeNumber = finiteNumber.refine((n) => n >= 0, { message: 'error.negative' });

export const shortText = z.string().max(200);
export const longText = z.string().max(20_000);

/** ISO 4217 currency code, e.g. EUR. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'error.notACurrency' });

/** A date range; `end` is inclusive and never before `start`. */
export const dateRangeSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((r) => r.start <= r.end, { message: 'error.endBeforeStart', path: ['end'] });

export const localeSchema = z.enum(['nl', 'en']);
export type Locale = z.infer<typeof localeSchema>;
