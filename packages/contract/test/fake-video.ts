/// <reference types="node" />
/* eslint-disable @typescript-eslint/no-confusing-void-expression -- the fake router answers with `return send(…)` / `return problem(…)`. */
/**
 * The video library for the fake server: three videos with captions, a playlist, word search with marks, filters,
 * offset cursors, media with HTTP ranges and the citizen's progress — only what the conformance rules exercise,
 * correct unless a break says otherwise.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Break } from './fake-server.js';

type FieldError = { pointer: string; code: string };
interface VideoUser { id: string; role: 'citizen' | 'caseworker' }

export interface VideoDeps {
  breaks: ReadonlySet<Break>;
  send: (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => undefined;
  problem: (res: ServerResponse, status: number, code: string, extra?: Record<string, unknown>, headers?: Record<string, string>) => undefined;
  invalid: (res: ServerResponse, errors: FieldError[]) => undefined;
  readJson: (req: IncomingMessage, res: ServerResponse) => Promise<{ value: unknown } | undefined>;
  extra: (value: Record<string, unknown>, allowed: string[]) => FieldError[];
  isObject: (value: unknown) => value is Record<string, unknown>;
  /** Verifies a JWT (answers 401 itself when it fails). */
  authenticate: (req: IncomingMessage, res: ServerResponse) => Promise<VideoUser | undefined>;
}

interface Cue { start: number; end: number; text: string }
interface FakeVideo {
  id: string; kind: 'guide' | 'webinar'; title: string; description: string; topic: string; targetGroups: string[];
  duration: number; publishedAt: string; cues: Cue[]; bytes: Buffer;
}
interface Stored { position: number; watched: [number, number][]; completedAt: string | null; updatedAt: string; seq: number }

const TOPICS: Partial<Record<string, string>> = { joblog: 'Joblog', cv: 'CV og ansøgning', jobsearch: 'Jobsøgning' };
const GROUPS: Partial<Record<string, string>> = { dagpenge: 'Dagpenge', unge: 'Unge under 30' };
const pad = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(11, 23);
const bytes = (size: number, seed: number): Buffer => Buffer.from(Array.from({ length: size }, (_, index) => (index * seed) % 256));

const VIDEOS: FakeVideo[] = [
  {
    id: 'v-cv', kind: 'guide', title: 'Skriv et godt CV', description: 'Et kort CV, der viser, hvad du kan.', topic: 'cv', targetGroups: ['unge'],
    duration: 45, publishedAt: '2026-10-12', bytes: bytes(800, 7),
    cues: [{ start: 0, end: 5, text: 'Et godt CV er kort og klart.' }, { start: 5, end: 11, text: 'Skriv de arbejdspladser, du har haft.' }],
  },
  {
    id: 'v-joblog', kind: 'guide', title: 'Sådan bruger du jobloggen', description: 'Hvad jobloggen er, og hvordan du udfylder den.', topic: 'joblog', targetGroups: ['dagpenge', 'unge'],
    duration: 60, publishedAt: '2026-10-05', bytes: bytes(1000, 3),
    cues: [{ start: 0, end: 4, text: 'Jobloggen er din oversigt.' }, { start: 7, end: 11.25, text: 'Her kan du se, hvordan du udfylder jobloggen.' }],
  },
  {
    id: 'v-webinar', kind: 'webinar', title: 'Webinar om jobsøgning', description: 'Et optaget webinar.', topic: 'jobsearch', targetGroups: ['dagpenge'],
    duration: 700, publishedAt: '2026-09-01', bytes: bytes(1200, 5),
    cues: [{ start: 0, end: 6, text: 'Velkommen til webinaret om netværk.' }, { start: 300, end: 306, text: 'Brug dit netværk, når du søger.' }],
  },
];
const PLAYLIST = { id: 'kom-godt-i-gang', title: 'Kom godt i gang', description: 'Joblog og CV.', videoIds: ['v-joblog', 'v-cv'] };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const QUERY = ['q', 'topic', 'targetGroup', 'language', 'length', 'kind', 'limit', 'cursor'];
const lengthOf = (duration: number): string => (duration < 120 ? 'short' : duration <= 600 ? 'medium' : 'long');
const words = (text: string): { word: string; from: number; to: number }[] =>
  [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ word: match[0].toLocaleLowerCase(), from: match.index, to: match.index + match[0].length }));
const STOP = new Set(['jeg', 'du', 'og', 'i', 'at', 'er', 'en', 'et', 'den', 'det']);

export function fakeVideo(deps: VideoDeps): { handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<undefined> } {
  const { breaks, send, problem, invalid, readJson, extra, isObject } = deps;
  const progress = new Map<string, Stored>();
  const cursors = new Set<string>();
  let seq = 0;

  const vtt = (video: FakeVideo): string => `WEBVTT\n\n${video.cues.map((cue) => `${pad(cue.start)} --> ${pad(cue.end)}\n${cue.text}`).join('\n\n')}\n`;
  const label = (table: Partial<Record<string, string>>, id: string) => ({ id, label: table[id] ?? id });
  const progressOf = (userId: string | undefined, videoId: string) => {
    const stored = userId === undefined ? undefined : progress.get(`${userId}|${videoId}`);
    if (stored === undefined) return null;
    const watchedSeconds = stored.watched.reduce((sum, [a, b]) => sum + b - a, 0);
    return { videoId, position: stored.position, watched: stored.watched, watchedSeconds, completed: stored.completedAt !== null, completedAt: stored.completedAt, updatedAt: stored.updatedAt };
  };
  const summary = (video: FakeVideo, userId: string | undefined) => ({
    id: video.id, kind: video.kind, title: video.title, description: video.description, topic: label(TOPICS, video.topic),
    targetGroups: video.targetGroups.map((group) => label(GROUPS, group)), language: 'da', duration: video.duration, length: lengthOf(video.duration),
    posterUrl: null, captions: ['da'], audioDescription: false, signLanguage: false, publishedAt: video.publishedAt, progress: progressOf(userId, video.id),
  });
  const detail = (video: FakeVideo, userId: string | undefined) => ({
    ...summary(video, userId),
    renditions: [{ kind: 'standard', url: `media/videos/${video.id}/video.mp4`, type: 'video/mp4', bytes: video.bytes.length }],
    tracks: [{ kind: 'captions', language: 'da', label: 'Dansk', url: `media/videos/${video.id}/captions.da.vtt` }],
    transcripts: [],
  });

  function matchesOf(video: FakeVideo, terms: Set<string>) {
    const rows = [
      { field: 'title', start: null, end: null, text: video.title },
      { field: 'description', start: null, end: null, text: video.description },
      ...video.cues.map((cue) => ({ field: 'transcript', start: cue.start, end: cue.end, text: cue.text })),
    ];
    return rows.flatMap((row) => {
      const hits = words(row.text).filter((token) => terms.has(token.word));
      if (hits.length === 0) return [];
      const marks = breaks.has('video-search-no-marks') ? [] : hits.map((token) => [token.from, token.to]);
      return [{ score: new Set(hits.map((token) => token.word)).size, match: { field: row.field, language: 'da', start: row.start, end: row.end, text: row.text, marks } }];
    }).sort((a, b) => b.score - a.score).slice(0, 5);
  }

  async function viewer(req: IncomingMessage, res: ServerResponse): Promise<{ userId: string | undefined } | undefined> {
    if (req.headers.authorization === undefined) return { userId: undefined };
    const user = await deps.authenticate(req, res);
    if (user === undefined) return undefined;
    return { userId: user.role === 'citizen' ? user.id : undefined };
  }

  function list(res: ServerResponse, url: URL, userId: string | undefined): undefined {
    const params = url.searchParams;
    const errors: FieldError[] = [];
    for (const name of params.keys()) if (!QUERY.includes(name)) errors.push({ pointer: `/query/${name}`, code: 'additionalProperties' });
    const limit = params.has('limit') ? Number(params.get('limit')) : 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) errors.push({ pointer: '/query/limit', code: 'maximum' });
    const length = params.get('length');
    if (length !== null && !['short', 'medium', 'long'].includes(length)) errors.push({ pointer: '/query/length', code: 'enum' });
    const kind = params.get('kind');
    if (kind !== null && !['guide', 'webinar'].includes(kind)) errors.push({ pointer: '/query/kind', code: 'enum' });
    for (const name of ['topic', 'targetGroup']) {
      const value = params.get(name);
      if (value !== null && !ID.test(value)) errors.push({ pointer: `/query/${name}`, code: 'pattern' });
    }
    const q = params.get('q');
    if (q !== null && (q.length < 1 || q.length > 200)) errors.push({ pointer: '/query/q', code: 'minLength' });
    if (errors.length > 0) return invalid(res, errors);
    const cursor = params.get('cursor');
    if (cursor !== null && !cursors.has(cursor)) return problem(res, 400, 'invalid-cursor');
    const offset = cursor === null ? 0 : JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as number;
    const topic = params.get('topic');
    const group = params.get('targetGroup');
    const language = params.get('language');
    const videos = VIDEOS.filter((video) =>
      (topic === null || breaks.has('video-filter-ignored') || video.topic === topic)
      && (group === null || video.targetGroups.includes(group))
      && (language === null || language === 'da') && (length === null || lengthOf(video.duration) === length) && (kind === null || video.kind === kind));
    let found: { video: FakeVideo; matches: unknown[] }[];
    if (q === null) found = [...videos].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).map((video) => ({ video, matches: [] }));
    else {
      const terms = new Set(words(q).map((token) => token.word).filter((word) => !STOP.has(word)));
      const scored = videos.map((video) => ({ video, rows: matchesOf(video, terms) })).filter((entry) => entry.rows.length > 0);
      scored.sort((a, b) => (b.rows[0]?.score ?? 0) - (a.rows[0]?.score ?? 0));
      found = scored.map((entry) => ({ video: entry.video, matches: entry.rows.map((row) => row.match) }));
    }
    const page = found.slice(offset, offset + limit);
    let nextCursor: string | null = null;
    if (offset + limit < found.length) {
      nextCursor = Buffer.from(JSON.stringify(offset + limit)).toString('base64url');
      cursors.add(nextCursor);
    }
    return send(res, 200, { items: page.map(({ video, matches }) => ({ ...summary(video, userId), matches })), nextCursor });
  }

  function filters(res: ServerResponse): undefined {
    const count = (values: string[]) => {
      const counts = new Map<string, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return [...counts].map(([id, n]) => ({ id, label: TOPICS[id] ?? GROUPS[id] ?? id, count: n }));
    };
    return send(res, 200, {
      topics: count(VIDEOS.map((video) => video.topic)),
      targetGroups: count(VIDEOS.flatMap((video) => video.targetGroups)),
      languages: [{ id: 'da', label: 'Dansk', count: VIDEOS.length }],
      lengths: count(VIDEOS.map((video) => lengthOf(video.duration))),
      kinds: count(VIDEOS.map((video) => video.kind)),
    });
  }

  function merge(ranges: [number, number][], duration: number): [number, number][] {
    const sorted = ranges.map(([a, b]): [number, number] => [Math.max(0, Math.min(a, duration)), Math.max(0, Math.min(b, duration))]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
    const out: [number, number][] = [];
    for (const [a, b] of sorted) {
      const last = out.at(-1);
      if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
      else out.push([a, b]);
    }
    return out;
  }

  async function putProgress(req: IncomingMessage, res: ServerResponse, video: FakeVideo | undefined): Promise<undefined> {
    let userId = 'anonymous';
    if (!(breaks.has('video-progress-anonymous') && req.headers.authorization === undefined)) {
      const user = await deps.authenticate(req, res);
      if (user === undefined) return;
      if (user.role !== 'citizen') return problem(res, 403, 'forbidden');
      userId = user.id;
    }
    if (video === undefined) return problem(res, 404, 'not-found');
    const body = await readJson(req, res);
    if (body === undefined) return;
    const value = body.value;
    if (!isObject(value)) return invalid(res, [{ pointer: '', code: 'type' }]);
    const errors = extra(value, ['position', 'watched', 'completed']);
    if (typeof value.position !== 'number' || value.position < 0) errors.push({ pointer: '/position', code: 'minimum' });
    if (value.completed !== undefined && typeof value.completed !== 'boolean') errors.push({ pointer: '/completed', code: 'type' });
    const watched = value.watched;
    if (!Array.isArray(watched)) errors.push({ pointer: '/watched', code: 'type' });
    else {
      if (watched.length > 1000) errors.push({ pointer: '/watched', code: 'maxItems' });
      watched.forEach((range: unknown, index) => {
        const ok = Array.isArray(range) && range.length === 2 && range.every((n) => typeof n === 'number' && n >= 0)
          && (breaks.has('video-bad-ranges-accepted') || (range[1] as number) >= (range[0] as number));
        if (!ok) errors.push({ pointer: `/watched/${String(index)}`, code: 'range' });
      });
    }
    if (errors.length > 0) return invalid(res, errors);
    const key = `${userId}|${video.id}`;
    const incoming = watched as [number, number][];
    const before = progress.get(key);
    // The racy variant reads, waits, then writes what it read: a parallel write in between is lost.
    if (breaks.has('video-progress-racy')) await new Promise((resolve) => setTimeout(resolve, 100));
    const base = breaks.has('video-progress-overwrites') ? [] : (breaks.has('video-progress-racy') ? before : progress.get(key))?.watched ?? [];
    const merged = merge([...base, ...incoming], video.duration);
    const seen = merged.reduce((sum, [a, b]) => sum + b - a, 0);
    const now = new Date().toISOString();
    const previous = progress.get(key)?.completedAt ?? null;
    const completedNow = value.completed === true || seen >= 0.9 * video.duration;
    const completedAt = breaks.has('video-completed-resets')
      ? (value.completed === false ? null : previous ?? (completedNow ? now : null))
      : previous ?? (completedNow ? now : null);
    progress.set(key, { position: Math.min(value.position as number, video.duration), watched: merged, completedAt, updatedAt: now, seq: ++seq });
    return send(res, 200, progressOf(userId, video.id));
  }

  function media(req: IncomingMessage, res: ServerResponse, video: FakeVideo, file: string): undefined {
    const headers: Record<string, string> = { 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=3600' };
    if (file === 'captions.da.vtt') {
      res.writeHead(200, { ...headers, 'content-type': breaks.has('video-vtt-wrong-type') ? 'text/plain; charset=utf-8' : 'text/vtt; charset=utf-8' });
      res.end(vtt(video));
      return undefined;
    }
    if (file !== 'video.mp4') return problem(res, 404, 'not-found');
    const size = video.bytes.length;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range === null || breaks.has('video-no-range')) {
      res.writeHead(200, { ...headers, 'content-type': 'video/mp4', 'content-length': String(size), 'accept-ranges': breaks.has('video-no-range') ? 'none' : 'bytes' });
      res.end(video.bytes);
      return undefined;
    }
    const start = Number(range[1]);
    const end = Math.min(range[2] === '' ? size - 1 : Number(range[2]), size - 1);
    if (start >= size || end < start) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${String(size)}` });
      res.end();
      return undefined;
    }
    res.writeHead(206, { ...headers, 'content-type': 'video/mp4', 'accept-ranges': 'bytes', 'content-range': `bytes ${String(start)}-${String(end)}/${String(size)}`, 'content-length': String(end - start + 1) });
    res.end(video.bytes.subarray(start, end + 1));
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<undefined> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    let match: RegExpExecArray | null;
    if ((match = /^\/media\/videos\/([^/]+)\/([^/]+)$/.exec(path)) !== null && (method === 'GET' || method === 'HEAD')) {
      const video = VIDEOS.find((candidate) => candidate.id === match?.[1]);
      return video === undefined ? problem(res, 404, 'not-found') : media(req, res, video, match[2]);
    }
    if (path === '/v1/me/video-progress' && method === 'GET') {
      const user = await deps.authenticate(req, res);
      if (user === undefined) return;
      if (user.role !== 'citizen') return problem(res, 403, 'forbidden');
      const mine = [...progress.entries()].filter(([key]) => key.startsWith(`${user.id}|`)).sort((a, b) => b[1].seq - a[1].seq);
      return send(res, 200, { items: mine.map(([key]) => progressOf(user.id, key.split('|')[1] ?? '')) });
    }
    if ((match = /^\/v1\/videos\/([^/]+)\/progress$/.exec(path)) !== null && method === 'PUT') {
      return putProgress(req, res, VIDEOS.find((candidate) => candidate.id === decodeURIComponent(match?.[1] ?? '')));
    }
    if (method !== 'GET') return problem(res, 405, 'method-not-allowed');
    const who = await viewer(req, res);
    if (who === undefined) return;
    if (path === '/v1/videos') return list(res, url, who.userId);
    if (path === '/v1/videos/filters') return filters(res);
    if ((match = /^\/v1\/videos\/([^/]+)$/.exec(path)) !== null) {
      const video = VIDEOS.find((candidate) => candidate.id === decodeURIComponent(match?.[1] ?? ''));
      return video === undefined ? problem(res, 404, 'not-found') : send(res, 200, detail(video, who.userId));
    }
    const playlist = () => {
      const videos = PLAYLIST.videoIds.flatMap((id) => VIDEOS.filter((video) => video.id === id)).map((video) => summary(video, who.userId));
      return { ...PLAYLIST, videoIds: undefined, videos, completed: videos.filter((video) => video.progress?.completed === true).length };
    };
    if (path === '/v1/video-playlists') return send(res, 200, { items: [playlist()] });
    if ((match = /^\/v1\/video-playlists\/([^/]+)$/.exec(path)) !== null) {
      return decodeURIComponent(match[1]) === PLAYLIST.id ? send(res, 200, playlist()) : problem(res, 404, 'not-found');
    }
    return problem(res, 404, 'not-found');
  }

  return { handle };
}
