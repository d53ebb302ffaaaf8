import type { MessageKey } from './keys';

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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
