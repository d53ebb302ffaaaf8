/**
 * Giving the page its turn between chunks of work, so that it paints and answers input: used
 * by the backup check, in a worker or on the page (nothing here needs the DOM).
 */

/** Resolves in a later task (the browser's `scheduler.yield` where it exists). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the frame being drawn now has been painted (at once in a hidden page, which
 * paints nothing): for work the first screen does not need, so that a slow phone shows the
 * page before it fetches or runs that work.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame !== 'function' || document.hidden) later();
    else requestAnimationFrame(later);
  });
}
