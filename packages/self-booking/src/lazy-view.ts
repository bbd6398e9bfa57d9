import type { ReactiveControllerHost } from 'lit';

/**
 * A view module loaded on first use (a separate chunk), for steps that need the server anyway — "my meetings",
 * "help to book" — so the widget's first load stays small. The host re-renders when it arrives or fails.
 */
export class LazyView<T> {
  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<T>;
  #module: T | undefined;
  #loading = false;
  #failed = false;

  constructor(host: ReactiveControllerHost, load: () => Promise<T>) {
    this.#host = host;
    this.#load = load;
  }

  get module(): T | undefined {
    return this.#module;
  }

  get loading(): boolean {
    return this.#loading;
  }

  /** True when the last attempt failed (e.g. the connection dropped); `ensure()` tries again. */
  get failed(): boolean {
    return this.#failed;
  }

  ensure(): void {
    if (this.#module !== undefined || this.#loading) return;
    this.#loading = true;
    this.#failed = false;
    this.#load().then(
      (module) => { this.#module = module; },
      () => { this.#failed = true; },
    ).finally(() => {
      this.#loading = false;
      this.#host.requestUpdate();
    });
  }
}
