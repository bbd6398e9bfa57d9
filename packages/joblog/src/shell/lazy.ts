import type { ReactiveControllerHost } from 'lit';

/** A part of the shell that loads on first use; after a failed load (offline) `load()` tries again. */
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
