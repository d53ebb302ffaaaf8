import { i18n } from '$lib/i18n/i18n.svelte';
import { planTarget } from '$lib/nav/params';
import { notLongerThanStorage } from '$lib/state/app-status.svelte';
import { planSession } from '$lib/state/plan-session.svelte';
import type { LayoutLoad } from './$types';

/** Pages under this layout that are about no plan: a new plan, and choosing one for its loops. */
function needsNoPlan(routeId: string | null, url: URL): boolean {
  return (
    routeId === '/(plan)/plan/new' || (routeId === '/(plan)/loops' && !url.searchParams.has('id'))
  );
}

/**
 * The plan and loop pages bring their own messages (so the first page stays small) and open
 * the plan and loop named in the address; the layout shows loading, not found or unavailable.
 */
export const load: LayoutLoad = async ({ parent, url, route }) => {
  // The plan is read while the messages load (it needs no language): one wait less before
  // the page's first paint.
  // Storage that does not answer (an open waiting behind another tab) must not leave the page
  // blank without end: after the timeout it shows loading with the notice that says so, and
  // the plan appears once it is read.
  const target = needsNoPlan(route.id, url)
    ? null
    : notLongerThanStorage(planSession.openFrom(url), () => planTarget(url.searchParams));
  // The page's messages download beside the core messages, not after them.
  const loopPage = route.id?.startsWith('/(plan)/loops') ?? false;
  await Promise.all([parent(), i18n.load('plan'), ...(loopPage ? [i18n.load('loops')] : [])]);
  return { target: await target };
};
