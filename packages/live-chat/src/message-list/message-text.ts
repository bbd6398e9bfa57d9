// Message text as plain text with its web addresses made into safe links. Nothing in a message is ever parsed
// as HTML: the parts are bound as text, and only http(s) addresses become links.

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// An address starts with http:// or https:// and runs to the next space; trailing punctuation stays text.
const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}'"»]+$/;

const cache = new WeakMap<object, TextPart[]>();

/** The parts of `text`, cached per message object (a long log renders each message's parts once). */
export function textParts(owner: object, text: string): TextPart[] {
  let parts = cache.get(owner);
  if (parts === undefined) {
    parts = splitLinks(text);
    cache.set(owner, parts);
  }
  return parts;
}

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const start = match.index;
    const candidate = match[0].replace(TRAILING, '');
    const href = checkedLink(candidate);
    if (href === undefined) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The address normalised by the URL parser when it is http(s) with a host, else `undefined`. */
export function checkedLink(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
