import { describe, expect, it } from 'vitest';
import { compareValues } from '$lib/domain/compare';
import { translate, type Params } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/keys';
import { nlLoops } from '$lib/i18n/loops-nl';
import { nlPlan } from '$lib/i18n/plan-nl';
import { changeArrow, changeParts } from './change-text';

const messages = { ...nlPlan, ...nlLoops } as Record<string, string>;
const i18n = {
  locale: 'nl' as const,
  t: (key: MessageKey, params?: Params) => translate(messages, key, params, 'nl'),
  number: (n: number, options?: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat('nl-NL', options).format(n),
};

const verdict = (
  current: number,
  reference: number,
  unit: 'currency' | 'count' | 'percent',
  direction: 'higher' | 'lower' | 'depends',
) => ({
  change: compareValues(current, reference, unit, direction),
  perDay: null,
});

describe('the arrow of a change shows the direction of the value, never better or worse', () => {
  it('▲ for a rise that is worse: cost per hire € 1.400 → € 2.100', () => {
    const parts = changeParts(
      verdict(2100, 1400, 'currency', 'lower'),
      { unit: 'currency' },
      'EUR',
      i18n,
    );
    expect(parts.arrow).toBe('▲');
    expect(parts.judgement).toBe('worse');
    expect(parts.text).toBe('+€\u00a0700,00 (+50%)');
  });

  it('▼ for a fall that is better: time to hire 30 → 24 days', () => {
    const parts = changeParts(verdict(24, 30, 'count', 'lower'), { unit: 'count' }, 'EUR', i18n);
    expect(parts.arrow).toBe('▼');
    expect(parts.judgement).toBe('better');
  });

  it('▲ for a rise that is better, ▼ for a fall that is worse', () => {
    expect(
      changeParts(verdict(12, 10, 'count', 'higher'), { unit: 'count' }, 'EUR', i18n),
    ).toMatchObject({
      arrow: '▲',
      judgement: 'better',
    });
    expect(
      changeParts(verdict(8, 10, 'count', 'higher'), { unit: 'count' }, 'EUR', i18n),
    ).toMatchObject({
      arrow: '▼',
      judgement: 'worse',
    });
  });

  it('an arrow but no judgement where neither direction is better (frequency)', () => {
    expect(
      changeParts(verdict(3, 2, 'count', 'depends'), { unit: 'count' }, 'EUR', i18n),
    ).toMatchObject({
      arrow: '▲',
      judgement: null,
    });
  });

  it('no arrow when unchanged or without a comparison', () => {
    expect(changeParts(verdict(5, 5, 'count', 'higher'), { unit: 'count' }, 'EUR', i18n)).toEqual({
      arrow: '',
      text: 'onveranderd',
      judgement: null,
    });
    expect(changeParts({ change: null, perDay: null }, { unit: 'count' }, 'EUR', i18n)).toEqual({
      arrow: '',
      text: 'geen vergelijking',
      judgement: null,
    });
    expect(changeArrow({ absolute: 0 })).toBe('');
  });

  it('percentages change in percentage points, with the arrow of their direction', () => {
    const parts = changeParts(
      verdict(40, 42.5, 'percent', 'higher'),
      { unit: 'percent' },
      'EUR',
      i18n,
    );
    expect(parts).toEqual({ arrow: '▼', text: '−2,5 procentpunt', judgement: 'worse' });
  });
});
