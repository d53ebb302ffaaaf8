import type { Campaign, Loop } from '$lib/schema/loop';
import { campaignTotals, costPer, recruitmentReturn } from './budget';

/**
 * A loop's money: its budget per side, its campaigns' budgets per side, and what recruitment
 * cost per completed application and per hire and brought back.
 */
export type LoopMoney = {
  loop: Loop;
  campaigns: ReturnType<typeof campaignTotals>;
  applications: number | null;
  hires: number | null;
  /** The loop's recruitment budget, or else what its recruitment campaigns were given. */
  cost: number;
  perApplication: number | null;
  perHire: number | null;
  back: ReturnType<typeof recruitmentReturn>;
};

export type LoopMoneyInput = {
  loop: Loop;
  /** The loop's campaigns (campaigns of other loops are left out). */
  campaigns: readonly Pick<Campaign, 'loopId' | 'budget' | 'side'>[];
  /** The loop's values by KPI key: completed applications and hires are read. */
  values: ReadonlyMap<string, number | null> | Readonly<Record<string, number | null>>;
  /** What one hire is worth to the organisation (the plan's setting), if entered. */
  valuePerHire: number | undefined;
};

const isMap = (values: LoopMoneyInput['values']): values is ReadonlyMap<string, number | null> =>
  values instanceof Map;

/**
 * The money of one loop. The cost of recruitment is the loop's recruitment budget when one
 * is set (even 0), else the budgets of its recruitment campaigns; cost per application and
 * per hire are null without a count above 0, the return null without hires or value per hire.
 */
export function loopMoney(input: LoopMoneyInput): LoopMoney {
  const { loop, values } = input;
  const valueOf = (key: string): number | null =>
    (isMap(values) ? values.get(key) : values[key]) ?? null;
  const campaigns = campaignTotals(input.campaigns.filter((c) => c.loopId === loop.id));
  const applications = valueOf('applicationsCompleted');
  const hires = valueOf('hires');
  const cost = loop.budget?.recruitment ?? campaigns.recruitment;
  return {
    loop,
    campaigns,
    applications,
    hires,
    cost,
    perApplication: costPer(cost, applications),
    perHire: costPer(cost, hires),
    back: recruitmentReturn(hires, input.valuePerHire, cost),
  };
}
