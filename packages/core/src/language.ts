/** The nearest `lang` attribute from `element` upwards, crossing shadow roots to their hosts; `null` when none. */
export function closestLanguage(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const value = node.getAttribute('lang');
      if (value !== null && value.trim() !== '') return value; // lang="" means "unknown": keep looking
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` when any `lang` attribute in the document changes (a host's language switcher usually sets
 * `<html lang>`). One observer serves every element; it is cheap because `lang` rarely changes.
 */
export function observeLanguageChanges(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const notify of [...listeners]) notify();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
