import { localeSchema, type Locale } from '$lib/schema/common';
import type { Issue, StoredDataProblem } from '$lib/storage/validate';
import type { MessageKey, Messages } from './en';
import { localeFromLanguage, translate, type Params } from './format';

/** Each language is its own chunk: the first page loads only the one it shows. */
const loaders: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
  nl: () => import('./nl').then((m) => m.nl),
};
export const LOCALE_STORAGE_KEY = 'talentloop.locale';

/** The active language, persisted in localStorage, with the translate and format helpers. */
class I18n {
  #locale = $state<Locale>('en');
  #messages = $state.raw<Messages | undefined>(undefined);

  get locale(): Locale {
    return this.#locale;
  }

  /**
   * Picks the saved choice, else the browser language. A saved value that is not a known
   * locale is reported (and left alone) instead of breaking start-up. Resolves once the
   * messages of that language are loaded, so the first render is already translated.
   */
  async init(): Promise<StoredDataProblem | null> {
    let problem: StoredDataProblem | null = null;
    let saved: string | null;
    try {
      saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    } catch {
      saved = null;
    }
    const parsed = localeSchema.safeParse(saved);
    if (saved !== null && !parsed.success) {
      problem = {
        area: 'localStorage',
        where: 'localStorage',
        key: LOCALE_STORAGE_KEY,
        issues: [{ path: '', message: 'error.notAnOption', params: { options: 'nl, en' } }],
      };
    }
    await this.#apply(parsed.success ? parsed.data : localeFromLanguage(navigator.language));
    return problem;
  }

  async setLocale(locale: Locale): Promise<void> {
    await this.#apply(locale);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Private mode or a full disk: the choice still holds for this visit.
    }
  }

  async #apply(locale: Locale): Promise<void> {
    this.#messages = await loaders[locale]();
    this.#locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  /** The message for `key` in the active language, with `{placeholders}` filled. */
  t = (key: MessageKey, params?: Params): string =>
    this.#messages ? translate(this.#messages, key, params) : key;

  /** A validation issue as `path: reason` in the active language. */
  issue = (issue: Issue): string => {
    const text = this.t(issue.message, issue.params);
    return issue.path ? `${issue.path}: ${text}` : text;
  };

  number = (value: number, options?: Intl.NumberFormatOptions): string =>
    new Intl.NumberFormat(this.#locale === 'nl' ? 'nl-NL' : 'en-GB', options).format(value);

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
