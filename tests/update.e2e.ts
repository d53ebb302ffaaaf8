import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { expect, test } from './fixtures';

/**
 * Its own server on its own origin: the same build, except that `sw.js` can be switched to
 * a "new version" (same code plus a marker), as after a deploy.
 */
let origin = '';
let server: Server;
let version = 1;

test.beforeAll(async () => {
  const serve = sirv('build', { extensions: ['html'], single: '404.html', dev: true });
  const { readFile } = await import('node:fs/promises');
  server = createServer((req, res) => {
    if (req.url === '/sw.js' && version > 1) {
      void readFile('build/sw.js', 'utf8').then((body) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-cache' });
        res.end(`${body}\n// version ${version}\n`);
      });
      return;
    }
    serve(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test.use({
  locale: 'en-GB',
  serviceWorkers: 'allow',
  ownOrigin: async ({}, use) => {
    await use(origin);
  },
});

test('a waiting new version is offered in a banner and never reloads by itself', async ({
  page,
}) => {
  version = 1;
  await page.goto(`${origin}/settings`);
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  const currency = page.getByLabel('Default currency for new plans');
  await expect(currency).toBeEnabled();

  // The user is typing when the new version arrives.
  await currency.fill('GB');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  version = 2;
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const banner = page
    .getByRole('status')
    .filter({ hasText: 'A new version of Talentloop is ready.' });
  await expect(banner).toBeVisible();
  // Nothing reloads on its own: the half-typed value and the page's state are still there.
  await page.waitForTimeout(1500);
  await expect(currency).toHaveValue('GB');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  // "Later" puts it away; the user stays where they were.
  await banner.getByRole('button', { name: 'Later' }).click();
  await expect(banner).toBeHidden();
  await expect(currency).toHaveValue('GB');

  // On the next visit the waiting version is offered again; the user's click applies it.
  await page.reload();
  await expect(banner).toBeVisible();
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 2));
  await banner.getByRole('button', { name: 'Reload to update' }).click();
  await page.waitForFunction(() => !(window as unknown as { marker?: number }).marker);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(banner).toBeHidden();
  const waiting = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.waiting ?? null;
  });
  expect(waiting).toBeNull();
});
