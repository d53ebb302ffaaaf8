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

/** P(X ≤ k) summed downward from k (k at or below the mode, so terms shrink). */
function lowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let term = Math.exp(logPmf(k, n, p));
  let sum = term;
  const q = (1 - p) / p;
  for (let i = k; i > 0; i--) {
    term *= (i / (n - i + 1)) * q; // P(i−1) from P(i)
    sum += term;
    if (term < sum * 1e-17) break;
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
  for (let i = k; i < n; i++) {
    term *= ((n - i) / (i + 1)) * r; // P(i+1) from P(i)
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

const REL_ERR = 1 + 1e-7;

/**
 * Two-sided exact binomial test of H0: probability = p, computed as R's `binom.test` does
 * (outcomes as or less likely than the observed one, with R's relative tolerance).
 */
export function binomialTestPValue(x: number, n: number, p: number): number {
  if (n === 0 || p <= 0 || p >= 1) return 1;
  const d = Math.exp(logPmf(x, n, p)) * REL_ERR;
  const m = n * p;
  if (x === m) return 1;
  if (x < m) {
    // First i ≥ ceil(m) whose probability is ≤ d (probabilities fall from there on).
    let lo = Math.ceil(m);
    let hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (Math.exp(logPmf(mid, n, p)) <= d) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(1, lowerTail(x, n, p) + upperTail(lo, n, p));
  }
  // Last i ≤ floor(m) whose probability is ≤ d (probabilities rise up to there).
  let lo = -1;
  let hi = Math.floor(m);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Math.exp(logPmf(mid, n, p)) <= d) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(1, lowerTail(lo, n, p) + upperTail(x, n, p));
}

/**
 * The outcomes of Binomial(n, p) a two-sided test at level `alpha` would not call unusual:
 * walking out from the most likely outcome, in order of probability, until 1 − alpha of
 * the probability is inside. Ties (equal probabilities) are taken together.
 */
export function acceptanceInterval(n: number, p: number, alpha = ALPHA): [number, number] {
  if (n === 0) return [0, 0];
  const mode = Math.min(n, Math.floor((n + 1) * p));
  let lo = mode;
  let hi = mode;
  const pm = Math.exp(logPmf(mode, n, p));
  let inside = pm;
  let left = mode > 0 ? Math.exp(logPmf(mode - 1, n, p)) : 0;
  let right = mode < n ? Math.exp(logPmf(mode + 1, n, p)) : 0;
  const q = (1 - p) / p;
  const r = p / (1 - p);
  while (inside < 1 - alpha && (lo > 0 || hi < n)) {
    const takeLeft = lo > 0 && left * REL_ERR >= right;
    const takeRight = hi < n && right * REL_ERR >= left;
    if (takeLeft) {
      inside += left;
      lo--;
      left = lo > 0 ? left * (lo / (n - lo + 1)) * q : 0;
    }
    if (takeRight) {
      inside += right;
      hi++;
      right = hi < n ? right * ((n - hi) / (hi + 1)) * r : 0;
    }
  }
  return [lo, hi];
}

export type CountComparison = {
  /** (current ÷ current length) ÷ (reference ÷ reference length); null when the reference is 0. */
  rateRatio: number | null;
  pValue: number;
  /** Counts the current period could have shown, given the total, without counting as real. */
  normalRange: [number, number];
  /**
   * Roughly the counts the current period could have shown by chance alone if its rate were
   * the reference's: the reference scaled to the current length ± 1.96 standard deviations of
   * the difference of two Poisson counts. What a user means by "normal range".
   */
  chanceRange: [number, number];
  label: NoiseLabel;
};

/**
 * Are two event counts over periods of given lengths different beyond chance? The exact
 * conditional test for two Poisson counts, as R's `poisson.test(c(x1, x2), c(t1, t2))`:
 * given the total, the current count is Binomial(total, t1 ÷ (t1 + t2)).
 */
export function compareCounts(
  current: number,
  currentLength: number,
  reference: number,
  referenceLength: number,
): Result<CountComparison> {
  for (const [field, v] of [
    ['current', current],
    ['reference', reference],
  ] as const) {
    if (!Number.isFinite(v)) return fail('notFinite', field, v);
    if (v < 0) return fail('negativeCount', field, v);
    if (!Number.isInteger(v)) return fail('notACount', field, v);
  }
  for (const [field, v] of [
    ['currentLength', currentLength],
    ['referenceLength', referenceLength],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0) return fail('notFinite', field, v);
  }
  const total = current + reference;
  const p = currentLength / (currentLength + referenceLength);
  const rateRatio =
    reference === 0 ? null : current / currentLength / (reference / referenceLength);
  const pValue = binomialTestPValue(current, total, p);
  const normalRange = acceptanceInterval(total, p);
  const r = currentLength / referenceLength;
  const expected = r * reference;
  const spread = 1.959963984540054 * Math.sqrt(expected * (1 + r));
  const chanceRange: [number, number] = [
    Math.max(0, Math.ceil(expected - spread)),
    Math.floor(expected + spread),
  ];
  const label: NoiseLabel =
    total < MIN_TOTAL_COUNT ? 'tooLittleData' : pValue < ALPHA ? 'probablyReal' : 'couldBeChance';
  return ok({ rateRatio, pValue, normalRange, chanceRange, label });
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
