import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * "Udskriv" should print the joblog, not the case system around it. A widget cannot style the page from its shadow
 * root, so while the page prints this marks every element beside the widget's ancestors (`data-ju-print-hide`,
 * hidden by a constructed stylesheet on the document — allowed under a strict CSP) and puts everything back on
 * `afterprint`. The widget hides its own buttons and list with `@media print`.
 */
const HIDE = 'data-ju-print-hide';
const PAGE_CSS = `@page { size: A4; margin: 16mm 15mm; }
@media print { [${HIDE}] { display: none !important; } }`;

let sheet: CSSStyleSheet | undefined;

function isolate(host: HTMLElement): () => void {
  const hidden: Element[] = [];
  for (let node: Element | null = host; node !== null && node !== document.body && node !== document.documentElement; node = node.parentElement) {
    const parent: Element | null = node.parentElement;
    if (parent === null) break;
    for (const sibling of Array.from(parent.children)) {
      if (sibling !== node && !sibling.hasAttribute(HIDE)) {
        sibling.setAttribute(HIDE, '');
        hidden.push(sibling);
      }
    }
  }
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PAGE_CSS);
  }
  const own = sheet;
  const added = !document.adoptedStyleSheets.includes(own);
  if (added) document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
  return () => {
    for (const element of hidden) element.removeAttribute(HIDE);
    if (added) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== own);
  };
}

/** Isolates the host for printing whenever the page prints ("Udskriv" or Ctrl+P) while `active()` says a joblog is open. */
export class PrintIsolation implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #active: () => boolean;
  #undo: (() => void) | undefined;

  /** True from `beforeprint` to `afterprint`: the host renders what only paper needs (every entry, not a window of them). */
  printing = false;

  constructor(host: ReactiveControllerHost & HTMLElement, active: () => boolean) {
    this.#host = host;
    this.#active = active;
    host.addController(this);
  }

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
    this.#undo = isolate(this.#host);
    this.printing = true;
    // Lit renders in a microtask, which runs before the browser lays the page out for print.
    this.#host.requestUpdate();
  };

  readonly #after = (): void => {
    this.#undo?.();
    this.#undo = undefined;
    if (this.printing) {
      this.printing = false;
      this.#host.requestUpdate();
    }
  };
}
