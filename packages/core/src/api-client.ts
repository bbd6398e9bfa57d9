import { ApiConfigError, ApiError, type Problem } from './api-error.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** Base URL of the server; `/v1/…` paths are resolved against it. Relative URLs resolve against the page. */
  baseUrl: string;
  /** The bearer token, or a function read before every attempt (so a refreshed token is used on retry). */
  token?: string | (() => string | undefined) | undefined;
  /** Sent as `Accept-Language`, so problem texts come back in the reader's language. */
  language?: (() => string) | undefined;
  /**
   * Called on 401. Resolve with a fresh token to have the request sent once more with it;
   * resolve with `undefined` to give up (the request then rejects with the server's code).
   */
  onAuthRequired?: ((error: ApiError) => Promise<string | undefined>) | undefined;
  /** How many times a retry-safe request is sent again after a transient failure. Default 3. */
  retries?: number | undefined;
  /** First backoff step in ms; each retry waits a random time up to base × 2^attempt (full jitter). Default 400. */
  retryDelay?: number | undefined;
  /** Longest wait for one attempt before it counts as a timeout. Default 15 000 ms. */
  timeout?: number | undefined;
  fetch?: typeof fetch | undefined;
}

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /**
   * `true` generates a key once for this call and keeps it across its retries; pass your own string to keep it
   * across calls (e.g. when the user presses "try again"). Writes with a key are retried like safe requests.
   */
  idempotencyKey?: string | true;
  /** The ETag the update is based on; the server answers 412 (`code: etag-mismatch`) if the document changed. */
  ifMatch?: string;
  ifNoneMatch?: string;
  signal?: AbortSignal;
  /** Set to false to send only once. */
  retry?: boolean;
  headers?: Record<string, string>;
  /** `blob` reads a non-JSON answer (e.g. `text/calendar`) as a Blob; errors are still read as problem+json. */
  responseType?: 'json' | 'blob';
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** The response's ETag, to send back as `ifMatch` on the next update. */
  etag: string | undefined;
  headers: Headers;
}

const SAFE_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE']);
const MAX_RETRY_AFTER_SECONDS = 30;

/** Parses and checks an `api` value; throws `ApiConfigError` with the reason when it cannot be used. */
export function parseApiUrl(value: string | undefined): URL {
  if (value === undefined || value.trim() === '') throw new ApiConfigError(value, 'it is empty; set the api attribute.');
  // "jobcenter.example.dk/api" (no scheme) would silently become a path under the current page.
  if (!/^(https?:\/\/|\/|\.\.?\/)/i.test(value.trim()) && !/^[a-z][a-z0-9+.-]*:/i.test(value.trim())) {
    throw new ApiConfigError(value, 'write a full URL starting with https:// (or a path starting with /).');
  }
  let url: URL;
  try {
    url = new URL(value.trim(), typeof document === 'undefined' ? undefined : document.baseURI);
  } catch {
    throw new ApiConfigError(value, 'it is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiConfigError(value, `only http and https are allowed, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new ApiConfigError(value, 'credentials do not belong in the URL.');
  // Chromium percent-encodes forbidden host characters ("api example.dk" → "api%20example.dk") where the URL
  // standard (and Firefox) refuse them; refuse them everywhere so a typo fails at setup, not as "network".
  if (url.hostname === '' || url.hostname.includes('%')) throw new ApiConfigError(value, 'it is not a valid URL.');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

/** A tiny fetch wrapper that speaks the Jobunivers contract: JSON, problem+json, retries, idempotency, ETags. */
export class ApiClient {
  readonly baseUrl: URL;
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.baseUrl = parseApiUrl(options.baseUrl);
    this.#options = options;
  }

  get<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ApiResponse<T>> {
    return this.request<T>(path, { ...options, method: 'GET' });
  }

  post<T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ApiResponse<T>> {
    return this.request<T>(path, { ...options, method: 'POST', body });
  }

  put<T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ApiResponse<T>> {
    return this.request<T>(path, { ...options, method: 'PUT', body });
  }

  patch<T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ApiResponse<T>> {
    return this.request<T>(path, { ...options, method: 'PATCH', body });
  }

  delete<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<ApiResponse<T>> {
    return this.request<T>(path, { ...options, method: 'DELETE' });
  }

  /** The absolute URL for a contract path such as `v1/config`. */
  url(path: string, query?: RequestOptions['query']): URL {
    const url = new URL(path.replace(/^\/+/, ''), this.baseUrl);
    // The bearer token goes with every request, so a path (which may contain an id from a server) must never
    // lead out of the API: no other origin, no `../` above the base path.
    if (url.origin !== this.baseUrl.origin || !url.pathname.startsWith(this.baseUrl.pathname)) {
      throw new TypeError(`[jobunivers] The path ${JSON.stringify(path)} leads outside the api URL.`);
    }
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const method = options.method ?? 'GET';
    const idempotencyKey = options.idempotencyKey === true ? crypto.randomUUID() : options.idempotencyKey;
    const retrySafe = SAFE_METHODS.has(method) || idempotencyKey !== undefined;
    const maxRetries = options.retry === false || !retrySafe ? 0 : (this.#options.retries ?? 3);
    let token = this.#currentToken();
    let triedFreshToken = false;

    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#send<T>(path, options, method, idempotencyKey, token);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error; // the caller's abort, or a bug
        if (error.status === 401 && !triedFreshToken && this.#options.onAuthRequired) {
          triedFreshToken = true;
          const fresh = await this.#options.onAuthRequired(error);
          if (fresh !== undefined && fresh !== token) {
            token = fresh;
            attempt--; // a fresh token is not a retry
            continue;
          }
        }
        if (attempt >= maxRetries || !error.transient || error.code === 'offline') throw error;
        await sleep(this.#backoff(attempt, error.retryAfter), options.signal);
        token = triedFreshToken ? token : this.#currentToken();
      }
    }
  }

  #currentToken(): string | undefined {
    const { token } = this.#options;
    return typeof token === 'function' ? token() : token;
  }

  #backoff(attempt: number, retryAfter: number | undefined): number {
    if (retryAfter !== undefined) return Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) * 1000;
    const ceiling = Math.min((this.#options.retryDelay ?? 400) * 2 ** attempt, 10_000);
    return Math.random() * ceiling;
  }

  async #send<T>(
    path: string,
    options: RequestOptions,
    method: HttpMethod,
    idempotencyKey: string | undefined,
    token: string | undefined,
  ): Promise<ApiResponse<T>> {
    if (typeof navigator !== 'undefined' && !navigator.onLine) {
      throw new ApiError('offline', 0, 'The device is offline.');
    }
    const headers = new Headers(options.headers);
    headers.set('Accept', options.responseType === 'blob' ? '*/*' : 'application/json, application/problem+json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const language = this.#options.language?.();
    if (language) headers.set('Accept-Language', language);
    if (idempotencyKey !== undefined) headers.set('Idempotency-Key', idempotencyKey);
    if (options.ifMatch !== undefined) headers.set('If-Match', options.ifMatch);
    if (options.ifNoneMatch !== undefined) headers.set('If-None-Match', options.ifNoneMatch);
    let body: string | undefined;
    if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }

    const target = this.url(path, options.query);
    const timeout = new AbortController();
    const timer = setTimeout(() => { timeout.abort(); }, this.#options.timeout ?? 15_000);
    const { signal, release } = anySignal([options.signal, timeout.signal]);
    let response: Response;
    try {
      response = await (this.#options.fetch ?? globalThis.fetch)(target, {
        method,
        headers,
        body: body ?? null,
        signal,
        credentials: 'omit', // the bearer token is the only credential: no cookies cross to the API's origin
        cache: 'no-store',
      });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      if (timeout.signal.aborted) throw new ApiError('timeout', 0, 'The server did not answer in time.');
      const offline = typeof navigator !== 'undefined' && !navigator.onLine;
      throw new ApiError(offline ? 'offline' : 'network', 0, offline ? 'The device is offline.' : 'The server could not be reached.');
    } finally {
      clearTimeout(timer);
      release();
    }

    const etag = response.headers.get('ETag') ?? undefined;
    if (response.ok || response.status === 304) {
      const data = (options.responseType === 'blob' ? await response.blob() : await readBody(response, method)) as T;
      return { data, status: response.status, etag, headers: response.headers };
    }
    throw await toApiError(response);
  }
}

async function readBody(response: Response, method: HttpMethod): Promise<unknown> {
  if (method === 'HEAD' || response.status === 204 || response.status === 304) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  if (!/json/i.test(response.headers.get('Content-Type') ?? '')) {
    throw new ApiError('invalid-response', response.status, 'The server did not answer with JSON.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid-response', response.status, 'The server answered with malformed JSON.');
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem | undefined;
  if (/json/i.test(response.headers.get('Content-Type') ?? '')) {
    try {
      const parsed = (await response.json()) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) problem = parsed as Problem;
    } catch {
      problem = undefined;
    }
  }
  const code = typeof problem?.code === 'string' && problem.code !== '' ? problem.code : `http-${String(response.status)}`;
  const message = problem?.title ?? (response.statusText || `HTTP ${String(response.status)}`);
  return new ApiError(code, response.status, message, problem, parseRetryAfter(response.headers.get('Retry-After')));
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** One signal that aborts when any of `signals` does; `release()` removes the listeners from long-lived signals. */
function anySignal(signals: (AbortSignal | undefined)[]): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const releases: (() => void)[] = [];
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const forward = (): void => { controller.abort(signal.reason); };
    signal.addEventListener('abort', forward, { once: true });
    releases.push(() => { signal.removeEventListener('abort', forward); });
  }
  return { signal: controller.signal, release: () => { for (const release of releases) release(); } };
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    }, { once: true });
  });
}

