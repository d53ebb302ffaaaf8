import { expect, test } from './fixtures';
import { seriousViolations } from './pages/plan';

/**
 * Issue 14, honest verdicts: a loop that has not ended gets pacing against its target, never
 * a verdict on the days so far. Today is fixed at 20 February 2026; loop 1 runs January –
 * February (59 days), and 50 of its days have passed.
 */

/** Two completed applications a day from 1 January to 19 February: 100 in 50 days. */
function dailyCsv(): string {
  const rows = ['Date,Applications completed'];
  for (let d = new Date(Date.UTC(2026, 0, 1)); d < new Date(Date.UTC(2026, 1, 20));) {
    rows.push(`${d.toISOString().slice(0, 10)},2`);
    d = new Date(d.getTime() + 86_400_000);
  }
  return `${rows.join('\n')}\n`;
}

test.describe('the running loop (English)', () => {
  test.use({ locale: 'en-GB' });

  test('shows the pace towards the target and no verdict until the loop ends', async ({ page }) => {
    test.slow();
    await page.clock.setFixedTime(new Date('2026-02-20T09:00:00Z'));
    await page.goto('/');
    await page.getByRole('link', { name: 'Create your first plan' }).click();
    await page.getByLabel('Organisation').fill('Pacing BV');
    await page.getByLabel('First loop starts on').fill('2026-01-01');
    await page.getByRole('button', { name: 'Create plan and start' }).click();
    await expect(page).toHaveURL(/\/plan\/wizard\/baseline\?id=[\w-]+&loop=1$/);
    const id = new URL(page.url()).searchParams.get('id') ?? '';

    // A target of 120 completed applications for loop 1.
    await page.goto(`/plan/wizard/success?id=${id}&loop=1`);
    const target = page.getByRole('textbox', { name: 'Target for Applications completed' });
    await target.fill('120');
    await target.press('Tab');
    await expect(page.getByRole('status').filter({ hasText: /All changes saved/ })).toBeVisible();

    await page.goto(`/loops/import?id=${id}`);
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: 'daily.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(dailyCsv()),
    });
    await page.getByRole('button', { name: /^Import 50 values$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();

    await page.goto(`/loops/dashboard?id=${id}&loop=1`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 1: results');
    await expect(
      page.getByRole('status').filter({ hasText: 'Loop 1 is running until' }),
    ).toHaveText(/day 51 of 59/);
    const card = page.getByRole('article', { name: 'Applications completed', exact: true });
    // 100 in 50 days → 118 by the end; the likely range reaches 120, the projection does not.
    await expect(card).toContainText('heading for 118');
    await expect(card).toContainText('at risk');
    await expect(card).toContainText(
      'The loop is still running: the verdict follows when it ends.',
    );
    await expect(card).not.toContainText('Probably a real change');
    await expect(card).not.toContainText('Could be chance');
    await card.getByText('Details', { exact: true }).click();
    await expect(card.getByRole('link', { name: 'How Talentloop decides' })).toHaveAttribute(
      'href',
      /#running$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await card.screenshot({ path: test.info().outputPath('pacing-card.png') });

    // Once the loop has ended, the verdict appears and the pace is gone.
    await page.clock.setFixedTime(new Date('2026-03-02T09:00:00Z'));
    await page.reload();
    await expect(card).not.toContainText('heading for');
    await expect(card).toContainText('Real or chance?');
    await expect(card).not.toContainText('The loop is still running');
  });
});
