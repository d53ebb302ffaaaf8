import { expect, ROUTES, test } from './fixtures';

test.use({ locale: 'en-GB', serviceWorkers: 'allow' });

test('after one online visit every route renders with the network off', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plans');
  // The service worker precaches the whole app while installing, then takes control.
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await expect(page.getByText('Talentloop is ready to work offline.')).toBeVisible();

  await context.setOffline(true);
  for (const route of ROUTES) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.en);
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  // A deep link the precache does not know boots the app shell, which shows its own 404.
  await page.goto('/plans/unknown/deep-link');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await context.setOffline(false);
});

test('with the network off, a new plan can be created and its wizard walked and reloaded', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Create your first plan' }).click();
  await page.getByLabel('Organisation').fill('Offline BV');
  await page.getByRole('button', { name: 'Create plan and start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 1 of 5: Baseline');
  await page.getByRole('textbox', { name: 'Hires', exact: true }).fill('3');
  await page.getByRole('textbox', { name: 'Hires', exact: true }).blur();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Hires', exact: true })).toHaveValue('3');
  await page
    .getByRole('navigation', { name: 'Five-step plan' })
    .getByRole('link', { name: /^Expectations/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 5 of 5: Expectations');
  await context.setOffline(false);
});
