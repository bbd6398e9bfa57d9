/** Helpers for the notification resources the rules use to create, list and find data. */
import { randomUUID } from 'node:crypto';
import { fail, type Actor, type RuleContext, type SuiteState } from './context.js';
import { describe, expectJson, send, type Res } from './http.js';

export interface NotificationDoc {
  id: string;
  citizenId: string;
  title: string;
  body: string;
  link?: string;
  createdAt: string;
  readAt: string | null;
}

export interface Page {
  items: NotificationDoc[];
  nextCursor: string | null;
}

export interface NotificationInput {
  title: string;
  body: string;
  link?: string;
}

/** A notification body whose title is unique to this run and label. */
export function input(suite: SuiteState, label: string): NotificationInput {
  return {
    title: `Conformance ${suite.runId}: ${label}`.slice(0, 120),
    body: `Created by the Jobunivers conformance suite (run ${suite.runId}). It can be ignored.`,
  };
}

export function newKey(suite: SuiteState): string {
  return `conformance-${suite.runId}-${randomUUID()}`;
}

export function actor(suite: SuiteState, role: 'citizen' | 'otherCitizen' | 'caseworker'): Actor {
  const found = suite[role];
  if (found === undefined) throw new Error(`no ${role}`);
  return found;
}

/** `POST /v1/citizens/{citizenId}/notifications` as the caseworker (or `as`), with `key` unless it is `null`. */
export async function postNotification(
  ctx: RuleContext,
  body: unknown,
  options: { key?: string | null; citizenId?: string; as?: Actor } = {},
): Promise<Res> {
  const suite = ctx.suite;
  const citizenId = options.citizenId ?? actor(suite, 'citizen').id;
  const key = options.key === undefined ? newKey(suite) : options.key;
  const res = await send(ctx, 'POST', `/v1/citizens/${encodeURIComponent(citizenId)}/notifications`, {
    as: options.as ?? actor(suite, 'caseworker'),
    json: body,
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });
  const created = res.body as Partial<NotificationDoc> | undefined;
  if (res.status === 201 && typeof created?.id === 'string') remember(suite, { id: created.id, citizenId });
  return res;
}

export function remember(suite: SuiteState, item: { id: string; citizenId: string; owner?: Actor }): void {
  if (!suite.created.some((known) => known.id === item.id)) suite.created.push(item);
}

/** Creates a notification for the citizen and returns it (fails unless `201` with a Notification). */
export async function createNotification(ctx: RuleContext, label: string): Promise<NotificationDoc> {
  ctx.step(`create a notification (${label})`);
  const res = await postNotification(ctx, input(ctx.suite, label));
  if (res.status === 404) fail(`${describe(res)}: is the caseworker assigned to the citizen?`);
  return expectJson(res, 201, 'Notification') as NotificationDoc;
}

export async function listPage(ctx: RuleContext, as: Actor, query: Record<string, string | number> = {}): Promise<Page> {
  const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])).toString();
  const res = await send(ctx, 'GET', `/v1/notifications${search ? `?${search}` : ''}`, { as });
  return expectJson(res, 200, 'NotificationPage') as Page;
}

/** The citizen's notifications with this title, from the newest `pages` pages of 100. */
export async function findByTitle(ctx: RuleContext, as: Actor, title: string, pages = 3): Promise<NotificationDoc[]> {
  ctx.step(`look for "${title}" in GET /v1/notifications`);
  const found: NotificationDoc[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const result: Page = await listPage(ctx, as, cursor === null ? { limit: 100 } : { limit: 100, cursor });
    found.push(...result.items.filter((item) => item.title === title));
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  return found;
}
