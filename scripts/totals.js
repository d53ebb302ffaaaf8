// Prints one line with the totals of every test suite that ran: `N passed, N failed`
// (`, N skipped` when any were). Reads the JSON reports Vitest and Playwright write to
// reports/. Usage: node scripts/totals.js [exit status of the test command]
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const seen = [];

/** @param {string} path */
function read(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const unit = read('reports/unit.json');
if (unit) {
  seen.push('unit');
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}

const e2e = read('reports/e2e.json');
if (e2e?.stats) {
  seen.push('e2e');
  passed += e2e.stats.expected ?? 0;
  failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
  skipped += e2e.stats.skipped ?? 0;
}

// A gate that stopped the run before or between suites (typecheck, lint, build) is a failure
// too, even when every test that ran passed.
if (status !== 0 && failed === 0) {
  console.log(
    `The test command failed (exit ${status}) outside the test suites (${seen.join(', ') || 'none ran'}).`,
  );
  failed = 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
