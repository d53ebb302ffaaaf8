import type { PlanChange } from '$lib/storage/change';

/**
 * What one tab tells the others of this app (same browser, same origin): a write to a plan
 * with the change it made (applied in place, like in the tab that wrote it), or that the plans
 * changed in a way that is simplest to read again (a restore, a new or deleted plan).
 */
export type TabMessage =
  | { kind: 'change'; change: PlanChange }
  | { kind: 'plans'; planId?: string }
  | { kind: 'setting'; key: string; value: unknown };

const CHANNEL = 'talentloop';
type Listener = (message: TabMessage) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null | undefined;

function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  // Node (the unit tests) has BroadcastChannel too; there it must not keep the process alive.
  (channel as { unref?: () => void } | null)?.unref?.();
  if (channel)
    channel.onmessage = (event: MessageEvent<TabMessage>) => {
      for (const listener of listeners) listener(event.data);
    };
  return channel;
}

/** Tells the other tabs; a browser without BroadcastChannel has them read on their next open. */
export function announce(message: TabMessage): void {
  try {
    open()?.postMessage(message);
  } catch {
    // A change that cannot be copied to another tab: they read the plan again when it opens.
    if (message.kind === 'setting') return;
    try {
      open()?.postMessage({
        kind: 'plans',
        planId: message.kind === 'change' ? message.change.planId : message.planId,
      });
    } catch {
      // Nothing more to do: the other tab's copy is checked before each of its writes.
    }
  }
}

/** Follows what the other tabs announce; returns the function that stops following. */
export function onTabMessage(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: close the channel, forget the listeners. */
export function resetTabSyncForTests(): void {
  channel?.close();
  channel = undefined;
  listeners.clear();
}
