import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createPlan, step } from './pages/plan';

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
const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });

test.describe('plans home (English)', () => {
  test.use({ locale: 'en-GB' });

  test('rename, duplicate, delete with confirmation, and undo', async ({ page }) => {
    await createPlan(page, 'Acme Care', EN);
    await page.getByRole('link', { name: 'Plans', exact: true }).click();
    const plans = page.getByRole('list', { name: 'Your plans' });
    await expect(plans.getByRole('listitem')).toHaveCount(1);
    await expect(plans).toContainText('First loop starts');
    await expect(plans).toContainText('Loops set up: 1');

    // Rename: an empty name is refused in the dialog; a real one is saved.
    await page.getByRole('button', { name: 'Rename Acme Care' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename plan' });
    await dialog.getByLabel('Organisation').fill('   ');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Enter the name of the organisation.');
    await dialog.getByLabel('Organisation').fill('Acme Care NL');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    await expect(plans.getByRole('link', { name: 'Acme Care NL' })).toBeVisible();

    await page.getByRole('button', { name: 'Duplicate Acme Care NL' }).click();
    await expect(plans.getByRole('link', { name: 'Acme Care NL (copy)' })).toBeVisible();
    await expect(plans.getByRole('listitem')).toHaveCount(2);

    // Delete asks first; Escape and Cancel keep the plan.
    await page.getByRole('button', { name: 'Delete Acme Care NL (copy)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the plan for Acme Care NL (copy)?' });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(plans.getByRole('listitem')).toHaveCount(2);

    await page.getByRole('button', { name: 'Delete Acme Care NL (copy)' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(plans.getByRole('listitem')).toHaveCount(1);
    await expect(status(page, 'Plan Acme Care NL (copy) deleted.')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(plans.getByRole('link', { name: 'Acme Care NL (copy)' })).toBeVisible();
    await expect(plans.getByRole('listitem')).toHaveCount(2);

    // The restored copy is whole: its wizard opens with its KPIs.
    await page.reload();
    await plans.getByRole('link', { name: 'Acme Care NL (copy)' }).click();
    await page.getByRole('link', { name: 'Five-step plan of loop 1' }).click();
    await expect(field(page, 'Hires')).toBeVisible();
  });

  test('bad plan settings get messages beside the fields and nothing is created', async ({
    page,
  }) => {
    await page.goto('/plan/new');
    await page.getByLabel('Number').fill('30');
    await page.getByLabel('Unit').selectOption('weeks');
    await page.getByLabel('First loop starts on').fill('1999-05-01');
    await page.getByLabel('Currency').fill('E1');
    await page.getByRole('button', { name: EN.submit }).click();
    await expect(page.getByText('Enter the name of the organisation.')).toBeVisible();
    await expect(
      page.getByText('A loop of weeks lasts 2 to 26 weeks (a whole number).'),
    ).toBeVisible();
    await expect(
      page.getByText('First loop starts on: 1999-05-01 is outside the years a plan can span'),
    ).toBeVisible();
    await expect(page.getByText('Enter a currency code of three letters, like EUR.')).toBeVisible();
    await expect(page.getByLabel('Organisation')).toBeFocused();
    await expect(page).toHaveURL(/\/plan\/new$/);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'No plans yet' })).toBeVisible();
  });

  test('out-of-range dates in the wizard are explained and not stored', async ({ page }) => {
    await createPlan(page, 'Dates BV', EN);
    // The baseline must end before the first loop.
    const end = page.getByLabel('Baseline to');
    const before = await end.inputValue();
    await end.fill('2099-01-01');
    await end.blur();
    await expect(
      page.getByText(/Baseline to: the baseline must end before the first loop/),
    ).toBeVisible();
    // A negative count is refused where it was typed.
    await field(page, 'Hires').fill('-3');
    await field(page, 'Hires').blur();
    await expect(page.getByText('Hires: a count cannot be negative (-3)')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Baseline to')).toHaveValue(before);
    await expect(field(page, 'Hires')).toHaveValue('');

    await step(page, /Expectations/).click();
    const judged = page.getByLabel('Results are judged on');
    await expect(judged).not.toHaveValue('');
    const stored = await judged.inputValue();
    await judged.fill('2001-01-01');
    await judged.blur();
    await expect(
      page.getByText(/results can only be judged once the loop has ended/),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Results are judged on')).toHaveValue(stored);
  });

  test('moving the first loop keeps the baseline values; moving it into the baseline is refused', async ({
    page,
  }) => {
    await createPlan(page, 'Move BV', EN);
    const from = await page.getByLabel('Baseline from').inputValue();
    const to = await page.getByLabel('Baseline to').inputValue();
    await field(page, 'Hires').fill('7');
    await field(page, 'Hires').blur();
    await expect(status(page, 'All changes saved')).toBeVisible();

    await page.getByRole('link', { name: 'Move BV' }).click();
    await page.getByRole('link', { name: 'Plan settings' }).click();
    await page.getByLabel('First loop starts on').fill('2027-06-01');
    await page.getByLabel('First loop starts on').blur();
    await expect(status(page, 'All changes saved')).toBeVisible();
    await page.getByLabel('First loop starts on').fill(from);
    await page.getByLabel('First loop starts on').blur();
    await expect(
      page.getByText(
        `First loop starts on: the baseline must end before the first loop starts, not on ${to}`,
      ),
    ).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('First loop starts on')).toHaveValue('2027-06-01');
    await page.getByRole('link', { name: '← Move BV' }).click();
    await page.getByRole('link', { name: 'Five-step plan of loop 1' }).click();
    await expect(page.getByLabel('Baseline from')).toHaveValue(from);
    await expect(page.getByLabel('Baseline to')).toHaveValue(to);
    await expect(field(page, 'Hires')).toHaveValue('7');
  });

  test('removing a KPI with data is confirmed and can be undone; a custom KPI can be added', async ({
    page,
  }) => {
    await createPlan(page, 'KPI BV', EN);
    await field(page, 'Hires').fill('7');
    await field(page, 'Hires').blur();
    await expect(status(page, 'All changes saved')).toBeVisible();

    await step(page, /KPIs/).click();
    // On the KPI step before clicking: the baseline's "Unknown (Hires)" checkbox also answers to
    // the name Hires, and a click before the step was on screen landed there (CI, twice).
    await expect(page.getByRole('heading', { level: 1 })).toContainText('KPIs');
    await page.getByRole('checkbox', { name: 'Hires' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Hires?' });
    await expect(confirm).toContainText('(1)');
    await confirm.getByRole('button', { name: 'Remove KPI' }).click();
    await expect(page.getByRole('checkbox', { name: 'Hires' })).not.toBeChecked();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('checkbox', { name: 'Hires' })).toBeChecked();

    await page.getByLabel('Name', { exact: true }).fill('Open day visitors');
    await page.getByLabel('Pillar').selectOption('conversion');
    await page.getByRole('button', { name: 'Add KPI' }).click();
    await expect(status(page, 'Open day visitors added.')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Open day visitors' })).toBeChecked();

    await step(page, /Baseline/).click();
    await expect(field(page, 'Hires')).toHaveValue('7');
    await expect(field(page, 'Open day visitors')).toBeVisible();
  });
  test('warns when only application counts are measured, and lets the focus rules be adjusted', async ({
    page,
  }) => {
    await createPlan(page, 'Focus BV', EN);
    await step(page, /KPIs/).click();
    // On the KPI step before clicking: the baseline's "Unknown (Hires)" checkbox also answers to
    // the name Hires, and a click before the step was on screen landed there (CI, twice).
    await expect(page.getByRole('heading', { level: 1 })).toContainText('KPIs');
    const warning = page
      .getByRole('note')
      .filter({ hasText: 'You have selected applications only' });
    for (const name of ['Unique people reached', 'Careers site visits', 'Time on site', 'Hires']) {
      await page.getByRole('checkbox', { name }).click();
      await expect(page.getByRole('checkbox', { name })).not.toBeChecked();
    }
    await expect(warning).toBeVisible();
    await page.getByRole('checkbox', { name: 'Careers site visits' }).click();
    await expect(page.getByRole('checkbox', { name: 'Careers site visits' })).toBeChecked();
    await expect(warning).toBeHidden();

    await step(page, /Focus/).click();
    await page.getByRole('radio', { name: /^Conversion/ }).check();
    const effects = page.getByRole('region', { name: /What a focus on conversion means/ });
    await expect(effects.getByText('Careers site visits')).toBeHidden();
    await page.getByLabel('Careers site visits').selectOption('drop');
    await page
      .getByLabel('Why it may drop')
      .fill('Budget moves from ads to the applicant tracking system.');
    await page.getByLabel('Why it may drop').blur();
    await expect(
      effects.getByText(
        'Careers site visits: Budget moves from ads to the applicant tracking system.',
      ),
    ).toBeVisible();

    await step(page, /Expectations/).click();
    const summary = page.getByRole('article', { name: 'Expectations for loop 1' });
    await expect(
      summary.getByText(
        'Careers site visits: Budget moves from ads to the applicant tracking system.',
      ),
    ).toBeVisible();
    await expect(
      summary.getByText('A drop in Careers site visits is an expected trade-off'),
    ).toBeVisible();

    await step(page, /Focus/).click();
    await page.getByRole('button', { name: 'Back to the standard rules' }).click();
    await expect(effects.getByText(/Careers site visits/)).toBeHidden();
    await expect(page.getByLabel('Careers site visits')).toHaveValue('none');
  });
});

test.describe('the next loop (Dutch)', () => {
  test.use({ locale: 'nl-NL' });

  test('reuses the wizard with focus, targets and notes from the previous loop', async ({
    page,
  }) => {
    await createPlan(page, 'Loop BV', NL);
    await step(page, /Focus/).click();
    await page.getByRole('radio', { name: /^Conversie/ }).check();
    await step(page, /Succes/).click();
    await field(page, 'Doel voor Hires').fill('6');
    await field(page, 'Doel voor Hires').blur();
    await step(page, /Verwachtingen/).click();
    await page.getByLabel('Notities voor collega’s').fill('Vacaturepiek in maart.');
    await page.getByLabel('Notities voor collega’s').blur();
    await expect(status(page, 'Alle wijzigingen bewaard')).toBeVisible();

    // Loop 1 starts next month: loop 2 can only start early, with the reason kept.
    await page.getByRole('link', { name: 'Loop BV' }).click();
    await page.getByText('Loop 2 starten voordat loop 1 afloopt').click();
    await page.getByLabel('Waarom eerder starten?').fill('Proef met een korte loop.');
    await page.getByRole('button', { name: 'Loop 2 eerder starten' }).click();
    await expect(page).toHaveURL(/wizard\/focus\?id=[\w-]+&loop=2/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 3 van 5: Focus');
    await expect(page.getByRole('radio', { name: /^Conversie/ })).toBeChecked();
    await expect(step(page, /0-meting Optioneel/)).toBeVisible();
    await expect(step(page, /KPI’s Optioneel/)).toBeVisible();

    await step(page, /Succes/).click();
    await expect(page.getByText(/Doelen gaan uit van de vorige loop/)).toBeVisible();
    await expect(field(page, 'Doel voor Hires')).toHaveValue('6');
    await step(page, /Verwachtingen/).click();
    await expect(page.getByLabel('Notities voor collega’s')).toHaveValue('Vacaturepiek in maart.');
    await expect(page.getByRole('article', { name: 'Verwachtingen voor loop 2' })).toBeVisible();

    // Loop 1 is untouched.
    await page.getByRole('link', { name: 'Loop BV' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Loop 2' })).toContainText(
      'Conversie',
    );
    await page.getByRole('link', { name: 'Stappenplan van loop 1' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stap 5 van 5: Verwachtingen');
  });
});
