// A large, valid backup file for the bench and the end-to-end test of a big restore: copies of
// the example plan (tests/fixtures/backups/v1-example.json), each with its own ids and six years
// of daily values for every KPI it measures, until the file has the size asked for. Like an
// agency's backup: several employers, years of numbers imported from analytics exports.
import { readFileSync } from 'node:fs';

const FIXTURE = new URL('../tests/fixtures/backups/v1-example.json', import.meta.url);
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2019, 0, 1);
const DAYS = 6 * 365;

/**
 * A value the grid accepts for a KPI of this unit (whole counts, percentages up to 100).
 * @param {string} unit
 * @param {number} seed
 */
function valueFor(unit, seed) {
  const n = (seed * 7919) % 1000;
  if (unit === 'count') return 20 + (n % 400);
  if (unit === 'percent') return (n % 1000) / 10;
  return Math.round(n * 3.7) / 10 + 1;
}

/**
 * The plan of the fixture with every id made unique to copy `copy` (references follow).
 * @param {any} plan
 * @param {number} copy
 */
function copyPlan(plan, copy) {
  /** @type {Map<string, string>} */
  const ids = new Map();
  const tag = `-${String(copy).padStart(4, '0')}`;
  ids.set(plan.id, plan.id.slice(0, 36 - tag.length) + tag);
  for (const [key, rows] of Object.entries(plan))
    if (Array.isArray(rows) && key !== 'kpis')
      for (const row of rows) ids.set(row.id, row.id.slice(0, 36 - tag.length) + tag);
  for (const kpi of plan.kpis) ids.set(kpi.id, kpi.id.slice(0, 36 - tag.length) + tag);
  const text = JSON.stringify(plan, (_key, value) =>
    typeof value === 'string' && ids.has(value) ? ids.get(value) : value,
  );
  const out = JSON.parse(text);
  out.organisation = `Employer ${copy + 1}`;
  out.example = false;
  return out;
}

/**
 * The text of a valid backup file of at least `bytes` bytes (compact JSON, like an export).
 * @param {number} bytes
 * @returns {{ text: string, plans: number, rows: number }}
 */
export function bigBackup(bytes) {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const [plan] = fixture.data.plans;
  const head = JSON.stringify({ ...fixture, data: { plans: [] } });
  /** @type {string[]} */
  const entries = [];
  let size = head.length;
  let rows = 0;
  for (let copy = 0; size < bytes; copy++) {
    const entry = copyPlan(plan, copy);
    const measured = entry.kpis.filter(
      (/** @type {any} */ kpi) => !['ratio', 'share'].includes(kpi.aggregation.kind),
    );
    for (let d = 0; d < DAYS; d++) {
      const date = new Date(FIRST_DAY + d * DAY).toISOString().slice(0, 10);
      measured.forEach((/** @type {any} */ kpi, /** @type {number} */ k) => {
        entry.measurements.push({
          id: `m-${copy}-${k}-${d}`,
          kpiId: kpi.id,
          start: date,
          end: date,
          value: valueFor(kpi.unit, d * 31 + k),
          source: 'analytics',
        });
      });
    }
    const text = JSON.stringify(entry);
    entries.push(text);
    size += text.length + 1;
    rows += 1;
    for (const value of Object.values(entry)) if (Array.isArray(value)) rows += value.length;
  }
  const text = head.replace('"plans":[]', `"plans":[${entries.join(',')}]`);
  return { text, plans: entries.length, rows };
}
