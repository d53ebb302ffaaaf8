import type { KpiDefinition } from '$lib/domain/catalog';
import type { Verdict } from '$lib/domain/verdict';
import { formatValue } from '$lib/i18n/kpi-text';
import type { Params } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/keys';

type I18n = {
  locale: 'nl' | 'en';
  t: (key: MessageKey, params?: Params) => string;
  number: (n: number, options?: Intl.NumberFormatOptions) => string;
};

/**
 * A verdict's change as the card and the report show it: an arrow for the direction of the
 * value (▲ up, ▼ down, never better or worse: that is said in words beside it), the amount
 * and the relative change; per day, only the relative change.
 */
export function changeText(
  verdict: Verdict,
  definition: KpiDefinition,
  currency: string,
  i18n: I18n,
): string {
  const c = verdict.change;
  if (!c) return i18n.t('dashboard.change.none');
  if (c.isNew) return i18n.t('dashboard.change.new');
  if (c.assessment === 'unchanged') return i18n.t('dashboard.change.unchanged');
  const percent = (n: number) =>
    i18n.number(Math.abs(n), { style: 'percent', maximumFractionDigits: 1 });
  const sign = c.absolute > 0 ? '+' : '−';
  const arrow = c.absolute > 0 ? '▲' : '▼';
  // Per day, the relative change says it; an absolute 0.03 hires a day does not.
  if (verdict.perDay && c.relative !== null) return `${arrow} ${sign}${percent(c.relative)}`;
  const abs = Math.abs(c.absolute);
  const amount =
    definition.unit === 'percent'
      ? i18n.t('dashboard.pp', {
          n: i18n.number(abs, { maximumFractionDigits: abs < 0.1 ? 2 : 1 }),
        })
      : formatValue(abs, definition.unit, currency, i18n);
  const rel = c.relative === null ? '' : ` (${sign}${percent(c.relative)})`;
  return `${arrow} ${sign}${amount}${rel}`;
}

/** Better or worse for the organisation, when the change is either. */
export function judged(verdict: Verdict): 'better' | 'worse' | null {
  const a = verdict.change?.assessment;
  return a === 'better' || a === 'worse' ? a : null;
}
