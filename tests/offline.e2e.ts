import { expect, ROUTES, test } from './fixtures';

test.use({ locale: 'en-GB' });

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
