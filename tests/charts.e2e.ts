import { expect, test } from './fixtures';
import { openExample, seriousViolations, tabTo } from './pages/plan';

test.describe('charts a person can read (English)', () => {
  test.use({ locale: 'en-GB' });

  test('drawn as they near the viewport; tooltip by keyboard; shown as a table', async ({
    page,
  }) => {
    test.slow(); // axe over the whole dashboard
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/dashboard?id=${id}&loop=4`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 4: results');

    // The numbers render first; a chart far below waits for the scroll.
    const trend = page.getByRole('application', { name: /^Careers site visits per loop/ });
    await expect(trend).toBeAttached();
    await expect(page.locator('.chart').last()).toHaveClass(/\bpending\b/);

    await trend.scrollIntoViewIfNeeded();
    await expect(trend).toHaveAttribute('tabindex', '0'); // drawn

    // Keyboard: Tab reaches the chart; the arrow keys walk the loops and read each tooltip.
    await page.getByLabel('KPI over the loops').focus();
    await tabTo(page, trend, 5);
    const live = page.locator('[aria-live="polite"]').filter({ hasText: /\S/ });
    await page.keyboard.press('ArrowRight');
    await expect(live).toHaveText(/^Loop 1: Value: [\d,]+; Target: [\d,]+; Baseline: [\d,]+; C1 /);
    await page.keyboard.press('End');
    await expect(live).toHaveText(/^Loop 4: Value: [\d,]+; Target: [\d,]+; Baseline: [\d,]+; Δ1 /);
    await page.keyboard.press('ArrowLeft');
    await expect(live).toHaveText(/^Loop 3: /);
    // The key hint shows while the chart has the focus.
    await expect(page.getByText('← and →: value by value; Esc: close').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(live).toHaveCount(0);

    // The caption names the markers; it says nothing of a table while no table shows.
    const chart = page
      .locator('.chart')
      .filter({ has: page.locator('figcaption', { hasText: /^Careers site visits per loop/ }) });
    const caption = chart.locator('figcaption');
    await expect(caption).toHaveText(
      'Careers site visits per loop, with its target and the baseline. C: a campaign starts; Δ: the strategy changed during the loop.',
    );
    const table = page.getByRole('table', { name: /^Careers site visits per loop/ });
    await expect(table).not.toBeInViewport();

    // "Show as table", by keyboard: the table replaces the chart, with the events per loop.
    await page.keyboard.press('Tab');
    const toggle = chart.getByRole('button', { name: 'Show as table' });
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(chart.getByRole('button', { name: 'Show as chart' })).toBeFocused();
    await expect(trend).toHaveCount(0);
    await expect(table).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(6); // header, baseline, loops 1–4
    await expect(table.getByRole('row', { name: /^Loop 4 / })).toContainText('Δ1 change');
    await expect(caption).toHaveText(
      'Careers site visits per loop, with its target and the baseline.',
    );
    expect(await seriousViolations(page)).toEqual([]);

    // On paper: the table instead of the chart, one caption; other charts without their table.
    await page.emulateMedia({ media: 'print' });
    await expect(table).toBeVisible();
    await expect(table.locator('caption')).not.toBeInViewport();
    const pillar = page.locator('.chart').filter({
      has: page.getByRole('application', { name: /^Reach: this loop = 100/ }),
    });
    await expect(pillar.locator('canvas')).toBeVisible();
    await expect(pillar.getByRole('table')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await chart.getByRole('button', { name: 'Show as chart' }).press('Enter');
    await expect(trend).toBeVisible();
    await expect(table).not.toBeInViewport();
  });

  test('the funnel shows every step rate, legible on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/dashboard?id=${id}&loop=4`);
    const funnel = page.getByRole('region', { name: 'From reach to hire' });
    await funnel.scrollIntoViewIfNeeded();
    const steps = funnel.getByRole('listitem');
    await expect(steps).toHaveCount(5);
    await expect(steps.first()).toContainText('Unique people reached');
    for (let i = 1; i < 5; i++) {
      const rate = steps.nth(i).getByText(/^[\d.]+% of the step before$/);
      await expect(rate).toBeVisible();
      // Each rate is a bar on a 0–100 % track: at least a sliver, never past the track.
      const track = await steps.nth(i).locator('.track').boundingBox();
      const bar = await steps.nth(i).locator('.bar').boundingBox();
      expect(track?.width ?? 0).toBeGreaterThan(100);
      expect(bar?.width ?? 0).toBeGreaterThan(1);
      expect(bar?.width ?? 0).toBeLessThanOrEqual(track?.width ?? 0);
    }
    // Nothing runs off the phone's width.
    const box = await funnel.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
  });

  test('the report draws its charts at once, for paper', async ({ page }) => {
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/report?id=${id}&loop=4`);
    await expect(page.getByRole('article', { name: 'Results of loop 4' })).toBeVisible();
    const charts = page.locator('.chart');
    await expect(charts.first()).toBeAttached();
    // Eager: every chart is drawn without scrolling to it.
    await expect(page.locator('.chart.pending')).toHaveCount(0);
    await page.emulateMedia({ media: 'print' });
    await expect(charts.locator('canvas').last()).toBeVisible();
    // Each chart prints once, with one caption: no table beside it.
    await expect(charts.getByRole('table')).toHaveCount(0);
  });
});

test.describe('grafieken in het Nederlands', () => {
  test.use({ locale: 'nl-NL' });

  test('de 0-meting in loop 1 en de tabelknop', async ({ page }) => {
    const id = await openExample(page, 'Probeer met voorbeeldgegevens');
    await page.goto(`/loops/dashboard?id=${id}&loop=1`);
    const trend = page.getByRole('application', { name: /^Bezoeken werken-bij site per loop/ });
    await trend.scrollIntoViewIfNeeded();
    await expect(trend).toHaveAttribute('tabindex', '0'); // drawn
    await trend.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: /\S/ })).toHaveText(
      /^Loop 1: Waarde: [\d.]+; Doel: [\d.]+; 0-meting: [\d.]+/,
    );
    // Drawn across the whole plot, even with a single loop: a grey dotted row of pixels.
    const longestGreyRow = await trend.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return 0;
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let best = 0;
      for (let y = 0; y < height; y++) {
        let count = 0;
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const near = (v: number | undefined, w: number) => Math.abs((v ?? 0) - w) < 40;
          if (near(data[i], 79) && near(data[i + 1], 91) && near(data[i + 2], 86)) count++;
        }
        best = Math.max(best, count);
      }
      return best / width;
    });
    expect(longestGreyRow).toBeGreaterThan(0.3);

    const chart = page.locator('.chart').filter({ has: trend });
    await chart.getByRole('button', { name: 'Toon als tabel' }).click();
    await expect(
      page.getByRole('table', { name: /^Bezoeken werken-bij site per loop/ }).getByRole('row'),
    ).toHaveCount(3); // kop, 0-meting, loop 1
  });
});
