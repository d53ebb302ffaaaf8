import { expect, test } from './fixtures';
import { openExample } from './pages/plan';

test.describe('hovering a link (English)', () => {
  test.use({ locale: 'en-GB' });

  test('to another loop leaves the page on view as it is', async ({ page }) => {
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/dashboard?id=${id}&loop=2`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 2: results');
    // A data preload opened loop 3 in the plan session, and this page showed "Loading…".
    await page.getByRole('link', { name: 'Loop 3 →' }).hover();
    await page.waitForTimeout(500); // SvelteKit preloads after a short hover
    await expect(page.getByText('Loading…')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 2: results');
    await page.getByRole('link', { name: 'Loop 3 →' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 3: results');
    await page.getByRole('link', { name: 'Loop 4 →' }).hover();
    await page.waitForTimeout(500);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 3: results');
  });
});
