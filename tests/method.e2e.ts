import { expect, test } from './fixtures';
import { seriousViolations } from './pages/plan';

const PATH = '/how-talentloop-decides';

/** The anchors verdict cards link to (METHOD_SECTIONS in src/lib/nav/links.ts), in page order. */
const SECTIONS = [
  'labels',
  'events',
  'volumes',
  'rates',
  'means',
  'uniques',
  'range',
  'lengths',
  'finer',
  'many',
  'running',
  'trend',
  'money',
] as const;

const LANGUAGES = [
  {
    locale: 'en-GB',
    title: 'How Talentloop decides',
    toc: 'On this page',
    trend: 'Employer brand trends',
    answer: 'Probably a real change',
  },
  {
    locale: 'nl-NL',
    title: 'Hoe Talentloop beslist',
    toc: 'Op deze pagina',
    trend: 'Trends in het werkgeversmerk',
    answer: 'Waarschijnlijk een echte verandering',
  },
] as const;

for (const lang of LANGUAGES) {
  test.describe(lang.locale, () => {
    test.use({ locale: lang.locale });

    test('every section has its heading and anchor, listed in the contents, and opens at an anchor', async ({
      page,
    }) => {
      await page.goto(PATH);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang.title);
      await expect(page).toHaveTitle(`${lang.title} · Talentloop`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang.locale.slice(0, 2));

      const contents = page.getByRole('navigation', { name: lang.toc });
      await expect(contents.getByRole('link')).toHaveCount(SECTIONS.length);
      const headings = page.getByRole('main').locator('section h2');
      await expect(headings).toHaveCount(SECTIONS.length);
      for (const [index, id] of SECTIONS.entries()) {
        const heading = headings.nth(index);
        await expect(heading).toHaveAttribute('id', id);
        const text = (await heading.textContent())?.trim() ?? '';
        expect(text, `heading of #${id}`).not.toBe('');
        expect(text, `heading of #${id} is translated`).not.toContain('method.');
        await expect(contents.getByRole('link').nth(index)).toHaveText(text);
        await expect(contents.getByRole('link').nth(index)).toHaveAttribute('href', `#${id}`);
      }
      await expect(page.getByRole('heading', { level: 2, name: lang.trend })).toBeVisible();
      // The answers are named exactly as the dashboard names them.
      await expect(page.getByRole('term').filter({ hasText: lang.answer })).toBeVisible();
      await expect(page.getByText(/^(method|noise)\./)).toHaveCount(0);

      expect(await seriousViolations(page)).toEqual([]);

      // A link with an anchor opens the page at that section.
      for (const id of ['trend', 'money', 'events'] as const) {
        await page.goto(`${PATH}#${id}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang.title);
        await expect(page.locator(`h2#${id}`)).toBeInViewport();
      }
    });
  });
}

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('the contents work from the keyboard, and the footer of every page links here', async ({
    page,
  }) => {
    await page.goto(PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How Talentloop decides');
    const target = page.getByRole('link', { name: 'Many KPIs at once' });
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#many$/);
    await expect(page.locator('h2#many')).toBeInViewport();

    // Every page links to it from the footer.
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'How Talentloop decides' })
      .click();
    await expect(page).toHaveURL(PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How Talentloop decides');
  });

  test('it reads at 360 px without sideways scrolling, and prints without the contents', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(PATH);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How Talentloop decides');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.locator('h2#money')).toBeVisible();
  });

  test.describe('offline', () => {
    test.use({ serviceWorkers: 'allow' });
    test('it opens with the network off after one visit to the app', async ({ page, context }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plans');
      await page.waitForFunction(async () => {
        await navigator.serviceWorker.ready;
        return navigator.serviceWorker.controller !== null;
      });
      await context.setOffline(true);
      await page.goto(`${PATH}#running`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('How Talentloop decides');
      await expect(page.locator('h2#running')).toHaveText('A loop that is still running');
      await context.setOffline(false);
    });
  });
});
