import AxeBuilder from '@axe-core/playwright';
import { expect, ROUTES, test } from './fixtures';

for (const locale of ['en-GB', 'nl-NL'] as const) {
  test.describe(`axe (${locale})`, () => {
    test.use({ locale });
    for (const route of ROUTES) {
      test(`${route.path} has no serious or critical violations`, async ({ page }) => {
        await page.goto(route.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          locale === 'nl-NL' ? route.nl : route.en,
        );
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious).toEqual([]);
      });
    }
  });
}
