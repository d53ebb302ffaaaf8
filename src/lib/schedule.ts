/**
 * Giving the page its turn between chunks of work, so that it paints and answers input: used
 * by the backup check (in a worker or on the page) and by views that fill in after their first
 * paint. No DOM beyond what a worker also has, except `afterPaint`.
 */

/** Resolves in a later task (the browser's `scheduler.yield` where it exists). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the next frame has been painted (at once where nothing paints). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
