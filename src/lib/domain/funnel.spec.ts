import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNNEL_KEYS, funnel } from './funnel';
import type { LoopSpend } from './loop-money';

const spend = (amount: number, source: LoopSpend['source'] = 'spend'): LoopSpend => ({
  amount,
  source,
});

describe('funnel', () => {
  it('computes step rates, cost per hire and the overall rate by hand', () => {
    const result = funnel(
      {
        reach: 20000,
        careerSiteVisits: 1000,
        applicationsStarted: 200,
        applicationsCompleted: 50,
        hires: 4,
        spend: 3000,
        timeOnSite: 95,
      },
      spend(3000),
    );
    expect(result).toEqual({
      steps: [
        { key: 'reach', value: 20000, rate: null },
        { key: 'careerSiteVisits', value: 1000, rate: 0.05 },
        { key: 'applicationsStarted', value: 200, rate: 0.2 },
        { key: 'applicationsCompleted', value: 50, rate: 0.25 },
        { key: 'hires', value: 4, rate: 0.08 },
      ],
      costPerHire: 750,
      costSource: 'spend',
      overall: 0.0002,
    });
  });

  it("takes cost per hire from the loop's spend figure, never from values.spend alone", () => {
    // Loop 6 of the example without spend measured: only branding campaigns ran (€3,500 and
    // €3,000) and 15 hires: €433.33 per hire, named as coming from the campaign budgets.
    const values = { reach: 55000, applicationsCompleted: 124, hires: 15 };
    expect(funnel(values, spend(6500, 'campaigns'))).toMatchObject({
      costPerHire: 6500 / 15,
      costSource: 'campaigns',
    });
    // A spend value the caller did not count is not used.
    expect(funnel({ ...values, spend: 3000 }, null)).toMatchObject({
      costPerHire: null,
      costSource: null,
    });
    // Spend without hires: no cost per hire, the source still named.
    expect(funnel({ hires: 0 }, spend(500, 'loopBudget'))).toMatchObject({
      costPerHire: null,
      costSource: 'loopBudget',
    });
  });

  it('leaves out steps the plan does not measure and rates across the gap', () => {
    const result = funnel({ reach: 10000, applicationsCompleted: 40, hires: 2 }, null);
    expect(result.steps).toEqual([
      { key: 'reach', value: 10000, rate: null },
      { key: 'applicationsCompleted', value: 40, rate: 0.004 },
      { key: 'hires', value: 2, rate: 0.05 },
    ]);
    expect(result.costPerHire).toBeNull();
    expect(result.overall).toBe(0.0002);
  });

  it('keeps a step with a null value, without a rate on either side', () => {
    const result = funnel({ reach: 5000, careerSiteVisits: null, applicationsStarted: 30 }, null);
    expect(result.steps).toEqual([
      { key: 'reach', value: 5000, rate: null },
      { key: 'careerSiteVisits', value: null, rate: null },
      { key: 'applicationsStarted', value: 30, rate: null },
    ]);
    expect(result.overall).toBeNull();
  });

  it('gives no rate after a zero, and a zero rate before one', () => {
    const result = funnel(
      { careerSiteVisits: 0, applicationsStarted: 12, hires: 0, spend: 900 },
      spend(900),
    );
    expect(result.steps.map((s) => s.rate)).toEqual([null, null, 0]);
    expect(result.costPerHire).toBeNull();
    expect(funnel({ reach: 0, hires: 3 }, null).overall).toBeNull();
  });

  it('allows rates above 1 (more visits than people reached)', () => {
    expect(funnel({ reach: 100, careerSiteVisits: 250 }, null).steps[1]?.rate).toBe(2.5);
  });

  it('treats non-finite values as missing', () => {
    const result = funnel(
      { reach: Number.NaN, careerSiteVisits: 10, hires: Infinity, spend: 5 },
      spend(5),
    );
    expect(result.steps).toEqual([
      { key: 'reach', value: null, rate: null },
      { key: 'careerSiteVisits', value: 10, rate: null },
      { key: 'hires', value: null, rate: null },
    ]);
    expect(result.costPerHire).toBeNull();
  });

  it('follows custom keys, overall being the last over the first', () => {
    const result = funnel({ leadForms: 80, hires: 2, reach: 1000 }, null, ['leadForms', 'hires']);
    expect(result.steps).toEqual([
      { key: 'leadForms', value: 80, rate: null },
      { key: 'hires', value: 2, rate: 0.025 },
    ]);
    expect(result.overall).toBe(0.025);
    expect(funnel({ hires: 2 }, null, []).steps).toEqual([]);
    expect(funnel({ hires: 2 }, null, ['hires']).overall).toBeNull();
  });

  it('is empty when nothing is measured', () => {
    expect(funnel({}, null)).toEqual({
      steps: [],
      costPerHire: null,
      costSource: null,
      overall: null,
    });
  });

  it('never returns NaN or Infinity', () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.double(),
      fc.constantFrom(0, -0, Infinity),
    );
    const keys = [...FUNNEL_KEYS, 'spend'];
    fc.assert(
      fc.property(fc.tuple(...keys.map(() => value)), fc.double(), (vs, amount) => {
        const result = funnel(Object.fromEntries(keys.map((k, i) => [k, vs[i]])), spend(amount));
        const numbers = [
          result.costPerHire,
          result.overall,
          ...result.steps.flatMap((s) => [s.value, s.rate]),
        ];
        return numbers.every((n) => n === null || Number.isFinite(n));
      }),
    );
  });
});
