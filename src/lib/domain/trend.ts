/**
 * Trends over loops, for brand-side KPIs (PRODUCT.md section 5): employer branding is judged on
 * several loops together, never on the last step. The Mann–Kendall test says whether the
 * values rise or fall more consistently than chance would make them; Sen's slope says by how
 * much. A trend is called only when both hold: the order is unlikely by chance, and the change
 * is big enough to matter.
 */
import { ALPHA, erfc } from './stats';

/** Fewer loops with a value than this and a brand-side KPI has no trend to judge yet. */
export const MIN_TREND_LOOPS = 3;

/**
 * The fewest loops with which a trend can be called at all: with 3 or 4 loops even a steady
 * rise has an exact two-sided p-value of 1/3 or 1/12, above 0.05; with 5 it is 1/60.
 */
export const MIN_CALLED_TREND_LOOPS = 5;

/**
 * The minimum size of change against the noise: a trend is called only when the change over
 * the loops (Sen's slope × the loops spanned) is at least this share of the median level. A
 * KPI that creeps from 31.0 to 31.5 over six loops has a consistent order but no change worth
 * a verdict.
 */
export const MIN_TREND_CHANGE = 0.05;

/**
 * Below this many values without ties the exact distribution of S is used (as R's
 * `cor.test(method = "kendall")` does); from it on the normal approximation is close enough.
 */
const EXACT_TREND_LIMIT = 50;

export type MannKendall = {
  /** S: concordant minus discordant pairs (later value higher minus later value lower). */
  s: number;
  /** Kendall's tau: S divided by the number of pairs, n(n − 1) ÷ 2. */
  tau: number;
  /** Two-sided p-value of "no trend". */
  pValue: number;
  method: 'exact' | 'normal';
};

/**
 * P(inversions ≤ k) of a random permutation of n items, for k = 0 … n(n − 1) ÷ 2: the
 * Mahonian numbers by their recursion (adding the n-th item adds 0 … n − 1 inversions, each
 * equally likely), kept as probabilities and summed.
 */
function inversionCdf(n: number): number[] {
  let dist = [1];
  for (let m = 2; m <= n; m++) {
    const next = new Array<number>(dist.length + m - 1).fill(0);
    // next[k] = (1/m) Σ_{j=0}^{m−1} dist[k − j], by a running sum.
    let window = 0;
    for (let k = 0; k < next.length; k++) {
      window += dist[k] ?? 0;
      if (k - m >= 0) window -= dist[k - m] ?? 0;
      next[k] = window / m;
    }
    dist = next;
  }
  let sum = 0;
  return dist.map((p) => (sum += p));
}

/**
 * The Mann–Kendall test of values in time order. Without ties and below 50 values the p-value
 * is exact: S = pairs − 2 × inversions, and under "no trend" every order is equally likely,
 * so P(|S| ≥ |s|) = 2·P(inversions ≤ (pairs − |s|) ÷ 2). With ties (or many values) it is the
 * normal approximation with the tie-corrected variance
 * Var(S) = [n(n − 1)(2n + 5) − Σ t(t − 1)(2t + 5)] ÷ 18 (t: the size of each group of equal
 * values) and a continuity correction of 1 (S moves in steps of 2): z = (|S| − 1) ÷ √Var(S).
 * With 3 or 4 values that cannot go below 0.05 either (checked in trend.spec.ts).
 */
export function mannKendall(values: readonly number[]): MannKendall {
  const n = values.length;
  const pairs = (n * (n - 1)) / 2;
  let s = 0;
  for (let i = 0; i < n - 1; i++)
    for (let j = i + 1; j < n; j++) s += Math.sign(values[j]! - values[i]!);
  const tau = pairs > 0 ? s / pairs : 0;
  const groups = new Map<number, number>();
  for (const v of values) groups.set(v, (groups.get(v) ?? 0) + 1);
  const ties = [...groups.values()].filter((t) => t > 1);
  if (n < 2) return { s, tau, pValue: 1, method: 'exact' };
  if (ties.length === 0 && n < EXACT_TREND_LIMIT) {
    const cdf = inversionCdf(n);
    const k = (pairs - Math.abs(s)) / 2;
    return { s, tau, pValue: Math.min(1, 2 * (cdf[k] ?? 1)), method: 'exact' };
  }
  const variance =
    (n * (n - 1) * (2 * n + 5) - ties.reduce((sum, t) => sum + t * (t - 1) * (2 * t + 5), 0)) / 18;
  const z = variance > 0 ? Math.max(0, Math.abs(s) - 1) / Math.sqrt(variance) : 0;
  return { s, tau, pValue: Math.min(1, erfc(z / Math.SQRT2)), method: 'normal' };
}

/**
 * Sen's slope: the median of the slopes (x_j − x_i) ÷ (t_j − t_i) of all pairs of points, a
 * change per unit of time that one odd value cannot pull. Times must differ; null below two
 * points.
 */
export function senSlope(points: readonly { t: number; x: number }[]): number | null {
  const slopes: number[] = [];
  for (let i = 0; i < points.length - 1; i++)
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      if (a.t !== b.t) slopes.push((b.x - a.x) / (b.t - a.t));
    }
  return median(slopes);
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Trend =
  | { kind: 'tooFew'; loops: number }
  | {
      kind: 'rising' | 'falling' | 'noTrend';
      loops: number;
      /** Kendall's tau of the values against time. */
      tau: number;
      /** Mann–Kendall two-sided p-value. */
      pValue: number;
      /** Sen's slope per loop × the loops spanned (n − 1 without gaps): the change over them. */
      change: number;
    };

/**
 * The trend of a brand-side KPI over its loops (oldest first; a loop without a value — null or
 * not a finite number — is left out, and the loops keep their places in time). Called rising or
 * falling only when the Mann–Kendall p-value is below 0.05 and the change is at least
 * `MIN_TREND_CHANGE` of the median |level|, in the same direction; so never with 3 or 4 loops
 * (`MIN_CALLED_TREND_LOOPS`). `tooFew` below `MIN_TREND_LOOPS` loops with a value.
 */
export function brandTrend(values: readonly (number | null)[]): Trend {
  const points = values.flatMap((x, t) => (x !== null && Number.isFinite(x) ? [{ t, x }] : []));
  const n = points.length;
  if (n < MIN_TREND_LOOPS) return { kind: 'tooFew', loops: n };
  const { s, tau, pValue } = mannKendall(points.map((p) => p.x));
  const slope = senSlope(points) ?? 0;
  const change = slope * (points[n - 1]!.t - points[0]!.t);
  const level = median(points.map((p) => Math.abs(p.x))) ?? 0;
  const called =
    pValue < ALPHA &&
    Math.abs(change) >= MIN_TREND_CHANGE * level &&
    Math.sign(change) === Math.sign(s);
  const kind = !called || s === 0 ? 'noTrend' : s > 0 ? 'rising' : 'falling';
  return { kind, loops: n, tau, pValue, change };
}
