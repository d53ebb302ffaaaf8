/**
 * The money side of a plan (PRODUCT.md section 5): how the HR budget is split between
 * employer branding and recruitment, against the guideline of at least 20 % for branding,
 * and what recruitment costs and returns.
 */

/** The guideline: at least this share of the HR budget goes to employer branding. */
export const BRAND_GUIDELINE = 0.2;

export type BudgetSplit = { hrBudget: number; brand: number; recruitment: number };

/**
 * What a year's split says. `share` is branding's share of the HR budget (null without an HR
 * budget). Parts that do not add up are explained, never scaled to fit: `unassigned` is what
 * is left of the HR budget, `overBy` how far the two parts exceed it.
 */
export type SplitReading = {
  share: number | null;
  belowGuideline: boolean;
  /** What branding would need to reach the guideline, when it is below it. */
  brandShortfall: number;
  unassigned: number;
  overBy: number;
};

/** Reads a budget split against the 20 % guideline (amounts are non-negative; schema checks). */
export function readSplit({ hrBudget, brand, recruitment }: BudgetSplit): SplitReading {
  const share = hrBudget > 0 ? brand / hrBudget : null;
  const assigned = brand + recruitment;
  const target = hrBudget * BRAND_GUIDELINE;
  return {
    share,
    belowGuideline: share !== null && share < BRAND_GUIDELINE,
    brandShortfall: share !== null && brand < target ? target - brand : 0,
    unassigned: Math.max(0, hrBudget - assigned),
    overBy: Math.max(0, assigned - hrBudget),
  };
}

/**
 * The years a plan's budget page shows, newest first: every year from the first loop's to
 * today's, and any other year a budget was entered for.
 */
export function budgetYears(
  firstLoopStart: string,
  today: string,
  stored: readonly number[],
): number[] {
  const first = Number(firstLoopStart.slice(0, 4));
  const now = Number(today.slice(0, 4));
  const years = new Set(stored);
  for (let y = Math.min(first, now); y <= Math.max(first, now); y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** Campaign budgets of one loop added up per side (a campaign without a side is unassigned). */
export function campaignTotals(
  campaigns: readonly { budget?: number; side?: 'brand' | 'recruitment' }[],
): { brand: number; recruitment: number; unassigned: number } {
  const totals = { brand: 0, recruitment: 0, unassigned: 0 };
  for (const c of campaigns) totals[c.side ?? 'unassigned'] += c.budget ?? 0;
  return totals;
}

/** Cost per unit (application, hire); null when there were none, rather than infinity. */
export function costPer(cost: number, count: number | null): number | null {
  return count !== null && count > 0 ? cost / count : null;
}

/**
 * The simple recruitment return of a loop: the value the hires bring (hires × the value of one
 * hire, entered by the user) against what recruitment cost. `ratio` 2 means every euro spent
 * came back twice; null without cost or without a value per hire.
 */
export function recruitmentReturn(
  hires: number | null,
  valuePerHire: number | undefined,
  cost: number,
): { value: number; net: number; ratio: number | null } | null {
  if (hires === null || valuePerHire === undefined) return null;
  const value = hires * valuePerHire;
  return { value, net: value - cost, ratio: cost > 0 ? value / cost : null };
}
