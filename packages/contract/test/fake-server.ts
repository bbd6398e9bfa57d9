/// <reference types="node" />
/* eslint-disable @typescript-eslint/no-confusing-void-expression -- the fake router answers with `return send(…)` / `return problem(…)`. */
/**
 * A small in-memory server that implements the Jobunivers contract — correctly by default, or broken in
 * exactly the ways listed in `breaks`, so the tests can prove each broken rule is reported as failed.
 * Self-booking (citizen side and desk) lives in `fake-booking.ts`, live chat in `fake-chat.ts`, the video library in `fake-video.ts`,
 * the CV in `fake-cv.ts`, the joblog in `fake-joblog.ts`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { fakeBooking } from './fake-booking.js';
import { fakeChat } from './fake-chat.js';
import { fakeCv } from './fake-cv.js';
import { fakeJoblog } from './fake-joblog.js';
import { fakeVideo } from './fake-video.js';

export type Break =
  | 'stale-if-match-accepted' // PUT with a stale If-Match succeeds instead of 412
  | 'if-match-optional' // PUT without If-Match succeeds instead of 428
  | 'text-plain-404' // unknown routes answer text/plain
  | 'no-www-authenticate' // 401s without WWW-Authenticate
  | 'expired-accepted' // exp is not checked
  | 'audience-as-invalid' // a wrong audience is token-invalid instead of token-audience
  | 'no-body-limit' // bodies over 64 KiB are accepted
  | 'unknown-fields-allowed' // unknown body fields are ignored
  | 'config-bad-shape' // /v1/config lacks municipality.phone
  | 'hang-on-if-none-match' // GET /v1/config with If-None-Match never answers
  | 'replay-without-header' // replays lack Idempotent-Replayed: true
  | 'racy-idempotency' // two concurrent identical creates both create
  | 'offset-cursor' // cursors are offsets: items added at the top shift later pages
  | 'accept-any-cursor' // an unknown cursor is treated as the first page
  | 'read-not-idempotent' // every POST …/read moves readAt
  | 'other-citizen-can-read' // GET /v1/notifications/{id} does not check the owner
  | 'sse-no-replay' // Last-Event-ID is ignored
  | 'sse-duplicate-on-resume' // the replay starts at the Last-Event-ID itself
  | 'racy-claims' // holds and bookings check the time, then claim it later: concurrent requests all win
  | 'reschedule-new-id' // a reschedule gives the booking a new id
  | 'calendar-uid-unstable' // the calendar UID changes with every reschedule or cancel
  | 'held-slot-visible' // a time held by one citizen is still in everyone else's free times
  | 'desk-stale-if-match-accepted' // PUT …/desk/availability/rules with a stale If-Match succeeds
  | 'desk-move-without-reason' // a desk move does not set changeReason
  | 'booking-no-events' // booking changes publish no booking.changed / booking.desk-changed events
  | 'chat-duplicate-on-retry' // a retried chat message (same id and text) is stored again
  | 'chat-note-leak' // internal notes reach the citizen's conversation stream
  | 'chat-no-reset' // an unknown Last-Event-ID on a conversation stream gets no event: reset
  | 'chat-spoofed-type-accepted' // an attachment's type is taken from Content-Type, not from its content
  | 'chat-claim-race-double' // a claim checks the state, then claims later: two caseworkers both win
  | 'chat-download-inline' // attachment downloads lack nosniff and are inline
  | 'chat-token-reads-any' // a conversation's access token reads every conversation
  | 'chat-no-console-changed' // caseworker streams get no chat.console-changed
  | 'chat-live-when-busy' // a live conversation is queued although nobody is available
  | 'chat-read-goes-back' // a lower read mark moves readByStaffThrough back
  | 'chat-former-can-write' // after a transfer the former caseworker still writes in the conversation
  | 'video-search-no-marks' // search matches carry no marks
  | 'video-filter-ignored' // the topic filter is ignored
  | 'video-no-range' // media ignores Range (always 200 with the whole file)
  | 'video-vtt-wrong-type' // caption tracks are served as text/plain
  | 'video-progress-anonymous' // PUT …/progress without a token is accepted
  | 'video-progress-overwrites' // watched ranges are replaced instead of merged
  | 'video-progress-racy' // progress is read, then written later: a parallel write is lost
  | 'video-completed-resets' // completed: false undoes a completion
  | 'video-bad-ranges-accepted' // a range whose end is before its start is accepted
  | 'cv-create-overwrites' // PUT /v1/me/cv with If-None-Match: * replaces an existing CV
  | 'cv-precondition-optional' // PUT /v1/me/cv without If-Match replaces the CV
  | 'cv-stale-accepted' // PUT /v1/me/cv with a stale If-Match succeeds
  | 'cv-racy-update' // the version is checked, then the CV written later: writes with the same If-Match all succeed
  | 'cv-drops-unknown-fields' // top-level fields outside JSON Resume (x-jobunivers too) are not stored
  | 'cv-bad-dates-accepted' // dates are not checked against JSON Resume's pattern
  | 'cv-64k-limit' // a CV over 64 KiB is refused (the contract allows 512 KiB)
  | 'cv-consent-unchecked' // PUT /v1/me/cv/share shares whatever the body says
  | 'cv-revoke-ignored' // after DELETE /v1/me/cv/share the caseworker still reads the CV
  | 'cv-delete-keeps-share' // a CV created after DELETE /v1/me/cv is shared by the old consent
  | 'cv-citizen-reads-shared' // a citizen token is accepted on GET /v1/cvs…
  | 'cv-unassigned-visible' // a caseworker sees the shared CVs of citizens not assigned to them
  | 'cv-caseworker-has-cv' // a caseworker token is accepted on /v1/me/cv…
  | 'joblog-create-overwrites' // PUT of an entry with If-None-Match: * replaces an existing entry
  | 'joblog-precondition-optional' // PUT of an entry without a precondition creates or replaces it
  | 'joblog-stale-accepted' // PUT of an entry with a stale If-Match succeeds
  | 'joblog-racy-update' // the version is checked, then the entry written later: writes with the same If-Match all succeed
  | 'joblog-conflict-without-current' // a 412 does not carry the server's copy
  | 'joblog-retry-conflicts' // a write sent again after it succeeded is a 412 instead of done
  | 'joblog-drops-fields' // the CV reference of an entry is not stored
  | 'joblog-unreal-dates-accepted' // a day the month does not have (2026-02-30) is accepted
  | 'joblog-no-tombstones' // a deleted entry disappears from the feed instead of leaving a tombstone
  | 'joblog-feed-by-creation' // an update keeps the entry's place in the feed: a client past it never sees the update
  | 'joblog-feed-racy' // positions are taken before the write is visible: a change can land behind a cursor already given out
  | 'joblog-limit-ignored' // the feed answers every change at once, whatever limit says
  | 'joblog-consent-unchecked' // PUT /v1/me/joblog/share shares whatever the body says
  | 'joblog-revoke-ignored' // after DELETE /v1/me/joblog/share the caseworker still reads the joblog
  | 'joblog-counts-saved' // the caseworker's numbers count saved (not yet sent) applications
  | 'joblog-requirement-unchecked' // any requirement is stored
  | 'joblog-requirement-overwrites' // PUT …/requirement with If-None-Match: * replaces an agreed requirement
  | 'joblog-citizen-reads-shared' // a citizen token is accepted on /v1/joblogs…
  | 'joblog-caseworker-has-joblog' // a caseworker token is accepted on /v1/me/joblog…
  | 'joblog-unassigned-visible'; // a caseworker sees the shared joblogs of citizens not assigned to them

export interface FakeOptions {
  secret: string;
  audience?: string;
  breaks?: readonly Break[];
  /** 'all': every event is kept (a young server replays from 0). 'reset': ids below the first event get `event: reset`. */
  retention?: 'all' | 'reset';
  /** Requests per user per 10 s before 429 (none by default). */
  rateLimit?: number;
  /** `widgets.selfBooking` in /v1/config (default true). */
  selfBooking?: boolean;
  /** Whether the booking desk routes exist (default true; false: they answer 404). */
  desk?: boolean;
  /** Whether the chat is within opening hours (default true; false: GET /v1/chat/status says closed). */
  chatOpen?: boolean;
  /** `widgets.cvBuilder` in /v1/config (default true). */
  cvBuilder?: boolean;
  /** `widgets.joblog` in /v1/config (default true). */
  joblog?: boolean;
}

interface User { id: string; role: 'citizen' | 'caseworker'; firstName: string; description: string; version: number; preferences: { language: string; notifyByEmail: boolean } }
interface Note { id: string; seq: number; citizenId: string; title: string; body: string; link?: string; createdAt: string; readAt: string | null }
interface Event { id: number; userId: string; type: string; occurredAt: string; data: unknown }

const MAX_BODY = 64 * 1024;
const LINK = /^(https:\/\/[^\s/?#]+[^\s]*|\/(?!\/)[^\s]*)$/;

export interface FakeServer {
  url: string;
  server: Server;
  close(): Promise<void>;
  /** Mints a token like a host's back end would. */
  token(userId: string): Promise<string>;
  notificationsOf(citizenId: string): Note[];
}

export async function startFakeServer(options: FakeOptions): Promise<FakeServer> {
  const breaks = new Set(options.breaks ?? []);
  const audience = options.audience ?? 'jobunivers';
  const key = new TextEncoder().encode(options.secret);
  const users: User[] = [
    { id: 'citizen-1', role: 'citizen', firstName: 'Mette', description: 'Ledig, dagpenge', version: 1, preferences: { language: 'da', notifyByEmail: false } },
    { id: 'citizen-2', role: 'citizen', firstName: 'Ali', description: 'Sygedagpenge', version: 1, preferences: { language: 'ar', notifyByEmail: true } },
    { id: 'caseworker-2', role: 'caseworker', firstName: 'Jens', description: 'Sagsbehandler for Ali', version: 1, preferences: { language: 'da', notifyByEmail: false } },
    { id: 'caseworker-1', role: 'caseworker', firstName: 'Karen', description: 'Sagsbehandler for Mette', version: 1, preferences: { language: 'da', notifyByEmail: false } },
  ];
  const assigned: Record<string, string[]> = { 'caseworker-1': ['citizen-1'], 'caseworker-2': ['citizen-2'] };
  const notes: Note[] = [];
  const events: Event[] = [];
  const subscribers = new Set<{ userId: string; res: ServerResponse }>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const cursors = new Set<string>();
  const hits = new Map<string, { count: number; since: number }>();
  let seq = 0;
  let nextEventId = 1000;

  const mint = (userId: string): Promise<string> => {
    const user = users.find((candidate) => candidate.id === userId);
    return new SignJWT({ role: user?.role ?? 'citizen' }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setAudience(audience)
      .setIssuedAt().setExpirationTime('1h').sign(key);
  };

  // The reply helpers return `undefined` (not void) so a route can `return send(…)`.
  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): undefined {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
    return undefined;
  }
  function empty(res: ServerResponse, status: number, headers: Record<string, string>, body = ''): undefined {
    res.writeHead(status, headers);
    res.end(body);
    return undefined;
  }
  function problem(res: ServerResponse, status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): undefined {
    if (status === 401 && !breaks.has('no-www-authenticate')) {
      headers['www-authenticate'] = code === 'unauthenticated' ? 'Bearer realm="jobunivers"' : 'Bearer realm="jobunivers", error="invalid_token"';
    }
    res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8', ...headers });
    res.end(JSON.stringify({ type: `urn:jobunivers:problem:${code}`, title: code, status, code, ...extra }));
    return undefined;
  }
  const invalid = (res: ServerResponse, errors: { pointer: string; code: string }[]): undefined => problem(res, 400, 'invalid-request', { errors });

  async function authenticate(req: IncomingMessage, res: ServerResponse): Promise<User | undefined> {
    const header = req.headers.authorization;
    if (header === undefined) return problem(res, 401, 'unauthenticated');
    const token = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'role'],
        ...(breaks.has('audience-as-invalid') ? {} : { audience }),
        ...(breaks.has('expired-accepted') ? { currentDate: new Date(0) } : {}),
      });
      if (breaks.has('audience-as-invalid') && payload.aud !== audience) return problem(res, 401, 'token-invalid');
      const user = users.find((candidate) => candidate.id === payload.sub && candidate.role === payload.role);
      if (user === undefined) return problem(res, 401, 'token-invalid');
      if (options.rateLimit !== undefined) {
        const now = Date.now();
        const hit = hits.get(user.id);
        const window = hit !== undefined && now - hit.since < 10_000 ? hit : { count: 0, since: now };
        window.count++;
        hits.set(user.id, window);
        if (window.count > options.rateLimit) return problem(res, 429, 'rate-limited', {}, { 'retry-after': '10' });
      }
      return user;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return problem(res, 401, 'token-expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') return problem(res, 401, 'token-audience');
      return problem(res, 401, 'token-invalid');
    }
  }

  /** Reads a JSON body: `undefined` when a problem was already sent. */
  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | undefined> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return problem(res, 415, 'unsupported-media-type');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY && !breaks.has('no-body-limit')) {
      req.resume();
      return problem(res, 413, 'payload-too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      chunks.push(chunk as Buffer);
    }
    if (size > MAX_BODY && !breaks.has('no-body-limit')) return problem(res, 413, 'payload-too-large');
    try {
      return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
    } catch {
      return problem(res, 400, 'malformed-json');
    }
  }

  function extra(value: Record<string, unknown>, allowed: string[]): { pointer: string; code: string }[] {
    if (breaks.has('unknown-fields-allowed')) return [];
    return Object.keys(value).filter((name) => !allowed.includes(name)).map((name) => ({ pointer: `/${name}`, code: 'additionalProperties' }));
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

  function me(user: User): unknown {
    return { id: user.id, role: user.role, firstName: user.firstName, preferences: user.preferences };
  }

  function publish(userId: string, type: string, data: unknown): void {
    const event: Event = { id: nextEventId++, userId, type, occurredAt: new Date().toISOString(), data };
    events.push(event);
    for (const subscriber of subscribers) if (subscriber.userId === userId) writeEvent(subscriber.res, event);
  }
  function writeEvent(res: ServerResponse, event: Event): void {
    res.write(`id: ${String(event.id)}\nevent: ${event.type}\ndata: ${JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data })}\n\n`);
  }
  const publicNote = (note: Note): Omit<Note, 'seq'> => {
    const rest: Partial<Note> = { ...note };
    delete rest.seq;
    return rest as Omit<Note, 'seq'>;
  };

  const booking = fakeBooking({
    breaks, send, problem, invalid, readJson, extra, isObject, idempotency, assigned, desk: options.desk ?? true, publish,
    firstName: (userId) => users.find((candidate) => candidate.id === userId)?.firstName ?? userId,
  });

  const chat = fakeChat({
    breaks, send, problem, invalid, readJson, extra, isObject, idempotency, publish, authenticate, open: options.chatOpen ?? true,
    caseworkers: () => users.filter((user) => user.role === 'caseworker'),
  });

  const video = fakeVideo({ breaks, send, problem, invalid, readJson, extra, isObject, authenticate });

  const cv = fakeCv({
    breaks, send, problem, invalid, authenticate, assigned,
    firstName: (userId) => users.find((candidate) => candidate.id === userId)?.firstName ?? userId,
  });

  const joblog = fakeJoblog({
    breaks, send, problem, invalid, readJson, authenticate, assigned,
    firstName: (userId) => users.find((candidate) => candidate.id === userId)?.firstName ?? userId,
    isCitizen: (userId) => users.some((candidate) => candidate.id === userId && candidate.role === 'citizen'),
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<undefined> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    let match: RegExpExecArray | null;

    if (method === 'GET' && (path === '/health/live' || path === '/health/ready')) return send(res, 200, { status: 'ok' });
    if (method === 'GET' && path === '/v1/config') {
      if (req.headers['if-none-match'] !== undefined && breaks.has('hang-on-if-none-match')) return; // never answers
      if (req.headers['if-none-match'] === '"1"') return empty(res, 304, { etag: '"1"' });
      const municipality: Record<string, string> = { name: 'Jobcenter Eksempelby', phone: '+4570000000', email: 'jobcenter@eksempelby.dk', website: 'https://eksempelby.dk/jobcenter', address: 'Torvet 1, 9999 Eksempelby' };
      if (breaks.has('config-bad-shape')) delete municipality.phone;
      return send(res, 200, {
        municipality,
        openingHours: { timeZone: 'Europe/Copenhagen', weekly: [{ weekday: 1, opens: '08:00', closes: '15:00' }], exceptions: [{ date: '2026-12-24', closed: true, note: 'Juleaften' }] },
        languages: ['da', 'en', 'ar'], defaultLanguage: 'da',
        widgets: { selfBooking: options.selfBooking ?? true, liveChat: true, videoLibrary: true, cvBuilder: options.cvBuilder ?? true, joblog: options.joblog ?? true },
      }, { etag: '"1"' });
    }
    if (method === 'GET' && path === '/v1/demo/users') {
      return send(res, 200, { items: users.map(({ id, role, firstName, description }) => ({ id, role, firstName, description })) });
    }
    if (method === 'POST' && path === '/v1/demo/login') {
      const body = await readJson(req, res);
      if (body === undefined) return;
      const user = users.find((candidate) => isObject(body.value) && candidate.id === body.value.userId);
      if (user === undefined) return invalid(res, [{ pointer: '/userId', code: 'enum' }]);
      return send(res, 200, { token: await mint(user.id), expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: me(user) });
    }
    if (path.startsWith('/v1/chat/')) return chat.handle(req, res, url);
    if (path === '/v1/me/cv' || path === '/v1/me/cv/share' || path === '/v1/cvs' || path.startsWith('/v1/cvs/')) return cv.handle(req, res, url);
    if (path.startsWith('/v1/me/joblog/') || path === '/v1/joblogs' || path.startsWith('/v1/joblogs/')) return joblog.handle(req, res, url);
    if (path === '/v1/videos' || path.startsWith('/v1/videos/') || path === '/v1/video-playlists' || path.startsWith('/v1/video-playlists/') || path === '/v1/me/video-progress' || path.startsWith('/media/videos/')) {
      return video.handle(req, res, url);
    }
    const knownRoute = path.startsWith('/v1/booking/') || ['/v1/me', '/v1/me/preferences', '/v1/notifications', '/v1/events'].includes(path) || /^\/v1\/(notifications\/[^/]+(\/read)?|citizens\/[^/]+\/notifications)$/.test(path);
    if (!knownRoute) {
      if (breaks.has('text-plain-404')) return empty(res, 404, { 'content-type': 'text/plain' }, 'Not Found');
      return problem(res, 404, 'not-found');
    }
    const user = await authenticate(req, res);
    if (user === undefined) return;

    if (path.startsWith('/v1/booking/')) return booking.handle(req, res, url, user);
    if (method === 'GET' && path === '/v1/me') {
      const etag = `"${String(user.version)}"`;
      if (req.headers['if-none-match'] === etag) return empty(res, 304, { etag });
      return send(res, 200, me(user), { etag });
    }
    if (method === 'PUT' && path === '/v1/me/preferences') {
      const body = await readJson(req, res);
      if (body === undefined) return;
      const value = body.value;
      if (!isObject(value)) return invalid(res, [{ pointer: '', code: 'type' }]);
      const errors = extra(value, ['language', 'notifyByEmail']);
      if (!['da', 'en', 'ar'].includes(value.language as string)) errors.push({ pointer: '/language', code: 'enum' });
      if (typeof value.notifyByEmail !== 'boolean') errors.push({ pointer: '/notifyByEmail', code: 'type' });
      if (errors.length > 0) return invalid(res, errors);
      const ifMatch = req.headers['if-match'];
      if (ifMatch === undefined && !breaks.has('if-match-optional')) return problem(res, 428, 'precondition-required');
      if (ifMatch !== undefined && ifMatch !== `"${String(user.version)}"` && !breaks.has('stale-if-match-accepted')) return problem(res, 412, 'etag-mismatch');
      user.preferences = { language: value.language as string, notifyByEmail: value.notifyByEmail as boolean };
      user.version++;
      return send(res, 200, me(user), { etag: `"${String(user.version)}"` });
    }
    if (method === 'GET' && path === '/v1/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('retry: 3000\n\n');
      const lastHeader = req.headers['last-event-id'];
      if (typeof lastHeader === 'string' && /^\d+$/.test(lastHeader) && !breaks.has('sse-no-replay')) {
        const last = Number(lastHeader);
        if (options.retention === 'reset' && last < 1000) {
          const id = nextEventId - 1;
          res.write(`id: ${String(id)}\nevent: reset\ndata: ${JSON.stringify({ id, type: 'reset', occurredAt: new Date().toISOString(), data: {} })}\n\n`);
        } else {
          for (const event of events) {
            if (event.userId !== user.id) continue;
            if (event.id > last || (breaks.has('sse-duplicate-on-resume') && event.id === last)) writeEvent(res, event);
          }
        }
      }
      const subscriber = { userId: user.id, res };
      subscribers.add(subscriber);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => { clearInterval(keepAlive); subscribers.delete(subscriber); });
      return;
    }
    if (method === 'GET' && path === '/v1/notifications') {
      if (user.role !== 'citizen') return problem(res, 403, 'forbidden');
      const limitText = url.searchParams.get('limit');
      const limit = limitText === null ? 20 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid(res, [{ pointer: '/query/limit', code: 'maximum' }]);
      const mine = notes.filter((note) => note.citizenId === user.id).sort((a, b) => b.seq - a.seq);
      const cursor = url.searchParams.get('cursor');
      let start = 0;
      if (cursor !== null) {
        if (!cursors.has(cursor)) {
          if (!breaks.has('accept-any-cursor')) return problem(res, 400, 'invalid-cursor');
        } else {
          const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { before?: number; offset?: number };
          start = position.offset ?? mine.findIndex((note) => note.seq < (position.before ?? 0));
          if (start === -1) start = mine.length;
        }
      }
      const items = mine.slice(start, start + limit);
      let nextCursor: string | null = null;
      const last = items.at(-1);
      if (start + limit < mine.length && last !== undefined) {
        nextCursor = Buffer.from(JSON.stringify(breaks.has('offset-cursor') ? { offset: start + limit } : { before: last.seq })).toString('base64url');
        cursors.add(nextCursor);
      }
      return send(res, 200, { items: items.map(publicNote), nextCursor });
    }
    if ((match = /^\/v1\/notifications\/([^/]+)(\/read)?$/.exec(path)) !== null) {
      const id = match[1];
      const read = match[2] as string | undefined; // the optional group
      if (user.role !== 'citizen') return problem(res, 403, 'forbidden');
      const note = notes.find((candidate) => candidate.id === id && (candidate.citizenId === user.id || (breaks.has('other-citizen-can-read') && read === undefined)));
      if (note === undefined) return problem(res, 404, 'not-found');
      if (method === 'GET' && read === undefined) return send(res, 200, publicNote(note));
      if (method === 'POST' && read !== undefined) {
        if (note.readAt === null || breaks.has('read-not-idempotent')) note.readAt = new Date().toISOString();
        return send(res, 200, publicNote(note));
      }
      return problem(res, 405, 'method-not-allowed');
    }
    if ((match = /^\/v1\/citizens\/([^/]+)\/notifications$/.exec(path)) !== null && method === 'POST') {
      const citizenId = decodeURIComponent(match[1]);
      if (user.role !== 'caseworker') return problem(res, 403, 'forbidden');
      if (!(assigned[user.id] ?? []).includes(citizenId)) return problem(res, 404, 'not-found');
      const idempotencyKey = req.headers['idempotency-key'];
      if (typeof idempotencyKey !== 'string' || !/^[A-Za-z0-9_.:-]{1,255}$/.test(idempotencyKey)) return problem(res, 400, 'idempotency-key-required');
      const body = await readJson(req, res);
      if (body === undefined) return;
      const value = body.value;
      if (!isObject(value)) return invalid(res, [{ pointer: '', code: 'type' }]);
      const errors = extra(value, ['title', 'body', 'link']);
      const text = (name: string, max: number): void => {
        const field = value[name];
        if (typeof field !== 'string' || field.length < 1 || field.length > max || !/\S/.test(field)) errors.push({ pointer: `/${name}`, code: 'maxLength' });
      };
      text('title', 120);
      text('body', 2000);
      if (value.link !== undefined && (typeof value.link !== 'string' || !LINK.test(value.link))) errors.push({ pointer: '/link', code: 'pattern' });
      if (errors.length > 0) return invalid(res, errors);
      const scope = `${user.id}|${idempotencyKey}`;
      const fingerprint = `${path}|${JSON.stringify(value)}`;
      const previous = idempotency.get(scope);
      if (previous !== undefined) {
        if (previous.fingerprint !== fingerprint) return problem(res, 422, 'idempotency-key-reused');
        return send(res, previous.status, previous.body, breaks.has('replay-without-header') ? {} : { 'idempotent-replayed': 'true' });
      }
      // The check and the insert are not atomic: concurrent requests all pass the check.
      if (breaks.has('racy-idempotency')) await new Promise((resolve) => setTimeout(resolve, 250));
      const note: Note = {
        id: `n${String(++seq)}`, seq, citizenId, title: value.title as string, body: value.body as string,
        ...(typeof value.link === 'string' ? { link: value.link } : {}), createdAt: new Date().toISOString(), readAt: null,
      };
      notes.push(note);
      idempotency.set(scope, { fingerprint, status: 201, body: publicNote(note) });
      publish(citizenId, 'notification.created', publicNote(note));
      return send(res, 201, publicNote(note));
    }
    return problem(res, 405, 'method-not-allowed');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, 'internal', { detail: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    server,
    token: mint,
    notificationsOf: (citizenId) => notes.filter((note) => note.citizenId === citizenId),
    async close() {
      for (const subscriber of subscribers) subscriber.res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    },
  };
}
