/** Idempotency: creates need a key; a replay answers the original; a reused key with another body is refused. */
import { check, fail, type RuleGroup } from '../context.js';
import { describe, expectJson, expectProblem, isRecord, sameJson } from '../http.js';
import { actor, findByTitle, input, newKey, postNotification } from '../notifications.js';

const needs = ['citizen', 'caseworker'] as const;

export const idempotency: RuleGroup = {
  name: 'idempotency',
  title: 'Idempotency',
  rules: [
    {
      id: 'idempotency.key-required',
      title: 'a create without Idempotency-Key → 400 idempotency-key-required, nothing created',
      needs: [...needs],
      async run(ctx) {
        const body = input(ctx.suite, 'no idempotency key');
        ctx.step('POST /v1/citizens/{citizenId}/notifications without Idempotency-Key');
        expectProblem(await postNotification(ctx, body, { key: null }), 400, 'idempotency-key-required');
        const found = await findByTitle(ctx, actor(ctx.suite, 'citizen'), body.title, 1);
        check(found.length === 0, 'the request without a key created a notification');
      },
    },
    {
      id: 'idempotency.key-invalid',
      title: 'a create with an Idempotency-Key outside [A-Za-z0-9_.:-]{1,255} → 400 idempotency-key-required, nothing created',
      needs: [...needs],
      async run(ctx) {
        const body = input(ctx.suite, 'invalid idempotency key');
        for (const [what, key] of [['"bad key!"', 'bad key!'], ['a 256-character key', 'k'.repeat(256)]] as const) {
          ctx.step(`POST /v1/citizens/{citizenId}/notifications with Idempotency-Key ${what}`);
          expectProblem(await postNotification(ctx, body, { key }), 400, 'idempotency-key-required');
        }
        const found = await findByTitle(ctx, actor(ctx.suite, 'citizen'), body.title, 1);
        check(found.length === 0, 'a request with an invalid key created a notification');
      },
    },
    {
      id: 'idempotency.replay',
      title: 'the same key and body again → the original status and body with Idempotent-Replayed: true; one item created',
      needs: [...needs],
      async run(ctx) {
        const body = input(ctx.suite, 'replay');
        const key = newKey(ctx.suite);
        ctx.step('POST /v1/citizens/{citizenId}/notifications (first)');
        const first = await postNotification(ctx, body, { key });
        expectJson(first, 201, 'Notification');
        check(first.headers.get('idempotent-replayed') !== 'true', 'the first request already says Idempotent-Replayed: true');
        ctx.step('POST /v1/citizens/{citizenId}/notifications (same key, same body)');
        const second = await postNotification(ctx, body, { key });
        if (second.status !== first.status) fail(`the replay answered ${describe(second)}, the original was ${String(first.status)}`);
        check(sameJson(second.body, first.body), `the replay's body differs from the original: ${second.text.slice(0, 200)}`);
        const replayed = second.headers.get('idempotent-replayed');
        check(replayed === 'true', `the replay has Idempotent-Replayed: ${replayed === null ? '(missing)' : replayed}, expected true`);
        const found = await findByTitle(ctx, actor(ctx.suite, 'citizen'), body.title);
        check(found.length === 1, `the citizen has ${String(found.length)} notifications from the two requests, expected 1`);
      },
    },
    {
      id: 'idempotency.key-reused',
      title: 'the same key with a different body → 422 idempotency-key-reused, nothing more created',
      needs: [...needs],
      async run(ctx) {
        const body = input(ctx.suite, 'reused key (original)');
        const other = input(ctx.suite, 'reused key (different body)');
        const key = newKey(ctx.suite);
        ctx.step('POST /v1/citizens/{citizenId}/notifications (first)');
        expectJson(await postNotification(ctx, body, { key }), 201, 'Notification');
        ctx.step('POST /v1/citizens/{citizenId}/notifications (same key, different body)');
        expectProblem(await postNotification(ctx, other, { key }), 422, 'idempotency-key-reused');
        const found = await findByTitle(ctx, actor(ctx.suite, 'citizen'), other.title);
        check(found.length === 0, 'the request with the reused key created a notification');
      },
    },
    {
      id: 'idempotency.concurrent',
      title: 'four identical creates at once → one item; each answer is 201 with the same notification or 409 idempotency-key-in-use with Retry-After',
      needs: [...needs],
      async run(ctx) {
        const body = input(ctx.suite, 'concurrent');
        const key = newKey(ctx.suite);
        ctx.step('4 × POST /v1/citizens/{citizenId}/notifications at once (same key and body)');
        const answers = await Promise.all([1, 2, 3, 4].map(() => postNotification(ctx, body, { key })));
        const ids = new Set<string>();
        for (const res of answers) {
          if (res.status === 409) {
            expectProblem(res, 409, 'idempotency-key-in-use');
            check(/^\d+$/.test(res.headers.get('retry-after') ?? ''), `a 409 idempotency-key-in-use needs Retry-After (seconds), got ${String(res.headers.get('retry-after'))}`);
            continue;
          }
          const created = expectJson(res, 201, 'Notification');
          if (isRecord(created) && typeof created.id === 'string') ids.add(created.id);
        }
        check(ids.size > 0, 'no request answered 201');
        check(ids.size === 1, `the concurrent requests answered ${String(ids.size)} different notifications: ${[...ids].join(', ')}`);
        const found = await findByTitle(ctx, actor(ctx.suite, 'citizen'), body.title);
        check(found.length === 1, `the citizen has ${String(found.length)} notifications from the concurrent requests, expected 1`);
      },
    },
  ],
};
