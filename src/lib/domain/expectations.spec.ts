import { describe, expect, it } from 'vitest';
import { catalogKpi, type KpiDefinition } from './catalog';
import { expectationsSummary } from './expectations';
import { DEFAULT_FOCUS_RULES } from './focus';

const kpi = (key: string): KpiDefinition => {
  const r = catalogKpi(key);
  if (!r.ok) throw new Error(key);
  return r.value;
};

describe('expectationsSummary', () => {
  const input = {
    focus: 'reach' as const,
    rules: DEFAULT_FOCUS_RULES.reach,
    loop: { start: '2026-03-01', end: '2026-04-30' },
    kpis: [
      { definition: kpi('impressions'), reference: 40000, target: 60000 },
      { definition: kpi('timeOnSite'), reference: 75, target: null },
      { definition: kpi('hires'), reference: 4, target: 4 },
      { definition: kpi('frequency'), reference: 2.1, target: null },
    ],
    basis: 'previousLoop' as const,
    reference: { start: '2026-01-01', end: '2026-02-28' },
    dayAfterLoop: '2026-05-01',
    midLoopChanges: 1,
    loopsCompleted: 1,
  };

  it('says what should rise, what may drop and why, and what is watched besides', () => {
    const s = expectationsSummary(input);
    expect(s.shouldRise.map((k) => [k.key, k.target])).toEqual([['impressions', 60000]]);
    expect(s.mayDrop.map((k) => k.key)).toEqual(['timeOnSite']);
    expect(s.mayDrop[0]?.reason.nl).toMatch(/bezoekers/);
    // Colleagues see where a KPI that may drop stands, and any target set for it.
    expect(s.mayDrop[0]).toMatchObject({ reference: 75, target: null });
    expect(s.alsoWatched.map((k) => k.key)).toEqual(['hires']);
    expect(s.comparison).toEqual({ basis: 'previousLoop', reference: input.reference });
    expect(s.judgedOn).toBe('2026-05-01');
  });

  it('lists the conclusions that are not warranted', () => {
    const codes = expectationsSummary(input).notWarranted.map((n) => n.code);
    expect(codes).toEqual([
      'oneLoopIsNotRoi',
      'predictedDropsAreNotFailure',
      'swingsWithinNoise',
      'brandNeedsSeveralLoops',
      'midLoopChangesWeaken',
    ]);
    const later = expectationsSummary({
      ...input,
      loopsCompleted: 3,
      midLoopChanges: 0,
      judgementDate: '2026-05-15',
    });
    expect(later.notWarranted.map((n) => n.code)).toEqual([
      'oneLoopIsNotRoi',
      'predictedDropsAreNotFailure',
      'swingsWithinNoise',
    ]);
    expect(later.judgedOn).toBe('2026-05-15');
  });
});
