import type { LoopSpend, SpendSource } from './loop-money';

/** The recruitment funnel from first sight to hire, in catalog keys. */
export const FUNNEL_KEYS = [
  'reach',
  'careerSiteVisits',
  'applicationsStarted',
  'applicationsCompleted',
  'hires',
] as const;

/** One measured step of the funnel. */
export type FunnelStep = {
  key: string;
  /** The period value; null when the plan measures the KPI but has no value for it. */
  value: number | null;
  /** value ÷ previous step's value, 0..∞, null when either is missing or previous is 0 */
  rate: number | null;
};

/** The funnel of one period. */
export type Funnel = {
  steps: FunnelStep[];
  /** The spend counted for the loop (`loopSpend`) ÷ hires; null without either, or no hires. */
  costPerHire: number | null;
  /** Where that spend comes from, to name it beside the figure; null without spend. */
  costSource: SpendSource | null;
  /** hires ÷ reach overall (last key ÷ first key for a custom funnel) */
  overall: number | null;
};

const finite = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** a ÷ b, or null when either is missing or b is 0: never NaN or Infinity. */
function divide(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  const q = a / b;
  return Number.isFinite(q) ? q : null;
}

/**
 * The funnel of one period from its KPI values. A KPI absent from `values` is not measured by
 * the plan and has no step; a null value keeps its step, without a rate on either side. Rates
 * run between consecutive steps that are shown, so a skipped step never hides a drop. Cost per
 * hire divides `spend`, the loop's one spend figure (`loopSpend`), never `values.spend` alone.
 */
export function funnel(
  values: Readonly<Record<string, number | null | undefined>>,
  spend: LoopSpend | null,
  keys: readonly string[] = FUNNEL_KEYS,
): Funnel {
  const steps: FunnelStep[] = [];
  let previous: FunnelStep | undefined;
  for (const key of keys) {
    if (values[key] === undefined) continue;
    const value = finite(values[key]);
    const step = { key, value, rate: previous ? divide(value, previous.value) : null };
    steps.push(step);
    previous = step;
  }
  const hires = finite(values.hires);
  const first = keys[0];
  const last = keys[keys.length - 1];
  const costPerHire =
    spend && hires !== null && hires > 0 ? divide(finite(spend.amount), hires) : null;
  return {
    steps,
    costPerHire,
    costSource: spend?.source ?? null,
    overall:
      first === undefined || last === undefined || keys.length < 2
        ? null
        : divide(finite(values[last]), finite(values[first])),
  };
}
