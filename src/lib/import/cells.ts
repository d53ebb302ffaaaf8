import { formatIsoDate, isValidDate } from '$lib/domain/dates';
import { parseDuration } from '$lib/domain/duration';
import { parseLocaleNumber, type NumberLocale } from '$lib/domain/numbers';
import { fail, ok, type Result } from '$lib/domain/result';
import { MAX_MAGNITUDE } from '$lib/schema/common';

/** How a file writes its numbers, decided once per file from its cells. */
export function guessNotation(cells: readonly string[], delimiter: string): NumberLocale {
  // Only cells that can be read one way vote: `1.234,5`, `1,5`, `1.234.567` are Dutch, their
  // mirror images English; `1.234` or `1,234` could be either and do not count.
  let nl = 0;
  let en = 0;
  for (const cell of cells) {
    const text = cell.trim().replace(/^[-+]/, '');
    if (/^\d{1,3}[.,]\d{3}$/.test(text)) continue;
    if (/^\d{1,3}(\.\d{3})+,\d+$|^\d+,(\d{1,2}|\d{4,})$|^\d{1,3}(\.\d{3}){2,}$/.test(text)) nl++;
    else if (/^\d{1,3}(,\d{3})+\.\d+$|^\d+\.(\d{1,2}|\d{4,})$|^\d{1,3}(,\d{3}){2,}$/.test(text))
      en++;
  }
  if (nl !== en) return nl > en ? 'nl' : 'en';
  // Nothing decides: `;` is what Dutch Excel writes; otherwise English.
  return delimiter === ';' ? 'nl' : 'en';
}

/** Scientific notation as spreadsheets write large numbers (`1E+16`, `1,5E+03` in Dutch). */
const SCIENTIFIC = { en: /^[-+]?\d+(\.\d+)?e[-+]?\d+$/i, nl: /^[-+]?\d+(,\d+)?e[-+]?\d+$/i };

/**
 * A number cell in the file's notation. Durations count as numbers of seconds: analytics
 * exports write them as `00:01:14` or `1m 14s`; spreadsheets write large numbers as `1E+16`.
 * Errors: `notANumber`, and `numberTooLarge` beyond the maximum every number of the app has.
 */
export function parseNumberCell(cell: string, notation: NumberLocale): Result<number> {
  const parsed = parseLocaleNumber(cell, notation);
  if (parsed.ok || parsed.error.code === 'numberTooLarge') return parsed;
  const text = cell.trim();
  if (SCIENTIFIC[notation].test(text)) {
    const value = Number(text.replace(',', '.'));
    return Math.abs(value) <= MAX_MAGNITUDE ? ok(value + 0) : fail('numberTooLarge', 'value', cell);
  }
  const duration = parseDuration(cell, notation);
  return duration.ok ? duration : fail('notANumber', 'value', cell);
}

/** A number cell in the file's notation, or null when it is not one (see `parseNumberCell`). */
export function readNumber(cell: string, notation: NumberLocale): number | null {
  const parsed = parseNumberCell(cell, notation);
  return parsed.ok ? parsed.value : null;
}

/** The order of day, month and year in dates written with `/`, `-` or `.`. */
export type DateOrder = 'dmy' | 'mdy';

/**
 * A date cell as `YYYY-MM-DD`: `20260131` (GA4), `2026-01-31` (with an optional time after it),
 * and `31-1-2026`, `31/01/2026`, `31.1.2026` or `1/31/2026` in the given `order`. Null if not a
 * real date.
 */
export function readDate(cell: string, order: DateOrder): string | null {
  const text = cell.trim();
  let y: number, m: number, d: number;
  let match =
    /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(text);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/.exec(text);
    if (!match) return null;
    const [a, b] = [Number(match[1]), Number(match[2])];
    y = Number(match[3]);
    [d, m] = order === 'dmy' ? [a, b] : [b, a];
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = formatIsoDate(y, m, d);
  return isValidDate(iso) ? iso : null;
}

/**
 * The order of a column of slash dates: a first part above 12 can only be a day, a second part
 * above 12 only a day too; otherwise `fallback` (the file's language) decides.
 */
export function guessDateOrder(cells: readonly string[], notation: NumberLocale): DateOrder {
  let slashes = false;
  for (const cell of cells) {
    const match = /^(\d{1,2})([/.-])(\d{1,2})[/.-]\d{4}/.exec(cell.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) return 'dmy';
    if (Number(match[3]) > 12) return 'mdy';
    if (match[2] === '/') slashes = true;
  }
  // Undecided: `-` and `.` are written day first; `/` month first, except in Dutch files.
  return slashes && notation === 'en' ? 'mdy' : 'dmy';
}
