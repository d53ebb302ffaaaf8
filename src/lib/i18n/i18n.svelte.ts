import type { DomainError } from '$lib/domain/result';
import { localeSchema, type Locale } from '$lib/schema/common';
import type { Issue, StoredDataProblem } from '$lib/schema/issues';
import {
  interpolateParts,
  localeFromLanguage,
  translate,
  type MessagePart,
  type Params,
} from './format';
import { formatDate } from './dates';
import type { MessageKey, Namespace } from './keys';

type Catalog = Readonly<Record<string, string>>;

/**
 * Each language of each namespace is its own chunk: the first page loads only the core
 * messages of the language it shows; the plan routes add theirs when they open.
 */
const loaders: Record<Namespace, Record<Locale, () => Promise<Catalog>>> = {
  core: {
    en: () => import('./en').then((m) => m.en),
    nl: () => import('./nl').then((m) => m.nl),
  },
  plan: {
    en: () => import('./plan-en').then((m) => m.enPlan),
    nl: () => import('./plan-nl').then((m) => m.nlPlan),
  },
  loops: {
    en: () => import('./loops-en').then((m) => m.enLoops),
    nl: () => import('./loops-nl').then((m) => m.nlLoops),
  },
  backup: {
    en: () => import('./backup-en').then((m) => m.enBackup),
    nl: () => import('./backup-nl').then((m) => m.nlBackup),
  },
  import: {
    en: () => import('./import-en').then((m) => m.enImport),
    nl: () => import('./import-nl').then((m) => m.nlImport),
  },
  method: {
    en: () => import('./method-en').then((m) => m.enMethod),
    nl: () => import('./method-nl').then((m) => m.nlMethod),
  },
};
export const LOCALE_STORAGE_KEY = 'talentloop.locale';

/** The saved choice, else the browser language; `invalid` when the saved value is no locale. */
function chosenLocale(): { locale: Locale; invalid: boolean } {
  let saved: string | null;
  try {
    saved = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    saved = null;
  }
  const parsed = localeSchema.safeParse(saved);
  return {
    locale: parsed.success ? parsed.data : localeFromLanguage(navigator.language),
    invalid: saved !== null && !parsed.success,
  };
}

/** The active language, persisted in localStorage, with the translate and format helpers. */
class I18n {
  #locale = $state<Locale>('en');
  #messages = $state.raw<Catalog | undefined>(undefined);
  #namespaces = new Set<Namespace>(['core']);
  /** The language being applied (set before its messages arrive). */
  #target: Locale | undefined;
  #parts = new Map<string, Promise<Catalog>>();
  /** The namespaces in the messages now shown, with their language. */
  #merged: Partial<Record<Namespace, Locale>> = {};

  get locale(): Locale {
    return this.#locale;
  }

  /**
   * Picks the saved choice, else the browser language. A saved value that is not a known
   * locale is reported (and left alone) instead of breaking start-up. Resolves once the
   * messages of that language are loaded, so the first render is already translated.
   */
  async init(): Promise<StoredDataProblem | null> {
    const { locale, invalid } = chosenLocale();
    const problem: StoredDataProblem | null = invalid
      ? {
          area: 'localStorage',
          where: 'localStorage',
          key: LOCALE_STORAGE_KEY,
          issues: [{ path: '', message: 'error.notAnOption', params: { options: 'nl, en' } }],
        }
      : null;
    // The engine loads its locale data on the first use of Intl (15–20 ms, four times that on
    // a slow phone): while the messages download, not in the first render.
    setTimeout(() => formatDate('2000-01-01', locale), 0);
    await this.#apply(locale);
    return problem;
  }

  async setLocale(locale: Locale): Promise<void> {
    // A choice overtaken by a later one while its words downloaded is not kept.
    if (!(await this.#apply(locale))) return;
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Private mode or a full disk: the choice still holds for this visit.
    }
  }

  /**
   * Loads a namespace's messages in the language being applied (and in every later language).
   * It may start before `init` has its core messages (a page's load runs beside the root's):
   * the two download side by side, and whichever arrives last puts them together.
   */
  async load(namespace: Namespace): Promise<void> {
    this.#namespaces.add(namespace);
    const locale = (this.#target ??= chosenLocale().locale);
    const extra = await this.#fetch(namespace, locale);
    if (this.#messages && this.#locale === locale && this.#merged[namespace] !== locale) {
      this.#messages = { ...this.#messages, ...extra };
      this.#merged[namespace] = locale;
    }
  }

  /** The messages of one namespace in one language, each downloaded once. */
  #fetch(namespace: Namespace, locale: Locale): Promise<Catalog> {
    const key = `${locale}/${namespace}`;
    let part = this.#parts.get(key);
    if (!part) {
      part = loaders[namespace][locale]();
      this.#parts.set(key, part);
      // A failed download is tried again the next time it is asked for.
      part.catch(() => this.#parts.delete(key));
    }
    return part;
  }

  /** Shows `locale` once all its words are here; false when another language was chosen first. */
  async #apply(locale: Locale): Promise<boolean> {
    this.#target = locale;
    const included: Partial<Record<Namespace, Catalog>> = {};
    // Namespaces asked for while others download join until none is missing; from then on
    // (no wait between that check and the switch) a later `load` merges its own.
    for (;;) {
      const missing = [...this.#namespaces].filter((ns) => !(ns in included));
      if (!missing.length) break;
      let parts: Catalog[];
      try {
        parts = await Promise.all(missing.map((ns) => this.#fetch(ns, locale)));
      } catch (error) {
        // Not switched: the words of pages opened from now on come in the language shown.
        if (this.#target === locale) this.#target = this.#messages ? this.#locale : undefined;
        throw error;
      }
      if (this.#target !== locale) return false; // another language was chosen meanwhile
      missing.forEach((ns, i) => (included[ns] = parts[i]));
    }
    this.#messages = Object.assign({}, ...Object.values(included)) as Catalog;
    this.#merged = Object.fromEntries(Object.keys(included).map((ns) => [ns, locale]));
    this.#locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    return true;
  }

  /** The message for `key` in the active language: `{placeholders}` filled, plural forms chosen. */
  t = (key: MessageKey, params?: Params): string =>
    this.#messages ? translate(this.#messages, key, params, this.#locale) : key;

  /** The message for `key` in pieces: its own words and each filled value (see `Message`). */
  parts = (key: MessageKey, params?: Params): MessagePart[] => {
    const template = this.#messages?.[key];
    return template === undefined
      ? [{ text: key, value: false }]
      : interpolateParts(template, params);
  };

  /** A domain error in the active language; `field` names the field as the user sees it. */
  domainError = (error: DomainError, field?: string): string =>
    this.t(`domain.error.${error.code}`, {
      field: field ?? error.field ?? '',
      value: error.value ?? '',
    });

  /** A validation issue as `path: reason` in the active language. */
  issue = (issue: Issue): string => {
    const text = this.t(issue.message, issue.params);
    return issue.path ? `${issue.path}: ${text}` : text;
  };

  /** Formatters by locale and options: making an Intl.NumberFormat costs far more than using one. */
  #formats = new Map<string, Intl.NumberFormat>();

  number = (value: number, options?: Intl.NumberFormatOptions): string => {
    const locale = this.#locale === 'nl' ? 'nl-NL' : 'en-GB';
    const key = `${locale}|${options ? JSON.stringify(options) : ''}`;
    let format = this.#formats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      this.#formats.set(key, format);
    }
    return format.format(value);
  };

  /** Bytes as kB/MB/GB in the active language. */
  bytes = (value: number): string => {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
    let unit = 0;
    let amount = value;
    while (amount >= 1000 && unit < units.length - 1) {
      amount /= 1000;
      unit++;
    }
    return this.number(amount, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: amount < 10 && unit > 0 ? 1 : 0,
    });
  };
}

export const i18n = new I18n();
