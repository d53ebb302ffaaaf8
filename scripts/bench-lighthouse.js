// The Lighthouse figures of `npm run bench`: the mobile preset (the default) on the first page,
// Settings, and, with the example plan in the browser's database, its dashboard and a wizard
// step. Lighthouse normally empties the origin's storage before it loads a page, which would
// take the plan away; for the plan pages it keeps the storage and empties the HTTP cache, the
// service worker and its caches instead, so each run still loads every file from the server.
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from './chromium.js';

/** Category targets from the issues: performance / accessibility / best practices. */
const TARGETS = { '/': 0.95, '/settings': 0.95, dashboard: 0.9, wizard: 0.95 };

/**
 * Creates the example plan as a user does (the home page's "Try with example data") in the
 * Chrome that Lighthouse drives, and returns its id and the loop of the dashboard to measure:
 * the last finished loop (the one before the loop marked as now).
 * @param {import('@playwright/test').Page} page
 * @param {string} origin
 */
async function seedExample(page, origin) {
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Try with example data' }).click();
  await page.waitForURL(/\/loops\?id=/);
  const id = new URL(page.url()).searchParams.get('id') ?? '';
  // Let the service worker finish its precache first: emptied while it installs, it would
  // fill its cache again and serve the measured page from there.
  await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker?.ready,
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]),
  );
  const now = await page.locator('[aria-current="true"]').first().textContent();
  const current = Number(/Loop (\d+)/.exec(now ?? '')?.[1] ?? 2);
  return { id, loop: Math.max(1, current - 1) };
}

/**
 * Empties everything a first visit would not have, except the plans: HTTP cache, service
 * workers and their caches, through the DevTools protocol.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} origin
 */
async function forgetAllButThePlans(context, origin) {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.clearBrowserCache');
  await session.send('Storage.clearDataForOrigin', {
    origin,
    storageTypes: 'service_workers,cache_storage',
  });
  await session.detach();
  await page.close();
}

/**
 * @param {string} executablePath
 * @param {string} origin
 * @param {(name: string, value: number, unit: string, note?: string) => void} print
 * @param {number} runs how many times each page is measured (each run printed)
 */
export async function benchLighthouse(executablePath, origin, print, runs = 1) {
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', ...CHROMIUM_ARGS],
  });
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const seedPage = await context.newPage();
    const { id, loop } = await seedExample(seedPage, origin);
    await seedPage.close();
    /** @type {{ name: keyof typeof TARGETS, path: string, keepPlans: boolean }[]} */
    // The plan pages first: a run that resets the storage takes the plan away.
    const routes = [
      { name: 'dashboard', path: `/loops/dashboard?id=${id}&loop=${loop}`, keepPlans: true },
      { name: 'wizard', path: `/plan/wizard/baseline?id=${id}&loop=1`, keepPlans: true },
      { name: '/', path: '/', keepPlans: false },
      { name: '/settings', path: '/settings', keepPlans: false },
    ];
    // LIGHTHOUSE_ROUTES=dashboard,wizard measures only those (names as printed).
    const only = process.env.LIGHTHOUSE_ROUTES?.split(',');
    for (const route of routes.filter((r) => !only || only.includes(r.name))) {
      for (let run = 1; run <= runs; run++) {
        if (route.keepPlans) await forgetAllButThePlans(context, origin);
        const result = await lighthouse(`${origin}${route.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          disableStorageReset: route.keepPlans,
        });
        if (!result) throw new Error('Lighthouse returned no result');
        // LIGHTHOUSE_JSON=dir keeps each full report, to look into a figure.
        if (process.env.LIGHTHOUSE_JSON)
          writeFileSync(
            `${process.env.LIGHTHOUSE_JSON}/${route.name.replace(/\W/g, '') || 'home'}-${run}.json`,
            JSON.stringify(result.lhr),
          );
        const { categories, audits } = result.lhr;
        // A measurement is only fair when every file came over the network.
        const cached =
          /** @type {{ items?: { transferSize?: number, resourceType?: string }[] }} */ (
            audits['network-requests']?.details ?? {}
          ).items?.filter((r) => r.resourceType === 'Script' && !r.transferSize).length;
        if (cached) console.log(`  warning: ${cached} scripts came from a cache`);
        const label = `lighthouse ${route.name}${runs > 1 ? ` #${run}` : ''}`;
        for (const [key, category] of Object.entries(categories))
          print(
            `${label} ${key}`,
            category.score ?? 0,
            'score',
            key === 'performance' ? `target ≥ ${TARGETS[route.name]}` : 'target 1',
          );
        const ms = (/** @type {string} */ audit) => Math.round(audits[audit]?.numericValue ?? 0);
        print(
          `${label} FCP / LCP / TBT`,
          ms('largest-contentful-paint'),
          'ms LCP',
          `FCP ${ms('first-contentful-paint')} ms, TBT ${ms('total-blocking-time')} ms, CLS ${
            Math.round((audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000
          }`,
        );
        for (const [key, category] of Object.entries(categories)) {
          if ((category.score ?? 0) < 1) {
            const failing = category.auditRefs
              .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
              .map((ref) => `${ref.id}=${audits[ref.id]?.score}`);
            if (failing.length) console.log(`  ${key} below 1: ${failing.join(', ')}`);
          }
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    chrome.kill();
  }
}
