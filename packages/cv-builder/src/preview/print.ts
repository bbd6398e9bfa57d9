import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Printing a page with a CV on it should print the CV, not the municipality's header, menu and footer. A widget
 * cannot style the page from its shadow root, so while the page prints this marks every element beside the
 * widget's ancestors (`data-ju-print-hide`, hidden by a constructed stylesheet on the document — allowed under a
 * strict CSP) and sizes the page A4. Everything is put back on `afterprint`. The widget hides its own chrome
 * (buttons, the list) with `@media print` in its own styles.
 */
const HIDE = 'data-ju-print-hide';
const PAGE_CSS = `@page { size: A4; margin: 16mm 15mm; }
@media print { [${HIDE}] { display: none !important; } }`;

let sheet: CSSStyleSheet | undefined;

/** Hides everything on the page but `host` (and its ancestors) for printing; returns the function that undoes it. */
export function isolateForPrint(host: HTMLElement): () => void {
  const hidden: Element[] = [];
  for (let node: Element | null = host; node !== null && node !== document.body && node !== document.documentElement; node = node.parentElement) {
    const parent: Element | null = node.parentElement;
    if (parent === null) break; // the top of a shadow tree: the page around it is the host's to style
    for (const sibling of Array.from(parent.children)) {
      if (sibling !== node && !sibling.hasAttribute(HIDE)) {
        sibling.setAttribute(HIDE, '');
        hidden.push(sibling);
      }
    }
  }
  sheet ??= createSheet();
  const added = !document.adoptedStyleSheets.includes(sheet);
  if (added) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    for (const element of hidden) element.removeAttribute(HIDE);
    if (added && sheet !== undefined) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}

function createSheet(): CSSStyleSheet {
  const created = new CSSStyleSheet();
  created.replaceSync(PAGE_CSS);
  return created;
}

/**
 * Isolates the host for printing whenever the page prints (the print button or Ctrl+P) and `active()` says a CV
 * is shown.
 */
export class PrintIsolation implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #active: () => boolean;
  #undo: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, active: () => boolean) {
    this.#host = host;
    this.#active = active;
    host.addController(this);
  }

  /** Opens the browser's print dialog; the page is isolated by the `beforeprint` that follows. */
  print(): void {
    window.print();
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.#before);
    window.addEventListener('afterprint', this.#after);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.#before);
    window.removeEventListener('afterprint', this.#after);
    this.#after();
  }

  readonly #before = (): void => {
    if (!this.#active() || this.#undo !== undefined) return;
    this.#undo = isolateForPrint(this.#host);
  };

  readonly #after = (): void => {
    this.#undo?.();
    this.#undo = undefined;
  };
}
