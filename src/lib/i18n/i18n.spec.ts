import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The core messages (en.ts, nl.ts) arrive only when a test lets them: a page's own messages
 * may then come first, as they do on a phone when the page's load runs beside the root's.
 */
const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  let opened = Promise.resolve();
  return {
    close() {
      opened = new Promise<void>((resolve) => (open = resolve));
    },
    open: () => open(),
    wait: () => opened,
  };
});

vi.mock('./en', async (original) => {
  await gate.wait();
  return original();
});
vi.mock('./nl', async (original) => {
  await gate.wait();
  return original();
});

/** A fresh i18n (the module holds one per page), in a browser that prefers `language`. */
async function freshI18n(language: string) {
  vi.resetModules();
  vi.stubGlobal('navigator', { language });
  return (await import('./i18n.svelte')).i18n;
}

beforeEach(() => gate.close());
afterEach(() => {
  gate.open();
  vi.unstubAllGlobals();
});

describe('the page’s own messages and the core messages', () => {
  it('asked for before init, a page’s messages load in the browser’s language and are there once init resolves', async () => {
    const i18n = await freshI18n('nl-NL');
    const page = i18n.load('plan');
    const init = i18n.init();
    // The page's messages arrived first; the core ones are still on their way.
    await page;
    expect(i18n.t('planSettings.newTitle')).toBe('planSettings.newTitle');
    gate.open();
    await init;
    expect(i18n.locale).toBe('nl');
    expect(i18n.t('planSettings.newTitle')).toBe('Nieuw plan');
    expect(i18n.t('app.skipToContent')).toBe('Naar de hoofdinhoud');
  });

  it('asked for while init runs, they join the messages whichever arrives last', async () => {
    const i18n = await freshI18n('en-GB');
    const init = i18n.init();
    const page = i18n.load('plan');
    gate.open();
    await Promise.all([init, page]);
    expect(i18n.t('planSettings.newTitle')).toBe('New plan');
    expect(i18n.t('app.skipToContent')).toBe('Skip to main content');
  });

  it('asked for after init, they are added to the language shown', async () => {
    const i18n = await freshI18n('en-GB');
    gate.open();
    await i18n.init();
    expect(i18n.t('planSettings.newTitle')).toBe('planSettings.newTitle');
    await i18n.load('plan');
    expect(i18n.t('planSettings.newTitle')).toBe('New plan');
  });

  it('a language chosen while the first one downloads wins, with every namespace asked for', async () => {
    const i18n = await freshI18n('en-GB');
    const init = i18n.init();
    const page = i18n.load('plan');
    const chosen = i18n.setLocale('nl');
    gate.open();
    await Promise.all([init, page, chosen]);
    expect(i18n.locale).toBe('nl');
    expect(i18n.t('planSettings.newTitle')).toBe('Nieuw plan');
    expect(i18n.t('app.skipToContent')).toBe('Naar de hoofdinhoud');
  });
});
