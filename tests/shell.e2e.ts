import { expect, ROUTES, test } from './fixtures';

test.describe('first visit in English', () => {
  test.use({ locale: 'en-US' });

  test('shows the shell in English with a title per page', async ({ page }) => {
    for (const route of ROUTES) {
      await page.goto(route.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.en);
      await expect(page).toHaveTitle(`${route.en} · Talentloop`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    }
  });

  test('the language switch persists across a reload', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plans');
    await page.getByLabel('Language').selectOption('nl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
    await expect(page.getByRole('link', { name: 'Instellingen' })).toBeVisible();
    await page.getByLabel('Taal').selectOption('en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plans');
  });

  test('marks the current area in the navigation', async ({ page }) => {
    await page.goto('/settings');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Settings' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await nav.getByRole('link', { name: 'Plans' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(nav.getByRole('link', { name: 'Plans' })).toHaveAttribute('aria-current', 'page');
    // A plan's loops belong to Plans: there is no second area for them.
    await expect(nav.getByRole('link')).toHaveCount(3);
    await expect(nav.getByRole('link', { name: 'Settings' })).not.toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('focus is visible on keyboard navigation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plans');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  test('an unknown path shows a not-found page inside the app', async ({ page }) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to your plans' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plans');
  });

  test('fits a 360 px wide screen without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const route of ROUTES) {
      await page.goto(route.path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow on ${route.path}`).toBeLessThanOrEqual(0);
    }
  });

  test('on paper there is no navigation and no buttons', async ({ page }) => {
    await page.goto('/settings');
    await expect(page.getByLabel('Default currency for new plans')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('button:visible, select:visible')).toHaveCount(0);
  });

  test('serves a Content-Security-Policy with default-src self on every page', async ({ page }) => {
    for (const route of ROUTES) {
      await page.goto(route.path);
      const csp = await page
        .locator('meta[http-equiv="content-security-policy"]')
        .getAttribute('content');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  test('the server sends the hosting headers of _headers: no framing, no sniffing', async ({
    page,
  }) => {
    for (const path of ['/', '/settings', '/loops/dashboard?id=x&loop=1']) {
      const response = await page.goto(path);
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy'], path).toBe("frame-ancestors 'none'");
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
    }
  });
});

test.describe('first visit in Dutch', () => {
  test.use({ locale: 'nl-BE' });

  test('shows the shell in Dutch for any nl* browser language', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
    await expect(page).toHaveTitle('Plannen · Talentloop');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  });
});

test.describe('first visit in another language', () => {
  test.use({ locale: 'de-DE' });

  test('falls back to English', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plans');
  });
});

test.describe('switching language without the network', () => {
  test.use({ locale: 'en-GB' });

  test('a language whose words cannot be loaded is said so, and the language shown stays', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    // From now on no more code arrives (offline, or the files of an old version are gone).
    await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
    const language = page.getByLabel('Language');
    await language.selectOption('nl');
    await expect(page.getByRole('alert')).toHaveText(
      'The other language could not be loaded. Check the connection, or reload the page.',
    );
    await expect(language).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.unroute('**/_app/immutable/**/*.js');
    await page.reload();
    await expect(page.getByLabel('Language')).toHaveValue('en');
  });
});
