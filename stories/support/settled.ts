interface Updating extends Element {
  readonly updateComplete: Promise<boolean>;
}

function isUpdating(element: Element): element is Updating {
  return 'updateComplete' in element;
}

function updatingElements(root: ParentNode, found: Updating[] = []): Updating[] {
  for (const element of root.querySelectorAll('*')) {
    if (isUpdating(element)) found.push(element);
    if (element.shadowRoot) updatingElements(element.shadowRoot, found);
  }
  return found;
}

/**
 * A `play` function that waits until every Lit element in the story has rendered, including strings loaded
 * lazily for English and Arabic, so the axe check that follows sees the finished story, not a half-rendered one.
 */
export async function allElementsRendered({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  let previousCount = -1;
  // A render can reveal nested elements that render in turn: repeat until nothing new appears or updates.
  for (let round = 0; round < 10; round += 1) {
    const elements = updatingElements(canvasElement);
    const settled = await Promise.all(elements.map((element) => element.updateComplete));
    if (elements.length === previousCount && settled.every(Boolean)) return;
    previousCount = elements.length;
  }
}
