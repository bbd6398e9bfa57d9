// Server settings from environment variables, validated once at startup with messages that say how to fix them.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DatabaseSetting =
  | { kind: 'postgres'; url: string }
  | { kind: 'sqlite'; file: string }; // file ':memory:' for an in-memory database

export type JwtSetting =
  | { kind: 'secret'; secret: string; isDemoDefault: boolean }
  | { kind: 'jwks'; url: string };

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseSetting;
  demo: boolean;
  jwt: JwtSetting;
  jwtAudience: string;
  jwtIssuer: string | undefined;
  /** Origins allowed by CORS; empty means same-origin only. */
  corsOrigins: string[];
  /** Requests per minute per client. */
  rateLimit: number;
  logLevel: string;
  /** Milliseconds between SSE keep-alive comments (≤ 25 s by the contract). */
  keepAliveMs: number;
  /** How long events are kept for `Last-Event-ID` replay (≥ 24 h by the contract). */
  eventRetentionMs: number;
  /** How long idempotency keys are kept (≥ 24 h by the contract). */
  idempotencyRetentionMs: number;
  /** The repository root, where `docs/`, `.data/` and `packages/` live. */
  rootDir: string;
  /** Live chat: treat every minute as inside opening hours (demo and end-to-end tests). */
  chatAlwaysOpen: boolean;
  /** Live chat: days a conversation is kept after it ends (or after a left message was written). */
  chatRetentionDays: number;
  /** Live chat: where uploaded files are stored (never under a served directory). */
  chatAttachmentsDir: string;
  /** Live chat: the page on how chats are stored; `undefined` means the municipality's website + /chat-og-persondata. */
  chatConsentUrl: string | undefined;
  /** Live chat: new messages per conversation and side per minute (more is 429). */
  chatMessagesPerMinute: number;
  /** Video library: the media directory; `<mediaDir>/videos/catalog.json` is imported at start and `<mediaDir>/videos/**` served at /media/videos/. */
  mediaDir: string;
}

/** The demo's shared secret: public on purpose, so never use it outside demo mode. */
export const DEMO_JWT_SECRET = 'jobunivers-demo-secret-do-not-use-in-production';

const HOUR = 60 * 60 * 1000;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid server configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type Env = Record<string, string | undefined>;

function flag(value: string | undefined, name: string, fallback: boolean, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  const normalized = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
  if (['0', 'false', 'no', 'off'].includes(normalized)) return false;
  problems.push(`${name} must be 1 or 0 (true/false), got "${value}".`);
  return fallback;
}

function integer(value: string | undefined, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    problems.push(`${name} must be a whole number from ${String(min)} to ${String(max)}, got "${value}".`);
    return fallback;
  }
  return parsed;
}

function parseDatabase(value: string | undefined, rootDir: string, problems: string[]): DatabaseSetting {
  const defaultFile = resolve(rootDir, '.data/jobunivers.sqlite');
  if (value === undefined || value.trim() === '') return { kind: 'sqlite', file: defaultFile };
  const url = value.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) {
    try {
      new URL(url);
    } catch {
      problems.push('DATABASE_URL looks like PostgreSQL but is not a valid URL (postgres://user:password@host:5432/database).');
    }
    return { kind: 'postgres', url };
  }
  if (url === 'sqlite::memory:' || url === ':memory:') return { kind: 'sqlite', file: ':memory:' };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') {
      problems.push('DATABASE_URL=sqlite: needs a path, e.g. sqlite:/var/lib/jobunivers/db.sqlite or sqlite::memory:.');
      return { kind: 'sqlite', file: defaultFile };
    }
    return { kind: 'sqlite', file: isAbsolute(path) ? path : resolve(rootDir, path) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    problems.push(`DATABASE_URL must be postgres://…, sqlite:/path or sqlite::memory: (got a "${url.split(':')[0] ?? ''}:" URL).`);
    return { kind: 'sqlite', file: defaultFile };
  }
  return { kind: 'sqlite', file: isAbsolute(url) ? url : resolve(rootDir, url) };
}

function parseOrigins(value: string | undefined, problems: string[]): string[] {
  if (value === undefined || value.trim() === '') return [];
  const origins: string[] = [];
  for (const raw of value.split(',')) {
    const origin = raw.trim();
    if (origin === '') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      problems.push(`CORS_ORIGINS entries must be origins like https://www.eksempelby.dk (scheme, host, optional port; no path), got "${origin}".`);
      continue;
    }
    origins.push(parsed.origin);
  }
  return origins;
}

function parseDirectory(value: string | undefined, fallback: string, rootDir: string): string {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') return fallback;
  return isAbsolute(trimmed) ? trimmed : resolve(rootDir, trimmed);
}

function parseHttpsUrl(value: string | undefined, name: string, problems: string[]): string | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  try {
    const url = new URL(trimmed);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
  } catch {
    // reported below
  }
  problems.push(`${name} must be an http(s) URL like https://eksempelby.dk/chat-og-persondata, got "${trimmed}".`);
  return undefined;
}

/** Reads and validates the configuration. Throws a ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env, warn: (message: string) => void = (message) => { console.warn(message); }): ServerConfig {
  const problems: string[] = [];
  const rootDir = REPOSITORY_ROOT;
  const production = env.NODE_ENV === 'production';

  const demo = flag(env.DEMO, 'DEMO', !production, problems);
  const port = integer(env.PORT, 'PORT', 8080, 0, 65535, problems);
  const host = env.HOST?.trim() || '127.0.0.1';

  let jwt: JwtSetting;
  const secret = env.JWT_SECRET;
  const jwksUrl = env.JWT_JWKS_URL?.trim();
  if (secret !== undefined && secret !== '' && jwksUrl) {
    problems.push('Set either JWT_SECRET (HS256) or JWT_JWKS_URL (RS256/ES256), not both.');
  }
  if (jwksUrl) {
    try {
      const url = new URL(jwksUrl);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))) {
        problems.push('JWT_JWKS_URL must be https:// (http:// only for localhost).');
      }
    } catch {
      problems.push(`JWT_JWKS_URL is not a valid URL: "${jwksUrl}".`);
    }
    jwt = { kind: 'jwks', url: jwksUrl };
    if (demo) problems.push('Demo mode mints HS256 tokens and needs JWT_SECRET; with JWT_JWKS_URL set DEMO=0.');
  } else if (secret !== undefined && secret !== '') {
    if (secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters (use e.g. `openssl rand -base64 48`).');
    jwt = { kind: 'secret', secret, isDemoDefault: false };
  } else {
    if (production) problems.push('NODE_ENV=production needs JWT_JWKS_URL (recommended) or JWT_SECRET.');
    jwt = { kind: 'secret', secret: DEMO_JWT_SECRET, isDemoDefault: true };
  }

  const jwtAudience = env.JWT_AUDIENCE?.trim() || 'jobunivers';
  const jwtIssuer = env.JWT_ISSUER?.trim() || undefined;
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}".`);

  const config: ServerConfig = {
    port,
    host,
    database: parseDatabase(env.DATABASE_URL, rootDir, problems),
    demo,
    jwt,
    jwtAudience,
    jwtIssuer,
    corsOrigins: parseOrigins(env.CORS_ORIGINS, problems),
    rateLimit: integer(env.RATE_LIMIT, 'RATE_LIMIT', 300, 1, 1_000_000, problems),
    logLevel,
    keepAliveMs: integer(env.SSE_KEEP_ALIVE_MS, 'SSE_KEEP_ALIVE_MS', 20_000, 10, 25_000, problems),
    eventRetentionMs: integer(env.EVENT_RETENTION_HOURS, 'EVENT_RETENTION_HOURS', 48, 24, 24 * 365, problems) * HOUR,
    idempotencyRetentionMs: integer(env.IDEMPOTENCY_RETENTION_HOURS, 'IDEMPOTENCY_RETENTION_HOURS', 48, 24, 24 * 365, problems) * HOUR,
    rootDir,
    chatAlwaysOpen: flag(env.JU_CHAT_ALWAYS_OPEN, 'JU_CHAT_ALWAYS_OPEN', demo, problems),
    chatRetentionDays: integer(env.JU_CHAT_RETENTION_DAYS, 'JU_CHAT_RETENTION_DAYS', 30, 1, 3650, problems),
    chatAttachmentsDir: parseDirectory(env.JU_CHAT_ATTACHMENTS_DIR, resolve(rootDir, '.data/chat-attachments'), rootDir),
    chatConsentUrl: parseHttpsUrl(env.JU_CHAT_CONSENT_URL, 'JU_CHAT_CONSENT_URL', problems),
    chatMessagesPerMinute: integer(env.JU_CHAT_MESSAGES_PER_MINUTE, 'JU_CHAT_MESSAGES_PER_MINUTE', 60, 1, 100_000, problems),
    mediaDir: parseDirectory(env.JU_MEDIA_DIR, resolve(rootDir, 'packages/server/media'), rootDir),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (jwt.kind === 'secret' && jwt.isDemoDefault) {
    warn('JWT_SECRET is not set: using the public demo secret. Anyone can mint tokens for this server; set JWT_SECRET or JWT_JWKS_URL outside a demo.');
  }
  return config;
}
