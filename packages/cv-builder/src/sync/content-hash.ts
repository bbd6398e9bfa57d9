import type { Cv } from '../model/cv.js';
import { toJsonResume } from '../model/json-resume.js';

/** JSON with object keys sorted at every level (and `undefined` members left out), so equal content gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  // Like JSON.stringify in an array: what JSON cannot hold counts as null.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  return JSON.stringify(value);
}

/**
 * A 64-bit fingerprint of a JSON value's content (key order does not matter), as 16 hex digits. It tells
 * "changed" from "unchanged" without keeping a copy; it is not cryptographic and is never sent anywhere.
 */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  // Two independent 32-bit multiplicative hashes over the UTF-16 code units (cyrb53's mixing), side by side.
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The content hash of the CV as the server would store it (its JSON Resume document), for `SyncState.syncedHash`.
 * `meta.lastModified` is left out: a new timestamp alone is not a change of content.
 */
export function cvHash(cv: Cv): string {
  return jsonResumeHash(toJsonResume(cv));
}

/** `cvHash` of a document already converted. */
export function jsonResumeHash(document: unknown): string {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return contentHash(document);
  const { meta, ...rest } = document as Record<string, unknown>;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return contentHash(document);
  const otherMeta = { ...(meta as Record<string, unknown>) };
  delete otherMeta.lastModified;
  return contentHash(Object.keys(otherMeta).length === 0 ? rest : { ...rest, meta: otherMeta });
}
