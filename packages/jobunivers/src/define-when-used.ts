/**
 * Loads the module that registers `tag` only once such an element appears in the document (at load or later),
 * so a page pays for a widget only if it uses it. Elements already in the page upgrade when the tag is defined.
 */
export function defineWhenUsed(tag: string, load: () => Promise<unknown>): void {
  if (typeof customElements === 'undefined' || customElements.get(tag) !== undefined) return;
  const observer = new MutationObserver((records) => {
    const added = records.some((record) =>
      [...record.addedNodes].some((node) => node instanceof Element && (node.localName === tag || node.querySelector(tag) !== null)),
    );
    if (added) start();
  });
  let started = false;
  function start(): void {
    if (started) return;
    started = true;
    observer.disconnect();
    load().catch((error: unknown) => {
      console.error(`[jobunivers] Could not load <${tag}>.`, error);
    });
  }
  if (document.querySelector(tag) !== null) start();
  else observer.observe(document, { childList: true, subtree: true });
}
