/** An RFC 9457 problem document, as every Jobunivers server returns it (`application/problem+json`). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** Stable, machine-readable reason, e.g. `slot-taken`, `token-expired`. */
  code?: string;
  /** Field-level problems for validation errors. */
  errors?: { pointer?: string; code?: string; detail?: string }[];
  [extension: string]: unknown;
}

/**
 * Codes the client itself produces, besides the codes servers send:
 * - `offline`: the device has no network;
 * - `network`: the server could not be reached although the device is online;
 * - `timeout`: the server did not answer in time;
 * - `invalid-response`: the server answered with something that is not the contract's JSON;
 * - `http-<status>`: an error status without a problem document.
 */
export type ClientErrorCode = 'offline' | 'network' | 'timeout' | 'invalid-response' | `http-${number}`;

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Every failed request rejects with this; switch on `code` (stable) rather than on `message`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly problem: Problem | undefined;
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;

  constructor(code: string, status: number, message: string, problem?: Problem, retryAfter?: number) {
    super(message);
    this.code = code;
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** True when the same request may succeed if sent again later. */
  get transient(): boolean {
    return this.status === 0 ? this.code !== 'invalid-response' : RETRYABLE_STATUS.has(this.status);
  }
}

/** Thrown (synchronously) when a widget's `api` is missing or not a usable http(s) URL. */
export class ApiConfigError extends Error {
  override readonly name = 'ApiConfigError';
  readonly code = 'invalid-api-url';
  readonly value: string | undefined;

  constructor(value: string | undefined, reason: string) {
    super(`[jobunivers] The api URL ${JSON.stringify(value ?? '')} cannot be used: ${reason}`);
    this.value = value;
  }
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}
