// Bearer JWT verification (jose): HS256 with a shared secret (demo) or RS256/ES256 keys from a JWKS URL.
// Every failure maps to one of the contract's 401 codes; the user must exist and have the token's role.
import type { Role } from '@jobunivers/contract';
import type { FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import type { ServerConfig } from './config.js';
import type { Database } from './db/schema.js';
import { ProblemError } from './problem.js';

export interface AuthenticatedUser {
  id: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` on routes that need a user. */
    user: AuthenticatedUser | null;
  }
}

const ROLES: readonly string[] = ['citizen', 'caseworker'];

export interface TokenVerifier {
  /** Answers the verified claims or throws a ProblemError with a 401 (or 503 when the JWKS cannot be fetched). */
  verify(token: string): Promise<{ sub: string; role: Role }>;
  /** Mints a token (demo mode only: needs the HS256 secret). */
  mint(userId: string, role: Role, lifetimeSeconds: number): Promise<{ token: string; expiresAt: string }>;
}

export function createTokenVerifier(config: Pick<ServerConfig, 'jwt' | 'jwtAudience' | 'jwtIssuer'>): TokenVerifier {
  const secretKey = config.jwt.kind === 'secret' ? new TextEncoder().encode(config.jwt.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined =
    config.jwt.kind === 'jwks' ? createRemoteJWKSet(new URL(config.jwt.url), { timeoutDuration: 5000, cooldownDuration: 30_000 }) : undefined;
  const options = {
    audience: config.jwtAudience,
    algorithms: secretKey !== undefined ? ['HS256'] : ['RS256', 'ES256'],
    requiredClaims: ['exp', 'sub'],
    clockTolerance: 5,
    ...(config.jwtIssuer === undefined ? {} : { issuer: config.jwtIssuer }),
  };

  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        payload = secretKey !== undefined
          ? (await jwtVerify(token, secretKey, options)).payload
          : (await jwtVerify(token, jwks as JWTVerifyGetKey, options)).payload;
      } catch (error) {
        throw mapJoseError(error);
      }
      const { sub, role } = payload;
      if (typeof sub !== 'string' || sub === '' || typeof role !== 'string' || !ROLES.includes(role)) {
        throw new ProblemError('token-invalid', { detail: 'The token lacks a valid sub or role claim.' });
      }
      return { sub, role: role as Role };
    },

    async mint(userId, role, lifetimeSeconds) {
      if (secretKey === undefined) throw new Error('Tokens can only be minted with JWT_SECRET (demo mode).');
      const expires = Math.floor(Date.now() / 1000) + lifetimeSeconds;
      let builder = new SignJWT({ role })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setAudience(config.jwtAudience)
        .setIssuedAt()
        .setExpirationTime(expires);
      if (config.jwtIssuer !== undefined) builder = builder.setIssuer(config.jwtIssuer);
      return { token: await builder.sign(secretKey), expiresAt: new Date(expires * 1000).toISOString() };
    },
  };
}

function mapJoseError(error: unknown): ProblemError {
  if (error instanceof errors.JWTExpired) return new ProblemError('token-expired', { detail: 'The token has expired; get a new one.' });
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud' && error.reason !== 'missing') {
      return new ProblemError('token-audience', { detail: 'The token is meant for another service.' });
    }
    return new ProblemError('token-invalid', { detail: `The token's ${error.claim} claim is missing or not valid.` });
  }
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && !(error instanceof errors.JOSEError))) {
    return new ProblemError('unavailable', { detail: 'The signing keys could not be fetched.', retryAfter: 5 });
  }
  return new ProblemError('token-invalid', { detail: 'The token could not be verified.' });
}

/** Reads `Authorization: Bearer <token>`; `undefined` when there is none. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (match === null) {
    if (/^Bearer\b/i.test(header.trim())) throw new ProblemError('token-invalid', { detail: 'The Authorization header is not "Bearer <token>".' });
    return undefined;
  }
  return match[1];
}

/** An onRequest hook: authenticates the request and checks the user's role. */
export function authenticate(db: Kysely<Database>, verifier: TokenVerifier, roles: readonly Role[] = ['citizen', 'caseworker']) {
  return async function authenticateRequest(request: FastifyRequest): Promise<void> {
    const token = bearerToken(request);
    if (token === undefined) throw new ProblemError('unauthenticated', { detail: 'Send Authorization: Bearer <token>.' });
    const claims = await verifier.verify(token);
    const user = await db.selectFrom('users').select(['id', 'role']).where('id', '=', claims.sub).executeTakeFirst();
    if (user === undefined || user.role !== claims.role) {
      throw new ProblemError('token-invalid', { detail: 'The token is for an unknown user.' });
    }
    request.user = { id: user.id, role: user.role };
    requireRole(request, roles);
  };
}

/** The user `authenticate` set on this request (routes without `authenticate` must not call this). */
export function userOf(request: FastifyRequest): AuthenticatedUser {
  if (request.user === null) throw new ProblemError('unauthenticated');
  return request.user;
}

/** Throws `403 forbidden` unless the authenticated user has one of `roles`. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): AuthenticatedUser {
  const user = request.user;
  if (user === null) throw new ProblemError('unauthenticated');
  if (!roles.includes(user.role)) throw new ProblemError('forbidden', { detail: `Only a ${roles.join(' or ')} may do this.` });
  return user;
}
