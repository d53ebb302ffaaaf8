import type { MessageKey } from './keys';

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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

/** The placeholder names used in a message, sorted, for comparing the two languages. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** The message for `key`, filled; the key itself while its namespace is not loaded yet. */
export function translate(
  messages: Readonly<Record<string, string>>,
  key: MessageKey,
  params?: Params,
): string {
  const template = messages[key];
  return template === undefined ? key : interpolate(template, params);
}

/** Dutch for any `nl*` browser language, otherwise English. */
export function localeFromLanguage(language: string | undefined): 'nl' | 'en' {
  return language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
