// Benchmarks of the pure domain, run by `npm run bench` (vitest bench). The figure the
// domain issue asks for: all verdicts of a plan with 30 KPIs and 5 years of daily values.
import { bench } from 'vitest';
import type { Point } from '../src/lib/domain/aggregate';
import { KPI_CATALOG } from '../src/lib/domain/catalog';
import { addDays } from '../src/lib/domain/dates';
import { DEFAULT_FOCUS_RULES } from '../src/lib/domain/focus';
import { planVerdicts } from '../src/lib/domain/plan-verdicts';
import { compareCounts } from '../src/lib/domain/stats';

const FIRST = '2021-01-01';
const DAYS = 1826; // five years
const kpis = KPI_CATALOG.slice(0, 30);

// A deterministic pseudo-random walk per KPI, so every run measures the same work.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const measurements: Record<string, Point[]> = {};
let values = 0;
for (const kpi of kpis) {
  if (kpi.aggregation.kind === 'ratio') continue;
  const points: Point[] = [];
  for (let i = 0; i < DAYS; i++) {
    const day = addDays(FIRST, i);
    const raw = 20 + 15 * Math.sin(i / 58) + random() * 10;
    points.push({ start: day, end: day, value: kpi.unit === 'count' ? Math.round(raw) : raw });
  }
  measurements[kpi.key] = points;
  values += points.length;
}
// Ratio KPIs need their parts even when those are not among the 30.
for (const kpi of kpis) {
  if (kpi.aggregation.kind !== 'ratio') continue;
  for (const part of [kpi.aggregation.numerator, kpi.aggregation.denominator])
    measurements[part] ??= measurements.hires ?? [];
}
const plan = {
  firstLoopStart: FIRST,
  loopLength: { unit: 'months', count: 2 } as const,
  kpis,
  measurements,
};
const loops = Array.from({ length: 30 }, (_, i) => ({
  index: i + 1,
  basis: 'previousLoop' as const,
  rules: DEFAULT_FOCUS_RULES.reach,
  targets: {},
  midLoopChanges: i % 4 === 0 ? 1 : 0,
}));

console.log(
  `domain bench data: ${kpis.length} KPIs, ${values} daily values, ${loops.length} loops`,
);

bench(
  'all verdicts: 30 KPIs, 5 years of daily values, 30 loops',
  () => {
    const prepared = planVerdicts(plan);
    if (!prepared.ok) throw new Error(prepared.error.code);
    for (const loop of loops) {
      const result = prepared.value(loop);
      if (!result.ok) throw new Error(result.error.code);
    }
  },
  { time: 2000, warmupIterations: 5 },
);

// Issue 14: compareCounts at 1e6, 1e8 and 1e9 events (it took seconds at 1e8); 1,000 calls per
// run, so the mean in ms is the time of one call in µs.
for (const n of [1e6, 1e8, 1e9])
  bench(`1,000 × compareCounts at ${n.toExponential()} events`, () => {
    for (let i = 0; i < 1000; i++) compareCounts(n + 37 * i, 61, n, 59);
  });
