import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExample } from './pages/plan';
import { contrastOnWhite, textColours } from './pdf';

/** The page's background as the screen shows it: true when it is a dark colour. */
async function looksDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? [])
      .slice(0, 3)
      .map(Number);
    return (r ?? 255) + (g ?? 255) + (b ?? 255) < 3 * 64;
  });
}

/** Text on the page whose colour does not read on white paper (below 4.5:1). */
async function faintText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faint: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!text || !el.getClientRects().length) continue;
      const color = getComputedStyle(el).color;
      const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      if (1.05 / (luminance + 0.05) < 4.5) faint.push(`${el.tagName}: ${color}`);
    }
    return faint;
  });
}

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark', locale: 'en-GB' });

  test('the results report and the expectations summary print black on white', async ({
    page,
    context,
  }) => {
    test.slow();
    const id = await openExample(page, 'Try with example data');
    for (const path of [
      `/loops/report?id=${id}&loop=2`,
      `/plan/wizard/expectations?id=${id}&loop=2`,
    ]) {
      // A page of its own per document, printed before its media is switched: Chromium's
      // renderer hung (emulateMedia never returned) when print media was emulated, a PDF made,
      // and the page with its charts switched back to screen (about 1 in 30 tries, both
      // cores busy). A user's print dialog does not emulate media.
      const tab = await context.newPage();
      await tab.goto(path);
      await expect(tab.getByRole('article')).toBeVisible();
      expect(await looksDark(tab), `${path} on screen`).toBe(true);

      const pages = await textColours(await tab.pdf({ format: 'A4' }));
      expect(pages.length).toBeGreaterThan(0);
      for (const colours of pages) {
        expect(colours.length).toBeGreaterThan(0);
        // Every text colour reads on white paper (WCAG AA), as in light mode.
        for (const colour of colours)
          expect(contrastOnWhite(colour), `${path}: text in ${colour}`).toBeGreaterThanOrEqual(4.5);
      }

      await tab.emulateMedia({ media: 'print' });
      expect(await looksDark(tab), `${path} on paper`).toBe(false);
      expect(await faintText(tab), `${path} on paper`).toEqual([]);
      await tab.close();
    }
  });

  test('charts keep their light panel on a dark page', async ({ page }) => {
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/dashboard?id=${id}&loop=2`);
    const figure = page
      .locator('figure')
      .filter({ has: page.locator('canvas') })
      .first();
    await figure.scrollIntoViewIfNeeded();
    expect(await looksDark(page)).toBe(true);
    expect(await figure.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    expect(
      await figure.locator('canvas').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(255, 255, 255)');
  });
});
