import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The core messages (en.ts, nl.ts) and the English plan messages arrive only when a test lets
 * them: a page's own messages may then come first, as they do on a phone when the page's load
 * runs beside the root's.
 */
const gates = vi.hoisted(() => {
  const make = () => {
    let open: () => void = () => {};
    let opened = Promise.resolve();
    return {
      close() {
        opened = new Promise<void>((resolve) => (open = resolve));
      },
      open: () => open(),
      wait: () => opened,
    };
  };
  return { core: make(), plan: make(), nlBroken: { value: false } };
});
const gate = gates.core;

/**
 * A fresh i18n (the module holds one per page), in a browser that prefers `language`, whose
 * message modules wait for their gates (registered again for each test: a mock's module is
 * otherwise kept between tests, and would not wait a second time).
 */
async function freshI18n(language: string) {
  vi.resetModules();
  const gated =
    (gate: { wait: () => Promise<void> }) => async (original: () => Promise<unknown>) => {
      await gate.wait();
      return original();
    };
  vi.doMock('./en', gated(gates.core));
  vi.doMock('./nl', async (original: () => Promise<unknown>) => {
    await gates.core.wait();
    // An old tab whose files a newer version removed, or a first visit that went offline.
    if (gates.nlBroken.value) throw new Error('Failed to fetch dynamically imported module');
    return original();
  });
  vi.doMock('./plan-en', gated(gates.plan));
  vi.stubGlobal('navigator', { language });
  const saved = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => saved.get(key) ?? null,
    setItem: (key: string, value: string) => void saved.set(key, value),
  });
  return (await import('./i18n.svelte')).i18n;
}

beforeEach(() => gate.close());
afterEach(() => {
  gates.nlBroken.value = false;
  gates.core.open();
  gates.plan.open();
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

  it('one asked for while the messages asked for meanwhile download is not left out', async () => {
    gates.plan.close();
    const i18n = await freshI18n('en-GB');
    const init = i18n.init();
    const plan = i18n.load('plan');
    gates.core.open();
    // The core messages are here; the plan's still download, and the import page asks for its own.
    await import('./en');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await i18n.load('import');
    gates.plan.open();
    await Promise.all([init, plan]);
    expect(i18n.t('import.toPlan')).toBe('Go to the plan to start the next loop');
    expect(i18n.t('planSettings.newTitle')).toBe('New plan');
    expect(i18n.t('app.skipToContent')).toBe('Skip to main content');
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
  it('a language chosen and taken back before its words arrive is neither shown nor kept', async () => {
    const i18n = await freshI18n('en-GB');
    gate.open();
    await i18n.init();
    gate.close();
    const dutch = i18n.setLocale('nl');
    await i18n.setLocale('en');
    gate.open();
    await dutch;
    expect(i18n.locale).toBe('en');
    expect(i18n.t('app.skipToContent')).toBe('Skip to main content');
    expect(localStorage.getItem('talentloop.locale')).toBe('en');
  });

  it('a switch whose words fail to download leaves the language shown, for later pages too', async () => {
    const i18n = await freshI18n('en-GB');
    gate.open();
    await i18n.init();
    gates.nlBroken.value = true;
    await expect(i18n.setLocale('nl')).rejects.toThrow();
    expect(localStorage.getItem('talentloop.locale')).toBeNull();
    await i18n.load('plan');
    expect(i18n.locale).toBe('en');
    expect(i18n.t('planSettings.newTitle')).toBe('New plan');
  });
});
