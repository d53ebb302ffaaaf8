import type { Unit } from './catalog';
import { formatNumberForInput, parseLocaleNumber, type NumberLocale } from './numbers';
import { fail, ok, type Result } from './result';

/**
 * Durations (time on site, session length) are stored in seconds and written the way
 * analytics tools show them: `1:14` (m:ss), `1:02:03` and `00:01:14` (h:mm:ss), `1m 14s`,
 * `1 min 14 s`, `74s`, or a plain number of seconds (`74`, Dutch `74,5`).
 */

/** `m:ss` or `h:mm:ss`, seconds with an optional decimal part in either notation. */
const CLOCK = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(?:([.,])(\d+))?$/;

/** One amount with its unit: `1m`, `14 s`, `1,5 min`, `2 uur`, `3 sec.`. */
const PART = /(\d[\d.,]*|[.,]\d+)\s*([a-z]+)\.?\s*/y;

/** As for any number: beyond this a double no longer holds every fraction of a second. */
const MAX_SECONDS = 1e15;

/** Unit words in English and Dutch, by how many seconds they hold. */
const UNITS = new Map<string, number>();
for (const [seconds, words] of [
  [3600, ['h', 'hr', 'hrs', 'hour', 'hours', 'u', 'uur', 'uren']],
  [60, ['m', 'min', 'mins', 'minute', 'minutes', 'minuut', 'minuten']],
  [1, ['s', 'sec', 'secs', 'second', 'seconds', 'seconde', 'seconden']],
] as const)
  for (const word of words) UNITS.set(word, seconds);

function readClock(text: string, locale: NumberLocale, input: string): Result<number> {
  const match = CLOCK.exec(text);
  if (!match) return fail('notADuration', 'value', input);
  const [, first = '', second = '', third, separator, fraction] = match;
  // After a colon, minutes and seconds are always written with two digits: `1:5` is unclear.
  if (second.length !== 2 || (third !== undefined && third.length !== 2))
    return fail('notADuration', 'value', input);
  if (separator && separator !== (locale === 'nl' ? ',' : '.'))
    return fail('wrongDecimalSeparator', 'value', input);
  const parts = third === undefined ? [0, Number(first), Number(second)] : [first, second, third];
  const [h, m, s] = parts.map(Number) as [number, number, number];
  if (s > 59 || (third !== undefined && m > 59)) return fail('durationPartOver59', 'value', input);
  const total = h * 3600 + m * 60 + s + (fraction ? Number(`0.${fraction}`) : 0);
  return total <= MAX_SECONDS ? ok(total) : fail('numberTooLarge', 'value', input);
}

function readUnits(text: string, locale: NumberLocale, input: string): Result<number> {
  let total = 0;
  let last = Infinity;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const match = PART.exec(text);
    const size = match ? UNITS.get(match[2] ?? '') : undefined;
    // Largest unit first, each once: `14s 1m` or `1m 2m` is a typo, not a duration.
    if (!match || size === undefined || size >= last) return fail('notADuration', 'value', input);
    last = size;
    const amount = parseLocaleNumber(match[1] ?? '', locale);
    if (!amount.ok) return fail(amount.error.code, 'value', input);
    total += amount.value * size;
  }
  return total <= MAX_SECONDS ? ok(total) : fail('numberTooLarge', 'value', input);
}

/**
 * A duration typed or pasted by the user, in seconds: `1:14`, `01:14`, `1:02:03`, `00:01:14`
 * (a decimal part on the seconds in the locale's notation: `1:14,5` in Dutch), `1m 14s`,
 * `1m14s`, `1 min 14 s`, `1 uur 2 min`, `74s`, or a plain number of seconds (`74`, `74,5`).
 * Errors: `emptyNumber`, `notADuration`, `durationPartOver59` (`1:75`),
 * `wrongDecimalSeparator` and `numberTooLarge`. A negative number of seconds is read as
 * such; `checkKpiValue` refuses it.
 */
export function parseDuration(input: string, locale: NumberLocale): Result<number> {
  const text = input.trim().toLowerCase();
  if (text === '') return fail('emptyNumber', 'value', input);
  if (text.includes(':')) return readClock(text, locale, input);
  if (/[a-z]/.test(text)) return readUnits(text, locale, input);
  // Seconds: a percentage or an amount of money is not a duration.
  if (/[%€$£]/.test(text)) return fail('notADuration', 'value', input);
  return parseLocaleNumber(text, locale);
}

/**
 * Seconds as `m:ss`, or `h:mm:ss` from an hour, with at most `fractionDigits` decimals on the
 * seconds in the locale's notation (trailing zeros left out): 74 → `1:14`, 3723 → `1:02:03`,
 * 4.5 → `0:04,5` in Dutch. A negative duration gets a minus sign.
 */
export function formatDuration(seconds: number, locale: NumberLocale, fractionDigits = 0): string {
  if (!Number.isFinite(seconds)) return '';
  const scale = 10 ** fractionDigits;
  const total = Math.round(Math.abs(seconds) * scale) / scale;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total - h * 3600) / 60);
  const s = total - h * 3600 - m * 60;
  const [whole = '0', fraction = ''] = s.toFixed(fractionDigits).split('.');
  const decimals = fraction.replace(/0+$/, '');
  const ss = `${whole.padStart(2, '0')}${decimals ? `${locale === 'nl' ? ',' : '.'}${decimals}` : ''}`;
  const clock = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return seconds < 0 && total > 0 ? `\u2212${clock}` : clock;
}

/**
 * A KPI value typed or pasted for a KPI of this unit: a duration (`1:14`, `1m 14s`, seconds)
 * for durations, a number in the locale's notation for every other unit.
 */
export function parseKpiNumber(input: string, unit: Unit, locale: NumberLocale): Result<number> {
  return unit === 'duration' ? parseDuration(input, locale) : parseLocaleNumber(input, locale);
}

/**
 * The text to put back into a KPI's input: a duration as `m:ss` or `h:mm:ss` (up to 6 decimals
 * on the seconds, so it reads back as the same value), money with its cents when it has any
 * (`4386,20`, not `4386,2`), any other unit as `formatNumberForInput`.
 */
export function formatKpiNumberForInput(value: number, unit: Unit, locale: NumberLocale): string {
  if (unit === 'currency' && Number.isFinite(value) && !Number.isInteger(value)) {
    const cents = Math.round(value * 100) / 100;
    if (Math.abs(cents - value) < 1e-9) {
      const text = cents.toFixed(2);
      return locale === 'nl' ? text.replace('.', ',') : text;
    }
  }
  if (unit !== 'duration' || value < 0) return formatNumberForInput(value, locale);
  return formatDuration(value, locale, 6);
}
