import { timestampSchema } from '$lib/schema/common';
import type { PersistenceAnswer } from '$lib/storage/persistence';

/** How long *Hide* keeps the notice about keeping data away. */
export const KEEP_DATA_HIDDEN_DAYS = 30;

/** Where the end of that time is kept (localStorage: the notice needs no database). */
export const KEEP_DATA_HIDDEN_KEY = 'talentloop.keepDataHiddenUntil';

/**
 * Whether the browser is WebKit (Safari on the Mac, and every browser on iPhone and iPad),
 * whose tracking prevention deletes a site's storage after 7 days of use without a visit.
 * WebKit names Apple as `navigator.vendor` (Chromium says Google, Firefox nothing); no user
 * agent parsing is needed.
 */
export function isWebKit(vendor: string | undefined): boolean {
  return (vendor ?? '').startsWith('Apple');
}

/** Which notice the shell shows: Safari's 7-day rule, a refused request, or none. */
export type KeepDataNotice = 'safari' | 'refused' | null;

export type KeepDataFacts = {
  /** The browser's answer to the request for persistent storage; undefined before a write. */
  answer: PersistenceAnswer | undefined;
  webKit: boolean;
  /** Running as the installed app (its own window), not in a browser tab. */
  standalone: boolean;
  hiddenUntil: string | null;
  now: string;
};

/**
 * The notice for these facts. Nothing before the first write (no data to lose yet) or while
 * hidden. In Safari outside the installed app, the 7-day rule, whatever the answer: it is
 * tracking prevention, not lack of space, and only the Home Screen or Dock app escapes it.
 * Elsewhere, a refusal. A browser that cannot say (null) gets no notice: Settings says so.
 */
export function keepDataNotice(facts: KeepDataFacts): KeepDataNotice {
  if (facts.answer === undefined) return null;
  if (facts.hiddenUntil !== null && facts.now < facts.hiddenUntil) return null;
  if (facts.webKit && !facts.standalone) return 'safari';
  return facts.answer === false ? 'refused' : null;
}

/** When a notice hidden at `now` may come back. */
export function hiddenUntil(now: string, days = KEEP_DATA_HIDDEN_DAYS): string {
  return new Date(Date.parse(now) + days * 86_400_000).toISOString();
}

/** The stored end of the hidden time, if it is a timestamp; anything else counts as none. */
export function parseHiddenUntil(stored: string | null): string | null {
  return timestampSchema.safeParse(stored).success ? stored : null;
}
