import { describe, expect, it } from 'vitest';
import type { PeriodValue } from './aggregate';
import { catalogKpi, type KpiDefinition } from './catalog';
import { DEFAULT_FOCUS_RULES } from './focus';
import { verdict, type VerdictInput } from './verdict';

const kpi = (key: string): KpiDefinition => {
  const r = catalogKpi(key);
  if (!r.ok) throw new Error(key);
  return r.value;
};
const pv = (value: number | null, days = 61, coverage = 1): PeriodValue => ({
  value,
  coverage,
  points: 1,
  days,
  partial: 0,
  superseded: 0,
});
const base = (over: Partial<VerdictInput>): VerdictInput => ({
  kpi: kpi('applicationsCompleted'),
  current: pv(19),
  reference: pv(12),
  basis: 'previousLoop',
  target: null,
  rules: null,
  midLoopChanges: 0,
  ...over,
});

describe('verdict', () => {
  it('labels 12 → 19 applications as could be chance, with its normal range, and no caveats', () => {
    const v = verdict(base({ target: 18 }));
    expect(v.targetStatus).toBe('met');
    expect(v.change).toMatchObject({ absolute: 7, assessment: 'better' });
    expect(v.noise).toMatchObject({ test: 'poisson', label: 'couldBeChance' });
    if (v.noise.test === 'poisson') expect(v.noise.normalRange[1]).toBeGreaterThanOrEqual(19);
    expect(v.flags).toEqual([]);
  });

  it('keeps a met target met even when the previous loop was better', () => {
    const v = verdict(base({ current: pv(19), reference: pv(40), target: 15 }));
    expect(v.targetStatus).toBe('met');
    expect(v.change?.assessment).toBe('worse');
  });

  it('flags a drop the reach focus predicted as an expected trade-off, with the reason', () => {
    const v = verdict(
      base({
        kpi: kpi('timeOnSite'),
        current: pv(48),
        reference: pv(75),
        rules: DEFAULT_FOCUS_RULES.reach,
      }),
    );
    expect(v.noise).toEqual({ test: 'none', label: 'noTest' });
    expect(v.flags).toEqual([
      {
        kind: 'expectedTradeOff',
        reasons: [
          { code: 'focusPredictsDrop', reason: DEFAULT_FOCUS_RULES.reach.expectedDrop[0]!.reason },
        ],
      },
    ]);
  });

  it('does not call a rise an expected trade-off', () => {
    const v = verdict(
      base({
        kpi: kpi('timeOnSite'),
        current: pv(80),
        reference: pv(75),
        rules: DEFAULT_FOCUS_RULES.reach,
      }),
    );
    expect(v.flags).toEqual([]);
  });

  it('weakens the comparison for mid-loop changes, missing days and unequal lengths', () => {
    const v = verdict(base({ current: pv(19, 61, 0.8), reference: pv(12, 90), midLoopChanges: 2 }));
    expect(v.flags).toEqual([
      {
        kind: 'comparisonWeakened',
        reasons: [
          { code: 'midLoopChanges', count: 2 },
          { code: 'incompleteCoverage', current: 0.8, reference: 1 },
          { code: 'unequalLength', currentDays: 61, referenceDays: 90 },
        ],
      },
    ]);
  });

  it('says too little data for tiny counts and for a missing reference value', () => {
    expect(verdict(base({ current: pv(3), reference: pv(2) })).flags).toEqual([
      { kind: 'tooLittleData', reasons: [{ code: 'smallNumbers' }] },
    ]);
    const none = verdict(base({ reference: pv(null) }));
    expect(none.change).toBeNull();
    expect(none.flags).toEqual([{ kind: 'tooLittleData', reasons: [{ code: 'noData' }] }]);
  });

  it('tests a rate with known parts as two proportions, and a money ratio not at all', () => {
    const rate = verdict(
      base({
        kpi: kpi('applicationRate'),
        current: pv(3),
        reference: pv(1.5),
        parts: { current: [60, 2000], reference: [30, 2000] },
      }),
    );
    expect(rate.noise).toMatchObject({ test: 'proportions', label: 'probablyReal' });
    expect(rate.change?.relative).toBeNull();
    const cost = verdict(
      base({
        kpi: kpi('costPerHire'),
        current: pv(900),
        reference: pv(1200),
        parts: { current: [9000, 10], reference: [12000, 10] },
      }),
    );
    expect(cost.noise).toEqual({ test: 'none', label: 'noTest' });
    expect(cost.change?.assessment).toBe('better');
  });
});
