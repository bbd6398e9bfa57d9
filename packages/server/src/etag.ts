// Strong ETags `"<version>"` (docs/contract.md "Versions").
export const etagOf = (version: number): string => `"${String(version)}"`;

function tags(header: string): string[] {
  return header.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
}

/** `If-None-Match` uses the weak comparison: `W/"3"` matches `"3"`. */
export function ifNoneMatchHits(header: string | undefined, version: number): boolean {
  if (header === undefined) return false;
  const current = etagOf(version);
  return tags(header).some((tag) => tag === '*' || tag.replace(/^W\//, '') === current);
}

/** `If-Match` uses the strong comparison: a weak tag never matches. `*` matches any current version. */
export function ifMatchHits(header: string, version: number): boolean {
  const current = etagOf(version);
  return tags(header).some((tag) => tag === '*' || tag === current);
}

/** The version named by an `If-Match` header, when it names exactly one strong tag. */
export function ifMatchVersion(header: string): number | '*' | undefined {
  const list = tags(header);
  if (list.length !== 1) return undefined;
  const [tag = ''] = list;
  if (tag === '*') return '*';
  const match = /^"([0-9]{1,15})"$/.exec(tag);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
