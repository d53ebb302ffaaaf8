import { test as plain } from '@playwright/test';
import { expect, isForeignRequest, watchContext } from './fixtures';

// The fixture that guards every other spec must itself catch a foreign request.
plain(
  'the foreign-request guard catches a request to another origin',
  async ({ browser, baseURL }) => {
    // The app's CSP would block the fetch before it leaves; the guard must work even so.
    const context = await browser.newContext({ bypassCSP: true });
    const origin = new URL(baseURL ?? '').origin;
    const watch = await watchContext(context, origin);
    // Answer locally so the test needs no network; the request is still made and seen.
    await context.route('http://foreign.example/**', (route) =>
      route.fulfill({ status: 204, body: '' }),
    );
    const page = await context.newPage();
    await page.goto('/');
    await page.evaluate(async () => {
      await fetch('http://foreign.example/pixel').catch(() => undefined);
    });
    await expect.poll(() => watch.foreign).toContain('http://foreign.example/pixel');
    await context.close();
  },
);

plain('own-origin, data: and blob: URLs are not foreign', () => {
  const origin = 'http://localhost:4173';
  expect(isForeignRequest('http://localhost:4173/_app/x.js', origin)).toBe(false);
  expect(isForeignRequest('data:image/png;base64,AAAA', origin)).toBe(false);
  expect(isForeignRequest('blob:http://localhost:4173/abc', origin)).toBe(false);
  expect(isForeignRequest('https://fonts.example.com/x.woff2', origin)).toBe(true);
  expect(isForeignRequest('http://localhost:5173/', origin)).toBe(true);
});
