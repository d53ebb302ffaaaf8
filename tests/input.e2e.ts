import { expect, test } from './fixtures';
import { createPlan, openExample, seriousViolations } from './pages/plan';

const EN = {
  create: 'Create your first plan',
  organisation: 'Organisation',
  submit: 'Create plan and start',
};

test.describe('forms and user text (English)', () => {
  test.use({ locale: 'en-GB' });

  test('the campaign and change forms say beside each field what is wrong, and focus it', async ({
    page,
  }) => {
    await createPlan(page, 'Acme Care', EN);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    await page.goto(`/loops/loop?id=${id}&loop=1`);
    const name = page.getByLabel('Name', { exact: true });
    const starts = page.getByLabel('Starts on');
    const ends = page.getByLabel('Ends on');
    const budget = page.getByLabel('Budget');

    // Nothing filled in: each field its own plain message, and the first one gets the focus.
    await page.getByRole('button', { name: 'Add campaign' }).click();
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('Give the campaign a name.');
    await expect(starts).toHaveAccessibleDescription('Fill in the date the campaign starts.');
    await expect(ends).toHaveAccessibleDescription('Fill in the date the campaign ends.');
    await expect(budget).not.toHaveAttribute('aria-invalid');
    await expect(page.getByText(/is not a date/)).toHaveCount(0);

    // Fixed name; an end before the start and a budget that is not a number.
    const first = (await starts.getAttribute('min')) ?? '';
    await name.fill('Open day');
    await starts.fill(first);
    await ends.fill('2000-01-01');
    await budget.fill('abc');
    await page.getByRole('button', { name: 'Add campaign' }).click();
    await expect(ends).toBeFocused();
    await expect(name).not.toHaveAttribute('aria-invalid');
    await expect(starts).not.toHaveAttribute('aria-invalid');
    await expect(ends).toHaveAccessibleDescription('The campaign ends before it starts.');
    await expect(budget).toHaveAccessibleDescription('Budget: “abc” is not a number');
    expect(await seriousViolations(page)).toEqual([]);

    await ends.fill(first);
    await budget.fill('1,250');
    await page.getByRole('button', { name: 'Add campaign' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Open day' })).toContainText(
      '€1,250',
    );
    await expect(ends).not.toHaveAttribute('aria-invalid');

    // The change log: the same, with its own words.
    await page.getByRole('button', { name: 'Log change' }).click();
    const date = page.getByLabel('Date', { exact: true });
    await expect(date).toBeFocused();
    await expect(date).toHaveAccessibleDescription('Fill in the date of the change.');
    await expect(page.getByLabel('What changed')).toHaveAccessibleDescription('Say what changed.');
  });

  test('a long URL in a note wraps on a phone, and a right-to-left name keeps the labels in order', async ({
    page,
  }) => {
    await createPlan(page, 'Acme Care', EN);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/loops/loop?id=${id}&loop=1`);
    const first = (await page.getByLabel('Starts on').getAttribute('min')) ?? '';
    const url = `https://example.org/vacatures?utm_campaign=${'nachtdienstwijkteams'.repeat(6)}`;
    // A campaign name in Hebrew, with a right-to-left mark: it is isolated from the labels.
    const hebrew = '\u200fיום פתוח';
    await page.getByLabel('Name', { exact: true }).fill(hebrew);
    await page.getByLabel('Channel').fill('Instagram');
    await page.getByLabel('Starts on').fill(first);
    await page.getByLabel('Ends on').fill(first);
    await page.getByRole('button', { name: 'Add campaign' }).click();
    const campaign = page.getByRole('listitem').filter({ hasText: 'Instagram' });
    await expect(campaign.locator('bdi').first()).toHaveText(hebrew);

    await page.getByLabel('Date', { exact: true }).fill(first);
    await page.getByLabel('What changed').fill(`New landing page ${url}`);
    await page.getByLabel('Why', { exact: true }).fill(url);
    await page.getByRole('button', { name: 'Log change' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'New landing page' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // The same on paper: the report of the loop keeps the URL within the page.
    await page.goto(`/loops/report?id=${id}&loop=1`);
    // In the loop's changes (the trend chart's table names it too).
    await expect(page.getByRole('listitem').filter({ hasText: 'New landing page' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(printed).toBeLessThanOrEqual(0);
  });
});

for (const { locale, example, question, thousands, decimals, typed, kept } of [
  {
    locale: 'en-GB',
    example: 'Try with example data',
    question: '“1.234”: which number did you mean? Not saved yet.',
    thousands: '1,234 (thousands)',
    decimals: '1.234 (with decimals)',
    typed: '1.234',
    kept: '1234',
  },
  {
    locale: 'nl-NL',
    example: 'Probeer met voorbeeldgegevens',
    question: '“1.234”: welk getal bedoel je? Nog niet bewaard.',
    thousands: '1.234 (duizendtallen)',
    decimals: '1,234 (met decimalen)',
    typed: '1.234',
    kept: '1,234',
  },
]) {
  test.describe(`money in the other language's notation (${locale})`, () => {
    test.use({ locale });

    test('is not read 1000× off silently: the grid asks which number was meant and saves that', async ({
      page,
    }) => {
      const id = await openExample(page, example);
      await page.goto(`/loops/numbers?id=${id}`);
      const cell = page.getByRole('textbox', {
        name: /^(Marketing spend|Marketinguitgaven), Loop 1/,
      });
      await expect(cell).toBeVisible();
      const before = await cell.inputValue();
      await cell.fill(typed);
      await cell.press('Enter');
      const asked = page.getByRole('alert').filter({ hasText: question });
      await expect(asked).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing saved while the question stands: after a reload the typed text is still a
      // draft (kept for the user), and the question comes back.
      await page.reload();
      await expect(cell).toHaveValue(typed);
      await expect(asked).toBeVisible();
      expect(before).not.toBe(typed);
      // English: the user meant thousands; Dutch: the user wrote an English decimal.
      await asked.getByRole('button', { name: locale === 'en-GB' ? thousands : decimals }).click();
      await expect(asked).toHaveCount(0);
      await expect(cell).toHaveValue(kept);
      await page.reload();
      await expect(cell).toHaveValue(kept);
    });
  });
}

test.describe('the example plan follows the language', () => {
  test.use({ locale: 'nl-NL' });

  test('made in Dutch, read in English: its texts switch, what the user wrote stays', async ({
    page,
  }) => {
    test.slow();
    const id = await openExample(page, 'Probeer met voorbeeldgegevens');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Voorbeeld: Zorggroep De Linde',
    );
    await page.goto(`/loops/loop?id=${id}&loop=4`);
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Vacatures nachtdienst en wijkteams' }),
    ).toBeVisible();
    // The user's own words in loop 4's insights.
    const journey = page.getByLabel('Hoe passen we de candidate journey aan?');
    await journey.fill('Onze eigen les: bel binnen een dag terug.');
    await journey.blur();
    await expect(
      page.getByRole('status').filter({ hasText: 'Alle wijzigingen bewaard' }),
    ).toBeVisible();

    await page.getByLabel('Taal').selectOption('en');
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Night shift and district team vacancies' }),
    ).toBeVisible();
    await expect(page.getByLabel('The one strategy of this loop')).toHaveValue(
      /^Conversion: a shorter application form/,
    );
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Moved budget from LinkedIn job ads' }),
    ).toBeVisible();
    await expect(page.getByLabel('How will we adjust the candidate journey?')).toHaveValue(
      'Onze eigen les: bel binnen een dag terug.',
    );
    await expect(page.getByText('Example: De Linde Care Group').first()).toBeVisible();

    // Kept after a reload, and the list of plans names it in English too.
    await page.reload();
    await expect(page.getByLabel('The one strategy of this loop')).toHaveValue(
      /^Conversion: a shorter application form/,
    );
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Example: De Linde Care Group' })).toBeVisible();
    await page.goto(`/plan/wizard/expectations?id=${id}&loop=2`);
    await expect(
      page.getByText(/^Reach and impressions should rise sharply/).first(),
    ).toBeVisible();
  });
});
