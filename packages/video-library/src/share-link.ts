import { safeUrl } from '@jobunivers/core';

// `{id}` and `{t}` as typed, or percent-encoded as they come out of an attribute someone pasted from a browser.
const PLACEHOLDER = /\{(id|t)\}|%7B(id|t)%7D/gi;

/**
 * The caseworker's link to a video at a moment: the host's `share-url` template with `{id}` and `{t}` (whole
 * seconds) filled in, or `undefined` when the template is missing or not a safe URL.
 */
export function shareLink(template: string | undefined, videoId: string, seconds: number): string | undefined {
  if (template === undefined || safeUrl(template) === undefined) return undefined;
  const filled = template.replace(PLACEHOLDER, (_match, plain: string | undefined, encoded: string | undefined) =>
    (plain ?? encoded ?? '').toLowerCase() === 'id' ? encodeURIComponent(videoId) : String(Math.max(0, Math.floor(seconds))));
  try {
    return safeUrl(new URL(filled, document.baseURI).href);
  } catch {
    return undefined;
  }
}
