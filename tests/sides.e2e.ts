import { expect, test } from './fixtures';

test.describe('brand-side KPIs are judged by their trend', () => {
  test.use({ locale: 'en-GB' });

  test('no verdict on one or two loops; a trend from three loops on', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Try with example data' }).click();
    await expect(page).toHaveURL(/\/loops\?id=[\w-]+$/);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    const card = (name: string) => page.getByRole('article', { name, exact: true });

    await page.goto(`/loops/dashboard?id=${id}&loop=2`);
    await expect(card('Impressions')).toContainText('Employer-brand side');
    await expect(card('Impressions')).toContainText(
      'Judged on its trend over at least three loops; only 2 so far',
    );
    // Recruitment-side KPIs are judged per loop and have no trend line.
    await expect(card('Hires')).toContainText('Recruitment side');
    await expect(card('Hires')).not.toContainText('Trend over loops');

    await page.goto(`/loops/dashboard?id=${id}&loop=6`);
    await expect(card('Talent pool: 1–3 interactions')).toContainText(
      'Rising over the last 6 loops',
    );
  });
});

test.describe('merkkant in het Nederlands', () => {
  test.use({ locale: 'nl-NL' });

  test('trend in plaats van een oordeel op één loop', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Probeer met voorbeeldgegevens' }).click();
    await expect(page).toHaveURL(/\/loops\?id=[\w-]+$/);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    await page.goto(`/loops/dashboard?id=${id}&loop=1`);
    await expect(page.getByRole('article', { name: 'Weergaven', exact: true })).toContainText(
      'nu pas 1, dus geen oordeel op één loop',
    );
  });
});
