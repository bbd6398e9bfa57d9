// Loads `deferred.ts` and keeps it, so sections can use it synchronously once it is there.
export type Deferred = typeof import('./deferred.js');

let loaded: Deferred | undefined;
let loading: Promise<Deferred> | undefined;
let addStrings: ((danish: object) => void) | undefined;

/** The deferred section code, once loaded (and its strings added). */
export const deferred = (): Deferred | undefined => loaded;

/**
 * Loads the deferred section code (once; a failed load, e.g. offline, is tried again next time). `strings`, given by
 * the first caller that has it (the shell), adds the chunk's Danish strings before anything renders with them.
 */
export function loadDeferred(strings?: (danish: object) => void): Promise<Deferred> {
  addStrings ??= strings;
  loading ??= import('./deferred.js').then((module) => {
    addStrings?.(module.danishStrings);
    loaded = module;
    return module;
  }, (error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Runs `action` with the deferred code: at once when it is there, else as soon as it has loaded. */
export function withDeferred(action: (code: Deferred) => void): void {
  if (loaded !== undefined) action(loaded);
  else loadDeferred().then(action, (error: unknown) => { console.error('[jobunivers] <ju-cv-builder> could not load part of the editor.', error); });
}
