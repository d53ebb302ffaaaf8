import type { MessageKey } from './keys';

export type Params = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
const countFormats = new Map<string, Intl.NumberFormat>();

/** The region a UI language formats numbers and picks plural forms with. */
const intlLocale = (locale: string) =>
  locale === 'nl' ? 'nl-NL' : locale === 'en' ? 'en-GB' : locale;

function pluralCategory(value: number, locale: string): Intl.LDMLPluralRule {
  const tag = intlLocale(locale);
  let rules = pluralRules.get(tag);
  if (!rules) {
    rules = new Intl.PluralRules(tag);
    pluralRules.set(tag, rules);
  }
  return rules.select(value);
}

function formatCount(value: number, locale: string): string {
  const tag = intlLocale(locale);
  let format = countFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
    countFormats.set(tag, format);
  }
  return format.format(value);
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

type Plural = { name: string; branches: Map<string, string> };

/** `name, plural, one {…} other {…}` (an ICU plural, without offsets), else null. */
function parsePlural(inner: string): Plural | null {
  const head = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (!head) return null;
  const branches = new Map<string, string>();
  let i = head[0].length;
  while (i < inner.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(inner.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const close = closing(inner, open);
    if (close < 0) return null;
    branches.set(selector[1]!, inner.slice(open + 1, close));
    i = close + 1;
  }
  return branches.has('other') && !inner.slice(i).trim() ? { name: head[1]!, branches } : null;
}

/** `#` outside nested braces: the count of the plural a branch belongs to. */
function replaceHash(branch: string, count: string): string {
  let out = '';
  let depth = 0;
  for (const char of branch) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    out += char === '#' && depth === 0 ? count : char;
  }
  return out;
}

/** A number to choose a plural form by: a number, or a string of plain digits. */
function countOf(value: string | number | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : null;
}

/**
 * Fills `{name}` placeholders, and picks plural forms written the ICU way:
 * `{count, plural, one {# loop} other {# loops}}` chooses by the language's plural rules
 * (`Intl.PluralRules`; `=0` and other exact matches first) and writes the count for `#`.
 * Pass the count as a number. A missing parameter stays visible rather than vanishing.
 */
export function interpolate(template: string, params: Params = {}, locale = 'en'): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closing(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const plural = /^\w+$/.test(inner) ? null : parsePlural(inner);
    if (/^\w+$/.test(inner)) {
      out += inner in params ? String(params[inner]) : `{${inner}}`;
    } else if (plural && plural.name in params) {
      const raw = params[plural.name];
      const n = countOf(raw);
      const branch =
        (n === null
          ? undefined
          : (plural.branches.get(`=${n}`) ?? plural.branches.get(pluralCategory(n, locale)))) ??
        plural.branches.get('other')!;
      const shown = n !== null && typeof raw === 'number' ? formatCount(n, locale) : String(raw);
      out += interpolate(replaceHash(branch, shown), params, locale);
    } else {
      out += template.slice(open, close + 1);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

/** A piece of a filled message: the message's own words, or the value of a placeholder. */
export type MessagePart = { text: string; value: boolean };

/**
 * A message split at its placeholders, each filled: markup can then isolate the values
 * (`<bdi>`), so a name written right to left never turns the message's own words around.
 */
export function interpolateParts(template: string, params: Params = {}): MessagePart[] {
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] ?? '';
    if (!(name in params)) continue;
    if (match.index > at) parts.push({ text: template.slice(at, match.index), value: false });
    parts.push({ text: String(params[name]), value: true });
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at), value: false });
  return parts;
}

/**
 * Text set apart for the bidirectional algorithm with Unicode's first-strong isolate, where
 * markup cannot be used (a document title): a right-to-left name keeps the words around it
 * in their order.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * The placeholder names a message uses (plain ones and those that choose a plural form), once
 * each and sorted, for comparing the two languages.
 */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  const walk = (text: string) => {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      if (open < 0) return;
      const close = closing(text, open);
      if (close < 0) return;
      const inner = text.slice(open + 1, close);
      if (/^\w+$/.test(inner)) names.add(inner);
      else {
        const plural = parsePlural(inner);
        if (plural) {
          names.add(plural.name);
          for (const branch of plural.branches.values()) walk(branch);
        }
      }
      i = close + 1;
    }
  };
  walk(template);
  return [...names].sort();
}

/** Whether a message chooses a plural form for the parameter `name`. */
export function hasPlural(template: string, name: string): boolean {
  return new RegExp(`\\{\\s*${name}\\s*,\\s*plural\\s*,`).test(template);
}

/** The message for `key`, filled; the key itself while its namespace is not loaded yet. */
export function translate(
  messages: Readonly<Record<string, string>>,
  key: MessageKey,
  params?: Params,
  locale = 'en',
): string {
  const template = messages[key];
  return template === undefined ? key : interpolate(template, params, locale);
}

/** Dutch for any `nl*` browser language, otherwise English. */
export function localeFromLanguage(language: string | undefined): 'nl' | 'en' {
  return language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
