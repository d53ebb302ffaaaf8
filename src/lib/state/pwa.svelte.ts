/**
 * Service-worker registration in *prompt* mode. A new version waits until the user chooses
 * to reload; the app never reloads itself, because the user may be in the middle of editing.
 */
class PwaState {
  needRefresh = $state(false);
  /** The new version already took over (the user updated in another tab). */
  activeElsewhere = $state(false);
  offlineReady = $state(false);
  #update: ((reloadPage?: boolean) => Promise<void>) | undefined;
  #userAsked = false;
  #reloading = false;

  async start(): Promise<void> {
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
    // A new version that takes control of this tab without this tab asking was accepted in
    // another one. Heard here, not only through the plugin's `onNeedReload`: that listens only
    // after this tab saw the new version wait, and workbox reports "waiting" 200 ms after the
    // install — when the other tab activated it sooner (a quick click, a busy phone), this tab
    // never said so (update e2e, under load). The first install taking control is no update.
    let controlled = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener?.('controllerchange', () => {
      if (!controlled) controlled = true;
      else this.#tookOver();
    });
    const { registerSW } = await import('virtual:pwa-register');
    this.#update = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onOfflineReady: () => {
        this.offlineReady = true;
      },
      onNeedReload: () => this.#tookOver(),
      onRegisteredSW: (_url, registration) => {
        // A tab left open for days still learns about new versions.
        if (registration)
          setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
      },
    });
  }

  /** A new version took control: asked for here, the page reloads; otherwise it says so. */
  #tookOver(): void {
    if (this.#userAsked) {
      // Heard twice (the plugin and the event above): one reload.
      if (!this.#reloading) window.location.reload();
      this.#reloading = true;
    } else {
      this.needRefresh = true;
      this.activeElsewhere = true;
    }
  }

  /** Only ever called from the user's click on the banner. */
  async reload(): Promise<void> {
    this.#userAsked = true;
    if (this.activeElsewhere || !this.#update) window.location.reload();
    else await this.#update(true);
  }

  later(): void {
    this.needRefresh = false;
  }
}

export const pwa = new PwaState();
