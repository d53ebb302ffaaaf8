import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExample, seriousViolations } from './pages/plan';

const FIXTURE = 'tests/fixtures/backups/v1-example.json';
const EXAMPLE = 'Example: De Linde Care Group';

type BackupJson = { format: string; data: { plans: { organisation: string }[] } };

/** Creates an empty plan through the form (a write that changes it last). */
async function createPlan(page: Page, organisation: string): Promise<void> {
  await page.goto('/plan/new');
  await page.getByLabel('Organisation').fill(organisation);
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page).toHaveURL(/wizard\/baseline/);
}

test.use({ locale: 'en-GB' });

test.describe('saving a backup to a file', () => {
  test('without File System Access the backup of all plans is downloaded, and the date shown', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    await openExample(page, 'Try with example data');
    await createPlan(page, 'Acme Care');
    await page.goto('/backup');
    await expect(page.getByText('Not saved to a file yet.')).toBeVisible();
    await expect(page.getByText(/cannot save to a file you choose/)).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save backup file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^talentloop-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const path = test.info().outputPath('saved.json');
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8')) as BackupJson;
    expect(file.format).toBe('talentloop-backup');
    expect(file.data.plans.map((p) => p.organisation).sort()).toEqual(['Acme Care', EXAMPLE]);

    const name = download.suggestedFilename();
    await expect(page.getByRole('status').filter({ hasText: 'All plans downloaded' })).toHaveText(
      `All plans downloaded as ${name}.`,
    );
    await expect(page.getByTestId('backup-file-last')).toHaveText(
      new RegExp(`^Last downloaded as ${name.replace(/\./g, '\\.')}: `),
    );
    // It counts as a backup for the reminder, like the download below it.
    await expect(page.getByText(/^Last backup: /)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await expect(page.getByTestId('backup-file-last')).toContainText(`Last downloaded as ${name}`);
  });

  test('a file chosen once gets the next backup in one click, after a reload', async ({ page }) => {
    // The save dialog cannot be driven in a headless browser: it answers with a file of the
    // origin's private file system, a real file handle that can be written and remembered.
    await page.addInitScript(() => {
      (window as { showSaveFilePicker?: unknown }).showSaveFilePicker = async () =>
        (await navigator.storage.getDirectory()).getFileHandle('chosen.json', { create: true });
    });
    const readChosen = () =>
      page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        const file = await (await root.getFileHandle('chosen.json')).getFile();
        return JSON.parse(await file.text()) as BackupJson;
      });

    await openExample(page, 'Try with example data');
    await page.goto('/backup');
    await expect(page.getByText(/Choose a file once/)).toBeVisible();
    await page.getByRole('button', { name: 'Save backup to a file…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'All plans saved' })).toHaveText(
      'All plans saved to chosen.json.',
    );
    expect((await readChosen()).data.plans.map((p) => p.organisation)).toEqual([EXAMPLE]);
    await expect(page.getByTestId('backup-file-last')).toContainText('Last saved to chosen.json: ');

    await createPlan(page, 'Acme Care');
    await page.goto('/backup');
    await page.getByRole('button', { name: 'Save to chosen.json' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'All plans saved' })).toBeVisible();
    const again = await readChosen();
    expect(again.data.plans.map((p) => p.organisation).sort()).toEqual(['Acme Care', EXAMPLE]);
    await expect(page.getByRole('button', { name: 'Choose another file…' })).toBeVisible();
  });
});

test('the installed app opens a backup file straight into the restore preview', async ({
  page,
}) => {
  const text = readFileSync(FIXTURE, 'utf8');
  // As Chromium does for a file opened with the installed app: the launch queue hands the
  // page a LaunchParams whose files give the file.
  await page.addInitScript((json) => {
    Object.defineProperty(window, 'launchQueue', {
      configurable: true,
      value: {
        setConsumer(consumer: (params: unknown) => void) {
          // Launched once: the reloads below are the user's own.
          if (sessionStorage.getItem('launched')) return;
          sessionStorage.setItem('launched', 'yes');
          consumer({
            targetURL: `${location.origin}/backup`,
            files: [
              {
                kind: 'file',
                name: 'talentloop-backup.json',
                getFile: async () =>
                  new File([json], 'talentloop-backup.json', { type: 'application/json' }),
              },
            ],
          });
        },
      },
    });
  }, text);
  await page.goto('/');
  await expect(page).toHaveURL(/\/backup$/);
  const preview = page.getByRole('table', { name: 'What the import does, plan by plan' });
  await expect(preview).toContainText(EXAMPLE);
  await expect(preview).toContainText('Added');
  await expect(page.getByText(/talentloop-backup\.json/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Your plans' })).toContainText(EXAMPLE);
});

test.describe('the notice about keeping the data', () => {
  /** Makes the browser answer `granted` to the request for persistent storage. */
  async function answer(page: Page, granted: boolean, vendor?: string) {
    await page.addInitScript(
      ({ granted, vendor }) => {
        const storage = navigator.storage;
        storage.persisted = async () => false;
        storage.persist = async () => {
          (window as { persistAsked?: boolean }).persistAsked = true;
          return granted;
        };
        if (vendor) Object.defineProperty(Navigator.prototype, 'vendor', { get: () => vendor });
      },
      { granted, vendor },
    );
  }
  const notice = (page: Page) => page.getByRole('complementary', { name: 'Keeping your data' });

  /** Waits until the browser was asked and the page had a frame to show the answer. */
  async function asked(page: Page) {
    await page.waitForFunction(() => (window as { persistAsked?: boolean }).persistAsked);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }

  test('a refusal after the first write is shown where the user works, and can be hidden', async ({
    page,
  }) => {
    await answer(page, false);
    await page.goto('/');
    await expect(notice(page)).toHaveCount(0);
    await openExample(page, 'Try with example data');
    await expect(notice(page)).toContainText('This browser did not agree to keep');
    await expect(notice(page)).toContainText('Install Talentloop as an app');
    expect(await seriousViolations(page)).toEqual([]);
    await notice(page).getByRole('link', { name: 'Save a backup file' }).click();
    await expect(page).toHaveURL(/\/backup$/);
    // On the backup page itself the notice does not link to it.
    await expect(notice(page).getByRole('link')).toHaveCount(0);

    await notice(page).getByRole('button', { name: 'Hide for 30 days' }).click();
    await expect(notice(page)).toHaveCount(0);
    const until = await page.evaluate(() => localStorage.getItem('talentloop.keepDataHiddenUntil'));
    const days = (Date.parse(until ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    // A later visit with a write asks again, and the answer stays hidden.
    await page.reload();
    await createPlan(page, 'Acme Care');
    await asked(page);
    await expect(notice(page)).toHaveCount(0);
  });

  test('a browser that keeps the data gets no notice', async ({ page }) => {
    await answer(page, true);
    await openExample(page, 'Try with example data');
    await createPlan(page, 'Acme Care');
    await asked(page);
    await expect(notice(page)).toHaveCount(0);
  });

  test('the first write being a restore asks too, and Safari gets its 7-day rule', async ({
    page,
  }) => {
    await answer(page, true, 'Apple Computer, Inc.');
    await page.goto('/backup');
    await expect(notice(page)).toHaveCount(0);
    await page.getByLabel('Choose a backup file').setInputFiles(FIXTURE);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toBeVisible();
    await asked(page);
    // Not on the page the user is working on (it would push it down), but on the next one.
    await expect(notice(page)).toHaveCount(0);
    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    await expect(notice(page)).toContainText('Safari deletes the data of a website');
    await expect(notice(page)).toContainText('Add to Home Screen');
  });
});

test('the Enter numbers shortcut opens the numbers of the plan changed last', async ({ page }) => {
  await openExample(page, 'Try with example data');
  await createPlan(page, 'Acme Care');
  const acme = new URL(page.url()).searchParams.get('id');
  await page.goto('/numbers');
  await expect(page).toHaveURL(`/loops/numbers?id=${acme}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Numbers' })).toBeVisible();
});

test('the manifest declares the file handler, launch handler, shortcuts and screenshots', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await request.get(href ?? '')).json()) as {
    id: string;
    start_url: string;
    file_handlers: { action: string; accept: Record<string, string[]> }[];
    launch_handler: { client_mode: string[] };
    shortcuts: { name: string; url: string }[];
    screenshots: { src: string; sizes: string; type: string; form_factor: string }[];
  };
  expect(manifest.id).toBe(manifest.start_url);
  expect(manifest.file_handlers).toEqual([
    { action: '/backup', accept: { 'application/json': ['.json'] } },
  ]);
  expect(manifest.launch_handler.client_mode[0]).toBe('focus-existing');
  expect(manifest.shortcuts.map((s) => [s.name, s.url])).toEqual([
    ['Enter numbers', '/numbers'],
    ['Backup', '/backup'],
  ]);
  for (const shortcut of manifest.shortcuts)
    expect((await request.get(shortcut.url)).ok(), shortcut.url).toBe(true);
  expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
  for (const shot of manifest.screenshots) {
    const image = await request.get(shot.src);
    expect(image.ok(), shot.src).toBe(true);
    const body = await image.body();
    expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
    const [width, height] = shot.sizes.split('x').map(Number);
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([width, height]);
    expect(body.length, `${shot.src} stays small`).toBeLessThan(80_000);
  }
});
