import type { Unit } from '$lib/domain/catalog';
import { formatDuration } from '$lib/domain/duration';
import type { Params } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/keys';
import type { KpiDefinition } from '$lib/domain/catalog';

/** A KPI's name in the active language (a custom KPI's own name in both). */
export function kpiName(
  row: { definition: Pick<KpiDefinition, 'name'> },
  locale: 'nl' | 'en',
): string {
  return row.definition.name[locale];
}

/** What a value of this unit is measured in, as a hint under its field. */
export function unitHint(
  unit: Unit,
  currency: string,
  t: (key: MessageKey, params?: Params) => string,
): string {
  return t(`unit.${unit}`, { currency });
}

/**
 * A KPI value shown with its unit in the active language (`1.200`, `12,5 %`, `€ 40`); a
 * duration as analytics tools show it (`1:14`, `1:02:03`), to a tenth under 10 seconds.
 */
export function formatValue(
  value: number,
  unit: Unit,
  currency: string,
  i18n: {
    locale: 'nl' | 'en';
    number: (n: number, options?: Intl.NumberFormatOptions) => string;
    t: (key: MessageKey, params?: Params) => string;
  },
): string {
  switch (unit) {
    case 'percent':
      return i18n.number(value / 100, { style: 'percent', maximumFractionDigits: 1 });
    case 'currency':
      return /^[A-Z]{3}$/.test(currency)
        ? i18n.number(value, { style: 'currency', currency, maximumFractionDigits: 2 })
        : i18n.number(value, { maximumFractionDigits: 2 });
    case 'duration':
      return formatDuration(value, i18n.locale, Math.abs(value) < 10 ? 1 : 0);
    case 'days':
      // The plural form follows the number shown: 1,04 days shows as "1 dag".
      return i18n.t('value.days', {
        n: i18n.number(value, { maximumFractionDigits: 1 }),
        count: Math.round(value * 10) / 10,
      });
    default:
      return i18n.number(value, { maximumFractionDigits: 2 });
  }
}

/** The sign of a currency as the user's language writes it (`€`, `US$`), else its code. */
export function currencySign(currency: string, locale: 'nl' | 'en'): string {
  if (!/^[A-Z]{3}$/.test(currency)) return currency;
  const parts = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency,
  }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}
