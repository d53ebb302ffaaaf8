import AxeBuilder from '@axe-core/playwright';
import { expect, ROUTES, test } from './fixtures';
import { openExample, seriousViolations } from './pages/plan';

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

// The main pages with the example plan's data in dark mode, on a laptop and on a phone, one
// test each (the languages alternate); and in light mode on a phone the pages no other spec
// checks at that width (the loop and wizard specs check theirs at 375 px).
const PLAN_PAGES = (id: string) => [
  '/',
  `/plan/wizard/focus?id=${id}&loop=2`,
  `/loops/loop?id=${id}&loop=2`,
  `/loops/numbers?id=${id}`,
  `/loops/dashboard?id=${id}&loop=2`,
  `/loops/report?id=${id}&loop=2`,
  '/settings',
  '/backup',
];
const SCREENS = [
  { colorScheme: 'dark', width: 1280, locale: 'en-GB', pages: PLAN_PAGES },
  { colorScheme: 'dark', width: 375, locale: 'nl-NL', pages: PLAN_PAGES },
  { colorScheme: 'light', width: 375, locale: 'en-GB', pages: () => ['/', '/settings', '/backup'] },
] as const;

for (const { colorScheme, width, locale, pages } of SCREENS) {
  test.describe(`axe in ${colorScheme} mode at ${width} px (${locale})`, () => {
    test.use({ colorScheme, locale, viewport: { width, height: 800 } });

    test('the main pages have no serious or critical violations', async ({ page }) => {
      test.slow();
      const id = await openExample(
        page,
        locale === 'nl-NL' ? 'Probeer met voorbeeldgegevens' : 'Try with example data',
      );
      for (const path of pages(id)) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // The scheme is really in use: the page's background follows it.
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        const sum = (background.match(/\d+/g) ?? []).slice(0, 3).reduce((a, b) => a + +b, 0);
        expect(sum < 3 * 64, `${path}: ${background}`).toBe(colorScheme === 'dark');
        expect(await seriousViolations(page), path).toEqual([]);
      }
    });
  });
}
