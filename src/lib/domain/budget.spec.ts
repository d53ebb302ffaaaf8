import { describe, expect, it } from 'vitest';
import {
  brandTrend,
  budgetYears,
  campaignTotals,
  costPer,
  readSplit,
  recruitmentReturn,
} from './budget';

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

describe('brandTrend (Kendall tau of the values against time)', () => {
  it('needs three loops with a value', () => {
    expect(brandTrend([40, null, 42])).toEqual({ kind: 'tooFew', loops: 2 });
  });

  it('calls steady rises and falls trends', () => {
    expect(brandTrend([30, 32, 35])).toEqual({ kind: 'rising', loops: 3, tau: 1 });
    expect(brandTrend([35, 33, 30, 31])).toMatchObject({ kind: 'falling', tau: -4 / 6 });
  });

  it('keeps a rise with one dip a trend, but not a zigzag or one jump at the end', () => {
    // Pairs (1,2)+ (1,3)+ (1,4)+ (2,3)− (2,4)+ (3,4)+ → S = 4 of 6, tau = 4/6.
    expect(brandTrend([30, 34, 31, 35])).toMatchObject({ kind: 'rising', tau: 4 / 6 });
    expect(brandTrend([30, 34, 30, 34, 30])).toMatchObject({ kind: 'flat', tau: 0 });
    // S = −1 + 2 + 1 + 0 + 1 = 3 of 15 pairs: tau 0.2, even though the last loop jumps.
    expect(brandTrend([40, 38, 39, 41, 37, 50])).toMatchObject({ kind: 'flat', tau: 0.2 });
  });
});

describe('budgetYears', () => {
  it('lists the years from the first loop to today, and years with a budget, newest first', () => {
    expect(budgetYears('2024-09-01', '2026-11-23', [2023, 2025])).toEqual([2026, 2025, 2024, 2023]);
    expect(budgetYears('2027-01-01', '2026-11-23', [])).toEqual([2027, 2026]);
  });
});
