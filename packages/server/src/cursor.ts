// Opaque list cursors. A cursor names the position after which the next page starts (a notification's
// insertion sequence), so items created after the first page can never shift later pages.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ProblemError } from './problem.js';

/** Cursors are signed so the server only accepts cursors it issued (`invalid-cursor` otherwise). */
export class CursorCodec {
  constructor(private readonly secret: string, private readonly kind: string) {}

  encode(position: number): string {
    return this.encodeText(String(position));
  }

  /** A compound position, e.g. `<time>_<sequence>` (letters, digits, `_`, `-`). */
  encodeText(position: string): string {
    const payload = `${this.kind}.${position}`;
    return `${Buffer.from(payload).toString('base64url')}.${this.sign(payload)}`;
  }

  decode(cursor: string): number {
    const text = this.decodeText(cursor);
    if (!/^[0-9]{1,15}$/.test(text)) throw new ProblemError('invalid-cursor', { detail: 'Pass back the nextCursor of the previous page as is, or start without a cursor.' });
    return Number(text);
  }

  decodeText(cursor: string): string {
    const [encoded = '', signature = '', ...rest] = cursor.split('.');
    const invalid = new ProblemError('invalid-cursor', { detail: 'Pass back the nextCursor of the previous page as is, or start without a cursor.' });
    if (rest.length > 0 || !/^[A-Za-z0-9_-]+$/.test(encoded) || !/^[A-Za-z0-9_-]+$/.test(signature)) throw invalid;
    const payload = Buffer.from(encoded, 'base64url').toString();
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
    const match = new RegExp(`^${this.kind}\\.([A-Za-z0-9_-]{1,100})$`).exec(payload);
    if (match?.[1] === undefined) throw invalid;
    return match[1];
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, 22);
  }
}
