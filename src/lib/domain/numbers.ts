import { fail, ok, type Result } from './result';

/**
 * Numbers as users type or paste them, in the notation of the active language: Dutch writes
 * `1.200,5`, English `1,200.5`. Parsing is strict (thousands in groups of three) so that a
 * number in the other notation is reported rather than silently read a thousand times off.
 */
export type NumberLocale = 'nl' | 'en';

/** Larger magnitudes are refused: beyond this a double no longer holds every cent. */
const MAX_MAGNITUDE = 1e15;

const SIGNS = new Set(['+', '-', '\u2212']);
const LEADING_CURRENCY = /^(?:[€$£]|[A-Z]{3})/;
const TRAILING_CURRENCY = /(?:[€$£]|[A-Z]{3})$/;
/** Space, no-break space and narrow no-break space may group thousands. */
const SPACES = /[ \u00a0\u202f]/g;

type Parsed = { value: number; hasFraction: boolean };

/**
 * The value of an unsigned body of digits and separators, with `decimal` as the decimal
 * separator and the other one (or a space) grouping thousands; null when malformed.
 */
function parseBody(body: string, decimal: ',' | '.'): Parsed | null {
  const parts = body.split(decimal);
  if (parts.length > 2) return null;
  const [whole = '', fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  let digits = whole;
  if (whole === '') {
    if (fraction === undefined) return null;
  } else if (!/^\d+$/.test(whole)) {
    // `whole` holds no decimal separator, so the first non-digit must group thousands.
    const separator = whole.match(/\D/)?.[0] ?? '';
    if (separator !== ' ' && separator !== ',' && separator !== '.') return null;
    const groups = whole.split(separator);
    if (!/^\d{1,3}$/.test(groups[0] ?? '')) return null;
    if (!groups.slice(1).every((group) => /^\d{3}$/.test(group))) return null;
    digits = groups.join('');
  }
  return { value: Number(`${digits}.${fraction ?? ''}`), hasFraction: fraction !== undefined };
}

/**
 * A number typed or pasted by the user in the notation of `locale`: thousands separators in
 * groups of three (also spaces), a leading `+`/`-`/`−`, a trailing `%` (value unchanged) or a
 * leading or trailing currency (`€`, `$`, `£`, `EUR`). Errors: `emptyNumber`, `notANumber`,
 * `wrongDecimalSeparator` (valid with a decimal part only in the other notation, like `1.5` in
 * Dutch) and `numberTooLarge` (beyond 10¹⁵).
 */
export function parseLocaleNumber(input: string, locale: NumberLocale): Result<number> {
  let text = input.trim();
  if (text === '') return fail('emptyNumber', 'value', input);
  let negative = false;
  let signed = false;
  const takeSign = () => {
    if (signed || !SIGNS.has(text[0] ?? '')) return;
    signed = true;
    negative = text[0] !== '+';
    text = text.slice(1).trimStart();
  };
  takeSign();
  const leading = text.match(LEADING_CURRENCY)?.[0];
  if (leading) {
    text = text.slice(leading.length).trimStart();
    takeSign();
  }
  let trailing = '';
  if (text.endsWith('%')) trailing = '%';
  else if (!leading) trailing = text.match(TRAILING_CURRENCY)?.[0] ?? '';
  if (trailing) {
    // A currency and a percentage together make no sense.
    if (leading) return fail('notANumber', 'value', input);
    text = text.slice(0, -trailing.length).trimEnd();
  }
  const body = text.replace(SPACES, ' ');
  const decimal = locale === 'nl' ? ',' : '.';
  const parsed = parseBody(body, decimal);
  if (!parsed) {
    const other = parseBody(body, decimal === ',' ? '.' : ',');
    return fail(other?.hasFraction ? 'wrongDecimalSeparator' : 'notANumber', 'value', input);
  }
  if (!(Math.abs(parsed.value) <= MAX_MAGNITUDE)) return fail('numberTooLarge', 'value', input);
  // `+ 0` turns −0 into 0.
  return ok((negative ? -parsed.value : parsed.value) + 0);
}

/**
 * The value `input` has in the other language's notation, when it reads as a different number
 * there (`1.234` is 1.234 in English and 1234 in Dutch; `1,234` the other way round); null
 * when it reads the same or not at all in the other notation (`12.5`, `1,234.5`, `1234`).
 */
export function otherNotation(input: string, locale: NumberLocale): number | null {
  const here = parseLocaleNumber(input, locale);
  const there = parseLocaleNumber(input, locale === 'nl' ? 'en' : 'nl');
  return here.ok && there.ok && here.value !== there.value ? there.value : null;
}

/**
 * The text to put back into an input: no thousands separators, the locale's decimal separator,
 * at most 6 decimals without trailing zeros; `parseLocaleNumber` reads it back. Not finite: ''.
 */
export function formatNumberForInput(value: number, locale: NumberLocale): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Math.abs(value) < 1e21 ? value.toFixed(6) : BigInt(value).toString();
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  const text = trimmed === '-0' ? '0' : trimmed;
  return locale === 'nl' ? text.replace('.', ',') : text;
}

/**
 * The cells of a column pasted from a spreadsheet: one per line (`\r\n`, `\n` or `\r`), without
 * the empty line after the final line break, only the first cell of a tab-separated row, trimmed.
 */
export function splitPastedColumn(text: string): string[] {
  return splitPastedBlock(text).map((row) => row[0] ?? '');
}

/**
 * The cells of a block pasted from Excel or Google Sheets: rows split on any line break
 * (one trailing empty line dropped), cells on tabs, each trimmed.
 */
export function splitPastedBlock(text: string): string[][] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
}
