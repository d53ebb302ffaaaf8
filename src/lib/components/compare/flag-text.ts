import { MIN_CALLED_TREND_LOOPS, type Trend } from '$lib/domain/trend';
import type { Flag, FlagReason } from '$lib/domain/verdict';
import type { Params } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/keys';

type I18n = {
  locale: 'nl' | 'en';
  t: (key: MessageKey, params?: Params) => string;
  number: (n: number, options?: Intl.NumberFormatOptions) => string;
};

/** One reason behind a caveat, in the user's language. */
export function reasonText(r: FlagReason, i18n: I18n): string {
  switch (r.code) {
    case 'focusPredictsDrop':
      return r.reason[i18n.locale];
    case 'midLoopChanges':
      return i18n.t(r.count === 1 ? 'flag.midLoopChanges.one' : 'flag.midLoopChanges.other', {
        count: r.count,
      });
    case 'incompleteCoverage':
      return i18n.t('flag.incompleteCoverage', {
        current: i18n.number(r.current, { style: 'percent' }),
        reference: r.reference === null ? '–' : i18n.number(r.reference, { style: 'percent' }),
      });
    case 'unequalLength':
      return i18n.t(r.perDay ? 'flag.unequalLength.perDay' : 'flag.unequalLength', {
        current: r.currentDays,
        reference: r.referenceDays,
      });
    case 'conflicts':
      return i18n.t(r.count === 1 ? 'flag.conflicts.one' : 'flag.conflicts.other', {
        count: r.count,
      });
    default:
      return i18n.t(`flag.${r.code}`);
  }
}

/** A caveat with its reasons: "Comparison weakened: the strategy changed once …". */
export function flagText(flag: Flag, i18n: I18n): string {
  return `${i18n.t(`flag.${flag.kind}`)}: ${flag.reasons.map((r) => reasonText(r, i18n)).join(' ')}`;
}

/** A brand-side KPI's trend in words: too few loops, too few to call one, or the trend. */
export function trendText(trend: Trend, i18n: I18n): string {
  if (trend.kind === 'tooFew') return i18n.t('trend.tooFew', { n: trend.loops });
  if (trend.kind === 'noTrend' && trend.loops < MIN_CALLED_TREND_LOOPS)
    return i18n.t('trend.fewLoops', { n: trend.loops });
  return i18n.t(`trend.${trend.kind}`, { n: trend.loops });
}
