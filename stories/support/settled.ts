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

/** Polls `condition` every 25 ms; fails with `what` after 5 s. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 25) {
    if (waited > 5000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What a story's `play` functions need to reach into the element `tag` it renders. */
export function storyRoot(tag: string): {
  shadowOf: (canvasElement: HTMLElement) => ShadowRoot;
  showing: (context: { canvasElement: HTMLElement }, selector: string) => Promise<ShadowRoot>;
} {
  const shadowOf = (canvasElement: HTMLElement): ShadowRoot => {
    const root = canvasElement.querySelector(tag)?.shadowRoot;
    if (root == null) throw new Error(`${tag} did not render`);
    return root;
  };
  return {
    shadowOf,
    /** Waits until `selector` shows in the element and everything has rendered. */
    async showing(context, selector) {
      await allElementsRendered(context);
      const root = shadowOf(context.canvasElement);
      await until(() => root.querySelector(selector) !== null, selector);
      await allElementsRendered(context);
      return root;
    },
  };
}
