import { i18n } from '$lib/i18n/i18n.svelte';

/** The loop pages use the plan's words (KPIs, focus) and their own. */
export async function load({ parent }: { parent: () => Promise<unknown> }): Promise<void> {
  await parent();
  await Promise.all([i18n.load('plan'), i18n.load('loops')]);
}
