import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS, undoState } from './undo.svelte';

beforeEach(() => {
  vi.useFakeTimers();
  undoState.dismiss();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('undoState', () => {
  it('offers an undo for UNDO_MS (30 s), then lets it expire', () => {
    expect(UNDO_MS).toBe(30_000);
    undoState.offer('Plan deleted', () => Promise.resolve());
    expect(undoState.current?.message).toBe('Plan deleted');
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(undoState.current?.message).toBe('Plan deleted');
    vi.advanceTimersByTime(1);
    expect(undoState.current).toBeUndefined();
  });

  it('takes another duration when given', () => {
    undoState.offer('KPI removed', () => Promise.resolve(), 5_000);
    vi.advanceTimersByTime(4_999);
    expect(undoState.current).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(undoState.current).toBeUndefined();
  });

  it('runs the undo once and withdraws the offer', async () => {
    const undo = vi.fn(() => Promise.resolve());
    undoState.offer('Plan deleted', undo);
    await undoState.undo();
    expect(undo).toHaveBeenCalledTimes(1);
    expect(undoState.current).toBeUndefined();
    await undoState.undo();
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it('withdraws the offer before the undo finishes, so it cannot run twice', async () => {
    let finish!: () => void;
    const undo = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    undoState.offer('Plan deleted', undo);
    const first = undoState.undo();
    expect(undoState.current).toBeUndefined();
    await undoState.undo();
    finish();
    await first;
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it('replaces an older offer, which then neither runs nor cuts the newer one short', async () => {
    const older = vi.fn(() => Promise.resolve());
    const newer = vi.fn(() => Promise.resolve());
    undoState.offer('Plan deleted', older);
    vi.advanceTimersByTime(20_000);
    undoState.offer('KPI removed', newer);
    // The older offer's 30 s are over; the newer one has 20 s left.
    vi.advanceTimersByTime(10_000);
    expect(undoState.current?.message).toBe('KPI removed');
    vi.advanceTimersByTime(19_999);
    expect(undoState.current?.message).toBe('KPI removed');
    await undoState.undo();
    expect(newer).toHaveBeenCalledTimes(1);
    expect(older).not.toHaveBeenCalled();
  });

  it('dismisses without undoing', async () => {
    const undo = vi.fn(() => Promise.resolve());
    undoState.offer('Plan deleted', undo);
    undoState.dismiss();
    expect(undoState.current).toBeUndefined();
    await undoState.undo();
    expect(undo).not.toHaveBeenCalled();
  });

  it('passes on a failing undo', async () => {
    undoState.offer('Plan deleted', () => Promise.reject(new Error('already exists')));
    await expect(undoState.undo()).rejects.toThrow('already exists');
    expect(undoState.current).toBeUndefined();
  });
});
