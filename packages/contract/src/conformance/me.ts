/** Helpers for `/v1/me` and `PUT /v1/me/preferences`. */
import { fail, type Actor, type Preferences, type RuleContext } from './context.js';
import { expectJson, send, type Res } from './http.js';

export interface MeSnapshot {
  etag: string | null;
  preferences: Preferences;
}

export async function readMe(ctx: RuleContext, as: Actor): Promise<MeSnapshot> {
  const res = await send(ctx, 'GET', '/v1/me', { as });
  const me = expectJson(res, 200, 'Me') as { preferences: Preferences };
  return { etag: res.headers.get('etag'), preferences: me.preferences };
}

export function putPreferences(ctx: RuleContext, as: Actor, options: { ifMatch?: string | null; json?: unknown; body?: string; contentType?: string }): Promise<Res> {
  const headers: Record<string, string> = {};
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers['If-Match'] = options.ifMatch;
  return send(ctx, 'PUT', '/v1/me/preferences', {
    as,
    headers,
    ...(options.json !== undefined ? { json: options.json } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.contentType !== undefined ? { contentType: options.contentType } : {}),
  });
}

/** Different preferences from `current` (both fields changed). */
export function otherPreferences(current: Preferences): Preferences {
  return { language: current.language === 'en' ? 'da' : 'en', notifyByEmail: !current.notifyByEmail };
}

/** "A failed request changes nothing": the version and the preferences are what they were. */
export async function expectUnchanged(ctx: RuleContext, as: Actor, before: MeSnapshot, after: string): Promise<void> {
  ctx.step(`GET /v1/me to check that ${after} changed nothing`);
  const now = await readMe(ctx, as);
  if (JSON.stringify(now.preferences) !== JSON.stringify(before.preferences)) {
    fail(`${after} changed the preferences from ${JSON.stringify(before.preferences)} to ${JSON.stringify(now.preferences)}`);
  }
  if (before.etag !== null && now.etag !== before.etag) fail(`${after} changed the ETag of /v1/me from ${before.etag} to ${String(now.etag)}`);
}
