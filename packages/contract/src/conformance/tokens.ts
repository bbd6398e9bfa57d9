/// <reference types="node" />
/**
 * How the suite gets its tokens: explicit tokens (flags or environment), the server's demo routes (`--demo`),
 * and — with `--jwt-secret` — tokens it mints itself (HS256) to test expiry, audience and unknown users.
 */
import { Buffer } from 'node:buffer';
import { decodeJwt, SignJWT } from 'jose';
import { fail, type Actor, type Role, type RuleContext, type TokenMinter } from './context.js';
import { describe, expectJson, isRecord, send } from './http.js';

/** `GET /v1/me` with a token: the user it belongs to, checked against the Me schema. */
export async function whoAmI(ctx: RuleContext, token: string, label: string): Promise<{ id: string; role: Role; firstName: string }> {
  const res = await send(ctx, 'GET', '/v1/me', { as: token });
  if (res.status === 401) fail(`the ${label} was rejected: ${describe(res)}`);
  const me = expectJson(res, 200, 'Me') as { id: string; role: Role; firstName: string };
  return { id: me.id, role: me.role, firstName: me.firstName };
}

export async function actorFromToken(ctx: RuleContext, token: string, role: Role, label: string, source: string): Promise<Actor> {
  const me = await whoAmI(ctx, token, label);
  if (me.role !== role) fail(`the ${label} belongs to ${me.id}, whose role is "${me.role}", not "${role}"`);
  return { token, id: me.id, role: me.role, firstName: me.firstName, source };
}

export interface DemoUser {
  id: string;
  role: Role;
  firstName: string;
  description: string;
}

export async function demoUsers(ctx: RuleContext): Promise<DemoUser[]> {
  ctx.step('GET /v1/demo/users');
  const res = await send(ctx, 'GET', '/v1/demo/users');
  if (res.status === 404) fail(`${describe(res)}: the server does not run in demo mode; start it in demo mode or pass tokens`);
  const list = expectJson(res, 200, 'DemoUserList') as { items: DemoUser[] };
  return list.items;
}

export async function demoLogin(ctx: RuleContext, user: DemoUser): Promise<Actor> {
  ctx.step(`POST /v1/demo/login as ${user.id}`);
  const res = await send(ctx, 'POST', '/v1/demo/login', { json: { userId: user.id } });
  const body = expectJson(res, 200, 'DemoLoginResponse') as { token: string; user: { id: string; role: Role; firstName: string } };
  if (body.user.id !== user.id || body.user.role !== user.role) {
    fail(`POST /v1/demo/login for ${user.id} answered the user ${body.user.id} (${body.user.role})`);
  }
  return { token: body.token, id: user.id, role: user.role, firstName: user.firstName, source: 'demo' };
}

/** The claims of a JWT without verifying it (to reuse its audience and issuer), or `undefined`. */
export function peekClaims(token: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

/** The same token with every bit of its signature flipped: a well-formed JWT with a bad signature. */
export function tamperSignature(token: string): string {
  const parts = token.split('.');
  if (parts.length !== 3) return `${token}x`;
  const signature = Buffer.from(parts[2] ?? '', 'base64url');
  const flipped = signature.length > 0 ? Buffer.from(signature.map((byte) => byte ^ 0xff)) : Buffer.from('conformance');
  return `${parts[0] ?? ''}.${parts[1] ?? ''}.${flipped.toString('base64url')}`;
}

/** Mints HS256 tokens for `citizen`, with the audience and issuer of `--audience`/`--issuer` or of its own token. */
export function createMinter(secret: string, citizen: Actor, audienceOption?: string, issuerOption?: string): TokenMinter {
  const claims = peekClaims(citizen.token);
  const tokenAudience = claims?.aud;
  const audience =
    audienceOption ??
    (typeof tokenAudience === 'string' ? tokenAudience : Array.isArray(tokenAudience) && typeof tokenAudience[0] === 'string' ? tokenAudience[0] : 'jobunivers');
  const issuer = issuerOption ?? (typeof claims?.iss === 'string' ? claims.iss : undefined);
  const key = new TextEncoder().encode(secret);
  return {
    audience,
    issuer,
    async mint(overrides = {}) {
      const now = Math.floor(Date.now() / 1000);
      let jwt = new SignJWT({ role: citizen.role })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(overrides.sub ?? citizen.id)
        .setAudience(overrides.aud ?? audience)
        .setIssuedAt(overrides.iat ?? now);
      if (issuer !== undefined) jwt = jwt.setIssuer(issuer);
      if (overrides.exp !== null) jwt = jwt.setExpirationTime(overrides.exp ?? now + 600);
      return jwt.sign(key);
    },
  };
}

export function isProblemCode(body: unknown, code: string): boolean {
  return isRecord(body) && body.code === code;
}
