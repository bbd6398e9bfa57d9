/** Setup: health, and the tokens the other groups act with. */
import { check, fail, skip, type Actor, type RuleContext, type RuleGroup } from '../context.js';
import { describe, expectJson, expectProblem, send } from '../http.js';
import { input, newKey, remember } from '../notifications.js';
import { actorFromToken, createMinter, demoLogin, demoUsers, whoAmI, type DemoUser } from '../tokens.js';

async function tokens(ctx: RuleContext): Promise<void> {
  const { options } = ctx.suite;
  const given: [keyof Pick<typeof ctx.suite, 'citizen' | 'otherCitizen' | 'caseworker'>, string | undefined, 'citizen' | 'caseworker', string][] = [
    ['citizen', options.citizenToken, 'citizen', 'citizen token (--citizen-token)'],
    ['otherCitizen', options.otherCitizenToken, 'citizen', 'other citizen token (--other-citizen-token)'],
    ['caseworker', options.caseworkerToken, 'caseworker', 'caseworker token (--caseworker-token)'],
  ];
  if (given.every(([, token]) => token === undefined) && !options.demo) {
    skip('no tokens given: pass --citizen-token, --other-citizen-token, --caseworker-token or --demo');
  }
  for (const [slot, token, role, label] of given) {
    if (token === undefined) continue;
    ctx.step(`GET /v1/me with the ${label}`);
    ctx.suite[slot] = await actorFromToken(ctx, token, role, label, label.replace(/^.*\((.*)\)$/, '$1'));
  }
  const { citizen, otherCitizen } = ctx.suite;
  if (citizen !== undefined && otherCitizen !== undefined && citizen.id === otherCitizen.id) {
    ctx.suite.otherCitizen = undefined;
    fail(`--citizen-token and --other-citizen-token belong to the same user (${citizen.id}); the other citizen must be someone else`);
  }
  if (options.demo) await demo(ctx);
  const missing = (['citizen', 'otherCitizen', 'caseworker'] as const).filter((slot) => ctx.suite[slot] === undefined);
  if (missing.length > 0) ctx.note(`no token for: ${missing.join(', ')} (the rules that need one are skipped)`);
}

async function demo(ctx: RuleContext): Promise<void> {
  const suite = ctx.suite;
  if (suite.citizen !== undefined && suite.otherCitizen !== undefined && suite.caseworker !== undefined) return;
  const users = await demoUsers(ctx);
  const citizens = users.filter((user) => user.role === 'citizen');
  const caseworkers = users.filter((user) => user.role === 'caseworker');
  const logins = new Map<string, Actor>();
  const login = async (user: DemoUser): Promise<Actor> => {
    const known = logins.get(user.id);
    if (known !== undefined) return known;
    const actor = await demoLogin(ctx, user);
    logins.set(user.id, actor);
    return actor;
  };

  // A citizen and a caseworker assigned to them. The contract has no "who is assigned to whom" route, so the
  // suite asks the one route that knows: a caseworker may create a notification only for an assigned citizen.
  if (suite.citizen === undefined || suite.caseworker === undefined) {
    const citizenCandidates = suite.citizen !== undefined ? [suite.citizen] : citizens;
    const caseworkerCandidates = suite.caseworker !== undefined ? [suite.caseworker] : caseworkers;
    if (citizenCandidates.length === 0) fail('GET /v1/demo/users lists no citizen');
    if (caseworkerCandidates.length === 0) fail('GET /v1/demo/users lists no caseworker');
    let pair: [Actor, Actor] | undefined;
    search: for (const citizenUser of citizenCandidates) {
      for (const caseworkerUser of caseworkerCandidates) {
        const caseworker = 'token' in caseworkerUser ? caseworkerUser : await login(caseworkerUser);
        ctx.step(`is ${caseworker.id} assigned to ${citizenUser.id}? (POST /v1/citizens/${citizenUser.id}/notifications)`);
        const res = await send(ctx, 'POST', `/v1/citizens/${encodeURIComponent(citizenUser.id)}/notifications`, {
          as: caseworker,
          json: input(suite, 'setup (finding an assigned caseworker)'),
          headers: { 'Idempotency-Key': newKey(suite) },
        });
        if (res.status === 404) continue;
        const created = expectJson(res, 201, 'Notification') as { id: string };
        remember(suite, { id: created.id, citizenId: citizenUser.id });
        const citizen = 'token' in citizenUser ? citizenUser : await login(citizenUser);
        pair = [citizen, caseworker];
        break search;
      }
    }
    if (pair === undefined) fail('no demo caseworker is assigned to a demo citizen (every POST /v1/citizens/{id}/notifications answered 404)');
    [suite.citizen, suite.caseworker] = pair;
  }
  if (suite.otherCitizen === undefined) {
    const others = citizens.filter((user) => user.id !== suite.citizen?.id);
    if (others.length === 0) fail('GET /v1/demo/users lists only one citizen; the isolation rules need two');
    // Prefer a citizen the caseworker is not assigned to, so authorisation.unassigned-citizen has one to try.
    const caseworker = suite.caseworker;
    for (const candidate of others) {
      ctx.step(`is ${caseworker.id} assigned to ${candidate.id}? (POST /v1/citizens/${candidate.id}/notifications)`);
      const res = await send(ctx, 'POST', `/v1/citizens/${encodeURIComponent(candidate.id)}/notifications`, {
        as: caseworker,
        json: input(suite, 'setup (finding an unassigned citizen)'),
        headers: { 'Idempotency-Key': newKey(suite) },
      });
      if (res.status === 404) {
        suite.otherCitizen = await login(candidate);
        suite.otherCitizenAssigned = false;
        break;
      }
      const created = expectJson(res, 201, 'Notification') as { id: string };
      remember(suite, { id: created.id, citizenId: candidate.id, owner: await login(candidate) });
    }
    if (suite.otherCitizen === undefined) {
      const first = others.at(0);
      if (first === undefined) fail('no other citizen');
      suite.otherCitizen = await login(first);
      suite.otherCitizenAssigned = true;
    }
  }
  for (const user of [suite.citizen, suite.otherCitizen, suite.caseworker]) {
    if (user.source !== 'demo') continue;
    ctx.step(`GET /v1/me as demo user ${user.id}`);
    const me = await whoAmI(ctx, user.token, `demo token of ${user.id}`);
    check(me.id === user.id && me.role === user.role, `GET /v1/me with the demo token of ${user.id} answered ${me.id} (${me.role})`);
  }
}

export const setup: RuleGroup = {
  name: 'setup',
  title: 'Setup: health and tokens',
  rules: [
    {
      id: 'setup.health',
      title: 'GET /health/live → 200 {"status":"ok"}; GET /health/ready → 200 {"status":"ok"} or 503 unavailable',
      async run(ctx) {
        ctx.step('GET /health/live');
        expectJson(await send(ctx, 'GET', '/health/live'), 200, 'HealthStatus');
        ctx.step('GET /health/ready');
        const ready = await send(ctx, 'GET', '/health/ready');
        if (ready.status === 503) {
          expectProblem(ready, 503, 'unavailable');
          ctx.note('the server reports it is not ready (503 unavailable)');
        } else expectJson(ready, 200, 'HealthStatus');
      },
    },
    {
      id: 'setup.tokens',
      title: 'the given tokens are accepted by GET /v1/me with the right role; --demo: the demo routes give a citizen, another citizen and a caseworker assigned to the citizen',
      run: tokens,
    },
    {
      id: 'setup.jwt-secret',
      title: '--jwt-secret: a token the suite mints for the citizen is accepted (so the expiry and audience rules test what they say)',
      needs: ['jwtSecret', 'citizen'],
      async run(ctx) {
        const { options } = ctx.suite;
        const citizen = ctx.suite.citizen;
        if (options.jwtSecret === undefined) skip('skipped (needs --jwt-secret)');
        if (citizen === undefined) skip('needs a citizen token');
        const minter = createMinter(options.jwtSecret, citizen, options.audience, options.issuer);
        ctx.step(`GET /v1/me with a minted token (aud "${minter.audience}"${minter.issuer === undefined ? '' : `, iss "${minter.issuer}"`})`);
        const res = await send(ctx, 'GET', '/v1/me', { as: await minter.mint() });
        if (res.status !== 200) {
          fail(`a valid token minted with --jwt-secret was rejected: ${describe(res)}; check --jwt-secret, --audience and --issuer`);
        }
        const me = expectJson(res, 200, 'Me') as { id: string };
        check(me.id === citizen.id, `GET /v1/me with a minted token for ${citizen.id} answered ${me.id}`);
        ctx.suite.minter = minter;
      },
    },
  ],
};
