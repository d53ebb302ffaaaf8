import type { KpiDefinition } from '$lib/domain/catalog';
import type { Change } from '$lib/domain/compare';
import type { Verdict } from '$lib/domain/verdict';
import type { Params } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/keys';
import { formatValue } from '$lib/i18n/kpi-text';

type I18n = {
  locale: 'nl' | 'en';
  t: (key: MessageKey, params?: Params) => string;
  number: (n: number, options?: Intl.NumberFormatOptions) => string;
};

/**
 * The arrow of a change: the direction of the value only (▲ up, ▼ down), never better or
 * worse. A cost per hire that rises gets ▲ and is called worse in words.
 */
export function changeArrow(change: Pick<Change, 'absolute'>): '▲' | '▼' | '' {
  return change.absolute > 0 ? '▲' : change.absolute < 0 ? '▼' : '';
}

/** A change as the card shows it: arrow (direction), amount, and better / worse in words. */
export type ChangeParts = {
  arrow: '▲' | '▼' | '';
  /** "+€ 700 (+50 %)", or a whole phrase such as "no comparison" or "unchanged". */
  text: string;
  /** Better or worse for the organisation; null where the direction means neither. */
  judgement: 'better' | 'worse' | null;
};

/** The change of a verdict in words and symbols (per day when the two sides differ in days). */
export function changeParts(
  verdict: Pick<Verdict, 'change' | 'perDay'>,
  definition: Pick<KpiDefinition, 'unit'>,
  currency: string,
  i18n: I18n,
): ChangeParts {
  const c = verdict.change;
  if (!c) return { arrow: '', text: i18n.t('dashboard.change.none'), judgement: null };
  const judgement = c.assessment === 'better' || c.assessment === 'worse' ? c.assessment : null;
  if (c.isNew) return { arrow: changeArrow(c), text: i18n.t('dashboard.change.new'), judgement };
  if (c.assessment === 'unchanged')
    return { arrow: '', text: i18n.t('dashboard.change.unchanged'), judgement: null };
  const sign = c.absolute > 0 ? '+' : '−';
  const percent = (n: number) =>
    i18n.number(Math.abs(n), { style: 'percent', maximumFractionDigits: 1 });
  // Per day, the relative change says it; an absolute 0.03 hires a day does not.
  if (verdict.perDay && c.relative !== null)
    return { arrow: changeArrow(c), text: `${sign}${percent(c.relative)}`, judgement };
  const abs = Math.abs(c.absolute);
  const amount =
    definition.unit === 'percent'
      ? i18n.t('dashboard.pp', {
          n: i18n.number(abs, { maximumFractionDigits: abs < 0.1 ? 2 : 1 }),
        })
      : formatValue(abs, definition.unit, currency, i18n);
  const rel = c.relative === null ? '' : ` (${sign}${percent(c.relative)})`;
  return { arrow: changeArrow(c), text: `${sign}${amount}${rel}`, judgement };
}
