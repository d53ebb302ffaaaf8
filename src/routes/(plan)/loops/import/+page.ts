import { i18n } from '$lib/i18n/i18n.svelte';

/** The import page brings its own words on top of the loop pages'. */
export async function load({ parent }: { parent: () => Promise<unknown> }): Promise<void> {
  // Beside the other messages, not after them.
  await Promise.all([parent(), i18n.load('import')]);
}
