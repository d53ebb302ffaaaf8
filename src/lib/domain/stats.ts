import { fail, ok, type Result } from './result';

/** Noise labels: the three honest answers to "is this change real?". */
export type NoiseLabel = 'probablyReal' | 'couldBeChance' | 'tooLittleData';

/** Significance level behind "probably a real change". */
export const ALPHA = 0.05;
/** Below this many events in both periods together, no count test says anything useful. */
export const MIN_TOTAL_COUNT = 10;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] ?? 0;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln of the binomial probability P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
function logPmf(k: number, n: number, p: number): number {
  return (
    logGamma(n + 1) -
    logGamma(k + 1) -
    logGamma(n - k + 1) +
    k * Math.log(p) +
    (n - k) * Math.log1p(-p)
  );
}

/**
 * When a tail sum stops: the next term is below this share of the sum so far (or is 0, when
 * the probabilities underflow). The terms fall geometrically, so what is left out is at most
 * about this share times the number of terms in one standard deviation: below 1e-6 of the
 * p-value even for a billion events, far finer than a comparison with 0.05 needs.
 */
const TAIL_TOLERANCE = 1e-10;

/** P(X ≤ k) summed downward from k (k at or below the mode, so terms shrink). */
function lowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let term = Math.exp(logPmf(k, n, p));
  let sum = term;
  const q = (1 - p) / p;
  for (let i = k; i > 0 && term > 0; i--) {
    term *= (i / (n - i + 1)) * q; // P(i−1) from P(i)
    sum += term;
    if (term <= sum * TAIL_TOLERANCE) break;
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) summed upward from k (k at or above the mode, so terms shrink). */
function upperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = Math.exp(logPmf(k, n, p));
  let sum = term;
  const r = p / (1 - p);
  for (let i = k; i < n && term > 0; i++) {
    term *= ((n - i) / (i + 1)) * r; // P(i+1) from P(i)
    sum += term;
    if (term <= sum * TAIL_TOLERANCE) break;
  }
  return Math.min(1, sum);
}

const REL_ERR = 1 + 1e-7;

/**
 * The parts of the exact two-sided binomial test of x: its p-value, the tail from x outward
 * (`own`), where the other tail starts (`other`: the first outcome on the far side of np as or
 * less likely than x) and the cut d = P(x)·(1 + 1e-7).
 */
type BinomialTest = { pValue: number; own: number; other: number; d: number };

function binomialTest(x: number, n: number, p: number): BinomialTest {
  if (n === 0 || p <= 0 || p >= 1) return { pValue: 1, own: 1, other: x, d: 1 };
  const d = Math.exp(logPmf(x, n, p)) * REL_ERR;
  const m = n * p;
  if (x === m) return { pValue: 1, own: 1, other: x, d };
  if (x < m) {
    // First i ≥ ceil(m) whose probability is ≤ d (probabilities fall from there on).
    let lo = Math.ceil(m);
    let hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (Math.exp(logPmf(mid, n, p)) <= d) hi = mid;
      else lo = mid + 1;
    }
    const own = lowerTail(x, n, p);
    return { pValue: Math.min(1, own + upperTail(lo, n, p)), own, other: lo, d };
  }
  // Last i ≤ floor(m) whose probability is ≤ d (probabilities rise up to there).
  let lo = -1;
  let hi = Math.floor(m);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Math.exp(logPmf(mid, n, p)) <= d) lo = mid;
    else hi = mid - 1;
  }
  const own = upperTail(x, n, p);
  return { pValue: Math.min(1, lowerTail(lo, n, p) + own), own, other: lo, d };
}

/**
 * Two-sided exact binomial test of H0: probability = p, computed as R's `binom.test` does
 * (outcomes as or less likely than the observed one, with R's relative tolerance). Always
 * ends: an outcome so unlikely that its probability underflows has p-value 0.
 */
export function binomialTestPValue(x: number, n: number, p: number): number {
  return binomialTest(x, n, p).pValue;
}

/**
 * How much a count varies when nothing changed: a count with mean μ has variance
 * V(μ) = phi·μ + kappa·μ². `phi` ≥ 1 is quasi-Poisson dispersion (events that come in small
 * clumps, such as several hires from one campaign); `kappa` ≥ 0 is the squared coefficient of
 * variation of the rate itself from one loop to the next (impressions and visits move with
 * the season, the weather and a platform's algorithm, far more than counting noise).
 */
export type CountModel = { phi: number; kappa: number };

/** Pure counting noise: every event independent of the others, the rate fixed. */
export const POISSON: CountModel = { phi: 1, kappa: 0 };

/**
 * The conservative default for volume metrics (impressions, visits, reach) without enough
 * history to estimate their own: about 10 % ordinary variation from loop to loop (kappa =
 * 0.1²). Poisson noise alone would call a change of half a percent in 500,000 visits real.
 */
export const VOLUME_DEFAULT_KAPPA = 0.01;

/** The default model of a volume metric: Poisson counting plus 10 % loop-to-loop variation. */
export const VOLUME_DEFAULT: CountModel = { phi: 1, kappa: VOLUME_DEFAULT_KAPPA };

/**
 * Up to this many events in both periods together the Poisson test is exact. Its tails take at
 * most a few thousand terms there (well under a millisecond); above it the normal approximation
 * with continuity correction is used, whose p-value differs from the exact one by less than one
 * count more or less changes it (its error shrinks as 1 ÷ √total), and which takes constant time
 * for a billion events.
 */
export const EXACT_LIMIT = 10_000;

/** Above this no count is taken anywhere (numbers.ts refuses it as `numberTooLarge`). */
const LARGEST_COUNT = 1e15;

export type CountComparison = {
  /** (current ÷ current length) ÷ (reference ÷ reference length); null when the reference is 0. */
  rateRatio: number | null;
  pValue: number;
  /** The reference scaled to the current period's length: what "no change" would have given. */
  expected: number;
  /** How the p-value was computed: the exact conditional test, or its normal approximation. */
  method: 'exact' | 'normal';
  label: NoiseLabel;
};

/**
 * The two-sided normal test of equal rates with the model's variance: pooled rate
 * λ = (x + r) ÷ (t1 + t2), D = x − (t1 ÷ t2)·r, Var(D) = V(λ·t1) + (t1 ÷ t2)²·V(λ·t2), with a
 * continuity correction of half a step of the conditional binomial, ½·(1 + t1 ÷ t2). Under
 * POISSON it is exactly the normal approximation to the conditional binomial test (X − np =
 * (1 − p)·D, np(1 − p) = (x + r)·t1 ÷ t2), so more noise in the model only ever raises the
 * p-value. With the reference fixed, |z| only grows as x moves away from t1 ÷ t2 · r.
 */
function normalPValue(x: number, t1: number, r: number, t2: number, model: CountModel): number {
  const rho = t1 / t2;
  const lambda = (x + r) / (t1 + t2);
  const mu1 = lambda * t1;
  const mu2 = lambda * t2;
  const { phi, kappa } = model;
  const variance = phi * mu1 + kappa * mu1 * mu1 + rho * rho * (phi * mu2 + kappa * mu2 * mu2);
  const distance = Math.abs(x - rho * r) - 0.5 * (1 + rho);
  if (distance <= 0 || variance <= 0) return 1;
  return Math.min(1, erfc(distance / Math.sqrt(2 * variance)));
}

type CountTest = { pValue: number; method: 'exact' | 'normal' };

const isPoisson = (model: CountModel) => model.phi === 1 && model.kappa === 0;

/**
 * What one test of the current count x says on its own: under POISSON the exact test within
 * `EXACT_LIMIT` and the normal approximation above it; with a noisier model the normal test,
 * within the limit the exact Poisson p-value instead when that is larger. `compareCounts` takes
 * the envelope of this (`countTest`); `countRange` uses it as a fast first guess.
 */
function pointTest(x: number, t1: number, r: number, t2: number, model: CountModel): CountTest {
  const exactRegion = x + r <= EXACT_LIMIT;
  if (isPoisson(model))
    return exactRegion
      ? { pValue: binomialTestPValue(x, x + r, t1 / (t1 + t2)), method: 'exact' }
      : { pValue: normalPValue(x, t1, r, t2, POISSON), method: 'normal' };
  const normal = normalPValue(x, t1, r, t2, model);
  if (!exactRegion) return { pValue: normal, method: 'normal' };
  const exact = binomialTestPValue(x, x + r, t1 / (t1 + t2));
  return exact > normal ? { pValue: exact, method: 'exact' } : { pValue: normal, method: 'normal' };
}

/** Slack on the bounds below, far above the rounding of the tail sums they are compared with. */
const BOUND_SLACK = 1 + 1e-6;

/*
 * The envelope below walks outward from a count y (reference r fixed, total n = y + r,
 * X ~ Binomial(n, p)) and needs to know when no count further out can have a larger exact
 * p-value than the largest so far, m. That p-value is the tail from y outward plus the other
 * tail, cut where the probabilities fall to d = P(y)·(1 + 1e-7). Facts used (the binomial is
 * log-concave, so the ratio of neighbouring probabilities only shrinks outward):
 * - the own tail shrinks outward: P_{n+1}(X ≥ y + 1) = P_n(X ≥ y) − (1 − p)·P_n(y), and
 *   P_{n−1}(X ≤ y − 1) = P_n(X ≤ y) − (1 − p)·P_{n−1}(y);
 * - so does d: P_{n+1}(y + 1) ÷ P_n(y) = p(n + 1) ÷ (y + 1) ≤ 1 above the expectation (checked),
 *   and P_{n−1}(y − 1) ÷ P_n(y) = y ÷ (pn) < 1 below it;
 * - the start k of the other tail moves at most one step per step of y, towards y, while the
 *   counts on its far side do not grow (n − k above, k below), so over the next J counts the
 *   other tail is at most d ÷ (1 − ρ_J), with ρ_J the ratio of neighbouring probabilities at
 *   k moved J steps (`blockAfter`);
 * - the other tail begins on the far side of np, so Chernoff's bound exp(−n·KL) holds for it,
 *   and with C(n, k) ≥ e^{n·H(k/n)} ÷ √(8k(n − k) ÷ n) that is at most d·√(2n); with the own tail
 *   at most P(y) ÷ (1 − the ratio of the next term to P(y)), this bound keeps falling outward
 *   (`beyondBelow`).
 */

/** Whether no exact p-value at y or further out can exceed m (the bound falls from y on). */
function beyondBelow(y: number, r: number, p: number, m: number, dir: 1 | -1): boolean {
  const n = y + r;
  // Ratio of the next term outward to P(y): P(y + 1) ÷ P(y), or P(y − 1) ÷ P(y).
  const next = dir > 0 ? (r * p) / ((y + 1) * (1 - p)) : (y * (1 - p)) / ((r + 1) * p);
  if (next >= 1) return false;
  if (dir > 0 && ((p * (n + 1)) / (y + 1)) * Math.sqrt((n + 1) / n) > 1) return false;
  const pmf = Math.exp(logPmf(y, n, p));
  const bound = pmf * (1 / (1 - next) + REL_ERR * Math.sqrt(2 * n));
  return bound * BOUND_SLACK <= m;
}

/** How many counts after y (outward) certainly have an exact p-value of at most m. */
function blockAfter(y: number, r: number, p: number, test: BinomialTest, m: number, up: boolean) {
  const n = y + r;
  if (up && p * (n + 1) > y + 1) return 0; // d would not yet fall outward
  const room = m / BOUND_SLACK - test.own; // what the other tail may take
  if (room <= 0 || test.d >= room) return 0;
  const maxRatio = 1 - test.d / room;
  const k = test.other;
  const block = up
    ? // ρ_J = (k + J)(1 − p) ÷ ((n − k + 1)·p) ≤ maxRatio
      (maxRatio * (n - k + 1) * p) / (1 - p) - k
    : // ρ_J = (n − k)·p ÷ ((k − J + 1)(1 − p)) ≤ maxRatio
      k + 1 - ((n - k) * p) / ((1 - p) * maxRatio);
  return Math.max(0, Math.min(LARGEST_COUNT, Math.floor(block)));
}

/**
 * The largest exact p-value at x or beyond it (further from the expectation on the same side,
 * total within `EXACT_LIMIT`); 0 when there is none. Walks outward, skipping the counts
 * `blockAfter` clears, until `beyondBelow` proves nothing further can be larger.
 */
function exactEnvelope(x: number, t1: number, r: number, t2: number): number {
  const p = t1 / (t1 + t2);
  const last = EXACT_LIMIT - r;
  if (last < 0) return 0;
  const up = x >= (r * t1) / t2;
  const dir = up ? 1 : -1;
  let m = 0;
  for (let y = up ? x : Math.min(x, last); y >= 0 && y <= last && m < 1;) {
    if (beyondBelow(y, r, p, m, dir)) break;
    const test = binomialTest(y, y + r, p);
    m = Math.max(m, test.pValue);
    y += dir * (1 + blockAfter(y, r, p, test, m, up));
  }
  return m;
}

/**
 * The p-value of `compareCounts`, on inputs already checked: the largest `pointTest` p-value
 * at x or further from the expectation on the same side. The exact test's own p-value is not
 * unimodal in x — with the current period much longer than the reference, a count can test as
 * real while one a step further out does not (stats.spec.ts shows one) — so a count is never
 * called real while a count further out would not be. That only ever raises a p-value, and
 * makes the counts not called real one interval for every level: `countRange`. The normal
 * tests need no envelope (|z| grows away from the expectation), except where they take over
 * from the exact test at `EXACT_LIMIT`.
 */
function countTest(x: number, t1: number, r: number, t2: number, model: CountModel): CountTest {
  const exactRegion = x + r <= EXACT_LIMIT;
  const exact = exactEnvelope(x, t1, r, t2);
  let normal: number;
  if (!isPoisson(model)) normal = normalPValue(x, t1, r, t2, model);
  else if (x >= (r * t1) / t2)
    // Above the expectation: the first count past the limit, or x itself.
    normal = normalPValue(Math.max(x, EXACT_LIMIT - r + 1), t1, r, t2, POISSON);
  else normal = exactRegion ? 0 : normalPValue(x, t1, r, t2, POISSON);
  const method = exact > normal || (exact === normal && exactRegion) ? 'exact' : 'normal';
  return { pValue: Math.max(exact, normal), method };
}

/** The inputs `compareCounts` and `countRange` share, checked; null when all is well. */
function checkCountInput(
  current: number,
  currentDays: number,
  reference: number,
  referenceDays: number,
  model: CountModel,
  level: number,
): Result<never> | null {
  for (const [field, v] of [
    ['current', current],
    ['reference', reference],
  ] as const) {
    if (!Number.isFinite(v)) return fail('notFinite', field, v);
    if (v < 0) return fail('negativeCount', field, v);
    if (!Number.isInteger(v)) return fail('notACount', field, v);
  }
  for (const [field, v] of [
    ['currentDays', currentDays],
    ['referenceDays', referenceDays],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0) return fail('notFinite', field, v);
  }
  // A model or level out of its range is a programming error, never the user's input.
  if (!Number.isFinite(model.phi) || model.phi < 1) return fail('notFinite', 'phi', model.phi);
  if (!Number.isFinite(model.kappa) || model.kappa < 0)
    return fail('notFinite', 'kappa', model.kappa);
  if (!Number.isFinite(level) || level <= 0 || level >= 1) return fail('notFinite', 'level', level);
  return null;
}

/**
 * Are two counts over periods of given lengths (in days) different beyond chance?
 *
 * Under POISSON with at most `EXACT_LIMIT` events together: the exact conditional test, as R's
 * `poisson.test(c(current, reference), c(currentDays, referenceDays))` — given the total, the
 * current count is Binomial(total, currentDays ÷ (currentDays + referenceDays)). Above the
 * limit: the normal approximation to that binomial, with continuity correction. With a noisier
 * model: the normal test of the difference with the model's variance (see `normalPValue`);
 * within the limit the exact Poisson p-value is taken when it is larger (conservative). Where
 * the exact p-value of a count further from the expectation is larger, that one is taken
 * (`countTest`): it happens only by a hair and rarely, but it keeps the counts not called real
 * one interval.
 *
 * `probablyReal` when the p-value is at most `level` (so exactly the counts outside
 * `countRange`), `tooLittleData` below `MIN_TOTAL_COUNT` events together whatever the p-value.
 */
export function compareCounts(
  current: number,
  currentDays: number,
  reference: number,
  referenceDays: number,
  model: CountModel = POISSON,
  level = ALPHA,
): Result<CountComparison> {
  const bad = checkCountInput(current, currentDays, reference, referenceDays, model, level);
  if (bad) return bad;
  const total = current + reference;
  const rateRatio = reference === 0 ? null : current / currentDays / (reference / referenceDays);
  const expected = (reference * currentDays) / referenceDays;
  const { pValue, method } = countTest(current, currentDays, reference, referenceDays, model);
  const label: NoiseLabel =
    total < MIN_TOTAL_COUNT ? 'tooLittleData' : pValue <= level ? 'probablyReal' : 'couldBeChance';
  return ok({ rateRatio, pValue, expected, method, label });
}

/** z with P(|Z| ≥ z) = level for a standard normal Z (bisection on erfc; a guess is enough). */
function twoSidedZ(level: number): number {
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (erfc(mid / Math.SQRT2) > level) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The last x inside, walking from `from` (inside) towards `limit` in direction `dir`: gallop
 * from the guess (steps 1, 2, 4, …) until inside and outside are bracketed, then bisect. Null
 * when even `limit` is inside. Correct when the inside is one interval around `from`.
 */
function lastInside(
  inside: (x: number) => boolean,
  from: number,
  guess: number,
  dir: 1 | -1,
  limit: number,
): number | null {
  const clamp = (x: number) =>
    dir > 0 ? Math.min(limit, Math.max(from, x)) : Math.max(limit, Math.min(from, x));
  let good = from;
  let bad: number;
  const start = clamp(Math.round(guess));
  if (start === from || inside(start)) {
    good = start;
    for (let step = 1; ; step *= 2) {
      if (good === limit) return null;
      const next = clamp(good + dir * step);
      if (!inside(next)) {
        bad = next;
        break;
      }
      good = next;
    }
  } else {
    bad = start;
    for (let step = 1; ; step *= 2) {
      const next = clamp(bad - dir * step);
      if (next === from || dir * (next - from) <= 0) break;
      if (inside(next)) {
        good = next;
        break;
      }
      bad = next;
    }
  }
  while (Math.abs(bad - good) > 1) {
    const mid = good + dir * Math.floor(Math.abs(bad - good) / 2);
    if (inside(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/**
 * The counts the current period could show without `compareCounts` calling the change real,
 * given the reference: exactly the integers x with p-value above `level` for
 * compareCounts(x, currentDays, reference, referenceDays, model, level) (the `tooLittleData`
 * rule aside: the range is about the test). `hi` is null when no count above the expectation
 * would be called real (a model with so much loop-to-loop variation that no rise stands out).
 * Null without a reference (0) or for input `compareCounts` refuses.
 *
 * Found with the normal approximation as a guess, then a gallop and a bisection on the test
 * itself — which relies on the p-value falling on both sides of the expectation; stats.spec.ts
 * checks that on a grid of references, lengths and models, count by count.
 */
export function countRange(
  reference: number,
  currentDays: number,
  referenceDays: number,
  model: CountModel = POISSON,
  level = ALPHA,
): [number, number | null] | null {
  if (checkCountInput(0, currentDays, reference, referenceDays, model, level)) return null;
  if (reference === 0) return null;
  const inside = (x: number) =>
    countTest(x, currentDays, reference, referenceDays, model).pValue > level;
  // The envelope walks outward from x; one test of x alone is cheaper, and a good first guess.
  const roughlyInside = (x: number) =>
    pointTest(x, currentDays, reference, referenceDays, model).pValue > level;
  const rho = currentDays / referenceDays;
  const expected = reference * rho;
  // The envelope rises up to the expectation and falls after it: its top is next to it.
  const peak = [Math.floor(expected), Math.ceil(expected)].find(
    (x) => roughlyInside(x) || inside(x),
  );
  if (peak === undefined) return null;
  const { phi, kappa } = model;
  const sd = Math.sqrt(
    phi * expected + kappa * expected ** 2 + rho * rho * (phi * reference + kappa * reference ** 2),
  );
  const half = 0.5 * (1 + rho) + twoSidedZ(level) * sd;
  // The edges of the normal test (cheap to evaluate) are the guess; a rough edge of the test of
  // one count is a few steps from them; then, since the envelope is monotone on each side, one
  // more test settles it, or a walk on the envelope itself finds the true edge further out.
  const normalInside = (x: number) =>
    normalPValue(x, currentDays, reference, referenceDays, model) > level;
  const guessLo = lastInside(normalInside, peak, expected - half, -1, 0) ?? 0;
  const guessHi = lastInside(normalInside, peak, expected + half, 1, LARGEST_COUNT);
  const roughLo = lastInside(roughlyInside, peak, guessLo, -1, 0) ?? 0;
  const lo =
    roughLo > 0 && inside(roughLo - 1)
      ? (lastInside(inside, roughLo - 1, roughLo - 1, -1, 0) ?? 0)
      : roughLo;
  const roughHi = lastInside(roughlyInside, peak, guessHi ?? LARGEST_COUNT, 1, LARGEST_COUNT);
  const hi =
    roughHi !== null && inside(roughHi + 1)
      ? lastInside(inside, roughHi + 1, roughHi + 1, 1, LARGEST_COUNT)
      : roughHi;
  return [lo, hi];
}

/** What `dispersionFromHistory` gives: the model, the loops it used, and whether it estimated. */
export type Dispersion = { model: CountModel; loops: number; estimated: boolean };

/** Fewer usable loops than this and the defaults stand. */
export const MIN_HISTORY_LOOPS = 3;
/** The default model weighs as this many loops of history against the estimate. */
export const PRIOR_LOOPS = 6;

/**
 * How noisy one KPI has been over its past loops (count and length in days each), as a
 * `CountModel` for `compareCounts`. Loops without a length, or with a count that is not a
 * finite non-negative number (volume: not positive — a volume of 0 means it was not measured),
 * are left out.
 *
 * The estimate reads the changes from one loop to the next — what a verdict judges — not the
 * spread around one rate over all loops, so a slow trend or a season in the history does not
 * count as noise. For each pair of consecutive usable loops (a, b), r = t_b ÷ t_a, the pooled
 * daily rate λ = (c_a + c_b) ÷ (t_a + t_b), μ_a = λ·t_a, μ_b = λ·t_b and D = c_b − r·c_a; with
 * no change, E[D²] = V(μ_b) + r²·V(μ_a).
 *
 * Events (hires, applications): quasi-Poisson dispersion φ̂ = Σ D² ÷ Σ (μ_b + r²μ_a) over the
 * k − 1 pairs, shrunk towards 1 as if the default were `PRIOR_LOOPS` more pairs:
 * phi = max(1, ((k − 1)·φ̂ + 6) ÷ (k − 1 + 6)). Three loops of history cannot make the test
 * more confident than Poisson, nor swing it far.
 *
 * Volume (impressions, visits): loop-to-loop variation beyond counting noise,
 * κ̂ = max(0, Σ (D² − μ_b − r²μ_a) ÷ Σ (μ_b² + r²μ_a²)), shrunk towards
 * `VOLUME_DEFAULT_KAPPA` the same way and never below it (the default is the cautious floor).
 *
 * Fewer than `MIN_HISTORY_LOOPS` usable loops: the defaults (POISSON, `VOLUME_DEFAULT`).
 */
export function dispersionFromHistory(
  loops: readonly { count: number; days: number }[],
  kind: 'events' | 'volume',
): Dispersion {
  const usable = loops.filter(
    (l) =>
      Number.isFinite(l.days) &&
      l.days > 0 &&
      Number.isFinite(l.count) &&
      (kind === 'events' ? l.count >= 0 : l.count > 0),
  );
  const k = usable.length;
  const fallback = kind === 'events' ? POISSON : VOLUME_DEFAULT;
  if (k < MIN_HISTORY_LOOPS) return { model: { ...fallback }, loops: k, estimated: false };
  const df = k - 1;
  let squares = 0;
  let poisson = 0;
  let quadratic = 0;
  for (let i = 1; i < k; i++) {
    const a = usable[i - 1] as { count: number; days: number };
    const b = usable[i] as { count: number; days: number };
    const r = b.days / a.days;
    const rate = (a.count + b.count) / (a.days + b.days);
    const muA = rate * a.days;
    const muB = rate * b.days;
    squares += (b.count - r * a.count) ** 2;
    poisson += muB + r * r * muA;
    quadratic += muB * muB + r * r * muA * muA;
  }
  if (kind === 'events') {
    const phiHat = poisson > 0 ? squares / poisson : 1;
    const phi = Math.max(1, (df * phiHat + PRIOR_LOOPS * 1) / (df + PRIOR_LOOPS));
    return { model: { phi, kappa: 0 }, loops: k, estimated: true };
  }
  const kappaHat = quadratic > 0 ? Math.max(0, (squares - poisson) / quadratic) : 0;
  // Never below the default: a few quiet loops must not make the test of a volume bolder.
  const kappa = Math.max(
    VOLUME_DEFAULT_KAPPA,
    (df * kappaHat + PRIOR_LOOPS * VOLUME_DEFAULT_KAPPA) / (df + PRIOR_LOOPS),
  );
  return { model: { phi: 1, kappa }, loops: k, estimated: true };
}

/**
 * Benjamini–Hochberg over the p-values of one loop's KPIs, as one threshold τ: a test is
 * "probably real" iff its p ≤ τ, and `level` τ gives `compareCounts` and `countRange` that
 * decision. With p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted and k* the largest k with p₍ₖ₎ ≤ k·alpha ÷ m, BH
 * rejects the k* smallest; τ = max(1, k*)·alpha ÷ m — BH's own critical value at k* — rejects
 * exactly those: p₍ₖ*₎ ≤ k*·alpha ÷ m, and every p of rank j > k* exceeds j·alpha ÷ m ≥
 * (k* + 1)·alpha ÷ m (else rank j would qualify), so above τ; with k* = 0 no p is ≤ alpha ÷ m
 * (else k = 1 would qualify). Of the thresholds that give BH's decision, this one depends only
 * on how many were rejected, not on the last rejected p-value itself, so the range a card shows
 * does not end just past its own value. No p-values: alpha.
 * A p-value that is not a number counts as 1 (a test that says nothing, still one of the m).
 */
export function fdrThreshold(pValues: readonly number[], alpha = ALPHA): number {
  const m = pValues.length;
  if (m === 0) return alpha;
  const sorted = pValues
    .map((p) => (Number.isNaN(p) ? 1 : Math.min(1, Math.max(0, p))))
    .sort((a, b) => a - b);
  for (let k = m; k >= 1; k--) {
    const p = sorted[k - 1] ?? 1;
    if (p <= (k * alpha) / m) return (k * alpha) / m;
  }
  return alpha / m;
}

/** erfc(x), complementary error function (fractional error below 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export type ProportionComparison = { pValue: number; chiSquared: number; label: NoiseLabel };

/**
 * Two rates with known numerators and denominators (applications per visit): Pearson's
 * chi-squared test with Yates' continuity correction, as R's `prop.test(x, n)`. With an
 * expected cell below 5 the test is not trusted: `tooLittleData`.
 */
export function compareProportions(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): Result<ProportionComparison> {
  for (const [field, v] of [
    ['x1', x1],
    ['n1', n1],
    ['x2', x2],
    ['n2', n2],
  ] as const) {
    if (!Number.isFinite(v)) return fail('notFinite', field, v);
    if (v < 0) return fail('negativeCount', field, v);
    if (!Number.isInteger(v)) return fail('notACount', field, v);
  }
  if (x1 > n1) return fail('notACount', 'x1', x1);
  if (x2 > n2) return fail('notACount', 'x2', x2);
  const n = n1 + n2;
  const successes = x1 + x2;
  if (n1 === 0 || n2 === 0 || successes === 0 || successes === n)
    return ok({ pValue: 1, chiSquared: 0, label: 'tooLittleData' });
  const observed = [x1, n1 - x1, x2, n2 - x2];
  const expected = [
    (n1 * successes) / n,
    (n1 * (n - successes)) / n,
    (n2 * successes) / n,
    (n2 * (n - successes)) / n,
  ];
  const yates = Math.min(0.5, Math.abs(x1 - (expected[0] ?? 0)));
  let chiSquared = 0;
  for (let i = 0; i < 4; i++) {
    const e = expected[i] ?? 1;
    chiSquared += (Math.abs((observed[i] ?? 0) - e) - yates) ** 2 / e;
  }
  const pValue = erfc(Math.sqrt(chiSquared / 2));
  const label: NoiseLabel = expected.some((e) => e < 5)
    ? 'tooLittleData'
    : pValue < ALPHA
      ? 'probablyReal'
      : 'couldBeChance';
  return ok({ pValue, chiSquared, label });
}
