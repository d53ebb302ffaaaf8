import { test as base, expect, type BrowserContext } from '@playwright/test';

/** True for a request that leaves the app's own origin (data: and blob: never hit a network). */
export function isForeignRequest(url: string, ownOrigin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return false;
  try {
    return new URL(url).origin !== ownOrigin;
  } catch {
    return true;
  }
}

type Watch = { foreign: string[]; errors: string[] };

/**
 * Records, for the whole browser context (pages and the service worker): every request to
 * another origin, every Content-Security-Policy violation and every uncaught page error.
 */
export async function watchContext(context: BrowserContext, ownOrigin: string): Promise<Watch> {
  const watch: Watch = { foreign: [], errors: [] };
  context.on('request', (request) => {
    if (isForeignRequest(request.url(), ownOrigin)) watch.foreign.push(request.url());
  });
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    watch.errors.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation?: (t: string) => void })
        .__reportCspViolation;
      report?.(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => watch.errors.push(`page error: ${error.message}`));
  });
  return watch;
}

/**
 * The test every end-to-end spec uses: it fails any test during which the app requested
 * another origin, violated its CSP, or threw an uncaught error.
 */
export const test = base.extend<{ watch: Watch; ownOrigin: string }>({
  /** The app's origin; every other origin counts as foreign. A spec with its own server overrides it. */
  ownOrigin: async ({ baseURL }, use) => {
    await use(new URL(baseURL ?? '').origin);
  },
  watch: [
    async ({ context, ownOrigin }, use) => {
      const watch = await watchContext(context, ownOrigin);
      await use(watch);
      expect(watch.foreign, 'requests to other origins').toEqual([]);
      expect(watch.errors, 'CSP violations and page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Every route of the app with its heading in both languages. */
export const ROUTES = [
  { path: '/', en: 'Plans', nl: 'Plannen' },
  { path: '/plan/new', en: 'New plan', nl: 'Nieuw plan' },
  { path: '/loops', en: 'Loops', nl: 'Leerloops' },
  { path: '/backup', en: 'Backup & print', nl: 'Back-up & afdrukken' },
  { path: '/settings', en: 'Settings', nl: 'Instellingen' },
] as const;
