import type { ComparisonBasis } from '$lib/schema';
import type { KpiDefinition, Text } from './catalog';
import type { DateRange, IsoDate } from './dates';
import type { Focus, FocusRules } from './focus';

/** The statements colleagues should not draw, as codes the UI words in either language. */
export type NotWarranted =
  | { code: 'oneLoopIsNotRoi' }
  | { code: 'predictedDropsAreNotFailure'; kpis: string[] }
  | { code: 'swingsWithinNoise' }
  | { code: 'brandNeedsSeveralLoops'; kpis: string[] }
  | { code: 'midLoopChangesWeaken'; count: number }
  | { code: 'noBaseline' };

export type ExpectationsSummary = {
  focus: Focus;
  loop: DateRange;
  shouldRise: { key: string; name: Text; reference: number | null; target: number | null }[];
  mayDrop: {
    key: string;
    name: Text;
    reason: Text;
    reference: number | null;
    target: number | null;
  }[];
  /** Other selected KPIs with a target, which the focus does not predict either way. */
  alsoWatched: { key: string; name: Text; reference: number | null; target: number | null }[];
  comparison: { basis: ComparisonBasis; reference: DateRange | null };
  judgedOn: IsoDate;
  notWarranted: NotWarranted[];
};

export type ExpectationsInput = {
  focus: Focus;
  rules: FocusRules;
  loop: DateRange;
  /** The plan's selected KPIs with their reference value and the loop's target. */
  kpis: { definition: KpiDefinition; reference: number | null; target: number | null }[];
  basis: ComparisonBasis;
  reference: DateRange | null;
  /** When results will be judged; by default the day after the loop ends. */
  judgementDate?: IsoDate;
  dayAfterLoop: IsoDate;
  midLoopChanges: number;
  /** How many loops of this plan have ended; brand-side KPIs need at least three. */
  loopsCompleted: number;
};

/** The content of the printable expectations summary (step 5). Data only; the UI renders it. */
export function expectationsSummary(input: ExpectationsInput): ExpectationsSummary {
  const rise = new Set(input.rules.expectedRise);
  const drops = new Map(input.rules.expectedDrop.map((d) => [d.kpi, d.reason]));
  const shouldRise: ExpectationsSummary['shouldRise'] = [];
  const mayDrop: ExpectationsSummary['mayDrop'] = [];
  const alsoWatched: ExpectationsSummary['alsoWatched'] = [];
  for (const { definition, reference, target } of input.kpis) {
    const entry = { key: definition.key, name: definition.name, reference, target };
    const reason = drops.get(definition.key);
    if (rise.has(definition.key)) shouldRise.push(entry);
    else if (reason) mayDrop.push({ ...entry, reason });
    else if (target !== null) alsoWatched.push(entry);
  }
  const notWarranted: NotWarranted[] = [{ code: 'oneLoopIsNotRoi' }];
  if (mayDrop.length)
    notWarranted.push({ code: 'predictedDropsAreNotFailure', kpis: mayDrop.map((d) => d.key) });
  notWarranted.push({ code: 'swingsWithinNoise' });
  const brand = input.kpis
    .filter((k) => k.definition.side === 'brand')
    .map((k) => k.definition.key);
  if (brand.length && input.loopsCompleted < 3)
    notWarranted.push({ code: 'brandNeedsSeveralLoops', kpis: brand });
  if (input.midLoopChanges > 0)
    notWarranted.push({ code: 'midLoopChangesWeaken', count: input.midLoopChanges });
  if (input.basis === 'baseline' && !input.reference) notWarranted.push({ code: 'noBaseline' });
  return {
    focus: input.focus,
    loop: input.loop,
    shouldRise,
    mayDrop,
    alsoWatched,
    comparison: { basis: input.basis, reference: input.reference },
    judgedOn: input.judgementDate ?? input.dayAfterLoop,
    notWarranted,
  };
}
