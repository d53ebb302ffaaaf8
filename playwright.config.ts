import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

// E2E_PORT lets parallel work trees test side by side; CI uses the default.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Two cores run two browsers: a walk of many pages can take 20 s when both are busy.
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Recording a trace snapshots the page at every action, which doubled the time of long
    // walks. A failure still leaves a screenshot and the page's accessibility snapshot; for a
    // trace, run the failing test again with `npx playwright test <file> --trace on`.
    trace: 'off',
    screenshot: 'only-on-failure',
    // A service worker precaches the whole app in every fresh context, which slowed every test
    // on two cores. The specs about offline use and updates (offline, update, and the method
    // page's offline test) allow it; their guard also sees the worker's own requests.
    serviceWorkers: 'block',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node scripts/serve.js --port ${PORT}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
