/** How long a destructive action stays undoable, in milliseconds. */
export const UNDO_MS = 30_000;

type Offer = { id: number; message: string; undo: () => Promise<unknown> };

/**
 * The last destructive action that can still be undone (a deleted plan, a removed KPI). It
 * lives in the root layout, so it survives navigation, and expires after `UNDO_MS`.
 */
class UndoState {
  current = $state<Offer | undefined>(undefined);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #next = 1;

  offer(message: string, undo: () => Promise<unknown>, ms = UNDO_MS): void {
    clearTimeout(this.#timer);
    const id = this.#next++;
    this.current = { id, message, undo };
    this.#timer = setTimeout(() => {
      if (this.current?.id === id) this.current = undefined;
    }, ms);
  }

  async undo(): Promise<void> {
    const offer = this.current;
    if (!offer) return;
    this.dismiss();
    await offer.undo();
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.current = undefined;
  }
}

export const undoState = new UndoState();
