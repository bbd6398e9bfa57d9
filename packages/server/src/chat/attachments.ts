// Chat attachments: only PDF, PNG and JPEG, recognised by their first bytes (the client's Content-Type must say
// the same), at most 5 MB, stored as files named by id under the attachments directory (outside any served
// directory), one directory per conversation so retention removes them together.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { truncate } from './texts.js';

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const SIGNATURES: { type: AttachmentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The media type the file's first bytes show, or `undefined` when it is none of the allowed ones. */
export function sniffType(body: Buffer): AttachmentType | undefined {
  return SIGNATURES.find(({ bytes }) => body.length >= bytes.length && bytes.every((byte, index) => body[index] === byte))?.type;
}

/** The media type of a Content-Type header without parameters, lower-cased. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const DEFAULT_NAME = 'fil';

/**
 * The file name from `Content-Disposition: attachment; filename*=UTF-8''<percent-encoded>` (or a plain
 * `filename="…"`), made safe: no path, no control or bidi-override characters, at most 200 characters.
 */
export function attachmentName(header: string | undefined): string {
  if (header === undefined) return DEFAULT_NAME;
  let raw: string | undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1] !== undefined) {
    try {
      raw = decodeURIComponent(extended[1].trim());
    } catch {
      raw = undefined;
    }
  }
  if (raw === undefined) {
    const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;\s]+)/i.exec(header);
    raw = plain?.[2]?.replace(/\\(.)/g, '$1') ?? plain?.[1];
  }
  return sanitizeName(raw ?? '');
}

/** Control characters, bidi overrides and isolates (which can disguise "fil\u202Efdp.exe"), and characters file systems refuse. */
function unsafeCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x200e || code === 0x200f
    || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || '<>:"|?*'.includes(character);
}

export function sanitizeName(name: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  const characters = Array.from(base.normalize('NFC')).filter((character) => !unsafeCharacter(character));
  const short = characters.join('').trim().replace(/^\.+/, '');
  const limited = truncate(short, 200);
  return limited === '' ? DEFAULT_NAME : limited;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function dispositionHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export const conversationDir = (root: string, conversationId: string): string => join(root, conversationId);
export const attachmentFile = (root: string, conversationId: string, attachmentId: string): string => join(root, conversationId, attachmentId);

export async function storeAttachment(root: string, conversationId: string, attachmentId: string, body: Buffer): Promise<void> {
  await mkdir(conversationDir(root, conversationId), { recursive: true, mode: 0o700 });
  await writeFile(attachmentFile(root, conversationId, attachmentId), body, { mode: 0o600, flag: 'wx' });
}

export async function removeConversationFiles(root: string, conversationId: string): Promise<void> {
  await rm(conversationDir(root, conversationId), { recursive: true, force: true });
}

export async function removeAttachmentFile(root: string, conversationId: string, attachmentId: string): Promise<void> {
  await rm(attachmentFile(root, conversationId, attachmentId), { force: true });
}
