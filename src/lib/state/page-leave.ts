/**
 * Calls `save` when the page is hidden (another tab, the phone's home screen) or left, the last
 * moments a page surely runs; returns the function that stops listening (an `onMount` return).
 */
export function saveOnLeave(save: () => void): () => void {
  const hidden = () => {
    if (document.visibilityState === 'hidden') save();
  };
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    window.removeEventListener('pagehide', save);
    document.removeEventListener('visibilitychange', hidden);
  };
}
