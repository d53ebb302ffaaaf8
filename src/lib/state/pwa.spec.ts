import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

// The plugin's registration, replaced: the spec plays the service worker's part.
vi.mock('virtual:pwa-register', () => ({ registerSW: vi.fn() }));

const reloadPage = vi.fn();
const update = vi.fn((_reloadPage?: boolean) => Promise.resolve());

/** A fresh PwaState (the module's state lives for a page) in a browser with service workers. */
async function started() {
  vi.resetModules();
  const { registerSW } = await import('virtual:pwa-register');
  vi.mocked(registerSW).mockClear().mockReturnValue(update);
  const { pwa } = await import('./pwa.svelte');
  await pwa.start();
  expect(registerSW).toHaveBeenCalledTimes(1);
  const options = vi.mocked(registerSW).mock.calls[0]![0] as RegisterSWOptions;
  return { pwa, options };
}

beforeEach(() => {
  vi.stubGlobal('navigator', { serviceWorker: {} });
  vi.stubGlobal('window', { location: { reload: reloadPage } });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  reloadPage.mockClear();
  update.mockClear();
});

describe('pwa.start', () => {
  it('registers nothing where there are no service workers', async () => {
    vi.stubGlobal('navigator', {});
    vi.resetModules();
    const { registerSW } = await import('virtual:pwa-register');
    vi.mocked(registerSW).mockClear();
    const { pwa } = await import('./pwa.svelte');
    await pwa.start();
    expect(registerSW).not.toHaveBeenCalled();
  });

  it('registers the service worker at once, in prompt mode', async () => {
    const { pwa, options } = await started();
    expect(options.immediate).toBe(true);
    expect(pwa.needRefresh).toBe(false);
    expect(pwa.offlineReady).toBe(false);
  });

  it('says when a new version waits, and hides the notice on "later"', async () => {
    const { pwa, options } = await started();
    options.onNeedRefresh?.();
    expect(pwa.needRefresh).toBe(true);
    pwa.later();
    expect(pwa.needRefresh).toBe(false);
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('says when the app works offline', async () => {
    const { pwa, options } = await started();
    options.onOfflineReady?.();
    expect(pwa.offlineReady).toBe(true);
  });

  it('checks for a new version every hour, ignoring a failed check', async () => {
    vi.useFakeTimers();
    const { options } = await started();
    const check = vi.fn(() => Promise.reject(new Error('offline')));
    options.onRegisteredSW?.('/sw.js', { update: check } as unknown as ServiceWorkerRegistration);
    vi.advanceTimersByTime(60 * 60 * 1000 - 1);
    expect(check).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(check).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(check).toHaveBeenCalledTimes(2);
    await Promise.resolve();
  });

  it('sets no timer without a registration', async () => {
    vi.useFakeTimers();
    const { options } = await started();
    options.onRegisteredSW?.('/sw.js', undefined);
    expect(vi.getTimerCount()).toBe(0);
  });
});

/** A browser's service-worker container whose `controllerchange` the spec fires. */
function serviceWorkers(controlled: boolean) {
  const listeners: (() => void)[] = [];
  vi.stubGlobal('navigator', {
    serviceWorker: {
      controller: controlled ? {} : null,
      addEventListener: (type: string, listener: () => void) => {
        if (type === 'controllerchange') listeners.push(listener);
      },
    },
  });
  return { takeControl: () => listeners.forEach((listener) => listener()) };
}

describe('a new version taking control', () => {
  it('is said when another tab activated it, even before the plugin saw it wait', async () => {
    const workers = serviceWorkers(true);
    const { pwa } = await started();
    workers.takeControl();
    expect(pwa.activeElsewhere).toBe(true);
    expect(pwa.needRefresh).toBe(true);
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('is no update when it is the first install taking control of the page', async () => {
    const workers = serviceWorkers(false);
    const { pwa } = await started();
    workers.takeControl();
    expect(pwa.activeElsewhere).toBe(false);
    expect(pwa.needRefresh).toBe(false);
    // A later version taking over is one.
    workers.takeControl();
    expect(pwa.activeElsewhere).toBe(true);
  });

  it('reloads once when this tab asked for it, heard from the plugin and the browser', async () => {
    const workers = serviceWorkers(true);
    const { pwa, options } = await started();
    options.onNeedRefresh?.();
    await pwa.reload();
    workers.takeControl();
    options.onNeedReload?.();
    expect(reloadPage).toHaveBeenCalledTimes(1);
    expect(pwa.activeElsewhere).toBe(false);
  });
});

describe('pwa.reload', () => {
  it('never reloads by itself when the new version took over in another tab', async () => {
    const { pwa, options } = await started();
    options.onNeedReload?.();
    expect(reloadPage).not.toHaveBeenCalled();
    expect(pwa.needRefresh).toBe(true);
    expect(pwa.activeElsewhere).toBe(true);
    // The user's click reloads the page (the worker is already active).
    await pwa.reload();
    expect(reloadPage).toHaveBeenCalledTimes(1);
    expect(update).not.toHaveBeenCalled();
  });

  it("activates the waiting version on the user's click, and then reloads", async () => {
    const { pwa, options } = await started();
    options.onNeedRefresh?.();
    await pwa.reload();
    expect(update).toHaveBeenCalledWith(true);
    expect(reloadPage).not.toHaveBeenCalled();
    // The new worker takes control: now the reload is what the user asked for.
    options.onNeedReload?.();
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });

  it('reloads the page when the service worker was never registered', async () => {
    vi.resetModules();
    const { pwa } = await import('./pwa.svelte');
    await pwa.reload();
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });
});
