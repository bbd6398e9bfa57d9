import { html, nothing, type CSSResultOrNative, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ShellDialog } from './shell-host.js';

type DialogHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface DialogControllerOptions {
  /** Adds the dialogs' styles to the element (once, with the first dialog). */
  addStyles(styles: CSSResultOrNative[]): void;
  /** Moves focus to the element with this id after the next render. */
  focus(id: string): void;
  /** Said when a dialog's code could not be loaded (offline). */
  loadFailed(): void;
}

/**
 * The shell's one dialog at a time: loads its code on first use, opens it with `showModal()` (focus goes into it,
 * the rest of the page is inert), closes it on Escape unless it is busy, and gives focus back to the button that
 * opened it.
 */
export class DialogController implements ReactiveController {
  dialog: ShellDialog | undefined;
  /** What is loading (the opener shows `aria-busy`). */
  busy: string | undefined;

  readonly #host: DialogHost;
  readonly #options: DialogControllerOptions;
  #opener: HTMLElement | undefined;
  #styled = false;

  // `close` and `cancel` do not bubble: they are heard in the capture phase on the dialog's wrapper. A dialog closed
  // by code fires `close` a task later, when it may already be gone and the next one open (the same button pressed
  // again at once): only the dialog that is shown now closes the controller.
  readonly #closed = {
    handleEvent: (event: Event): void => {
      if (event.target instanceof HTMLDialogElement && event.target === this.#element()) this.close();
    },
    capture: true,
  };

  readonly #cancel = {
    handleEvent: (event: Event): void => {
      if (event.target instanceof HTMLDialogElement && this.dialog?.canClose?.() === false) event.preventDefault();
    },
    capture: true,
  };

  constructor(host: DialogHost, options: DialogControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const element = this.#element();
    if (element !== null && !element.open) element.showModal();
  }

  /** Loads and opens a dialog; `opener` gets focus back when it closes. Ignored while another is open or loading. */
  async open(name: string, load: () => Promise<ShellDialog>, opener: HTMLElement | undefined): Promise<void> {
    if (this.busy !== undefined || this.dialog !== undefined) return;
    this.#opener = opener;
    this.busy = name;
    this.#host.requestUpdate();
    try {
      const [dialog, { dialogStyles }, { addDialogStrings }] = await Promise.all([load(), import('./dialog.styles.js'), import('./dialog-strings.js')]);
      addDialogStrings();
      if (!this.#styled) this.#options.addStyles([dialogStyles]);
      this.#styled = true;
      this.dialog = dialog;
    } catch (error) {
      console.error('[jobunivers] <ju-joblog> could not load a dialog.', error);
      this.#options.loadFailed();
    } finally {
      this.busy = undefined;
      this.#host.requestUpdate();
    }
  }

  /**
   * Fetches a dialog's code, styles and strings while the browser is idle, so it opens at once when asked for.
   * Nothing depends on it: a failed fetch (offline) is simply tried again when the dialog is opened.
   */
  preload(load: () => Promise<unknown>): void {
    const fetch = (): void => { void Promise.all([load(), import('./dialog.styles.js'), import('./dialog-strings.js')]).catch(() => undefined); };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fetch, { timeout: 4000 });
    else setTimeout(fetch, 2000);
  }

  /** Closes the dialog; focus goes to `focusId`, else back to the opener, else the widget's heading. */
  close(focusId?: string): void {
    if (this.dialog === undefined) return;
    const opener = this.#opener;
    this.dialog.closing?.();
    this.closeNow();
    if (focusId !== undefined) this.#options.focus(focusId);
    else if (opener?.isConnected === true) void this.#host.updateComplete.then(() => { opener.focus(); });
    else this.#options.focus('jl-heading');
  }

  /** Closes without moving focus (the host's `reset()`). */
  closeNow(): void {
    const element = this.#element();
    this.dialog?.dispose?.();
    this.dialog = undefined;
    this.#opener = undefined;
    if (element?.open === true) element.close();
    this.#host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    return this.dialog === undefined ? nothing : html`<div class="dialog-host" @close=${this.#closed} @cancel=${this.#cancel}>${this.dialog.render()}</div>`;
  }

  #element(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog#jl-dialog');
  }
}
