import { z } from 'zod';
import { localeSchema, type Locale } from '$lib/schema';
import type { StoredDataProblem } from '$lib/storage/validate';
import { en, type MessageKey, type Messages } from './en';
import { localeFromLanguage, translate, type Params } from './format';
import { nl } from './nl';

const catalogs: Record<Locale, Messages> = { en, nl };
export const LOCALE_STORAGE_KEY = 'talentloop.locale';

/** The active language, persisted in localStorage, with the translate and format helpers. */
class I18n {
  #locale = $state<Locale>('en');

  get locale(): Locale {
    return this.#locale;
  }

  /**
   * Picks the saved choice, else the browser language. A saved value that is not a known
   * locale is reported (and left alone) instead of breaking start-up.
   */
  init(): StoredDataProblem | null {
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
        issues: [{ path: '', message: String(saved).slice(0, 40) }],
      };
    }
    this.#apply(parsed.success ? parsed.data : localeFromLanguage(navigator.language));
    return problem;
  }

  setLocale(locale: Locale): void {
    this.#apply(locale);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Private mode or a full disk: the choice still holds for this visit.
    }
  }

  #apply(locale: Locale): void {
    this.#locale = locale;
    z.config(locale === 'nl' ? z.locales.nl() : z.locales.en());
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  /** The message for `key` in the active language, with `{placeholders}` filled. */
  t = (key: MessageKey, params?: Params): string => translate(catalogs[this.#locale], key, params);

  /** Translates a validation message: our own messages are keys, zod's are already localised. */
  issue = (message: string): string => (message in en ? this.t(message as MessageKey) : message);

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
