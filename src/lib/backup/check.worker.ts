/// <reference lib="webworker" />
import {
  sendCheck,
  type CheckMessage,
  type CheckRequest,
  type NextRequest,
} from './check-messages';

/**
 * Reads, parses and checks a backup file off the main thread, so a 50 MB file never freezes
 * the page; the checked plans go back in chunks (check-messages.ts).
 */
let asked = 0;
let wake: (() => void) | undefined;

/** Resolves once the page has asked for another chunk of rows. */
function next(): Promise<void> {
  if (asked > 0) {
    asked--;
    return Promise.resolve();
  }
  return new Promise((resolve) => (wake = resolve));
}

self.onmessage = (event: MessageEvent<CheckRequest | NextRequest>) => {
  const data = event.data;
  if ('type' in data) {
    if (wake) {
      const resolve = wake;
      wake = undefined;
      resolve();
    } else asked++;
    return;
  }
  void sendCheck(data, (message: CheckMessage) => self.postMessage(message), next);
};
