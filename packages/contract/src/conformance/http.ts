/// <reference types="node" />
/** HTTP helpers: one `send()` for every request of the suite, and the assertions the rules share. */
import { fail, type Actor, type RuleContext } from './context.js';
import { describeSchemaErrors, schemas, type SchemaName } from './validate.js';

export interface SendOptions {
  /** A bearer token, or an actor whose token to send. */
  as?: Actor | string;
  headers?: Record<string, string>;
  /** A JSON body (serialised, `Content-Type: application/json`). */
  json?: unknown;
  /** A raw body (sent as is, with `contentType` if given). */
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
  /** Return a 429 instead of waiting for Retry-After and sending the request again (default: retry). */
  noRetry?: boolean;
}

/** The longest Retry-After the suite waits for before it gives up on a 429. */
export const MAX_RATE_LIMIT_WAIT_MS = 90_000;
const RATE_LIMIT_RETRIES = 3;

/**
 * Honours a 429: when the server asks to retry after a while the suite can afford, waits (outside the rule's
 * timeout) and answers `true`; the caller sends the request again.
 */
export async function waitOutRateLimit(ctx: RuleContext, status: number, headers: Headers, attempt: number): Promise<boolean> {
  if (status !== 429 || attempt >= RATE_LIMIT_RETRIES) return false;
  const retryAfter = headers.get('retry-after');
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : 1;
  const ms = Math.max(seconds, 1) * 1000;
  if (ms > MAX_RATE_LIMIT_WAIT_MS) return false;
  ctx.suite.rateLimited.times++;
  ctx.suite.rateLimited.waitedMs += ms;
  await ctx.pause(ms);
  return true;
}

export interface Res {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON (any `+json` type too), else `undefined`. */
  body: unknown;
  contentType: string;
}

export function url(ctx: RuleContext | { suite: { options: { api: string } } }, path: string): string {
  return `${ctx.suite.options.api.replace(/\/+$/, '')}${path}`;
}

export function tokenOf(as: Actor | string | undefined): string | undefined {
  return typeof as === 'string' ? as : as?.token;
}

/** Sends one request; a network error or abort becomes a failure that names the request. */
export async function send(ctx: RuleContext, method: string, path: string, options: SendOptions = {}): Promise<Res> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = tokenOf(options.as);
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] = options.contentType ?? 'application/json';
  } else if (options.body !== undefined) {
    body = options.body;
    if (options.contentType !== undefined) headers['Content-Type'] = options.contentType;
  }
  let response: Response;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(url(ctx, path), { method, headers, body, signal: ctx.signal, redirect: 'manual' });
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      fail(`${method} ${path}: no response: ${error instanceof Error ? error.message : String(error)}${cause}`);
    }
    if (options.noRetry === true || !(await waitOutRateLimit(ctx, response.status, response.headers, attempt))) break;
    await response.body?.cancel();
  }
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown;
  if (/^application\/([a-z0-9.+-]*\+)?json\b/i.test(contentType)) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = undefined;
    }
  }
  return { method, path, status: response.status, headers: response.headers, text, body: parsed, contentType };
}

/** `GET /v1/… → 400 (problem invalid-request)`: a short description of a response for failure messages. */
export function describe(res: Res): string {
  let what = `${res.method} ${res.path} → ${String(res.status)}`;
  const body = res.body;
  if (isRecord(body) && typeof body.code === 'string') what += ` (problem ${body.code})`;
  else if (res.text.length > 0 && !isRecord(body)) what += ` (${res.contentType || 'no Content-Type'}: ${clip(res.text, 80)})`;
  return what;
}

export function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectStatus(res: Res, expected: number | readonly number[]): void {
  const list = typeof expected === 'number' ? [expected] : expected;
  if (!list.includes(res.status)) fail(`expected ${list.join(' or ')}, got ${describe(res)}`);
}

/** A successful JSON response with the given status whose body matches the schema. */
export function expectJson(res: Res, status: number, schema?: SchemaName): unknown {
  expectStatus(res, status);
  if (!/^application\/json\b/i.test(res.contentType)) {
    fail(`${res.method} ${res.path}: expected Content-Type application/json, got ${res.contentType || 'none'}`);
  }
  if (res.body === undefined) fail(`${res.method} ${res.path}: the body is not JSON: ${clip(res.text, 80)}`);
  if (schema !== undefined) expectSchema(res.body, schema, `${res.method} ${res.path}`);
  return res.body;
}

export function expectSchema(value: unknown, schema: SchemaName, what: string): void {
  const errors = describeSchemaErrors(schemas[schema], value);
  if (errors !== undefined) fail(`${what}: the body does not match the ${schema} schema: ${errors}`);
}

export interface ProblemExpectation {
  /** `'none'`: `WWW-Authenticate: Bearer` without `error`; `'invalid_token'`: with `error="invalid_token"`. */
  wwwAuthenticate?: 'none' | 'invalid_token';
  /** For `invalid-request`: one of these pointers must be in `errors[]`. */
  pointers?: readonly string[];
}

/**
 * The error rules of the contract: the status, `Content-Type: application/problem+json`, a body with the same
 * `status`, the `code`, `type` `urn:jobunivers:problem:<code>` and the Problem schema.
 */
export function expectProblem(res: Res, status: number, code: string, expectation: ProblemExpectation = {}): void {
  const where = `${res.method} ${res.path}`;
  const body = res.body;
  const gotCode = isRecord(body) && typeof body.code === 'string' ? body.code : undefined;
  if (res.status !== status || (gotCode !== undefined && gotCode !== code)) {
    fail(`expected ${String(status)} ${code}, got ${describe(res)}`);
  }
  if (!/^application\/problem\+json\b/i.test(res.contentType)) {
    fail(`${where} → ${String(res.status)}: expected Content-Type application/problem+json, got ${res.contentType || 'none'}`);
  }
  if (!isRecord(body)) fail(`${where} → ${String(res.status)}: the problem body is not a JSON object: ${clip(res.text, 80)}`);
  const problems: string[] = [];
  if (body.status !== status) problems.push(`"status" is ${JSON.stringify(body.status)}, expected ${String(status)}`);
  if (body.code !== code) problems.push(`"code" is ${JSON.stringify(body.code)}, expected "${code}"`);
  if (body.type !== `urn:jobunivers:problem:${code}`) {
    problems.push(`"type" is ${JSON.stringify(body.type)}, expected "urn:jobunivers:problem:${code}"`);
  }
  const schemaErrors = describeSchemaErrors(schemas.Problem, body);
  if (schemaErrors !== undefined) problems.push(`not a Problem: ${schemaErrors}`);
  if (problems.length > 0) fail(`${where} → ${String(res.status)}: ${problems.join('; ')}`);
  if (expectation.pointers !== undefined) {
    const errors = body.errors;
    if (!Array.isArray(errors) || errors.length === 0) fail(`${where} → ${String(status)} ${code}: no "errors" array with the field problems`);
    const pointers = errors.map((error) => (isRecord(error) ? error.pointer : undefined));
    if (!pointers.every((pointer) => typeof pointer === 'string')) fail(`${where}: every errors[] entry needs a string "pointer"`);
    if (!pointers.some((pointer) => expectation.pointers?.includes(pointer))) {
      fail(`${where}: errors[].pointer should name ${expectation.pointers.map((p) => JSON.stringify(p)).join(' or ')}, got ${JSON.stringify(pointers)}`);
    }
  }
  if (expectation.wwwAuthenticate !== undefined) {
    const header = res.headers.get('www-authenticate');
    if (header === null) fail(`${where} → 401 ${code}: no WWW-Authenticate header`);
    if (!/^bearer\b/i.test(header.trim())) fail(`${where}: WWW-Authenticate should use the Bearer scheme, got ${JSON.stringify(header)}`);
    const error = /\berror\s*=\s*"?([^",\s]*)/i.exec(header)?.[1];
    if (expectation.wwwAuthenticate === 'none' && error !== undefined) {
      fail(`${where}: WWW-Authenticate for a request without a token must not carry error=, got ${JSON.stringify(header)}`);
    }
    if (expectation.wwwAuthenticate === 'invalid_token' && error !== 'invalid_token') {
      fail(`${where}: WWW-Authenticate should carry error="invalid_token", got ${JSON.stringify(header)}`);
    }
  }
}

/** `400 invalid-request` whose `errors[]` has a pointer at `prefix` or under it (`/reasons` takes `/reasons/0`). */
export function expectInvalidAt(res: Res, prefix: string): void {
  expectProblem(res, 400, 'invalid-request');
  const errors = isRecord(res.body) ? res.body.errors : undefined;
  if (!Array.isArray(errors) || errors.length === 0) fail(`${res.method} ${res.path} → 400 invalid-request: no "errors" array with the field problems`);
  const pointers = errors.map((error) => (isRecord(error) ? error.pointer : undefined));
  if (!pointers.some((pointer) => typeof pointer === 'string' && (pointer === prefix || pointer.startsWith(`${prefix}/`)))) {
    fail(`${res.method} ${res.path}: errors[].pointer should point at ${prefix}, got ${JSON.stringify(pointers)}`);
  }
}

/** A strong entity tag (`"…"`, not `W/"…"`). */
export function expectStrongEtag(res: Res): string {
  const etag = res.headers.get('etag');
  if (etag === null) fail(`${res.method} ${res.path}: no ETag header`);
  if (!/^"[\x21\x23-\x7e]*"$/.test(etag)) fail(`${res.method} ${res.path}: ETag ${JSON.stringify(etag)} is not a strong entity tag ("<version>")`);
  return etag;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isRecord(value)) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  }
  return value;
}
