import type { ReactiveControllerHost } from 'lit';

/**
 * A view module that loads together with the data it shows (the filters with their counts, the learning paths,
 * the search matches), so the catalogue's first load stays small without making anyone wait longer: the chunk
 * and the request travel side by side. The host re-renders when it arrives; after a failure `load()` tries again.
 */
export class LazyModule<T> {
  readonly #host: ReactiveControllerHost;
  readonly #import: () => Promise<T>;
  #loading: Promise<T> | undefined;
  #module: T | undefined;

  constructor(host: ReactiveControllerHost, load: () => Promise<T>) {
    this.#host = host;
    this.#import = load;
  }

  get module(): T | undefined {
    return this.#module;
  }

  load(): Promise<T> {
    this.#loading ??= this.#import().then((module) => {
      this.#module = module;
      this.#host.requestUpdate();
      return module;
    }, (error: unknown) => {
      this.#loading = undefined;
      throw error;
    });
    return this.#loading;
  }
}
