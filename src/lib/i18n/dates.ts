import type { DateRange } from '$lib/domain/dates';
import { toDayNumber } from '$lib/domain/dates';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An ISO date shown in the user's language (`3 mrt 2026`, `3 Mar 2026`). */
export function formatDate(date: string, locale: 'nl' | 'en'): string {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    formatters.set(locale, format);
  }
  return format.format(new Date(toDayNumber(date) * 86_400_000));
}

/** A date range shown in the user's language. */
export function formatRange(range: DateRange, locale: 'nl' | 'en'): string {
  return `${formatDate(range.start, locale)} – ${formatDate(range.end, locale)}`;
}

/** A moment (an ISO timestamp) as date and time in the user's language and time zone. */
export function formatMoment(timestamp: string, locale: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(timestamp));
}
