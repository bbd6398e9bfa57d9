/** Authentication: `401` with the right `code` and `WWW-Authenticate` for each way a token can be wrong. */
import { check, skip, type RuleContext, type RuleGroup, type TokenMinter } from '../context.js';
import { expectJson, expectProblem, send } from '../http.js';
import { actor } from '../notifications.js';
import { tamperSignature } from '../tokens.js';

function minter(ctx: RuleContext): TokenMinter {
  const found = ctx.suite.minter;
  if (found === undefined) skip('needs a --jwt-secret the server accepts (see setup.jwt-secret)');
  return found;
}

async function rejected(ctx: RuleContext, what: string, token: string, code: string): Promise<void> {
  ctx.step(`GET /v1/me with ${what}`);
  expectProblem(await send(ctx, 'GET', '/v1/me', { as: token }), 401, code, { wwwAuthenticate: 'invalid_token' });
}

export const auth: RuleGroup = {
  name: 'auth',
  title: 'Authentication',
  rules: [
    {
      id: 'auth.valid-token',
      title: 'GET /v1/me with the citizen\'s and the caseworker\'s tokens → 200, a Me document with their role',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        for (const who of [actor(ctx.suite, 'citizen'), actor(ctx.suite, 'caseworker')]) {
          ctx.step(`GET /v1/me as ${who.role} ${who.id}`);
          const me = expectJson(await send(ctx, 'GET', '/v1/me', { as: who }), 200, 'Me') as { id: string; role: string };
          check(me.id === who.id && me.role === who.role, `GET /v1/me as ${who.id} answered ${me.id} (${me.role})`);
        }
      },
    },
    {
      id: 'auth.missing-token',
      title: 'no token → 401 unauthenticated with WWW-Authenticate: Bearer (without error=)',
      async run(ctx) {
        ctx.step('GET /v1/me without Authorization');
        expectProblem(await send(ctx, 'GET', '/v1/me'), 401, 'unauthenticated', { wwwAuthenticate: 'none' });
      },
    },
    {
      id: 'auth.malformed-token',
      title: 'a token that is not a JWT → 401 token-invalid with WWW-Authenticate: Bearer error="invalid_token"',
      run: (ctx) => rejected(ctx, 'a malformed token', 'not-a-jwt', 'token-invalid'),
    },
    {
      id: 'auth.bad-signature',
      title: 'the citizen\'s token with a broken signature → 401 token-invalid',
      needs: ['citizen'],
      run: (ctx) => rejected(ctx, 'a bad signature', tamperSignature(actor(ctx.suite, 'citizen').token), 'token-invalid'),
    },
    {
      id: 'auth.expired-token',
      title: 'an expired token (exp an hour ago) → 401 token-expired',
      needs: ['jwtSecret', 'citizen'],
      async run(ctx) {
        const now = Math.floor(Date.now() / 1000);
        await rejected(ctx, 'an expired token', await minter(ctx).mint({ iat: now - 7200, exp: now - 3600 }), 'token-expired');
      },
    },
    {
      id: 'auth.wrong-audience',
      title: 'a token for another audience → 401 token-audience',
      needs: ['jwtSecret', 'citizen'],
      async run(ctx) {
        await rejected(ctx, 'a token for another audience', await minter(ctx).mint({ aud: `conformance-other-audience-${ctx.suite.runId}` }), 'token-audience');
      },
    },
    {
      id: 'auth.unknown-user',
      title: 'a well-signed token for a user the server does not know → 401 token-invalid',
      needs: ['jwtSecret', 'citizen'],
      async run(ctx) {
        await rejected(ctx, 'a token for an unknown user', await minter(ctx).mint({ sub: `conformance-nobody-${ctx.suite.runId}` }), 'token-invalid');
      },
    },
    {
      id: 'auth.missing-exp',
      title: 'a well-signed token without exp → 401 token-invalid',
      needs: ['jwtSecret', 'citizen'],
      async run(ctx) {
        await rejected(ctx, 'a token without exp', await minter(ctx).mint({ exp: null }), 'token-invalid');
      },
    },
  ],
};
