import { i18n } from '$lib/i18n/i18n.svelte';

/** The plan pages bring their own messages, so the first page stays small. */
export async function load({ parent }: { parent: () => Promise<unknown> }): Promise<void> {
  await parent();
  await i18n.load('plan');
}
