/** Lists: `limit`, `nextCursor`, no repeats or gaps across pages (also when items are added), invalid cursors. */
import { check, fail, precondition, type RuleContext, type RuleGroup } from '../context.js';
import { expectJson, expectProblem, send } from '../http.js';
import { actor, createNotification, listPage, type NotificationDoc, type Page } from '../notifications.js';

const needs = ['citizen', 'caseworker'] as const;
const MAX_PAGES = 200;

/** Creates `count` notifications, oldest first. */
async function createSeveral(ctx: RuleContext, label: string, count: number): Promise<NotificationDoc[]> {
  return precondition(`create ${String(count)} notifications`, async () => {
    const created: NotificationDoc[] = [];
    for (let index = 1; index <= count; index++) created.push(await createNotification(ctx, `${label} ${String(index)}`));
    return created;
  });
}

/**
 * Walks the citizen's list with `limit` until the page that contains `stopId` (inclusive), calling `between` after
 * the first page. Fails on a page over `limit` or a repeated id; returns the ids in order, up to `stopId`.
 */
async function walk(ctx: RuleContext, limit: number, stopId: string, between?: () => Promise<void>): Promise<string[]> {
  const citizen = actor(ctx.suite, 'citizen');
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 1; page <= MAX_PAGES; page++) {
    ctx.step(`GET /v1/notifications?limit=${String(limit)} page ${String(page)}`);
    const result: Page = await listPage(ctx, citizen, cursor === null ? { limit } : { limit, cursor });
    check(result.items.length <= limit, `page ${String(page)} has ${String(result.items.length)} items with limit=${String(limit)}`);
    for (const item of result.items) {
      if (ids.includes(item.id)) fail(`notification ${item.id} appears twice across the pages (again on page ${String(page)})`);
      ids.push(item.id);
    }
    if (page === 1 && between !== undefined) await between();
    const stop = ids.indexOf(stopId);
    if (stop !== -1) return ids.slice(0, stop + 1);
    if (result.nextCursor === null) fail(`the last page (${String(page)}) came before notification ${stopId}, which the citizen has: an item was skipped`);
    check(result.items.length > 0, `page ${String(page)} is empty but has a nextCursor`);
    cursor = result.nextCursor;
  }
  fail(`notification ${stopId} not reached within ${String(MAX_PAGES)} pages`);
}

export const pagination: RuleGroup = {
  name: 'pagination',
  title: 'Lists (pagination)',
  rules: [
    {
      id: 'pagination.limit',
      title: 'GET /v1/notifications?limit=2 → 2 items and a nextCursor when there are more; limit=0 and limit=101 → 400 invalid-request',
      needs: [...needs],
      async run(ctx) {
        await createSeveral(ctx, 'pagination limit', 3);
        const citizen = actor(ctx.suite, 'citizen');
        ctx.step('GET /v1/notifications?limit=2');
        const page = await listPage(ctx, citizen, { limit: 2 });
        check(page.items.length === 2, `limit=2 answered ${String(page.items.length)} items although the citizen has at least 3`);
        check(page.nextCursor !== null, 'limit=2 answered nextCursor null although the citizen has at least 3 notifications');
        for (const limit of [0, 101]) {
          ctx.step(`GET /v1/notifications?limit=${String(limit)}`);
          const res = await send(ctx, 'GET', `/v1/notifications?limit=${String(limit)}`, { as: citizen });
          expectProblem(res, 400, 'invalid-request', { pointers: ['/query/limit'] });
        }
      },
    },
    {
      id: 'pagination.walk',
      title: 'walking the pages with limit=2 gives every item once, newest first (createdAt never increases), until nextCursor is null or the oldest item',
      needs: [...needs],
      async run(ctx) {
        const created = await createSeveral(ctx, 'pagination walk', 5);
        const oldest = created.at(0);
        if (oldest === undefined) fail('nothing was created');
        const ids = await walk(ctx, 2, oldest.id);
        for (const item of created) check(ids.includes(item.id), `notification ${item.id} was skipped`);
        const positions = created.map((item) => ids.indexOf(item.id));
        check(positions.every((position, index) => index === 0 || position < (positions[index - 1] ?? -1)), `the newest notification is not listed first: creation order ${created.map((item) => item.id).join(', ')} listed at positions ${positions.join(', ')}`);
        // createdAt never increases down the whole list.
        ctx.step('GET /v1/notifications?limit=100 (order)');
        const page = expectJson(await send(ctx, 'GET', '/v1/notifications?limit=100', { as: actor(ctx.suite, 'citizen') }), 200, 'NotificationPage') as Page;
        const times = page.items.map((item) => Date.parse(item.createdAt));
        const rise = times.findIndex((time, index) => index > 0 && time > (times[index - 1] ?? Infinity));
        check(rise === -1, `createdAt increases between items ${String(rise)} and ${String(rise + 1)} of the list: not newest first`);
      },
    },
    {
      id: 'pagination.stable',
      title: 'items created after the first page neither repeat nor skip an item on later pages',
      needs: [...needs],
      async run(ctx) {
        const created = await createSeveral(ctx, 'pagination stable', 5);
        const oldest = created.at(0);
        if (oldest === undefined) fail('nothing was created');
        ctx.step('walk the list once without changes');
        const before = await walk(ctx, 100, oldest.id);
        const expected = before;
        let inserted: NotificationDoc[] = [];
        const during = await walk(ctx, 2, oldest.id, async () => {
          inserted = await createSeveral(ctx, 'pagination stable (added during the walk)', 2);
        });
        const insertedIds = new Set(inserted.map((item) => item.id));
        const seen = during.filter((id) => !insertedIds.has(id));
        const missing = expected.filter((id) => !seen.includes(id));
        check(missing.length === 0, `the walk skipped ${missing.join(', ')} after items were added`);
        check(seen.length === expected.length && seen.every((id, index) => id === expected[index]), `the walk changed order after items were added: ${seen.join(',')} vs ${expected.join(',')}`);
      },
    },
    {
      id: 'pagination.invalid-cursor',
      title: 'a cursor the server did not issue → 400 invalid-cursor',
      needs: ['citizen'],
      async run(ctx) {
        ctx.step('GET /v1/notifications?cursor=<not issued>');
        const res = await send(ctx, 'GET', `/v1/notifications?cursor=conformance-not-a-cursor-${ctx.suite.runId}`, { as: actor(ctx.suite, 'citizen') });
        expectProblem(res, 400, 'invalid-cursor');
      },
    },
  ],
};
