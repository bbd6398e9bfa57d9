/** Rate limiting (only with --include-rate-limit: it deliberately exhausts the citizen's quota). */
import { check, skip, type RuleGroup } from '../context.js';
import { expectProblem, send, type Res } from '../http.js';
import { actor } from '../notifications.js';

const CONCURRENCY = 10;

export const rateLimit: RuleGroup = {
  name: 'rate-limit',
  title: 'Rate limiting (--include-rate-limit)',
  optIn: true,
  rules: [
    {
      id: 'rate-limit.429',
      title: 'many requests in a row → 429 rate-limited with Retry-After (seconds)',
      needs: ['citizen'],
      timeoutMs: 120_000,
      async run(ctx) {
        const citizen = actor(ctx.suite, 'citizen');
        const budget = ctx.suite.options.rateLimitRequests;
        let sent = 0;
        let limited: Res | undefined;
        ctx.step(`up to ${String(budget)} × GET /v1/me, ${String(CONCURRENCY)} at a time`);
        while (limited === undefined && sent < budget) {
          const batch = Math.min(CONCURRENCY, budget - sent);
          sent += batch;
          const answers = await Promise.all(Array.from({ length: batch }, () => send(ctx, 'GET', '/v1/me', { as: citizen, noRetry: true })));
          limited = answers.find((res) => res.status === 429);
        }
        if (limited === undefined) skip(`no 429 after ${String(sent)} requests to GET /v1/me: the server may not limit this route this tightly (raise --rate-limit-requests)`);
        expectProblem(limited, 429, 'rate-limited');
        const retryAfter = limited.headers.get('retry-after');
        check(retryAfter !== null && /^\d+$/.test(retryAfter), `429 needs Retry-After in seconds, got ${String(retryAfter)}`);
        ctx.note(`429 after ${String(sent)} requests, Retry-After: ${retryAfter}`);
      },
    },
  ],
};
