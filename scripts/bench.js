// `npm run bench`: the figures the issues ask for, measured on the production build served
// statically. Builds first unless --no-build is given. Prints one line per figure and writes
// bench-results/latest.json so runs can be compared.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { benchDashboard, benchOpenPlan } from './bench-dashboard.js';
import { benchBackup, benchBackupCheck } from './bench-backup.js';
import { benchImport } from './bench-import.js';
import { benchLighthouse } from './bench-lighthouse.js';
import { onDiskProfiles } from './bench-profile.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

// BENCH_PORT lets work trees measure side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4174);
// `--lighthouse-only`: skip the domain, first-page, dashboard, backup and import figures.
const lighthouseOnly = process.argv.includes('--lighthouse-only');
// `--backup-only`: only the backup figures (export, import, and checking a 50 MB backup).
const backupOnly = process.argv.includes('--backup-only');
// `--plan-only`: only the figures of big plans in IndexedDB (dashboard, open plan, grid).
const planOnly = process.argv.includes('--plan-only');
// `--no-lighthouse`: every figure but Lighthouse's (a quicker run).
const noLighthouse = process.argv.includes('--no-lighthouse');
const ORIGIN = `http://localhost:${PORT}`;
const BUDGET_FIRST_PAGE_KB = 80;
/** @type {Record<string, number>} */
const figures = {};

/** @param {string} name @param {number} value @param {string} unit @param {string} [note] */
function print(name, value, unit, note = '') {
  figures[name] = value;
  console.log(`${name.padEnd(44)} ${String(value).padStart(10)} ${unit}${note ? `  ${note}` : ''}`);
}

// 0. The pure domain, in Node: all verdicts of a large plan (vitest bench, bench/*.bench.ts).
mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
if (!lighthouseOnly && !backupOnly && !planOnly) benchDomain();

if (!process.argv.includes('--no-build')) {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found; run `node scripts/ensure-chromium.js` first.');
  process.exit(1);
}

const server = spawn('node', ['scripts/serve.js', '--port', String(PORT)], { stdio: 'ignore' });
try {
  await waitForServer();

  if (backupOnly) await benchBackups(executablePath);
  else if (planOnly) await benchPlans(executablePath);
  else if (!lighthouseOnly) await benchPages(executablePath);

  // 2. Lighthouse, mobile preset (the default): the first page, Settings, and the example
  //    plan's dashboard and a wizard step. `--lighthouse-runs N` measures each N times.
  const runsArg = process.argv.indexOf('--lighthouse-runs');
  if (!backupOnly && !planOnly && !noLighthouse)
    await benchLighthouse(
      executablePath,
      ORIGIN,
      print,
      runsArg > -1 ? Number(process.argv[runsArg + 1]) || 1 : 1,
    );
} finally {
  server.kill();
}

writeFileSync(
  new URL('../bench-results/latest.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), figures }, null, 2),
);

async function waitForServer() {
  for (let i = 0; i < 50; i++) {
    try {
      const response = await fetch(`${ORIGIN}/`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the static server did not start');
}

/** The domain figures: vitest bench in Node, one line per benchmark. */
function benchDomain() {
  const domainJson = new URL('../bench-results/domain.json', import.meta.url).pathname;
  execFileSync(
    'npx',
    ['vitest', 'bench', '--run', '--config', 'vitest.bench.config.ts', '--outputJson', domainJson],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (const file of JSON.parse(readFileSync(domainJson, 'utf8')).files) {
    for (const group of file.groups) {
      for (const b of group.benchmarks) {
        // "1,000 × compareCounts …" runs the call 1,000 times: its mean in ms is µs per call.
        const perCall = b.name.match(/^1,000 × (.*)$/);
        if (perCall)
          print(
            `${perCall[1]} (per call)`,
            Math.round(b.mean * 100) / 100,
            'µs',
            `budget ≤ 1,000 µs; p99 ${Math.round(b.p99 * 100) / 100} µs, ${b.sampleCount} runs`,
          );
        else
          print(
            `${b.name} (mean)`,
            Math.round(b.mean * 10) / 10,
            'ms',
            `budget ≤ 50 ms; p75 ${Math.round(b.p75)} ms, ${b.sampleCount} runs`,
          );
      }
    }
  }
}

/**
 * The first page's JavaScript, then the dashboard, backup and import figures, in Playwright's
 * Chromium.
 * @param {string} executablePath
 */
async function benchPages(executablePath) {
  // 1. JavaScript the first page really loads (including what it imports at start-up),
  //    gzip-compressed from the built files: for a new user (empty device) and for a
  //    returning user whose plans the page lists.
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const seeded = await browser.newContext({ serviceWorkers: 'block' });
  const seed = await seeded.newPage();
  await seed.goto(`${ORIGIN}/plan/new`);
  await seed.getByLabel('Organisation').fill('Bench BV');
  await seed.getByRole('button', { name: 'Create plan and start' }).click();
  await seed.waitForURL(/wizard\/baseline/);
  const returning = await seeded.storageState({ indexedDB: true });
  await seeded.close();
  /** @type {Set<string>} */
  const firstPageScripts = new Set();
  for (const [who, state] of /** @type {const} */ ([
    ['new user', undefined],
    ['returning user', returning],
  ])) {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      locale: 'en-GB',
      ...(state ? { storageState: state } : {}),
    });
    const page = await context.newPage();
    const scripts = new Set();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
    });
    await page.goto(`${ORIGIN}/`, { waitUntil: 'networkidle' });
    if (state) await page.getByRole('link', { name: 'Bench BV' }).waitFor();
    await context.close();
    for (const path of scripts) firstPageScripts.add(path);
    let gzipBytes = 0;
    let rawBytes = 0;
    const largest = [];
    for (const path of scripts) {
      const body = readFileSync(new URL(`../build${path}`, import.meta.url));
      const gz = gzipSync(body, { level: 9 }).length;
      rawBytes += body.length;
      gzipBytes += gz;
      largest.push({ path, gz, what: /Dexie/.test(body.toString()) ? 'dexie' : '' });
    }
    const kb = Math.round((gzipBytes / 1024) * 10) / 10;
    print(
      `first page JavaScript, ${who} (gzip)`,
      kb,
      'KB',
      `budget ≤ ${BUDGET_FIRST_PAGE_KB} KB, ${scripts.size} files, ${Math.round(rawBytes / 1024)} KB raw`,
    );
    largest.sort((a, b) => b.gz - a.gz);
    console.log(
      `  largest: ${largest
        .slice(0, 4)
        .map(
          (f) =>
            `${(f.gz / 1024).toFixed(1)} KB ${f.path.split('/').pop()}${f.what ? ` (${f.what})` : ''}`,
        )
        .join(', ')}`,
    );
  }
  // The IndexedDB figures in profiles on disk, as users' browsers keep their data.
  const profiles = onDiskProfiles(executablePath);
  await benchDashboard(profiles, ORIGIN, firstPageScripts, print);
  await benchOpenPlan(profiles, ORIGIN, print);
  await benchBackup(profiles, ORIGIN, print);
  await benchBackupCheck(browser, ORIGIN, print);
  await benchImport(profiles, ORIGIN, print);
  await browser.close();
}

/**
 * The backup figures alone (`--backup-only`).
 * @param {string} executablePath
 */
async function benchBackups(executablePath) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  await benchBackup(onDiskProfiles(executablePath), ORIGIN, print);
  await benchBackupCheck(browser, ORIGIN, print);
  await browser.close();
}

/**
 * The figures of big plans alone (`--plan-only`): dashboard, opening a plan, its grid.
 * @param {string} executablePath
 */
async function benchPlans(executablePath) {
  const profiles = onDiskProfiles(executablePath);
  await benchDashboard(profiles, ORIGIN, new Set(), print);
  await benchOpenPlan(profiles, ORIGIN, print);
}
