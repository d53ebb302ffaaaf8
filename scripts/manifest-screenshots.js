// Makes the screenshots the web manifest shows in the browser's install dialog: the example
// plan on a phone (narrow) and on a laptop (wide), from the built app. Made once and committed;
// run again when the app looks different: npm run build && node scripts/manifest-screenshots.js
// (then `pngquant --quality=70-90 --strip --force --output F F` on each keeps them small).
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4199);
const BASE = `http://localhost:${PORT}`;

const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(PORT)], {
  stdio: 'ignore',
});

/** Waits until the server answers (it starts in well under a second). */
async function ready() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no server on ${BASE}`);
}

try {
  await ready();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const shots = [
    { file: 'static/screenshots/loop-narrow.png', width: 390, height: 844, page: 'loop' },
    { file: 'static/screenshots/dashboard-wide.png', width: 1280, height: 800, page: 'dashboard' },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({
      baseURL: BASE,
      locale: 'en-GB',
      viewport: { width: shot.width, height: shot.height },
      serviceWorkers: 'block',
    });
    // The notice about keeping data (persistent storage is refused in a headless browser) is
    // not what the install dialog should show.
    await context.addInitScript(() =>
      localStorage.setItem('talentloop.keepDataHiddenUntil', '2999-01-01T00:00:00.000Z'),
    );
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Try with example data' }).click();
    await page.waitForURL(/\/loops\?id=/);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    if (shot.page === 'dashboard') {
      await page.goto(`/loops/dashboard?id=${id}&loop=5`);
      await page.locator('canvas').first().waitFor();
    } else {
      await page.goto(`/loops/loop?id=${id}&loop=6`);
    }
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot.file });
    console.log(`${shot.file}: ${shot.width}x${shot.height}`);
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}
