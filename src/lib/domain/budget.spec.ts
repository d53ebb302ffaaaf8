import { describe, expect, it } from 'vitest';
import { budgetYears, campaignTotals, costPer, readSplit, recruitmentReturn } from './budget';

describe('readSplit', () => {
  it('explains a brand share below the 20 % guideline with what is missing', () => {
    expect(readSplit({ hrBudget: 100_000, brand: 12_000, recruitment: 88_000 })).toEqual({
      share: 0.12,
      belowGuideline: true,
      brandShortfall: 8_000,
      unassigned: 0,
      overBy: 0,
    });
  });

  it('meets the guideline at exactly 20 %', () => {
    expect(readSplit({ hrBudget: 50_000, brand: 10_000, recruitment: 40_000 })).toMatchObject({
      share: 0.2,
      belowGuideline: false,
      brandShortfall: 0,
    });
  });

  it('says what does not add up instead of scaling the parts', () => {
    expect(readSplit({ hrBudget: 100, brand: 30, recruitment: 50 })).toMatchObject({
      unassigned: 20,
      overBy: 0,
    });
    expect(readSplit({ hrBudget: 100, brand: 30, recruitment: 90 })).toMatchObject({
      unassigned: 0,
      overBy: 20,
    });
  });

  it('has no share without an HR budget', () => {
    expect(readSplit({ hrBudget: 0, brand: 5, recruitment: 5 })).toMatchObject({
      share: null,
      belowGuideline: false,
      overBy: 10,
    });
  });
});

describe('campaignTotals', () => {
  it('adds campaign budgets per side; no side or no budget counts apart', () => {
    expect(
      campaignTotals([
        { budget: 500, side: 'brand' },
        { budget: 250, side: 'recruitment' },
        { budget: 100, side: 'brand' },
        { budget: 40 },
        { side: 'recruitment' },
      ]),
    ).toEqual({ brand: 600, recruitment: 250, unassigned: 40 });
  });
});

describe('costPer and recruitmentReturn', () => {
  it('divides cost by count, and has no answer for zero or unknown counts', () => {
    expect(costPer(12_000, 4)).toBe(3_000);
    expect(costPer(12_000, 0)).toBeNull();
    expect(costPer(12_000, null)).toBeNull();
  });

  it('sets the value of the hires against their cost', () => {
    expect(recruitmentReturn(4, 9_000, 12_000)).toEqual({ value: 36_000, net: 24_000, ratio: 3 });
    expect(recruitmentReturn(4, 9_000, 0)).toEqual({ value: 36_000, net: 36_000, ratio: null });
    expect(recruitmentReturn(4, undefined, 12_000)).toBeNull();
  });
});

describe('budgetYears', () => {
  it('lists the years from the first loop to today, and years with a budget, newest first', () => {
    expect(budgetYears('2024-09-01', '2026-11-23', [2023, 2025])).toEqual([2026, 2025, 2024, 2023]);
    expect(budgetYears('2027-01-01', '2026-11-23', [])).toEqual([2027, 2026]);
  });
});
