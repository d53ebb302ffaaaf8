/**
 * Input the app cannot save by itself: a form not yet submitted (a new campaign, a meeting),
 * and work that must not be cut off (an import writing). Leaving the page asks first while any
 * is held, and "Reload to update" names them before it reloads.
 */
type Holder = { label: () => string; held: () => boolean };
const holders = new Map<symbol, Holder>();

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const valueOf = (el: Field) =>
  el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
    ? String(el.checked)
    : el.value;

/**
 * Svelte action for a form whose input is saved only on submit: it holds input from the moment
 * a field differs from what it showed when the user first entered the form, until it is back
 * to that (after a successful submit the form is emptied) or the form is gone.
 */
export function holdsInput(form: HTMLFormElement): { destroy: () => void } {
  const fields = () =>
    [...form.elements].filter(
      (el): el is Field =>
        (el instanceof HTMLInputElement &&
          !['button', 'submit', 'reset', 'hidden', 'file'].includes(el.type)) ||
        el instanceof HTMLTextAreaElement ||
        el instanceof HTMLSelectElement,
    );
  let initial: Map<Field, string> | undefined;
  const snapshot = () => {
    initial ??= new Map(fields().map((el) => [el, valueOf(el)]));
  };
  form.addEventListener('focusin', snapshot);
  const key = Symbol('form');
  holders.set(key, {
    label: () => {
      const by = form.getAttribute('aria-labelledby');
      const named =
        (by ? document.getElementById(by)?.textContent : form.getAttribute('aria-label')) ??
        form.closest('section')?.querySelector('h2, h3')?.textContent;
      return (named ?? '').trim();
    },
    held: () =>
      !!initial && fields().some((el) => initial?.has(el) && initial.get(el) !== valueOf(el)),
  });
  return {
    destroy() {
      form.removeEventListener('focusin', snapshot);
      holders.delete(key);
    },
  };
}

/** Holds the page while `label`'s work runs (an import); returns the release. */
export function holdWork(label: string): () => void {
  const key = Symbol('work');
  holders.set(key, { label: () => label, held: () => true });
  return () => void holders.delete(key);
}

/** What is held now, by name (empty when leaving loses nothing). */
export function unsavedWork(): string[] {
  return [...holders.values()].filter((h) => h.held()).map((h) => h.label());
}

/** Asks before the page is left while anything is held (the browser words the question). */
export function askBeforeLeaving(): () => void {
  const ask = (event: BeforeUnloadEvent) => {
    if (!unsavedWork().length) return;
    event.preventDefault();
    // Older engines ask only when returnValue is set.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', ask);
  return () => window.removeEventListener('beforeunload', ask);
}
