import { describe, expect, it } from 'vitest';
import type { Campaign, Loop } from '$lib/schema/loop';
import { funnel } from './funnel';
import { loopMoney, loopSpend, type LoopMoneyInput } from './loop-money';

const loop = (budget?: Loop['budget'], id = 'loop-3'): Loop => ({
  id,
  planId: 'plan-1',
  index: 3,
  strategy: '',
  expectationsNotes: '',
  insights: { targetGroup: '', reaction: '', journey: '' },
  updatedAt: '2024-05-01T09:00:00.000Z',
  ...(budget ? { budget } : {}),
});

type CampaignRow = Pick<Campaign, 'loopId' | 'budget' | 'side'>;
const campaigns: CampaignRow[] = [
  { loopId: 'loop-3', budget: 3000, side: 'recruitment' },
  { loopId: 'loop-3', budget: 1500, side: 'recruitment' },
  { loopId: 'loop-3', budget: 2000, side: 'brand' },
  { loopId: 'loop-3', budget: 500 }, // no side: unassigned
  { loopId: 'loop-3', side: 'recruitment' }, // no budget
  { loopId: 'loop-2', budget: 9999, side: 'recruitment' }, // another loop
];

const input = (extra: Partial<LoopMoneyInput> = {}): LoopMoneyInput => ({
  loop: loop({ brand: 5000, recruitment: 12000 }),
  campaigns,
  values: { applicationsCompleted: 80, hires: 4, reach: 12000, spend: 9600 },
  valuePerHire: 6000,
  ...extra,
});

describe('loopSpend', () => {
  const withBudget = loop({ brand: 5000, recruitment: 12000 });

  it('(1) takes the marketing spend entered or imported first', () => {
    expect(loopSpend({ spend: 9600, campaigns, loop: withBudget })).toEqual({
      amount: 9600,
      source: 'spend',
    });
    // Measured spend of 0 is a fact, not a missing value.
    expect(loopSpend({ spend: 0, campaigns, loop: withBudget })).toEqual({
      amount: 0,
      source: 'spend',
    });
  });

  it("(2) else adds up all the loop's campaign budgets, every side and none", () => {
    // 3000 + 1500 recruitment, 2000 brand, 500 without a side; loop 2's 9999 left out.
    for (const spend of [null, undefined, Number.NaN])
      expect(loopSpend({ spend, campaigns, loop: withBudget })).toEqual({
        amount: 7000,
        source: 'campaigns',
      });
  });

  it('(3) else takes the loop budget, brand and recruitment together', () => {
    expect(loopSpend({ spend: null, campaigns: [], loop: withBudget })).toEqual({
      amount: 17000,
      source: 'loopBudget',
    });
    const zeroCampaigns = [{ loopId: 'loop-3', budget: 0 }];
    expect(loopSpend({ spend: null, campaigns: zeroCampaigns, loop: withBudget })).toEqual({
      amount: 17000,
      source: 'loopBudget',
    });
  });

  it('is null when nothing is known (a cleared loop budget stores 0 on both sides)', () => {
    expect(loopSpend({ spend: null, campaigns: [], loop: loop() })).toBeNull();
    const cleared = loop({ brand: 0, recruitment: 0 });
    expect(loopSpend({ spend: null, campaigns: [], loop: cleared })).toBeNull();
    expect(loopSpend({ spend: null, campaigns, loop: undefined })).toBeNull();
    expect(loopSpend({ spend: 250, campaigns, loop: undefined })).toEqual({
      amount: 250,
      source: 'spend',
    });
  });
});

describe('loopMoney', () => {
  it("adds up the loop's own campaigns per side, leaving other loops out", () => {
    expect(loopMoney(input()).campaigns).toEqual({
      brand: 2000,
      recruitment: 4500,
      unassigned: 500,
    });
  });

  it('divides the marketing spend when the plan has a value for it', () => {
    expect(loopMoney(input())).toEqual({
      loop: loop({ brand: 5000, recruitment: 12000 }),
      campaigns: { brand: 2000, recruitment: 4500, unassigned: 500 },
      applications: 80,
      hires: 4,
      spend: { amount: 9600, source: 'spend' },
      recruiterCost: null,
      perApplication: 120,
      perHire: 2400,
      back: { value: 24000, net: 14400, ratio: 2.5, cost: 9600 },
    });
  });

  it('returns the loop it was given', () => {
    const given = loop();
    expect(loopMoney(input({ loop: given })).loop).toBe(given);
  });

  it('divides the campaign budgets of every side without spend measured', () => {
    const money = loopMoney(input({ values: { applicationsCompleted: 80, hires: 4 } }));
    expect(money.spend).toEqual({ amount: 7000, source: 'campaigns' });
    expect(money.perApplication).toBe(87.5);
    expect(money.perHire).toBe(1750);
    expect(money.back).toEqual({ value: 24000, net: 17000, ratio: 24000 / 7000, cost: 7000 });
  });

  it('divides the loop budget without spend or campaign budgets', () => {
    const money = loopMoney(
      input({ campaigns: [], values: { applicationsCompleted: 80, hires: 4, spend: null } }),
    );
    expect(money.spend).toEqual({ amount: 17000, source: 'loopBudget' });
    expect(money.perApplication).toBe(212.5);
    expect(money.perHire).toBe(4250);
  });

  it('gives a loop with only branding campaigns the cost per hire the funnel shows', () => {
    // Like loop 6 of the example: a talent pool loop whose two campaigns are both on the
    // brand side (€3,500 and €3,000), no recruitment budget, 124 applications, 15 hires, and
    // no marketing spend measured. The recruitment budget alone would say €0 per hire.
    const six = loop({ brand: 6500, recruitment: 0 }, 'loop-6');
    const values = { reach: 55000, applicationsCompleted: 124, hires: 15 };
    const money = loopMoney({
      loop: six,
      campaigns: [
        { loopId: 'loop-6', budget: 3500, side: 'brand' },
        { loopId: 'loop-6', budget: 3000, side: 'brand' },
      ],
      values,
      valuePerHire: 8500,
    });
    expect(money.spend).toEqual({ amount: 6500, source: 'campaigns' });
    expect(money.perHire).toBeCloseTo(433.33, 2);
    expect(money.perApplication).toBeCloseTo(52.42, 2);
    expect(money.back).toEqual({
      value: 127500,
      net: 121000,
      ratio: 127500 / 6500,
      cost: 6500,
    });
    const shown = funnel(values, money.spend);
    expect(shown.costPerHire).toBe(money.perHire);
    expect(shown.costSource).toBe('campaigns');
  });

  it('is the same figure in the funnel when spend is measured', () => {
    // Loop 6 of the example as it ships: marketing spend €6,610 and 15 hires: €440.67.
    const six = loop({ brand: 6500, recruitment: 0 }, 'loop-6');
    const values = { applicationsCompleted: 124, hires: 15, spend: 6610 };
    const money = loopMoney({ loop: six, campaigns: [], values, valuePerHire: 8500 });
    expect(money.perHire).toBeCloseTo(440.67, 2);
    expect(funnel(values, money.spend).costPerHire).toBe(money.perHire);
  });

  it('sets the hires against spend plus recruiter cost when the loop has one', () => {
    const money = loopMoney(input({ values: { hires: 4, spend: 9600, recruiterCost: 2400 } }));
    expect(money.recruiterCost).toBe(2400);
    // Cost per hire stays spend ÷ hires; only the return counts the recruiter cost.
    expect(money.perHire).toBe(2400);
    expect(money.back).toEqual({ value: 24000, net: 12000, ratio: 2, cost: 12000 });
    // Recruiter cost alone still gives a return, against it only.
    const only = loopMoney(
      input({ loop: loop(), campaigns: [], values: { hires: 4, recruiterCost: 2400 } }),
    );
    expect(only.spend).toBeNull();
    expect(only.perHire).toBeNull();
    expect(only.back).toEqual({ value: 24000, net: 21600, ratio: 10, cost: 2400 });
  });

  it('has no cost per unit and no return when no cost is known', () => {
    const money = loopMoney(
      input({ loop: loop(), campaigns: [], values: { applicationsCompleted: 80, hires: 4 } }),
    );
    expect(money).toMatchObject({
      spend: null,
      perApplication: null,
      perHire: null,
      back: null,
    });
  });

  it('has no cost per unit or return without values', () => {
    const money = loopMoney(input({ values: { reach: 12000, spend: 9600 } }));
    expect(money).toMatchObject({
      applications: null,
      hires: null,
      perApplication: null,
      perHire: null,
      back: null,
    });
  });

  it('reads an unknown (null) value as no value', () => {
    const money = loopMoney(
      input({ values: { applicationsCompleted: null, hires: 4, spend: 9600 } }),
    );
    expect(money.applications).toBeNull();
    expect(money.perApplication).toBeNull();
    expect(money.perHire).toBe(2400);
  });

  it('has no cost per hire with 0 hires, and a return of nothing against the cost', () => {
    const money = loopMoney(
      input({ values: { applicationsCompleted: 80, hires: 0, spend: 9600 } }),
    );
    expect(money.perHire).toBeNull();
    expect(money.back).toEqual({ value: 0, net: -9600, ratio: 0, cost: 9600 });
  });

  it('has a return without a ratio when the spend counted is 0', () => {
    const money = loopMoney(input({ values: { hires: 4, spend: 0 } }));
    expect(money.perHire).toBe(0);
    expect(money.back).toEqual({ value: 24000, net: 24000, ratio: null, cost: 0 });
  });

  it('has no return without a value per hire', () => {
    expect(loopMoney(input({ valuePerHire: undefined })).back).toBeNull();
  });

  it('reads the values from a map as from a record', () => {
    const values = new Map<string, number | null>([
      ['applicationsCompleted', 80],
      ['hires', 4],
      ['reach', 12000],
      ['spend', 9600],
    ]);
    expect(loopMoney(input({ values }))).toEqual(loopMoney(input()));
  });
});
