import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openExample, pasteInto, seriousViolations } from './pages/plan';

const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

test.describe('loops with the example plan (English)', () => {
  test.use({ locale: 'en-GB' });

  test('timeline, dashboard with trade-off and chance labels, references, charts and report', async ({
    page,
  }) => {
    test.slow();
    const id = await openExample(page, 'Try with example data');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Example:');
    await expect(page.getByRole('heading', { name: /^Loop \d$/ })).toHaveCount(7);
    await expect(page.locator('[aria-current="true"]')).toContainText(/Now, \d+ days? left/);

    // Loop 2 (focus reach): time on site fell, and that was expected.
    await page.getByRole('link', { name: 'Results of loop 2' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 2: results');
    await expect(card(page, 'Time on site')).toContainText('Expected trade-off');
    await expect(card(page, 'Time on site')).toContainText('Many first-time visitors');
    await expect(card(page, 'Unique people reached')).toContainText('Probably a real change');
    // The arrow shows the direction of the value only; better or worse is said in words:
    // cost per hire rose (▲) and that is worse, time on site fell (▼) and that is worse too.
    await expect(card(page, 'Cost per hire')).toContainText(/▲\s*\+€126\.52 \(\+17\.5%\)\s*worse/);
    await expect(card(page, 'Time on site')).toContainText(/▼\s*−0:17 \(−19\.3%\)\s*worse/);

    // Loop 3: a small change in hires could be chance; target status stays separate.
    await page.getByRole('link', { name: 'Loop 3 →' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 3: results');
    await expect(card(page, 'Hires')).toContainText('Could be chance');
    await expect(card(page, 'Hires')).toContainText('met');

    // The reference can be switched; the page says which period it is.
    await page.getByRole('radio', { name: 'The baseline' }).check();
    await expect(page).toHaveURL(/ref=baseline/);
    await expect(page.getByText(/Compared with the baseline, /)).toBeVisible();
    await page.getByRole('radio', { name: 'The same period last year' }).check();
    await expect(page.getByText(/Compared with the same period last year, /)).toBeVisible();
    await expect(card(page, 'Hires')).toContainText('no comparison');

    // Loop 4 had a strategy change during the loop: the scorecard says so once, not each card.
    await page.goto(`/loops/dashboard?id=${id}&loop=4`);
    await expect(page.getByRole('region', { name: 'At a glance' })).toContainText(
      'The strategy changed once during this loop',
    );
    await expect(card(page, 'Hires')).not.toContainText('strategy changed');

    // The funnel and the charts, each with its table for screen readers (made as they near
    // the viewport).
    await expect(page.getByRole('heading', { name: 'From reach to hire' })).toBeVisible();
    await expect(page.getByText(/^Cost per hire: €/)).toBeVisible();
    await page.locator('canvas').first().scrollIntoViewIfNeeded();
    await expect(page.locator('canvas').first()).toBeVisible();
    await expect(page.getByRole('table', { name: /Careers site visits per loop/ })).toBeAttached();
    await expect(
      page.getByRole('table', { name: /Careers site visits per loop/ }).getByRole('row'),
    ).toHaveCount(6); // header, baseline, loops 1–4
    expect(await seriousViolations(page)).toEqual([]);

    // The results report on paper.
    await page.getByRole('link', { name: 'Report' }).click();
    const report = page.getByRole('article', { name: 'Results of loop 4' });
    await expect(report).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(
      report.getByRole('region', { name: 'Every KPI' }).getByRole('row', { name: /^Hires/ }),
    ).toBeVisible();
    await expect(report.getByText('How did the target group react?')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Print report' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(0);
  });

  test('the work of a loop: strategy, a campaign and a change, kept after a reload', async ({
    page,
  }) => {
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/loop?id=${id}&loop=6`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Loop 6: strategy, campaigns and insights',
    );
    const strategy = page.getByLabel('The one strategy of this loop');
    await strategy.fill('Nurture the talent pool with monthly stories from the wards.');
    await strategy.blur();
    await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

    await page.getByLabel('Name', { exact: true }).fill('Open day October');
    await page.getByLabel('Channel').fill('Instagram');
    await page.getByLabel('Starts on').fill('2000-01-01');
    await page.getByLabel('Ends on').fill('1999-12-31');
    await page.getByRole('button', { name: 'Add campaign' }).click();
    await expect(
      page.getByText('Ends on: 1999-12-31 is outside the years a plan can span'),
    ).toBeVisible();
    const starts = await page.getByLabel('Starts on').getAttribute('min');
    await page.getByLabel('Starts on').fill(starts ?? '');
    await page.getByLabel('Ends on').fill(starts ?? '');
    await page.getByLabel('Budget').fill('1,250');
    await page.getByRole('button', { name: 'Add campaign' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Open day October' })).toContainText(
      '€1,250',
    );
    await page.getByRole('button', { name: 'Change campaign Open day October' }).click();
    await expect(page.getByLabel('Budget')).toHaveValue('1250');
    await page.getByLabel('Budget').fill('2,000');
    await page.getByRole('button', { name: 'Save campaign' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Open day October' })).toContainText(
      '€2,000',
    );
    await expect(page.getByRole('listitem').filter({ hasText: 'Open day October' })).toHaveCount(1);

    await page.getByLabel('Date', { exact: true }).fill('2000-02-02');
    await page.getByLabel('What changed').fill('Paused TikTok');
    await page.getByRole('button', { name: 'Log change' }).click();
    await expect(page.getByText('The date must lie within this loop.')).toBeVisible();
    await page.getByLabel('Date', { exact: true }).fill(starts ?? '');
    await page.getByRole('button', { name: 'Log change' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Paused TikTok' })).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('The one strategy of this loop')).toHaveValue(
      'Nurture the talent pool with monthly stories from the wards.',
    );
    await expect(page.getByRole('listitem').filter({ hasText: 'Open day October' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Paused TikTok' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // The change now weakens loop 6's comparison.
    await page.getByRole('link', { name: 'Results', exact: true }).click();
    await expect(page.getByRole('region', { name: 'At a glance' })).toContainText(
      'The strategy changed once during this loop',
    );
  });
});

test.describe('the numbers grid (Dutch)', () => {
  test.use({ locale: 'nl-NL' });

  test('type, move with the keyboard, paste a block with bad cells, and undo the paste', async ({
    page,
  }) => {
    // About 14 s alone (the example plan, then dozens of keystrokes and pastes): over the
    // default 30 s when two workers share two busy cores.
    test.slow();
    const id = await openExample(page, 'Probeer met voorbeeldgegevens');
    await page.goto(`/loops/numbers?id=${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cijfers');
    // A cell's name is its KPI and period, and its source when the number was not typed in.
    const cell = (kpi: string, period: string) =>
      page.getByRole('textbox', { name: new RegExp(`^${kpi}, ${period}( \\(bron: .*\\))?$`) });

    // Finer data is shown aggregated and cannot be typed over.
    await expect(page.getByRole('row', { name: /^Bezoeken werken-bij site/ })).toContainText(
      'uit fijnere gegevens, 100% gedekt',
    );

    const hires = cell('Hires', 'Loop 1');
    await expect(hires).toHaveValue('11');
    await hires.fill('1.200');
    await hires.press('Enter');
    await expect(cell('Marketinguitgaven', 'Loop 1')).toBeFocused();
    await expect(
      page.getByRole('status').filter({ hasText: 'Alle wijzigingen bewaard' }),
    ).toBeVisible();
    await page.keyboard.press('ArrowUp');
    await expect(hires).toBeFocused();
    await expect(hires).toHaveValue('1200');

    // A block: Dutch numbers, text in a number cell, a percentage over 100, one row too many.
    const before = await cell('Gestarte sollicitaties', 'Loop 2').inputValue();
    await pasteInto(
      cell('Gestarte sollicitaties', 'Loop 2'),
      '1.300\t1.400\nabc\t90\n5\t6\n1\t2\n3\t4\n150\t20\n7\t8\n9\t9\n',
    );
    const report = page.getByRole('status').filter({ hasText: 'Geplakt' });
    await expect(report).toContainText('Geplakt:');
    await expect(report).toContainText('Regel 2, cel 1 („abc”): cel: “abc” is geen getal');
    await expect(report).toContainText(
      'Regel 6, cel 1 („150”): cel: een percentage is hoogstens 100',
    );
    await expect(report).toContainText('Regel 7, cel 1 („7”): er is geen KPI voor deze regel');
    // Six KPIs from this row down: lines 7 and 8 have none; 10 cells saved, 6 refused.
    await expect(report).toContainText('Geplakt: 10 cellen bewaard, 6 geweigerd.');
    await expect(cell('Gestarte sollicitaties', 'Loop 2')).toHaveValue('1300');
    await expect(cell('Gestarte sollicitaties', 'Loop 3')).toHaveValue('1400');
    await expect(cell('Afgeronde sollicitaties', 'Loop 3')).toHaveValue('90');

    await page.getByRole('button', { name: 'Laatste keer plakken ongedaan maken' }).click();
    await expect(cell('Gestarte sollicitaties', 'Loop 2')).toHaveValue(before);
    await page.reload();
    await expect(cell('Gestarte sollicitaties', 'Loop 2')).toHaveValue(before);
    await expect(cell('Hires', 'Loop 1')).toHaveValue('1200');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a duration typed as 1:14 and pasted as 00:02:03 or 1 min 5 s, shown as m:ss', async ({
    page,
  }) => {
    test.slow();
    const id = await openExample(page, 'Probeer met voorbeeldgegevens');
    await page.goto(`/loops/numbers?id=${id}`);
    const cell = (period: string) =>
      page.getByRole('textbox', {
        name: new RegExp(`^Tijd op site, ${period}( \\(bron: .*\\))?$`),
      });

    // Stored in seconds, shown and typed as minutes and seconds.
    await expect(cell('Loop 1')).toHaveValue('1:28');
    await cell('Loop 1').fill('1:14');
    await cell('Loop 1').press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'Alle wijzigingen bewaard' }),
    ).toBeVisible();
    await expect(cell('Loop 1')).toHaveValue('1:14');

    // A duration that cannot be: the message says what is wrong, nothing is saved.
    await cell('Loop 2').fill('1:75');
    await cell('Loop 2').press('Enter');
    await expect(
      page.getByText('“1:75”: minuten en seconden na een dubbele punt lopen van 00 tot 59'),
    ).toBeVisible();
    await expect(cell('Loop 2')).toHaveAttribute('aria-invalid', 'true');

    // Pasted as analytics tools write them.
    await pasteInto(cell('Loop 2'), '00:02:03\t1 min 5 s\n');
    await expect(page.getByRole('status').filter({ hasText: 'Geplakt' })).toContainText(
      'Geplakt: 2 cellen bewaard, 0 geweigerd.',
    );
    await expect(cell('Loop 2')).toHaveValue('2:03');
    await expect(cell('Loop 3')).toHaveValue('1:05');

    await page.reload();
    await expect(cell('Loop 1')).toHaveValue('1:14');
    // The results show it the same way.
    await page.goto(`/loops/dashboard?id=${id}&loop=1`);
    await expect(card(page, 'Tijd op site')).toContainText('1:14');
  });

  // One test per width: five pages, each checked by axe, stay well within the time limit on a
  // busy machine.
  for (const width of [1280, 375]) {
    test(`every loop page is axe clean and fits ${width} px`, async ({ page }) => {
      test.slow();
      const id = await openExample(page, 'Probeer met voorbeeldgegevens');
      await page.setViewportSize({ width, height: 800 });
      for (const path of [
        `/loops?id=${id}`,
        `/loops/loop?id=${id}&loop=2`,
        `/loops/dashboard?id=${id}&loop=2`,
        `/loops/report?id=${id}&loop=2`,
        `/loops/numbers?id=${id}`,
      ]) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await seriousViolations(page), `${path} at ${width}`).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width}`).toBeLessThanOrEqual(0);
      }
    });
  }
});
