import { i18n } from '$lib/i18n/i18n.svelte';
import { appStatus } from '$lib/state/app-status.svelte';

// The app renders on the client only: everything it shows comes from this device's
// IndexedDB and the user's language, neither of which exists at build time. Every route is
// still prerendered as a shell so a plain static host and the service worker can serve it.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';

/** Before the first paint: the user's language, so the first screen is already translated. */
export async function load(): Promise<void> {
  const problem = await i18n.init();
  if (problem) appStatus.report([problem]);
}
