import { expect, test } from './fixtures';
import { createPlan, openExample, seriousViolations } from './pages/plan';

test.describe("the plan's page (en-GB)", () => {
  test.use({ locale: 'en-GB' });

  test('says the next step, and starts the next loop early only with a reason', async ({
    page,
  }) => {
    test.slow();
    await createPlan(page, 'Hub BV', {
      create: 'Create your first plan',
      organisation: 'Organisation',
      submit: 'Create plan and start',
    });
    const id = new URL(page.url()).searchParams.get('id');
    await page.goto(`/loops?id=${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Hub BV');
    const next = page.getByRole('region', { name: 'Next step' });
    await expect(next).toContainText('Loop 1 is not fully planned yet');
    await next.getByRole('link', { name: 'Continue the steps of loop 1' }).click();
    await expect(page).toHaveURL(/\/plan\/wizard\/baseline\?id=.+&loop=1$/);
    await page.goto(`/loops?id=${id}`);

    // Loop 1 has not ended: the next loop only starts early, and only with a reason.
    await expect(next.getByRole('button', { name: 'Start loop 2', exact: true })).toHaveCount(0);
    await next.getByText('Start loop 2 before loop 1 ends').click();
    await next.getByRole('button', { name: 'Start loop 2 early' }).click();
    await expect(next.getByRole('alert')).toHaveText(
      'Write down why, so the comparison can be read later.',
    );
    await expect(next.getByLabel('Why start early?')).toBeFocused();
    await next.getByLabel('Why start early?').fill('The budget year starts in March.');
    await next.getByRole('button', { name: 'Start loop 2 early' }).click();
    await expect(page).toHaveURL(/\/plan\/wizard\/focus\?id=.+&loop=2$/);

    await page.goto(`/loops?id=${id}`);
    await expect(page.getByRole('heading', { name: 'Loop 2', exact: true })).toBeVisible();
    await expect(page.getByText('Started early: The budget year starts in March.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("after a loop has ended, leads to its results; the wizard's Done returns here", async ({
    page,
  }) => {
    const id = await openExample(page, 'Try with example data');
    const next = page.getByRole('region', { name: 'Next step' });
    await expect(next).toContainText(/Loop \d has ended: read its results and start loop \d\./);
    await next.getByRole('link', { name: /^Results of loop \d$/ }).click();
    await expect(page.getByRole('region', { name: 'At a glance' })).toBeVisible();
    await page.goto(`/plan/wizard/expectations?id=${id}&loop=1`);
    await page.getByRole('link', { name: 'Done: back to the plan' }).click();
    await expect(page).toHaveURL(new RegExp(`/loops\\?id=${id}$`));
    await expect(next).toBeVisible();
  });
});
