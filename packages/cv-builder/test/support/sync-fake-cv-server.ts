// An in-browser stand-in for the citizen's CV routes of the contract (`/v1/me/cv`, `/v1/me/cv/share`), answering
// `fetch` like the reference server (packages/server/src/routes/cv.ts): the document is stored as the JSON text it
// was sent as, versions are strong ETags `"<n>"`, a PUT needs exactly one of If-Match / If-None-Match: *
// (428 without), a stale one answers 412, and every request is recorded.

export interface RecordedCvRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
  /** The status answered (0 when the fake threw a network error instead). */
  status: number;
}

/** `network`: fetch rejects before the server sees the request. `lost-response`: the server does the work, then the answer is lost. */
type Failure = 'network' | 'lost-response' | { status: number; code: string };

export class FakeCvServer {
  readonly requests: RecordedCvRequest[] = [];
  /** The stored document's text, as sent; undefined when the citizen has no CV on the server. */
  document: string | undefined;
  version = 0;
  sharedAt: string | null = null;
  readonly #failures = new Map<string, Failure[]>();

  /** What another device does: saves `document` as a new version, unconditionally. */
  saveFromAnotherDevice(document: unknown): string {
    this.document = JSON.stringify(document);
    this.version++;
    return this.etag;
  }

  get etag(): string {
    return `"${String(this.version)}"`;
  }

  get storedDocument(): unknown {
    return this.document === undefined ? undefined : (JSON.parse(this.document) as unknown);
  }

  /** The next request to `METHOD /path` fails like this (queue several for several requests). */
  fail(route: string, failure: Failure): void {
    this.#failures.set(route, [...(this.#failures.get(route) ?? []), failure]);
  }

  requestsTo(method: string, path: string): RecordedCvRequest[] {
    return this.requests.filter((request) => request.method === method && request.path === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    await Promise.resolve();
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^.*?\/v1\//, '/v1/');
    const headers = new Headers(init.headers);
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const recorded: RecordedCvRequest = { method, path, headers, body, status: 0 };
    this.requests.push(recorded);

    const failure = this.#failures.get(`${method} ${path}`)?.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure !== undefined && failure !== 'lost-response') {
      recorded.status = failure.status;
      return problem(failure.status, failure.code);
    }
    const response = this.#answer(method, path, headers, init.body);
    recorded.status = response.status;
    if (failure === 'lost-response') throw new TypeError('Failed to fetch');
    return response;
  };

  #answer(method: string, path: string, headers: Headers, body: BodyInit | null | undefined): Response {
    if (!/^Bearer citizen/.test(headers.get('Authorization') ?? '')) return problem(401, 'unauthorized');
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /v1/me/cv':
        return this.document === undefined ? problem(404, 'not-found') : this.#sendDocument(200);
      case 'PUT /v1/me/cv':
        return this.#put(headers, typeof body === 'string' ? body : '');
      case 'DELETE /v1/me/cv':
        this.document = undefined;
        this.sharedAt = null;
        return new Response(null, { status: 204 });
      case 'GET /v1/me/cv/share':
        return json(200, this.#share());
      case 'PUT /v1/me/cv/share': {
        const consent = typeof body === 'string' ? (JSON.parse(body) as { consent?: unknown }).consent : undefined;
        if (consent !== true) return problem(400, 'invalid-request');
        if (this.document === undefined) return problem(404, 'not-found');
        this.sharedAt ??= new Date().toISOString();
        return json(200, this.#share());
      }
      case 'DELETE /v1/me/cv/share':
        this.sharedAt = null;
        return json(200, this.#share());
      default:
        return problem(404, 'not-found');
    }
  }

  #put(headers: Headers, text: string): Response {
    const ifMatch = headers.get('If-Match');
    const ifNoneMatch = headers.get('If-None-Match');
    if (ifMatch !== null && ifNoneMatch !== null) return problem(400, 'invalid-request');
    if (ifNoneMatch === '*') {
      if (this.document !== undefined) return problem(412, 'etag-mismatch');
    } else if (ifMatch !== null) {
      if (this.document === undefined || ifMatch !== this.etag) return problem(412, 'etag-mismatch');
    } else {
      return problem(428, 'precondition-required');
    }
    JSON.parse(text); // the reference server validates the body; a fake that stored garbage would hide a bug
    this.document = text;
    this.version++;
    return this.#sendDocument(200);
  }

  #sendDocument(status: number): Response {
    return new Response(this.document ?? '', { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ETag: this.etag } });
  }

  #share(): { shared: boolean; sharedAt: string | null } {
    return { shared: this.sharedAt !== null, sharedAt: this.sharedAt };
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function problem(status: number, code: string): Response {
  return new Response(JSON.stringify({ type: `urn:jobunivers:problem:${code}`, title: code, status, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
