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
/** Once set, the whole site is served from this (another build), as after a deploy. */
let deploy:
  | ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void)
  | undefined;

test.beforeAll(async () => {
  const serve = sirv('build', { extensions: ['html'], single: '404.html', dev: true });
  const { readFile } = await import('node:fs/promises');
  server = createServer((req, res) => {
    if (deploy) return deploy(req, res);
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

test.describe('an old tab after an update accepted in another tab', () => {
  // A second build with other file names, served at the same origin from the moment it is
  // "deployed": the old build's files are gone from the server, as after a real deploy.
  const secondBuild = 'test-results/build-v2';
  let v2: ReturnType<typeof sirv> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
      env: { ...process.env, TALENTLOOP_BUILD_DIR: secondBuild, TALENTLOOP_APP_DIR: '_app2' },
      stdio: 'ignore',
    });
    v2 = sirv(secondBuild, { extensions: ['html'], single: '404.html', dev: true });
  });

  test.afterAll(() => {
    deploy = undefined;
  });

  test('says a newer version is active, keeps saving, and names the form a reload would discard', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    version = 1;
    deploy = undefined;
    await page.goto(`${origin}/`);
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    await page.getByRole('link', { name: 'Create your first plan' }).click();
    await page.getByLabel('Organisation').fill('Update BV');
    await page.getByLabel('First loop starts on').fill('2026-01-01');
    await page.getByRole('button', { name: 'Create plan and start' }).click();
    await expect(page).toHaveURL(/\/plan\/wizard\/baseline\?id=[\w-]+&loop=1$/);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    await page.goto(`${origin}/loops/loop?id=${id}&loop=1`);
    const strategy = page.getByRole('textbox', { name: 'The one strategy of this loop' });
    await expect(strategy).toBeEditable();
    const campaign = page.getByRole('form', { name: 'Add a campaign' }).getByLabel('Name', {
      exact: true,
    });
    await campaign.fill('Night-shift video');

    // The new build is deployed; another tab finds it and the user updates there.
    deploy = v2;
    const other = await context.newPage();
    await other.goto(`${origin}/settings`);
    const ready = other
      .getByRole('status')
      .filter({ hasText: 'A new version of Talentloop is ready.' });
    await other.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect(ready).toBeVisible({ timeout: 30_000 });
    await ready.getByRole('button', { name: 'Reload to update' }).click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Settings');

    // The old tab says so plainly…
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'A newer version of Talentloop is now active in another tab.' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    // …and still saves what is typed: the code a save needs was loaded with the plan.
    await strategy.fill('Typed in the old tab after the update.');
    await strategy.blur();
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

    // Reloading names the campaign form that was not added; keeping on editing keeps it.
    await notice.getByRole('button', { name: 'Reload to update' }).click();
    const warning = page.getByRole('status').filter({ hasText: 'Reloading now discards' });
    await expect(warning).toContainText('Add a campaign');
    await warning.getByRole('button', { name: 'Keep editing' }).click();
    await expect(campaign).toHaveValue('Night-shift video');

    await notice.getByRole('button', { name: 'Reload to update' }).click();
    page.on('dialog', (dialog) => void dialog.accept());
    await warning.getByRole('button', { name: 'Reload anyway' }).click();
    await expect(strategy).toHaveValue('Typed in the old tab after the update.');
    // Now the new build runs this tab too.
    expect(
      await page.evaluate(() =>
        [...document.scripts, ...document.querySelectorAll('link[rel="modulepreload"]')].some(
          (el) => (el.getAttribute('src') ?? el.getAttribute('href') ?? '').includes('/_app2/'),
        ),
      ),
    ).toBe(true);
  });
});
