import { z } from 'zod/mini';
import { isValidDate } from '$lib/domain/dates';

// zod compiles parsers with `new Function` when it may; under our CSP (no 'unsafe-eval')
// even its probe is reported as a violation, so parse without code generation.
// zod/mini (the tree-shakable build of zod 4) keeps the first page's JavaScript small.
z.config({ jitless: true });

/** Record ids are random UUIDs, so plans from two devices can be merged without clashes. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(64));

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (no time, no zone). */
export const isIsoDate = isValidDate;

/** Custom messages are i18n message keys; the UI translates them (i18n `issue`). */
export const isoDateSchema = z.string().check(z.refine(isIsoDate, { error: 'error.notADate' }));

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Timestamps of changes, as ISO 8601 strings in UTC (`Date.prototype.toISOString`). */
export const timestampSchema = z
  .string()
  .check(
    z.refine(
      (value) =>
        TIMESTAMP.test(value) &&
        isValidDate(value.slice(0, 10)) &&
        !Number.isNaN(Date.parse(value)),
      { error: 'error.notATimestamp' },
    ),
  );

/** A finite number: NaN and ±Infinity never reach storage. */
/** No KPI value, target or budget comes near this; larger is a typo or a damaged file. */
export const MAX_MAGNITUDE = 1e15;
const finite = z.refine<number>(Number.isFinite, { error: 'error.notFinite' });
const plausible = z.refine<number>((n) => Math.abs(n) <= MAX_MAGNITUDE, {
  error: 'error.tooLarge',
});
export const finiteNumber = z.number().check(finite, plausible);
export const nonNegativeNumber = z.number().check(
  finite,
  plausible,
  z.refine((n) => n >= 0, { error: 'error.negative' }),
);

/** Free text with a length limit, so one field can never swallow the disk. */
export const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
/** The longest free text a field keeps (notes, strategy, insights): forms allow the same. */
export const LONG_TEXT_MAX = 20_000;
export const shortText = text(200);
export const longText = text(LONG_TEXT_MAX);

/** Whole number in [min, max]. */
export const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** ISO 4217 currency code, e.g. EUR. */
export const currencySchema = z
  .string()
  .check(z.regex(/^[A-Z]{3}$/, { error: 'error.notACurrency' }));

/** A check for records with `start` and `end`: `end` is inclusive and never before `start`. */
export const endNotBeforeStart = z.refine<{ start: string; end: string }>(
  // A date that is not a date is reported on its own; comparing it would add noise.
  (r) => !isValidDate(r.start) || !isValidDate(r.end) || r.start <= r.end,
  {
    error: 'error.endBeforeStart',
    path: ['end'],
  },
);

export const dateRangeSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .check(endNotBeforeStart);

export const localeSchema = z.enum(['nl', 'en']);
export type Locale = z.infer<typeof localeSchema>;
