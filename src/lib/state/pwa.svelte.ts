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

  async start(): Promise<void> {
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
    const { registerSW } = await import('virtual:pwa-register');
    this.#update = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onOfflineReady: () => {
        this.offlineReady = true;
      },
      onNeedReload: () => {
        if (this.#userAsked) window.location.reload();
        else {
          this.needRefresh = true;
          this.activeElsewhere = true;
        }
      },
      onRegisteredSW: (_url, registration) => {
        // A tab left open for days still learns about new versions.
        if (registration)
          setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
      },
    });
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
