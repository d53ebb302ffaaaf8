import { i18n } from '$lib/i18n/i18n.svelte';

/** The page brings its own words, and the loop pages' (it quotes the dashboard's answers). */
export async function load({ parent }: { parent: () => Promise<unknown> }): Promise<void> {
  // Beside the core messages, not after them.
  await Promise.all([parent(), i18n.load('method'), i18n.load('loops')]);
}
