import type { Campaign, Loop } from '$lib/schema/loop';
import { campaignTotals, costPer, recruitmentReturn } from './budget';

/**
 * Where the spend counted for a loop comes from, in order of priority: the marketing spend
 * entered or imported (the `spend` KPI), else the budgets of all the loop's campaigns, else
 * the loop's budget (employer brand + recruitment).
 */
export type SpendSource = 'spend' | 'campaigns' | 'loopBudget';

/** All spend counted for one loop, and where it comes from. */
export type LoopSpend = { amount: number; source: SpendSource };

export type LoopSpendInput = {
  /**
   * The loop's value of the `spend` KPI (marketing spend): undefined or null when the plan
   * does not measure it or has no value for the loop.
   */
  spend: number | null | undefined;
  /** The plan's campaigns; only those of `loop` count, on every side and without one. */
  campaigns: readonly Pick<Campaign, 'loopId' | 'budget'>[];
  /** The loop (its id and budget); undefined for a loop that is not set up. */
  loop: Pick<Loop, 'id' | 'budget'> | undefined;
};

/**
 * The one figure for what a loop cost, behind cost per application, cost per hire and the
 * return everywhere. (1) The marketing spend entered or imported, when there is a value (0
 * too: measured spend is a fact); else (2) the budgets of all the loop's campaigns, every side,
 * when any is above 0; else (3) the loop's budget, brand + recruitment, when above 0 (clearing
 * both fields stores 0, which is no budget); else null.
 */
export function loopSpend({ spend, campaigns, loop }: LoopSpendInput): LoopSpend | null {
  if (typeof spend === 'number' && Number.isFinite(spend))
    return { amount: spend, source: 'spend' };
  if (!loop) return null;
  const own = campaigns.filter((c) => c.loopId === loop.id);
  const campaignSum = own.reduce((sum, c) => sum + (c.budget ?? 0), 0);
  if (campaignSum > 0) return { amount: campaignSum, source: 'campaigns' };
  const budget = (loop.budget?.brand ?? 0) + (loop.budget?.recruitment ?? 0);
  if (budget > 0) return { amount: budget, source: 'loopBudget' };
  return null;
}

/** The recruitment return of a loop, with what it was set against. */
export type LoopReturn = NonNullable<ReturnType<typeof recruitmentReturn>> & {
  /** What the hires are set against: the spend counted plus the recruiter cost, if any. */
  cost: number;
};

/**
 * A loop's money: its campaigns' budgets per side, the spend counted with its source, and what
 * the loop cost per completed application and per hire and brought back.
 */
export type LoopMoney = {
  loop: Loop;
  /** Campaign budgets per side: a separate figure, not the spend counted. */
  campaigns: ReturnType<typeof campaignTotals>;
  applications: number | null;
  hires: number | null;
  /** All spend counted for the loop (`loopSpend`); null when nothing is known. */
  spend: LoopSpend | null;
  /** The loop's value of the `recruiterCost` KPI, when the plan measures it and has one. */
  recruiterCost: number | null;
  /** spend ÷ completed applications. */
  perApplication: number | null;
  /** spend ÷ hires: the cost per hire. */
  perHire: number | null;
  /** hires × value per hire against spend + recruiter cost. */
  back: LoopReturn | null;
};

export type LoopMoneyInput = {
  loop: Loop;
  /** The plan's campaigns (campaigns of other loops are left out). */
  campaigns: readonly Pick<Campaign, 'loopId' | 'budget' | 'side'>[];
  /**
   * The loop's values by KPI key (a KPI the plan does not measure is absent): completed
   * applications, hires, spend and recruiter cost are read.
   */
  values: ReadonlyMap<string, number | null> | Readonly<Record<string, number | null>>;
  /** What one hire is worth to the organisation (the plan's setting), if entered. */
  valuePerHire: number | undefined;
};

const isMap = (values: LoopMoneyInput['values']): values is ReadonlyMap<string, number | null> =>
  values instanceof Map;

const finite = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/**
 * The money of one loop. Cost per application and per hire divide the spend counted
 * (`loopSpend`) and are null without it or without a count above 0. The return sets the hires'
 * value against that spend plus the loop's recruiter cost; it is null without hires, without a
 * value per hire, or without any cost known.
 */
export function loopMoney(input: LoopMoneyInput): LoopMoney {
  const { loop, values } = input;
  const valueOf = (key: string): number | null =>
    finite(isMap(values) ? values.get(key) : values[key]);
  const own = input.campaigns.filter((c) => c.loopId === loop.id);
  const applications = valueOf('applicationsCompleted');
  const hires = valueOf('hires');
  const spend = loopSpend({ spend: valueOf('spend'), campaigns: own, loop });
  const recruiterCost = valueOf('recruiterCost');
  const per = (count: number | null) => (spend ? costPer(spend.amount, count) : null);
  let back: LoopReturn | null = null;
  if (spend || recruiterCost !== null) {
    const cost = (spend?.amount ?? 0) + (recruiterCost ?? 0);
    const result = recruitmentReturn(hires, input.valuePerHire, cost);
    back = result ? { ...result, cost } : null;
  }
  return {
    loop,
    campaigns: campaignTotals(own),
    applications,
    hires,
    spend,
    recruiterCost,
    perApplication: per(applications),
    perHire: per(hires),
    back,
  };
}
