/** Notifications: a caseworker creates one, the citizen lists, reads and marks it read. */
import { check, fail, precondition, sleep, type RuleContext, type RuleGroup, type SuiteState } from '../context.js';
import { expectJson, expectProblem, send } from '../http.js';
import { actor, createNotification, findByTitle, input, postNotification, type NotificationDoc, type NotificationInput } from '../notifications.js';

/** The notification `notifications.create` made, per run. */
const shared = new WeakMap<SuiteState, NotificationDoc>();

async function theNotification(ctx: RuleContext): Promise<NotificationDoc> {
  let created = shared.get(ctx.suite);
  if (created === undefined) {
    created = await precondition('create a notification', () => createNotification(ctx, 'notifications'));
    shared.set(ctx.suite, created);
  }
  return created;
}

async function invalidCreate(ctx: RuleContext, what: string, body: NotificationInput, pointer: string): Promise<void> {
  ctx.step(`POST /v1/citizens/{citizenId}/notifications with ${what}`);
  expectProblem(await postNotification(ctx, body), 400, 'invalid-request', { pointers: [pointer] });
  const found = await findByTitle(ctx, actor(ctx.suite, 'citizen'), body.title, 1);
  check(found.length === 0, `the request with ${what} created a notification`);
}

export const notifications: RuleGroup = {
  name: 'notifications',
  title: 'Notifications',
  rules: [
    {
      id: 'notifications.create',
      title: 'a caseworker creates a notification for their citizen → 201 with the Notification (unread, for that citizen)',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const body = { ...input(ctx.suite, 'notifications'), link: '/selvbooking' };
        ctx.step('POST /v1/citizens/{citizenId}/notifications');
        const res = await postNotification(ctx, body);
        const created = expectJson(res, 201, 'Notification') as NotificationDoc;
        const citizen = actor(ctx.suite, 'citizen');
        check(created.citizenId === citizen.id, `citizenId is ${created.citizenId}, expected ${citizen.id}`);
        check(created.title === body.title && created.body === body.body && created.link === body.link, 'title, body or link differ from what was sent');
        check(created.readAt === null, `a new notification has readAt ${String(created.readAt)}, expected null`);
        shared.set(ctx.suite, created);
      },
    },
    {
      id: 'notifications.list',
      title: 'the citizen sees the new notification first in GET /v1/notifications (newest first)',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const created = await theNotification(ctx);
        ctx.step('GET /v1/notifications as the citizen');
        const page = expectJson(await send(ctx, 'GET', '/v1/notifications', { as: actor(ctx.suite, 'citizen') }), 200, 'NotificationPage') as { items: NotificationDoc[] };
        check(page.items.length <= 20, `the default page has ${String(page.items.length)} items, more than the default limit 20`);
        const index = page.items.findIndex((item) => item.id === created.id);
        check(index !== -1, 'the new notification is not on the first page of GET /v1/notifications');
        check(index === 0, `the newest notification is at position ${String(index + 1)}, not first`);
      },
    },
    {
      id: 'notifications.get',
      title: 'GET /v1/notifications/{id} as the citizen → 200, the same notification; an unknown id → 404 not-found',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const created = await theNotification(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        ctx.step(`GET /v1/notifications/${created.id}`);
        const got = expectJson(await send(ctx, 'GET', `/v1/notifications/${encodeURIComponent(created.id)}`, { as: citizen }), 200, 'Notification') as NotificationDoc;
        check(got.id === created.id && got.title === created.title && got.createdAt === created.createdAt, 'GET answered a different notification than the POST created');
        ctx.step('GET /v1/notifications/<unknown id>');
        expectProblem(await send(ctx, 'GET', `/v1/notifications/conformance-nothing-${ctx.suite.runId}`, { as: citizen }), 404, 'not-found');
      },
    },
    {
      id: 'notifications.read',
      title: 'POST /v1/notifications/{id}/read → 200 with readAt set; repeating it answers the same readAt',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const created = await theNotification(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        const path = `/v1/notifications/${encodeURIComponent(created.id)}/read`;
        ctx.step(`POST ${path}`);
        const first = expectJson(await send(ctx, 'POST', path, { as: citizen }), 200, 'Notification') as NotificationDoc;
        if (first.readAt === null) fail('readAt is still null after POST …/read');
        await sleep(1100, ctx.signal); // so a server that rewrites readAt with second precision is caught
        ctx.step(`POST ${path} again`);
        const second = expectJson(await send(ctx, 'POST', path, { as: citizen }), 200, 'Notification') as NotificationDoc;
        check(second.readAt === first.readAt, `readAt changed from ${first.readAt} to ${String(second.readAt)} on the second POST …/read`);
        ctx.step(`GET /v1/notifications/${created.id}`);
        const got = expectJson(await send(ctx, 'GET', `/v1/notifications/${encodeURIComponent(created.id)}`, { as: citizen }), 200, 'Notification') as NotificationDoc;
        check(got.readAt === first.readAt, `GET gives readAt ${String(got.readAt)}, POST …/read answered ${first.readAt}`);
        ctx.step('POST /v1/notifications/<unknown id>/read');
        expectProblem(await send(ctx, 'POST', `/v1/notifications/conformance-nothing-${ctx.suite.runId}/read`, { as: citizen }), 404, 'not-found');
      },
    },
    {
      id: 'notifications.validation',
      title: 'an invalid notification (title over 120 characters, empty body, javascript: link) → 400 invalid-request with the pointer, nothing created',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const base = input(ctx.suite, 'invalid');
        await invalidCreate(ctx, 'a 121-character title', { ...base, title: `${base.title} ${'x'.repeat(121)}`.slice(0, 121) }, '/title');
        await invalidCreate(ctx, 'an empty body', { ...base, body: '' }, '/body');
        await invalidCreate(ctx, 'a javascript: link', { ...base, link: 'javascript:alert(1)' }, '/link');
      },
    },
  ],
};
