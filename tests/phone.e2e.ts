import { expect, test } from './fixtures';
import { openExample } from './pages/plan';

test.describe('on a phone (375 px)', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the numbers grid opens with the current loop in view', async ({ page }) => {
    const id = await openExample(page, 'Try with example data');
    // The loop of today, as the overview marks it.
    const current = page.locator('li[aria-current="true"]').getByRole('heading', { level: 2 });
    const name = (await current.innerText()).trim();
    expect(name).toMatch(/^Loop \d+$/);

    await page.goto(`/loops/numbers?id=${id}`);
    const grid = page.getByRole('region', { name: /numbers/i });
    const cell = grid.getByRole('textbox', { name: new RegExp(`, ${name}\\b`) }).first();
    await expect(cell).toBeVisible();
    // Fully inside the grid's visible part, beside (not under) the KPI names that stay put.
    const inView = await cell.evaluate((input) => {
      const region = input.closest('[role="region"]')!.getBoundingClientRect();
      const names = input.closest('tr')!.querySelector('th')!.getBoundingClientRect();
      const box = input.getBoundingClientRect();
      return box.left >= names.right && box.right <= region.right;
    });
    expect(inView).toBe(true);
    // The page itself never scrolls sideways.
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
  });

  for (const { locale, example, steps } of [
    {
      locale: 'en-GB',
      example: 'Try with example data',
      steps: ['Baseline', 'KPIs', 'Focus', 'Success', 'Expectations'],
    },
    {
      locale: 'nl-NL',
      example: 'Probeer met voorbeeldgegevens',
      steps: ['0-meting', 'KPI’s', 'Focus', 'Succes', 'Verwachtingen'],
    },
  ] as const) {
    test(`the wizard's stepper shows every step's name (${locale})`, async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({
        baseURL,
        locale,
        viewport: { width: 375, height: 800 },
      });
      const page = await context.newPage();
      const id = await openExample(page, example);
      await page.goto(`/plan/wizard/success?id=${id}&loop=1`);
      const stepper = page.getByRole('navigation', { name: /Five-step plan|Stappenplan/ });
      const box = await stepper.boundingBox();
      for (const name of steps) {
        const label = stepper.getByRole('link', { name: new RegExp(`^${name}`) }).getByText(name, {
          exact: true,
        });
        await expect(label).toBeVisible();
        // Shown in full on screen: not the one-pixel box of a screen-reader-only text, not cut.
        const shown = await label.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 16 && r.width + 1 >= el.scrollWidth && r.right <= window.innerWidth;
        });
        expect(shown, name).toBe(true);
      }
      // Compact: the five steps take at most two rows of touch-sized chips.
      expect(box!.height).toBeLessThan(2 * 48 + 8);
      await context.close();
    });
  }
});
