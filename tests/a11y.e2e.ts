import { expect, ROUTES, test } from './fixtures';
import { openExample, seriousViolations } from './pages/plan';

// Every route in light mode at the default width, one test per language (a new browser
// context per route cost more than the checks).
for (const locale of ['en-GB', 'nl-NL'] as const) {
  test.describe(`axe (${locale})`, () => {
    test.use({ locale });
    test('every route has no serious or critical violations', async ({ page }) => {
      for (const route of ROUTES) {
        await page.goto(route.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          locale === 'nl-NL' ? route.nl : route.en,
        );
        expect(await seriousViolations(page), route.path).toEqual([]);
      }
    });
  });
}

// The main pages with the example plan's data in dark mode, on a laptop and on a phone (the
// languages alternate); and in light mode on a phone the pages no other spec checks at that
// width (the loop and wizard specs check theirs at 375 px). A few pages per test, each checked
// by axe, keep every test within the time limit on a busy machine.
type Group = { name: string; pages: (id: string) => string[] };
const PLAN: Group = {
  name: 'plans, wizard, settings and backup',
  pages: (id) => ['/', `/plan/wizard/focus?id=${id}&loop=2`, '/settings', '/backup'],
};
const WORK: Group = {
  name: 'loop work and numbers',
  pages: (id) => [`/loops/loop?id=${id}&loop=2`, `/loops/numbers?id=${id}`],
};
const RESULTS: Group = {
  name: 'results and report',
  pages: (id) => [`/loops/dashboard?id=${id}&loop=2`, `/loops/report?id=${id}&loop=2`],
};
const SCREENS = [
  { colorScheme: 'dark', width: 1280, locale: 'en-GB', groups: [PLAN, WORK, RESULTS] },
  { colorScheme: 'dark', width: 375, locale: 'nl-NL', groups: [PLAN, WORK, RESULTS] },
  {
    colorScheme: 'light',
    width: 375,
    locale: 'en-GB',
    groups: [{ name: 'plans, settings and backup', pages: () => ['/', '/settings', '/backup'] }],
  },
] as const;

for (const { colorScheme, width, locale, groups } of SCREENS) {
  test.describe(`axe in ${colorScheme} mode at ${width} px (${locale})`, () => {
    test.use({ colorScheme, locale, viewport: { width, height: 800 } });

    for (const group of groups) {
      test(`${group.name} have no serious or critical violations`, async ({ page }) => {
        test.slow();
        const id = await openExample(
          page,
          locale === 'nl-NL' ? 'Probeer met voorbeeldgegevens' : 'Try with example data',
        );
        for (const path of group.pages(id)) {
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
    }
  });
}
