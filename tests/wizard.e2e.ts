import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createPlan, pasteInto, seriousViolations, step, tabTo } from './pages/plan';

const EN = {
  create: 'Create your first plan',
  organisation: 'Organisation',
  submit: 'Create plan and start',
};
const NL = {
  create: 'Maak je eerste plan',
  organisation: 'Organisatie',
  submit: 'Plan maken en beginnen',
};

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** Waits until the quiet autosave state says everything is stored. */
async function saved(page: Page, text: RegExp): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

test.describe('the wizard in English, keyboard only', () => {
  test.use({ locale: 'en-GB' });

  test('a new user walks all five steps without a mouse', async ({ page }) => {
    // A long walk of a few hundred key presses: it needs more than the default 30 s.
    test.slow();
    await page.goto('/');
    await tabTo(page, page.getByRole('link', { name: EN.create }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Organisation'));
    await page.keyboard.type('Acme Care');
    await tabTo(page, page.getByRole('button', { name: EN.submit }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/wizard\/baseline/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 1 of 5: Baseline');

    // Baseline: English notation, an invalid value refused inline, one value unknown.
    const values: [string, string][] = [
      ['Unique people reached', '12,000'],
      ['Careers site visits', '3,400'],
      ['Time on site', '95.5'],
      ['Applications started', '120'],
      ['Applications completed', 'eighty'],
    ];
    for (const [name, value] of values) {
      await tabTo(page, field(page, name));
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Tab');
    await expect(page.getByText('Applications completed: “eighty” is not a number')).toBeVisible();
    await tabTo(page, field(page, 'Applications completed'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1.200,5');
    await page.keyboard.press('Tab');
    await expect(page.getByText(/use a point for decimals/)).toBeVisible();
    await tabTo(page, field(page, 'Applications completed'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('80');
    await tabTo(page, page.getByRole('checkbox', { name: 'Unknown (Hires)' }));
    await page.keyboard.press('Space');
    await saved(page, /All changes saved/);
    await expect(field(page, 'Hires')).toBeDisabled();
    await expect(step(page, /Baseline.*Done/)).toBeVisible();

    // KPIs: add one from the catalog.
    await tabTo(page, page.getByRole('link', { name: 'KPIs →' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 2 of 5: KPIs');
    const returning = page.getByRole('checkbox', { name: 'Returning visitors' });
    await tabTo(page, returning);
    await page.keyboard.press('Space');
    await expect(returning).toBeChecked();
    await expect(page.getByText('KPIs selected: 7')).toBeVisible();

    // Focus: reach, with its predicted rises and drops.
    await tabTo(page, page.getByRole('link', { name: 'Focus →' }));
    await page.keyboard.press('Enter');
    const reach = page.getByRole('radio', { name: /^Reach/ });
    await tabTo(page, reach);
    await page.keyboard.press('Space');
    await expect(reach).toBeChecked();
    const effects = page.getByRole('region', { name: /What a focus on reach means/ });
    await expect(
      effects.getByRole('listitem').filter({ hasText: 'Unique people reached' }),
    ).toBeVisible();
    await expect(effects.getByText(/Time on site: Many first-time visitors/)).toBeVisible();

    // Success: pre-filled from the baseline (12,000 + 10 %), one target typed.
    await tabTo(page, page.getByRole('link', { name: 'Success →' }));
    await page.keyboard.press('Enter');
    await expect(field(page, 'Target for Unique people reached')).toHaveValue('13200');
    await expect(field(page, 'Target for Careers site visits')).toHaveValue('3740');
    await tabTo(page, field(page, 'Target for Hires'));
    await page.keyboard.type('4');
    await tabTo(page, field(page, 'Target for Returning visitors'));
    await page.keyboard.type('250');
    await page.keyboard.press('Tab');
    await saved(page, /All changes saved/);
    await expect(step(page, /Success.*Done/)).toBeVisible();

    // Expectations: notes, and the summary built from the steps.
    await tabTo(page, page.getByRole('link', { name: 'Expectations →' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Notes to colleagues'));
    await page.keyboard.type('Budget moves to LinkedIn in week 3.');
    await page.keyboard.press('Tab');
    const summary = page.getByRole('article', { name: 'Expectations for loop 1' });
    await expect(summary.getByText('Reach: Get the employer brand')).toBeVisible();
    await expect(
      summary.getByRole('row', { name: /Unique people reached 12,000 13,200 Should rise/ }),
    ).toBeVisible();
    await expect(summary.getByRole('row', { name: /Hires – 4 No prediction/ })).toBeVisible();
    await expect(summary.getByText('Budget moves to LinkedIn in week 3.')).toBeVisible();
    // Returning visitors was added after the baseline: that step (and so this one) is open.
    await expect(step(page, /Baseline.*To do/)).toBeVisible();
    await expect(step(page, /Expectations.*To do/)).toBeVisible();
    await tabTo(page, step(page, /Baseline/));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('checkbox', { name: 'Unknown (Returning visitors)' }));
    await page.keyboard.press('Space');
    await saved(page, /All changes saved/);
    for (const name of ['Baseline', 'KPIs', 'Focus', 'Success', 'Expectations'])
      await expect(step(page, new RegExp(`^${name} Done`))).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('the wizard in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('paste a column, reload halfway, resume, and print the summary', async ({ page }) => {
    await createPlan(page, 'Zorggroep Noord', NL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 1 van 5: 0-meting');

    // A column from a spreadsheet, Dutch notation, with one bad cell and one cell too many.
    await pasteInto(field(page, 'Unieke mensen bereikt'), '12.000\n3.400\n95,5\nabc\n80\n2\n7\n');
    const report = page.getByRole('status').filter({ hasText: 'Geplakt' });
    await expect(report).toContainText('Geplakt: 5 waarden bewaard, 2 geweigerd.');
    await expect(report).toContainText(
      'Regel 4: Gestarte sollicitaties: “abc” is geen getal (niet bewaard)',
    );
    await expect(report).toContainText('Regel 7 („7”): er is geen KPI meer voor (niet bewaard)');
    await expect(field(page, 'Unieke mensen bereikt')).toHaveValue('12000');
    // Time on site is a duration: 95,5 seconds reads back as minutes and seconds.
    await expect(field(page, 'Tijd op site')).toHaveValue('1:35,5');
    await expect(field(page, 'Gestarte sollicitaties')).toHaveValue('');
    await field(page, 'Gestarte sollicitaties').fill('1.200');
    await field(page, 'Gestarte sollicitaties').blur();
    await expect(
      page.getByRole('status').filter({ hasText: 'Alle wijzigingen bewaard' }),
    ).toBeVisible();

    await step(page, /Focus/).click();
    await page.getByRole('radio', { name: /^Conversie/ }).check();
    await expect(
      page.getByRole('status').filter({ hasText: 'Alle wijzigingen bewaard' }),
    ).toBeVisible();

    // Reload in the middle: everything is still there.
    await page.reload();
    await expect(page.getByRole('radio', { name: /^Conversie/ })).toBeChecked();
    await step(page, /0-meting/).click();
    await expect(field(page, 'Gestarte sollicitaties')).toHaveValue('1200');
    await expect(field(page, 'Unieke mensen bereikt')).toHaveValue('12000');
    await step(page, /Focus/).click();

    // Leave and come back: the plan resumes at the step the user was on.
    await page.getByRole('link', { name: 'Plannen' }).click();
    await page.getByRole('link', { name: 'Zorggroep Noord' }).click();
    await page.getByRole('link', { name: 'Stappenplan van loop 1' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 3 van 5: Focus');

    await step(page, /Succes/).click();
    await expect(field(page, 'Doel voor Gestarte sollicitaties')).toHaveValue('1320');
    await field(page, 'Doel voor Hires').fill('2,5');
    await field(page, 'Doel voor Hires').blur();
    await expect(page.getByText('Doel voor Hires: 2,5 is geen heel aantal')).toBeVisible();
    await field(page, 'Doel voor Hires').fill('3');
    await field(page, 'Doel voor Hires').blur();
    await expect(
      page.getByRole('status').filter({ hasText: 'Alle wijzigingen bewaard' }),
    ).toBeVisible();

    await step(page, /Verwachtingen/).click();
    const summary = page.getByRole('article', { name: 'Verwachtingen voor loop 1' });
    await expect(
      summary.getByRole('row', { name: /Gestarte sollicitaties 1\.200 1\.320 Moet stijgen/ }),
    ).toBeVisible();
    await expect(summary.getByRole('row', { name: /Hires 2 3 Moet stijgen/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // On paper: the summary with focus and targets, and no navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(summary).toBeVisible();
    await expect(summary.getByText('Conversie: Bezoekers omzetten')).toBeVisible();
    await expect(summary.getByRole('row', { name: /Hires 2 3/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Stappenplan' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Samenvatting afdrukken' })).toBeHidden();
    await expect(page.getByLabel('Notities voor collega’s')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
  });
});

for (const locale of ['en-GB', 'nl-NL'] as const) {
  test.describe(`every wizard step (${locale})`, () => {
    test.use({ locale });

    // One width per language: English on a laptop, Dutch (the longer words) on a phone. The
    // example plan's wizard step is checked in the other scheme at both widths (a11y spec).
    for (const width of locale === 'en-GB' ? [1280] : [375]) {
      test(`is axe clean at ${width} px`, async ({ page }) => {
        test.slow();
        await page.setViewportSize({ width, height: 800 });
        await createPlan(page, 'Axe BV', locale === 'en-GB' ? EN : NL);
        const steps =
          locale === 'en-GB'
            ? ['Baseline', 'KPIs', 'Focus', 'Success', 'Expectations']
            : ['0-meting', 'KPI’s', 'Focus', 'Succes', 'Verwachtingen'];
        for (const name of steps) {
          await step(page, new RegExp(`^${name}`)).click();
          await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
          // A big baseline value and a focus: the last step shows the summary with a wide table.
          if (name === steps[0]) {
            const first = page.locator('input[inputmode="decimal"]').first();
            await first.fill('1200000');
            await first.blur();
            await expect(page.getByRole('status').filter({ hasText: /✓/ })).toBeVisible();
          }
          if (name === 'Focus') await page.getByRole('radio').first().check();
          expect(await seriousViolations(page), `${name} at ${width} px`).toEqual([]);
          // Nothing sticks out sideways: the page never scrolls horizontally.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0);
        }
      });
    }
  });
}
