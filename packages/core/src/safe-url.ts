const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * Returns the URL when it is safe to bind to `href` or `src` (http, https, mailto, tel or relative),
 * otherwise `undefined`, so `href=${ifDefined(safeUrl(link))}` leaves the attribute out.
 * Lit does not sanitise URLs: `javascript:` would run on click.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  // Browsers strip tabs and newlines inside URLs ("java\nscript:"), so judge the URL the way the browser will.
  const base = typeof document === 'undefined' ? 'https://invalid.example/' : document.baseURI;
  let parsed: URL;
  try {
    parsed = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(parsed.protocol) ? trimmed : undefined;
}
