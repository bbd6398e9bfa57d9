/// <reference types="node" />
/** Command-line options of `jobunivers-contract conformance` (with the token environment variables). */
import { parseArgs } from 'node:util';
import type { SuiteOptions } from './context.js';

export const HELP = `Usage: npx @jobunivers/contract conformance --api URL [options]

Checks that the server at URL implements the Jobunivers contract v1 (docs/contract.md):
errors, authentication, authorisation, config, ETags, idempotency, pagination,
notifications, Server-Sent Events, self-booking and the booking desk. Prints
PASS/FAIL/SKIP per rule and ends with "conformance: N passed, N failed, N skipped".
Exit code 0 when nothing failed, 1 when a rule failed, 2 for a usage error.

The suite creates notifications for the citizen (the contract has no delete; it marks
them read at the end) and changes the citizen's preferences (restored at the end).
With self-booking on it books and cancels again, sends help requests, and changes the
caseworker's availability rules for a moment (restored at the end).
Run it against a test or demo instance, not production.

Where to send requests
  --api URL                    the API base; the contract's paths are URL/v1/…, health is URL/health/…

Tokens (a citizen, another citizen, and a caseworker assigned to the citizen)
  --citizen-token T            or JOBUNIVERS_CITIZEN_TOKEN
  --other-citizen-token T      or JOBUNIVERS_OTHER_CITIZEN_TOKEN
  --caseworker-token T         or JOBUNIVERS_CASEWORKER_TOKEN
  --demo                       get the missing tokens from the server's demo routes
                               (GET /v1/demo/users, POST /v1/demo/login)

Minted tokens (expired, wrong audience, unknown user, no exp)
  --jwt-secret S               or JOBUNIVERS_JWT_SECRET: the server's HS256 secret; without it
                               those rules are reported as "skipped (needs --jwt-secret)"
  --audience A                 the server's audience (default: the citizen token's aud, else "jobunivers")
  --issuer I                   the server's issuer, if it checks one (default: the citizen token's iss)

What to run
  --only LIST                  comma-separated groups or rule ids (e.g. "etag,sse.resume"); setup always runs
  --include-rate-limit         also run rate-limit.429 (exhausts the citizen's rate limit: run it last or alone)
  --rate-limit-requests N      requests rate-limit.429 may send before it gives up (default 1000)
  --timeout MS                 per-rule timeout; a rule that takes longer fails (default 15000)
  --list                       print the rules and exit

Output
  --json                       print one JSON report on stdout instead of the text report
  --fail-on-skip               exit 1 also when a rule was skipped (for CI that must cover every rule)
  -h, --help                   print this help
`;

export interface CliOptions {
  suite: SuiteOptions;
  json: boolean;
  list: boolean;
  help: boolean;
  failOnSkip: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new UsageError(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        api: { type: 'string' },
        'citizen-token': { type: 'string' },
        'other-citizen-token': { type: 'string' },
        'caseworker-token': { type: 'string' },
        'jwt-secret': { type: 'string' },
        audience: { type: 'string' },
        issuer: { type: 'string' },
        demo: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
        'include-rate-limit': { type: 'boolean', default: false },
        'rate-limit-requests': { type: 'string' },
        timeout: { type: 'string' },
        list: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'fail-on-skip': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const help = values.help;
  const list = values.list;
  const api = nonEmpty(values.api);
  if (!help && !list) {
    if (api === undefined) throw new UsageError('--api URL is required');
    let parsed: URL;
    try {
      parsed = new URL(api);
    } catch {
      throw new UsageError(`--api must be an http(s) URL, got ${JSON.stringify(api)}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--api must be an http(s) URL, got ${JSON.stringify(api)}`);
    if (parsed.search !== '' || parsed.hash !== '') throw new UsageError('--api must not have a query or fragment');
  }
  const only = (values.only ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');
  const suite: SuiteOptions = {
    api: api ?? '',
    demo: values.demo,
    includeRateLimit: values['include-rate-limit'],
    rateLimitRequests: positiveInteger(values['rate-limit-requests'], '--rate-limit-requests', 1000),
    timeoutMs: positiveInteger(values.timeout, '--timeout', 15_000),
  };
  const optional = {
    citizenToken: nonEmpty(values['citizen-token']) ?? nonEmpty(env.JOBUNIVERS_CITIZEN_TOKEN),
    otherCitizenToken: nonEmpty(values['other-citizen-token']) ?? nonEmpty(env.JOBUNIVERS_OTHER_CITIZEN_TOKEN),
    caseworkerToken: nonEmpty(values['caseworker-token']) ?? nonEmpty(env.JOBUNIVERS_CASEWORKER_TOKEN),
    jwtSecret: values['jwt-secret'] ?? (env.JOBUNIVERS_JWT_SECRET === '' ? undefined : env.JOBUNIVERS_JWT_SECRET),
    audience: nonEmpty(values.audience),
    issuer: nonEmpty(values.issuer),
    only: only.length > 0 ? only : undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(suite, { [key]: value });
  }
  return { suite, json: values.json, list, help, failOnSkip: values['fail-on-skip'] };
}
