/** Focus helpers for the shell's shadow root. */

/** Opens every closed `<details>` around an element, so it can be seen and focused. */
function reveal(element: Element): void {
  for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
    if (parent instanceof HTMLDetailsElement && !parent.open) parent.open = true;
  }
}

const byId = (root: ParentNode, id: string): HTMLElement | null => root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);

/** Moves focus to the element with `id` (a field from the error summary, a heading, a button). */
export function focusField(root: ParentNode, id: string): boolean {
  const target = byId(root, id);
  if (target === null) return false;
  reveal(target);
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
  target.focus();
  return true;
}

/** Moves focus to a heading (a section's, from the navigation), making it focusable first if needed. */
export function focusHeading(root: ParentNode, id: string): void {
  const target = byId(root, id);
  if (target === null) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  reveal(target);
  target.focus();
  target.scrollIntoView({ block: 'start' });
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * After undo/redo removed the focused control (undoing "Tilføj erfaring"), puts focus on the closest thing that
 * is still there: a focusable ancestor, or the heading of the section it was in.
 */
export function focusNearest(root: ShadowRoot | Element | DocumentFragment, path: readonly EventTarget[]): void {
  const active = root instanceof ShadowRoot ? root.activeElement : null;
  if (active !== null) return;
  for (const target of path) {
    if (!(target instanceof HTMLElement) || !target.isConnected || !root.contains(target)) continue;
    if (target.matches(FOCUSABLE)) {
      target.focus();
      return;
    }
    const sectionHeading = target.matches('section') ? target.querySelector<HTMLElement>('h2, h3, h4, h5, h6') : null;
    if (sectionHeading !== null) {
      if (!sectionHeading.hasAttribute('tabindex')) sectionHeading.tabIndex = -1;
      sectionHeading.focus();
      return;
    }
  }
}
