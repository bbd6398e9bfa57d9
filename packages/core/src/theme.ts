import type { JuTheme } from './context.js';

export type ResolvedTheme = Exclude<JuTheme, 'auto'>;

const queries = typeof matchMedia === 'function'
  ? { dark: matchMedia('(prefers-color-scheme: dark)'), contrast: matchMedia('(prefers-contrast: more)') }
  : undefined;

/** Turns `auto` into the reader's system preference; unknown values fall back to `light`. */
export function resolveTheme(theme: string | undefined): ResolvedTheme {
  if (theme === 'light' || theme === 'dark' || theme === 'contrast') return theme;
  if (theme === 'auto' && queries) {
    if (queries.contrast.matches) return 'contrast';
    if (queries.dark.matches) return 'dark';
  }
  return 'light';
}

/** Calls `listener` when the reader switches their system's colour scheme or contrast setting. */
export function observeSystemTheme(listener: () => void): () => void {
  if (!queries) return () => undefined;
  queries.dark.addEventListener('change', listener);
  queries.contrast.addEventListener('change', listener);
  return () => {
    queries.dark.removeEventListener('change', listener);
    queries.contrast.removeEventListener('change', listener);
  };
}
