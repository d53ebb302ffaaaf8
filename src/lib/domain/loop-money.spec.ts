import { describe, expect, it } from 'vitest';
import type { Campaign, Loop } from '$lib/schema/loop';
import { loopMoney, type LoopMoneyInput } from './loop-money';

const loop = (budget?: Loop['budget']): Loop => ({
  id: 'loop-3',
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
  values: { applicationsCompleted: 80, hires: 4, reach: 12000 },
  valuePerHire: 6000,
  ...extra,
});

describe('loopMoney', () => {
  it("adds up the loop's own campaigns per side, leaving other loops out", () => {
    expect(loopMoney(input()).campaigns).toEqual({
      brand: 2000,
      recruitment: 4500,
      unassigned: 500,
    });
  });

  it("costs recruitment at the loop's recruitment budget when it has one", () => {
    const money = loopMoney(input());
    expect(money).toEqual({
      loop: loop({ brand: 5000, recruitment: 12000 }),
      campaigns: { brand: 2000, recruitment: 4500, unassigned: 500 },
      applications: 80,
      hires: 4,
      cost: 12000,
      perApplication: 150,
      perHire: 3000,
      back: { value: 24000, net: 12000, ratio: 2 },
    });
  });

  it('returns the loop it was given', () => {
    const given = loop();
    expect(loopMoney(input({ loop: given })).loop).toBe(given);
  });

  it('costs recruitment at its campaigns when the loop has no budget', () => {
    const money = loopMoney(input({ loop: loop() }));
    expect(money.cost).toBe(4500);
    expect(money.perApplication).toBe(56.25);
    expect(money.perHire).toBe(1125);
    expect(money.back).toEqual({ value: 24000, net: 19500, ratio: 24000 / 4500 });
  });

  it('takes a recruitment budget of 0 as the cost, not the campaigns', () => {
    const money = loopMoney(input({ loop: loop({ brand: 5000, recruitment: 0 }) }));
    expect(money.cost).toBe(0);
    expect(money.perApplication).toBe(0);
    expect(money.perHire).toBe(0);
    expect(money.back).toEqual({ value: 24000, net: 24000, ratio: null });
  });

  it('costs 0 without a budget and without recruitment campaigns', () => {
    const money = loopMoney(input({ loop: loop(), campaigns: [] }));
    expect(money.campaigns).toEqual({ brand: 0, recruitment: 0, unassigned: 0 });
    expect(money.cost).toBe(0);
    expect(money.back).toEqual({ value: 24000, net: 24000, ratio: null });
  });

  it('has no cost per unit or return without values', () => {
    const money = loopMoney(input({ values: { reach: 12000 } }));
    expect(money).toMatchObject({
      applications: null,
      hires: null,
      perApplication: null,
      perHire: null,
      back: null,
    });
  });

  it('reads an unknown (null) value as no value', () => {
    const money = loopMoney(input({ values: { applicationsCompleted: null, hires: 4 } }));
    expect(money.applications).toBeNull();
    expect(money.perApplication).toBeNull();
    expect(money.perHire).toBe(3000);
  });

  it('has no cost per hire with 0 hires, and a return of nothing against the cost', () => {
    const money = loopMoney(input({ values: { applicationsCompleted: 80, hires: 0 } }));
    expect(money.perHire).toBeNull();
    expect(money.back).toEqual({ value: 0, net: -12000, ratio: 0 });
  });

  it('has no return without a value per hire', () => {
    expect(loopMoney(input({ valuePerHire: undefined })).back).toBeNull();
  });

  it('reads the values from a map as from a record', () => {
    const values = new Map<string, number | null>([
      ['applicationsCompleted', 80],
      ['hires', 4],
    ]);
    expect(loopMoney(input({ values }))).toEqual(loopMoney(input()));
  });
});
