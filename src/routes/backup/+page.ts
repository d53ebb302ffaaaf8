import { i18n } from '$lib/i18n/i18n.svelte';

/** The backup page names KPIs, pillars and sources (CSV, previews), so it loads those words. */
export async function load({ parent }: { parent: () => Promise<unknown> }): Promise<void> {
  // Beside the core messages, not after them.
  await Promise.all([parent(), i18n.load('backup'), i18n.load('plan'), i18n.load('loops')]);
}
