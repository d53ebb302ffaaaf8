import {
  sendCheck,
  type CheckMessage,
  type CheckRequest,
  type NextRequest,
} from './check-messages';

/**
 * For unit tests: a stand-in for check.worker.ts that runs the worker's code in this thread
 * and hands each message over as a Worker would, structured-cloned and in a task of its own.
 */
export class TestWorker {
  static started: TestWorker[] = [];
  onmessage: ((event: MessageEvent<CheckMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  /** Messages sent to the page, in order. */
  sent: CheckMessage[] = [];
  /** How many times the page asked for another chunk of rows. */
  asked = 0;
  /** The most chunks of rows ever sent and not yet asked for again. */
  mostAhead = 0;
  #credit = 0;
  #wake: (() => void) | undefined;

  constructor() {
    TestWorker.started.push(this);
  }

  postMessage(data: CheckRequest | NextRequest): void {
    if ('type' in data) {
      this.asked++;
      const wake = this.#wake;
      this.#wake = undefined;
      if (wake) wake();
      else this.#credit++;
      return;
    }
    const next = () => {
      if (this.#credit > 0) {
        this.#credit--;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => (this.#wake = resolve));
    };
    setTimeout(() => {
      void sendCheck(
        data,
        (message) => {
          if (this.terminated) return;
          this.sent.push(message);
          if (message.type === 'rows') {
            const rows = this.sent.filter((m) => m.type === 'rows').length;
            this.mostAhead = Math.max(this.mostAhead, rows - this.asked);
          }
          const copy = structuredClone(message);
          setTimeout(() => {
            if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<CheckMessage>);
          }, 0);
        },
        next,
      );
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** A worker whose script never loads: it only reports an error. */
export class MissingWorker {
  onmessage: ((event: MessageEvent<CheckMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  postMessage(): void {
    setTimeout(() => {
      const event = { message: '', preventDefault: () => {} } as ErrorEvent;
      this.onerror?.(event);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}
