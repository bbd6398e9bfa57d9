import { expect } from '@open-wc/testing';
import { ApiClient, parseApiUrl, type ApiClientOptions } from '../src/api-client.js';
import { ApiConfigError, ApiError } from '../src/api-error.js';

/** What the fake server saw of one request. */
interface SentRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

/** A scripted answer: a response, a rejection (network failure), a function of the request, or never answering. */
type Reply = Response | Error | ((request: SentRequest) => Response | Promise<Response>) | 'never';

/** A fake `fetch` that records requests and answers with `replies` in order (the last one repeats). */
function fakeServer(...replies: Reply[]): { fetch: typeof fetch; requests: SentRequest[] } {
  const requests: SentRequest[] = [];
  const fakeFetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: SentRequest = {
      url: new URL(input instanceof Request ? input.url : String(input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    requests.push(request);
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)] ?? json(200, {});
    const signal = request.signal;
    // Like the real fetch: an aborted signal rejects with its reason, also while waiting for the server.
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => { reject(signal.reason as Error); }, { once: true });
      if (reply === 'never') return;
      if (reply instanceof Error) {
        reject(reply);
        return;
      }
      if (reply instanceof Response) {
        resolve(reply.clone());
        return;
      }
      Promise.resolve(reply(request)).then(resolve, reject);
    });
  };
  return { fetch: fakeFetch, requests };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function client(server: { fetch: typeof fetch }, options: Partial<ApiClientOptions> = {}): ApiClient {
  return new ApiClient({ baseUrl: 'https://api.jobcenter.example.dk/jobunivers', retryDelay: 1, fetch: server.fetch, ...options });
}

/** Resolves with what the promise rejected with; fails the test if it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the request to reject, but it resolved.');
}

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(ApiError);
  return error as ApiError;
}

const delay = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('ApiClient', () => {
  describe('JSON in and out', () => {
    it('sends the body as JSON and hands back the parsed JSON answer with its status', async () => {
      const server = fakeServer(json(201, { id: 'entry-1', title: 'Ansøgning' }));
      const response = await client(server).post<{ id: string; title: string }>('v1/joblog', { title: 'Ansøgning', hours: 2 });

      expect(response.status).to.equal(201);
      expect(response.data).to.deep.equal({ id: 'entry-1', title: 'Ansøgning' });
      const [request] = server.requests;
      expect(request.method).to.equal('POST');
      expect(request.body).to.deep.equal({ title: 'Ansøgning', hours: 2 });
      expect(request.headers.get('Content-Type')).to.equal('application/json');
      expect(request.headers.get('Accept')).to.contain('application/json').and.contain('application/problem+json');
    });

    it('reads a non-JSON answer as a Blob when asked (responseType blob), and still reads errors as problems', async () => {
      const calendar = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
      const server = fakeServer(new Response(calendar, { status: 200, headers: { 'Content-Type': 'text/calendar' } }), problem(404, { code: 'not-found' }));
      const api = client(server);
      const response = await api.get<Blob>('v1/booking/bookings/b-1/calendar', { responseType: 'blob' });

      expect(response.data).to.be.instanceOf(Blob);
      expect(await response.data.text()).to.equal(calendar);
      expect(response.data.type).to.equal('text/calendar');
      const error = await apiErrorOf(api.get('v1/booking/bookings/b-2/calendar', { responseType: 'blob' }));
      expect(error.code).to.equal('not-found');
    });

    it('resolves contract paths under the base URL, with or without a leading slash', async () => {
      const server = fakeServer(json(200, {}));
      const api = client(server);
      await api.get('v1/config');
      await api.get('/v1/slots/42');

      expect(server.requests.map((request) => request.url.href)).to.deep.equal([
        'https://api.jobcenter.example.dk/jobunivers/v1/config',
        'https://api.jobcenter.example.dk/jobunivers/v1/slots/42',
      ]);
    });

    it('sends query parameters encoded, leaving out the undefined ones', async () => {
      const server = fakeServer(json(200, []));
      await client(server).get('v1/slots', { query: { from: '2025-03-04', limit: 20, open: true, q: 'å & ø', office: undefined } });

      const { searchParams } = server.requests[0].url;
      expect(searchParams.get('from')).to.equal('2025-03-04');
      expect(searchParams.get('limit')).to.equal('20');
      expect(searchParams.get('open')).to.equal('true');
      expect(searchParams.get('q')).to.equal('å & ø');
      expect(searchParams.has('office')).to.equal(false);
    });

    it('sends no body and no Content-Type on a GET', async () => {
      const server = fakeServer(json(200, {}));
      await client(server).get('v1/me');

      expect(server.requests[0].method).to.equal('GET');
      expect(server.requests[0].body).to.equal(undefined);
      expect(server.requests[0].headers.has('Content-Type')).to.equal(false);
    });

    it('resolves with undefined data on 204 No Content', async () => {
      const server = fakeServer(new Response(null, { status: 204 }));
      const response = await client(server).delete('v1/joblog/entry-1');

      expect(response.status).to.equal(204);
      expect(response.data).to.equal(undefined);
    });

    it('resolves with undefined data on a 200 with an empty body', async () => {
      const server = fakeServer(new Response('', { status: 200 }));
      const response = await client(server).put('v1/cv', { name: 'Sara' });

      expect(response.data).to.equal(undefined);
    });

    it('rejects a 200 that is not JSON with invalid-response and does not send it again', async () => {
      const server = fakeServer(new Response('<html>Login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
      const error = await apiErrorOf(client(server).get('v1/config'));

      expect(error.code).to.equal('invalid-response');
      expect(error.transient).to.equal(false);
      expect(server.requests).to.have.length(1);
    });

    it('rejects malformed JSON with invalid-response', async () => {
      const server = fakeServer(new Response('{"id": ', { status: 200, headers: { 'Content-Type': 'application/json' } }));
      const error = await apiErrorOf(client(server).get('v1/config'));

      expect(error.code).to.equal('invalid-response');
    });

    it('never sends cookies to the API origin (credentials omit)', async () => {
      const server = fakeServer(json(200, {}));
      const api = client(server);
      await api.get('v1/me');
      await api.post('v1/joblog', {});

      expect(server.requests.map((request) => request.credentials)).to.deep.equal(['omit', 'omit']);
    });

    it('sends the bearer token and the reader language', async () => {
      const server = fakeServer(json(200, {}));
      await client(server, { token: 'token-abc', language: () => 'da' }).get('v1/me');

      expect(server.requests[0].headers.get('Authorization')).to.equal('Bearer token-abc');
      expect(server.requests[0].headers.get('Accept-Language')).to.equal('da');
    });

    it('reads the token and language again for every request, so a login or language switch applies at once', async () => {
      const server = fakeServer(json(200, {}));
      const session: { token?: string; language: string } = { language: 'da' };
      const api = client(server, { token: () => session.token, language: () => session.language });
      await api.get('v1/me');
      session.token = 'after-login';
      session.language = 'ar';
      await api.get('v1/me');

      expect(server.requests[0].headers.has('Authorization')).to.equal(false);
      expect(server.requests[0].headers.get('Accept-Language')).to.equal('da');
      expect(server.requests[1].headers.get('Authorization')).to.equal('Bearer after-login');
      expect(server.requests[1].headers.get('Accept-Language')).to.equal('ar');
    });

    it('keeps extra headers the caller passes', async () => {
      const server = fakeServer(json(200, {}));
      await client(server).get('v1/me', { headers: { 'X-Request-Id': 'r-1' } });

      expect(server.requests[0].headers.get('X-Request-Id')).to.equal('r-1');
    });
  });

  describe('problem documents', () => {
    it('maps an RFC 9457 problem to an ApiError carrying the server code, status, title and document', async () => {
      const server = fakeServer(problem(409, { code: 'slot-taken', title: 'Tiden er taget', detail: 'Vælg en anden tid.' }));
      const error = await apiErrorOf(client(server).post('v1/bookings', { slot: 's1' }));

      expect(error.code).to.equal('slot-taken');
      expect(error.status).to.equal(409);
      expect(error.message).to.equal('Tiden er taget');
      expect(error.problem?.detail).to.equal('Vælg en anden tid.');
    });

    it('keeps field-level validation problems', async () => {
      const errors = [{ pointer: '/email', code: 'invalid-email', detail: 'Ugyldig e-mail' }];
      const server = fakeServer(problem(422, { code: 'validation-failed', title: 'Invalid', errors }));
      const error = await apiErrorOf(client(server).post('v1/cv', { email: 'x' }));

      expect(error.code).to.equal('validation-failed');
      expect(error.problem?.errors).to.deep.equal(errors);
    });

    it('uses http-<status> as the code when the error has no problem body', async () => {
      const server = fakeServer(new Response('Not here', { status: 404, statusText: 'Not Found', headers: { 'Content-Type': 'text/plain' } }));
      const error = await apiErrorOf(client(server).get('v1/slots/missing'));

      expect(error.code).to.equal('http-404');
      expect(error.status).to.equal(404);
      expect(error.problem).to.equal(undefined);
    });

    it('uses http-<status> when the problem body has no code', async () => {
      const server = fakeServer(problem(403, { title: 'Forbidden' }));
      const error = await apiErrorOf(client(server).get('v1/admin'));

      expect(error.code).to.equal('http-403');
      expect(error.message).to.equal('Forbidden');
    });

    it('uses http-<status> when an HTML error page comes back from a proxy', async () => {
      const server = fakeServer(new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
      const error = await apiErrorOf(client(server).get('v1/config', { retry: false }));

      expect(error.code).to.equal('http-502');
      expect(error.transient).to.equal(true);
    });
  });

  describe('retries', () => {
    it('sends a GET again after a 503 and resolves with the later answer', async () => {
      const server = fakeServer(problem(503, { code: 'unavailable' }), json(200, { ok: true }));
      const response = await client(server).get<{ ok: boolean }>('v1/config');

      expect(response.data).to.deep.equal({ ok: true });
      expect(server.requests).to.have.length(2);
    });

    for (const status of [408, 425, 429, 500, 502, 503, 504]) {
      it(`treats ${String(status)} as transient and sends a GET again`, async () => {
        const server = fakeServer(new Response(null, { status }), json(200, { ok: true }));
        const response = await client(server).get('v1/config');

        expect(response.status).to.equal(200);
        expect(server.requests).to.have.length(2);
      });
    }

    for (const status of [400, 401, 403, 404, 409, 412, 422]) {
      it(`does not send a GET again after ${String(status)}`, async () => {
        const server = fakeServer(problem(status, { code: `c-${String(status)}` }), json(200, {}));
        const error = await apiErrorOf(client(server).get('v1/config'));

        expect(error.status).to.equal(status);
        expect(server.requests).to.have.length(1);
      });
    }

    it('gives up after the configured number of retries and rejects with the last error', async () => {
      const server = fakeServer(problem(503, { code: 'unavailable' }));
      const error = await apiErrorOf(client(server, { retries: 2 }).get('v1/config'));

      expect(error.code).to.equal('unavailable');
      expect(server.requests).to.have.length(3);
    });

    it('retries three times by default', async () => {
      const server = fakeServer(problem(500, { code: 'boom' }));
      await apiErrorOf(client(server).get('v1/config'));

      expect(server.requests).to.have.length(4);
    });

    it('sends only once when the request says retry: false', async () => {
      const server = fakeServer(problem(503, { code: 'unavailable' }), json(200, {}));
      const error = await apiErrorOf(client(server).get('v1/config', { retry: false }));

      expect(error.code).to.equal('unavailable');
      expect(server.requests).to.have.length(1);
    });

    it('sends a PUT and a DELETE again after a 503 (they are idempotent)', async () => {
      const server = fakeServer(problem(503, {}), json(200, {}), problem(503, {}), new Response(null, { status: 204 }));
      const api = client(server);
      await api.put('v1/cv', { name: 'Sara' });
      await api.delete('v1/joblog/entry-1');

      expect(server.requests.map((request) => request.method)).to.deep.equal(['PUT', 'PUT', 'DELETE', 'DELETE']);
      expect(server.requests[1].body).to.deep.equal({ name: 'Sara' });
    });

    it('sends a POST without an idempotency key exactly once after a 503', async () => {
      const server = fakeServer(problem(503, { code: 'unavailable' }), json(201, {}));
      const error = await apiErrorOf(client(server).post('v1/bookings', { slot: 's1' }));

      expect(error.code).to.equal('unavailable');
      expect(server.requests).to.have.length(1);
      expect(server.requests[0].headers.has('Idempotency-Key')).to.equal(false);
    });

    it('sends a POST without an idempotency key exactly once after a network error (it may have arrived)', async () => {
      const server = fakeServer(new TypeError('Failed to fetch'), json(201, {}));
      const error = await apiErrorOf(client(server).post('v1/bookings', { slot: 's1' }));

      expect(error.code).to.equal('network');
      expect(server.requests).to.have.length(1);
    });

    it('sends a PATCH without an idempotency key exactly once after a 503', async () => {
      const server = fakeServer(problem(503, {}), json(200, {}));
      await apiErrorOf(client(server).patch('v1/cv', { name: 'Sara' }));

      expect(server.requests).to.have.length(1);
    });

    it('sends a POST with an idempotency key again with the same key after a 503', async () => {
      const server = fakeServer(problem(503, {}), problem(503, {}), json(201, { id: 'booking-1' }));
      const response = await client(server).post<{ id: string }>('v1/bookings', { slot: 's1' }, { idempotencyKey: true });

      expect(response.data).to.deep.equal({ id: 'booking-1' });
      const keys = server.requests.map((request) => request.headers.get('Idempotency-Key'));
      expect(keys).to.have.length(3);
      expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
      expect(new Set(keys).size).to.equal(1);
      expect(server.requests.every((request) => JSON.stringify(request.body) === '{"slot":"s1"}')).to.equal(true);
    });

    it('sends a POST with an idempotency key again with the same key after a network error', async () => {
      const server = fakeServer(new TypeError('Failed to fetch'), json(201, {}));
      await client(server).post('v1/bookings', { slot: 's1' }, { idempotencyKey: true });

      const keys = server.requests.map((request) => request.headers.get('Idempotency-Key'));
      expect(keys).to.have.length(2);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    });

    it('gives each new call its own generated idempotency key, so two bookings are not taken for one', async () => {
      const server = fakeServer(json(201, {}));
      const api = client(server);
      await api.post('v1/bookings', { slot: 's1' }, { idempotencyKey: true });
      await api.post('v1/bookings', { slot: 's2' }, { idempotencyKey: true });

      const [first, second] = server.requests.map((request) => request.headers.get('Idempotency-Key'));
      expect(first).to.be.a('string');
      expect(second).to.be.a('string');
      expect(first).not.to.equal(second);
    });

    it('sends the caller’s own idempotency key unchanged, so "try again" reuses it across calls', async () => {
      const server = fakeServer(problem(503, {}), json(201, {}));
      const api = client(server, { retries: 0 });
      await apiErrorOf(api.post('v1/bookings', { slot: 's1' }, { idempotencyKey: 'booking-attempt-7' }));
      await api.post('v1/bookings', { slot: 's1' }, { idempotencyKey: 'booking-attempt-7' });

      expect(server.requests.map((request) => request.headers.get('Idempotency-Key'))).to.deep.equal([
        'booking-attempt-7',
        'booking-attempt-7',
      ]);
    });

    it('sends a GET again after a network error while online, and reports network when it keeps failing', async () => {
      const server = fakeServer(new TypeError('Failed to fetch'));
      const error = await apiErrorOf(client(server, { retries: 1 }).get('v1/config'));

      expect(error.code).to.equal('network');
      expect(error.status).to.equal(0);
      expect(server.requests).to.have.length(2);
    });

    it('waits as long as Retry-After says before sending again', async () => {
      const server = fakeServer(problem(429, { code: 'rate-limited' }, { 'Retry-After': '1' }), json(200, { ok: true }));
      const started = performance.now();
      const response = await client(server, { retryDelay: 1 }).get('v1/slots');
      const waited = performance.now() - started;

      expect(response.status).to.equal(200);
      expect(server.requests).to.have.length(2);
      expect(waited).to.be.at.least(950);
      expect(waited).to.be.below(3000);
    });

    it('exposes Retry-After on the error when it gives up', async () => {
      const server = fakeServer(problem(503, { code: 'maintenance' }, { 'Retry-After': '120' }));
      const error = await apiErrorOf(client(server, { retries: 0 }).get('v1/slots'));

      expect(error.code).to.equal('maintenance');
      expect(error.retryAfter).to.equal(120);
    });

    it('sends again at once when Retry-After is 0', async () => {
      const server = fakeServer(problem(503, {}, { 'Retry-After': '0' }), json(200, {}));
      const started = performance.now();
      await client(server, { retryDelay: 5000 }).get('v1/slots');

      expect(server.requests).to.have.length(2);
      expect(performance.now() - started).to.be.below(1000);
    });

    it('does not send a POST without a key again even when the server says Retry-After', async () => {
      const server = fakeServer(problem(429, {}, { 'Retry-After': '0' }), json(201, {}));
      const error = await apiErrorOf(client(server).post('v1/joblog', {}));

      expect(error.status).to.equal(429);
      expect(server.requests).to.have.length(1);
    });
  });

  describe('cancelling and time limits', () => {
    it('rejects with the caller’s abort reason when the caller aborts a request in flight, without retrying', async () => {
      const server = fakeServer('never');
      const controller = new AbortController();
      const reason = new Error('the citizen left the page');
      const request = client(server).get('v1/slots', { signal: controller.signal });
      await delay(10);
      controller.abort(reason);

      expect(await rejectionOf(request)).to.equal(reason);
      expect(server.requests).to.have.length(1);
    });

    it('rejects with the abort reason when the caller aborts during the backoff wait', async () => {
      const server = fakeServer(problem(503, {}, { 'Retry-After': '10' }), json(200, {}));
      const controller = new AbortController();
      const reason = new DOMException('Closed', 'AbortError');
      const started = performance.now();
      const request = client(server).get('v1/slots', { signal: controller.signal });
      await delay(50);
      controller.abort(reason);

      expect(await rejectionOf(request)).to.equal(reason);
      expect(performance.now() - started).to.be.below(2000);
      await delay(20);
      expect(server.requests).to.have.length(1);
    });

    it('rejects without reaching the server when the signal is already aborted', async () => {
      const server = fakeServer(json(200, {}));
      const reason = new Error('already gone');
      const error = await rejectionOf(client(server).get('v1/slots', { signal: AbortSignal.abort(reason) }));

      expect(error).to.equal(reason);
    });

    it('rejects with code timeout when the server does not answer in time', async () => {
      const server = fakeServer('never');
      const started = performance.now();
      const error = await apiErrorOf(client(server, { timeout: 30 }).get('v1/slots', { retry: false }));

      expect(error.code).to.equal('timeout');
      expect(error.status).to.equal(0);
      expect(performance.now() - started).to.be.below(2000);
    });

    it('tries a GET again after a timeout and resolves when the server answers the second time', async () => {
      const server = fakeServer('never', json(200, { ok: true }));
      const response = await client(server, { timeout: 30 }).get('v1/slots');

      expect(response.data).to.deep.equal({ ok: true });
      expect(server.requests).to.have.length(2);
    });

    it('aborts the timed-out request itself, so the browser stops waiting for it', async () => {
      const server = fakeServer('never');
      await apiErrorOf(client(server, { timeout: 20 }).get('v1/slots', { retry: false }));

      expect(server.requests[0].signal?.aborted).to.equal(true);
    });
  });

  describe('ETags', () => {
    it('returns the ETag of the answer and sends it back as If-Match on the update', async () => {
      const server = fakeServer(json(200, { name: 'Sara' }, { ETag: '"v1"' }), json(200, { name: 'Sara K' }, { ETag: '"v2"' }));
      const api = client(server);
      const loaded = await api.get<{ name: string }>('v1/cv');
      const saved = await api.put('v1/cv', { name: 'Sara K' }, { ifMatch: loaded.etag! });

      expect(loaded.etag).to.equal('"v1"');
      expect(saved.etag).to.equal('"v2"');
      expect(server.requests[0].headers.has('If-Match')).to.equal(false);
      expect(server.requests[1].headers.get('If-Match')).to.equal('"v1"');
    });

    it('returns undefined as the ETag when the server sends none', async () => {
      const server = fakeServer(json(200, {}));
      expect((await client(server).get('v1/cv')).etag).to.equal(undefined);
    });

    it('surfaces the 412 problem code when the document changed meanwhile, and does not retry', async () => {
      const server = fakeServer(problem(412, { code: 'etag-mismatch', title: 'Changed elsewhere' }));
      const error = await apiErrorOf(client(server).put('v1/cv', { name: 'x' }, { ifMatch: '"old"' }));

      expect(error.code).to.equal('etag-mismatch');
      expect(error.status).to.equal(412);
      expect(server.requests).to.have.length(1);
    });

    it('sends If-None-Match when asked', async () => {
      const server = fakeServer(new Response(null, { status: 304, headers: { ETag: '"v1"' } }));
      const response = await client(server).get('v1/config', { ifNoneMatch: '"v1"' });

      expect(server.requests[0].headers.get('If-None-Match')).to.equal('"v1"');
      expect(response.status).to.equal(304);
      expect(response.data).to.equal(undefined);
    });
  });

  describe('expired login', () => {
    it('asks onAuthRequired for a fresh token on 401 and sends the request once more with it', async () => {
      const server = fakeServer((request) =>
        request.headers.get('Authorization') === 'Bearer fresh' ? json(200, { id: 'me' }) : problem(401, { code: 'token-expired' }),
      );
      const seenErrors: ApiError[] = [];
      const api = client(server, {
        token: 'old',
        onAuthRequired: (error) => {
          seenErrors.push(error);
          return Promise.resolve('fresh');
        },
      });
      const response = await api.get<{ id: string }>('v1/me');

      expect(response.data).to.deep.equal({ id: 'me' });
      expect(server.requests.map((request) => request.headers.get('Authorization'))).to.deep.equal(['Bearer old', 'Bearer fresh']);
      expect(seenErrors).to.have.length(1);
      expect(seenErrors[0].code).to.equal('token-expired');
    });

    it('rejects with the server code and does not send again when onAuthRequired resolves undefined', async () => {
      const server = fakeServer(problem(401, { code: 'token-expired' }));
      let asked = 0;
      const api = client(server, {
        token: 'old',
        onAuthRequired: () => {
          asked++;
          return Promise.resolve(undefined);
        },
      });
      const error = await apiErrorOf(api.get('v1/me'));

      expect(error.code).to.equal('token-expired');
      expect(asked).to.equal(1);
      expect(server.requests).to.have.length(1);
    });

    it('asks for a fresh token only once even when the fresh token is refused too', async () => {
      const server = fakeServer(problem(401, { code: 'token-expired' }));
      let asked = 0;
      const api = client(server, {
        token: 'old',
        onAuthRequired: () => {
          asked++;
          return Promise.resolve(`fresh-${String(asked)}`);
        },
      });
      const error = await apiErrorOf(api.get('v1/me'));

      expect(error.code).to.equal('token-expired');
      expect(asked).to.equal(1);
      expect(server.requests).to.have.length(2);
    });

    it('sends a POST again with the fresh token after 401, because the server did not act on it', async () => {
      const server = fakeServer(problem(401, { code: 'token-expired' }), json(201, { id: 'entry-1' }));
      const api = client(server, { token: 'old', onAuthRequired: () => Promise.resolve('fresh') });
      const response = await api.post('v1/joblog', { title: 'x' });

      expect(response.status).to.equal(201);
      expect(server.requests.map((request) => request.headers.get('Authorization'))).to.deep.equal(['Bearer old', 'Bearer fresh']);
    });

    it('rejects with the 401 code when no one handles expired logins', async () => {
      const server = fakeServer(problem(401, { code: 'token-expired' }));
      const error = await apiErrorOf(client(server, { token: 'old' }).get('v1/me'));

      expect(error.code).to.equal('token-expired');
      expect(error.status).to.equal(401);
      expect(server.requests).to.have.length(1);
    });
  });

  describe('offline', () => {
    afterEach(() => {
      Reflect.deleteProperty(navigator, 'onLine');
    });

    function goOffline(): void {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    }

    it('rejects with code offline without calling fetch when the device is offline', async () => {
      goOffline();
      const server = fakeServer(json(200, {}));
      const error = await apiErrorOf(client(server).get('v1/config'));

      expect(error.code).to.equal('offline');
      expect(error.status).to.equal(0);
      expect(server.requests).to.have.length(0);
    });

    it('reports offline rather than network when the connection drops during the request', async () => {
      const server = fakeServer(() => {
        goOffline();
        return Promise.reject(new TypeError('Failed to fetch'));
      });
      const error = await apiErrorOf(client(server).get('v1/config'));

      expect(error.code).to.equal('offline');
      expect(server.requests).to.have.length(1);
    });

    it('reports network (not offline) when fetch fails while the device is online', async () => {
      expect(navigator.onLine).to.equal(true);
      const server = fakeServer(new TypeError('Failed to fetch'));
      const error = await apiErrorOf(client(server).get('v1/config', { retry: false }));

      expect(error.code).to.equal('network');
    });
  });

  describe('api URL', () => {
    const rejected: [string, string | undefined][] = [
      ['undefined', undefined],
      ['an empty string', ''],
      ['only spaces', '   '],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['an upper-case JavaScript: URL', 'JavaScript:alert(1)'],
      ['an ftp: URL', 'ftp://files.example.dk/api'],
      ['a data: URL', 'data:text/plain,hi'],
      ['a URL with credentials', 'https://user:secret@api.example.dk/'],
      ['a URL with only a user name', 'https://user@api.example.dk/'],
      ['an URL without host', 'https://'],
      ['garbage with a space in the host', 'https://api example.dk/'],
      ['a broken IPv6 host', 'http://[::1/api'],
      ['a host without a scheme (a likely typo)', 'jobcenter.example.dk/api'],
    ];
    for (const [description, value] of rejected) {
      it(`refuses ${description} with ApiConfigError invalid-api-url`, () => {
        let thrown: unknown;
        try {
          parseApiUrl(value);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).to.be.instanceOf(ApiConfigError);
        expect((thrown as ApiConfigError).code).to.equal('invalid-api-url');
        expect((thrown as ApiConfigError).value).to.equal(value);
      });
    }

    it('accepts a relative /api, resolved against the page, with a trailing slash added', () => {
      const url = parseApiUrl('/api');
      expect(url.href).to.equal(new URL('/api/', document.baseURI).href);
      expect(url.origin).to.equal(location.origin);
    });

    it('adds a trailing slash so contract paths stay under the base path', () => {
      expect(parseApiUrl('https://api.example.dk/jobunivers').href).to.equal('https://api.example.dk/jobunivers/');
      expect(parseApiUrl('https://api.example.dk/jobunivers/').href).to.equal('https://api.example.dk/jobunivers/');
      expect(parseApiUrl('  http://localhost:8080  ').href).to.equal('http://localhost:8080/');
    });

    it('accepts paths relative to the page that start with ./ or ../', () => {
      expect(parseApiUrl('./api').href).to.equal(new URL('./api/', document.baseURI).href);
      expect(parseApiUrl('../api').href).to.equal(new URL('../api/', document.baseURI).href);
    });

    it('drops a query and fragment from the api URL', () => {
      expect(parseApiUrl('https://api.example.dk/v?x=1#top').href).to.equal('https://api.example.dk/v/');
    });

    for (const path of ['https://evil.example/steal', 'http://api.jobcenter.example.dk/jobunivers/v1', '../../admin', 'v1/../../other']) {
      it(`never sends the token outside the api URL (${path})`, async () => {
        const server = fakeServer(json(200, {}));
        const error = await rejectionOf(client(server, { token: 'secret' }).get(path));
        expect(error).to.be.instanceOf(TypeError);
        expect(String(error)).to.contain('outside the api URL');
        expect(server.requests).to.have.length(0);
      });
    }

    it('removes its abort listener from a long-lived signal after each request', async () => {
      const server = fakeServer(json(200, {}));
      const controller = new AbortController();
      const added: string[] = [];
      const removed: string[] = [];
      const signal = controller.signal;
      const add = signal.addEventListener.bind(signal);
      const remove = signal.removeEventListener.bind(signal);
      signal.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions) => {
        added.push(type);
        add(type, listener, options);
      };
      signal.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject) => {
        removed.push(type);
        remove(type, listener);
      };
      await client(server).get('v1/config', { signal: controller.signal });
      await client(server).get('v1/config', { signal: controller.signal });
      expect(added).to.deep.equal(['abort', 'abort']);
      expect(removed).to.deep.equal(['abort', 'abort']);
    });

    it('throws ApiConfigError from the constructor when the base URL is unusable', () => {
      expect(() => new ApiClient({ baseUrl: 'javascript:alert(1)' })).to.throw(ApiConfigError);
    });
  });
});
