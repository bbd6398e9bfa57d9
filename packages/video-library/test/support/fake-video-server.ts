// An in-browser stand-in for the video part of the contract (packages/contract/src/schemas/video.ts), for component
// tests and stories: it answers `fetch` like the reference server (JSON, problem+json, cursor pages, a citizen's
// progress, search matches with marks and times) and records every request.
import type { Playlist, Video, VideoFacet, VideoFilters, VideoListItem, VideoMatch, VideoProgress, VideoSummary } from '@jobunivers/contract';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
}

/** A caption cue: what is said, and when. */
export interface FakeCue {
  start: number;
  end: number;
  text: string;
}

export interface FakeVideo {
  summary: Omit<VideoSummary, 'progress'>;
  cues: FakeCue[];
}

export interface FakePlaylist {
  id: string;
  title: string;
  description: string;
  videoIds: string[];
}

export interface FakeVideoServerOptions {
  /** The catalogue; default the six demo videos. */
  videos?: FakeVideo[];
  playlists?: FakePlaylist[];
  /** Answer every request after this many ms (default 0). */
  latencyMs?: number;
}

type Failure = { status: number; code: string; detail?: string } | 'network' | 'never';

/** Tokens starting with this are caseworkers' (403 on the citizen's routes); any other bearer token is a citizen. */
export const CASEWORKER_TOKEN_PREFIX = 'caseworker';

const TOPICS: Record<string, string> = { booking: 'Møder og booking', joblog: 'Joblog', cv: 'CV og ansøgning', chat: 'Chat og kontakt', rights: 'Rettigheder og pligter', jobsearch: 'Jobsøgning' };
const GROUPS: Record<string, string> = { dagpenge: 'Dagpenge', kontanthjaelp: 'Kontanthjælp', unge: 'Unge under 30' };
const LANGUAGES: Record<string, string> = { da: 'Dansk', en: 'Engelsk', ar: 'Arabisk', uk: 'Ukrainsk' };
const LENGTHS: Record<string, string> = { short: 'Under 2 minutter', medium: '2–10 minutter', long: 'Over 10 minutter' };
const KINDS: Record<string, string> = { guide: 'Vejledning', webinar: 'Webinar' };

const lengthOf = (seconds: number): VideoSummary['length'] => (seconds < 120 ? 'short' : seconds <= 600 ? 'medium' : 'long');

/** A video for the fake catalogue; `overrides` change any summary field. */
export function fakeVideo(id: string, title: string, options: {
  topic?: string; groups?: string[]; duration?: number; language?: string; kind?: VideoSummary['kind']; description?: string;
  captions?: string[]; audioDescription?: boolean; signLanguage?: boolean; posterUrl?: string | null; publishedAt?: string; cues?: FakeCue[];
} = {}): FakeVideo {
  const topic = options.topic ?? 'jobsearch';
  const duration = options.duration ?? 60;
  return {
    summary: {
      id,
      kind: options.kind ?? 'guide',
      title,
      description: options.description ?? `En kort vejledning: ${title.toLowerCase()}.`,
      topic: { id: topic, label: TOPICS[topic] ?? topic },
      targetGroups: (options.groups ?? ['dagpenge']).map((group) => ({ id: group, label: GROUPS[group] ?? group })),
      language: options.language ?? 'da',
      duration,
      length: lengthOf(duration),
      posterUrl: options.posterUrl === undefined ? null : options.posterUrl,
      captions: options.captions ?? ['da', 'en'],
      audioDescription: options.audioDescription ?? false,
      signLanguage: options.signLanguage ?? false,
      publishedAt: options.publishedAt ?? '2026-09-01',
    },
    cues: options.cues ?? [{ start: 0, end: 4, text: `Velkommen. ${title}.` }],
  };
}

/** The demo catalogue: newest first, the joblog video says "hvordan du udfylder jobloggen" at 02:13. */
export function demoVideos(): FakeVideo[] {
  return [
    fakeVideo('brug-jobloggen', 'Sådan bruger du jobloggen', {
      topic: 'joblog', groups: ['dagpenge', 'kontanthjaelp'], duration: 180, audioDescription: true, publishedAt: '2026-10-01',
      posterUrl: 'media/videos/brug-jobloggen/poster.jpg',
      description: 'Se, hvordan du skriver dine jobansøgninger i jobloggen, så dit jobcenter kan se dem.',
      cues: [
        { start: 0, end: 5, text: 'Jobloggen er din liste over de job, du har søgt.' },
        { start: 133, end: 137.5, text: 'Her kan du se, hvordan du udfylder jobloggen.' },
        { start: 150, end: 154, text: 'Husk at gemme, når du er færdig.' },
      ],
    }),
    fakeVideo('book-en-samtale', 'Sådan booker du en samtale', {
      topic: 'booking', groups: ['dagpenge', 'kontanthjaelp', 'unge'], duration: 39, publishedAt: '2026-09-14',
      cues: [{ start: 3, end: 7, text: 'Du kan selv booke en samtale med jobcentret.' }, { start: 20, end: 24, text: 'Du kan også melde afbud, hvis du bliver syg.' }],
    }),
    fakeVideo('skriv-et-godt-cv', 'Skriv et godt CV', {
      topic: 'cv', groups: ['unge'], duration: 52, signLanguage: true, captions: ['da', 'en', 'uk'], publishedAt: '2026-09-10',
      cues: [{ start: 2, end: 6, text: 'Et godt CV er kort og klart.' }, { start: 30, end: 34, text: 'Skriv dine vigtigste erfaringer først.' }],
    }),
    fakeVideo('chat-med-jobcentret', 'Chat med jobcentret', { topic: 'chat', groups: ['dagpenge'], duration: 31, publishedAt: '2026-09-05' }),
    fakeVideo('raadighed', 'Hvad betyder det at stå til rådighed?', { topic: 'rights', groups: ['dagpenge', 'kontanthjaelp'], duration: 45, publishedAt: '2026-08-20' }),
    fakeVideo('webinar-jobsoegning-unge', 'Webinar: Jobsøgning for unge', {
      kind: 'webinar', topic: 'jobsearch', groups: ['unge'], duration: 1510, language: 'da', publishedAt: '2026-08-01',
      cues: [{ start: 605, end: 610, text: 'Mange unge spørger, hvordan de udfylder jobloggen rigtigt.' }],
    }),
  ];
}

/** The demo learning path: the first steps as a new job seeker. */
export const DEMO_PLAYLIST: FakePlaylist = {
  id: 'ny-ledig',
  title: 'Ny som ledig',
  description: 'Det vigtigste de første uger.',
  videoIds: ['book-en-samtale', 'brug-jobloggen', 'skriv-et-godt-cv', 'raadighed', 'chat-med-jobcentret'],
};

/** `count` synthetic videos, newest first (for paging and the 500-video render). */
export function manyVideos(count: number): FakeVideo[] {
  const topics = Object.keys(TOPICS);
  return Array.from({ length: count }, (_, index) => fakeVideo(`video-${String(index + 1).padStart(4, '0')}`, `Vejledning nummer ${String(index + 1)}`, {
    topic: topics[index % topics.length], groups: index % 2 === 0 ? ['dagpenge'] : ['unge', 'kontanthjaelp'], duration: 30 + (index % 7) * 25,
    publishedAt: new Date(Date.UTC(2026, 10, 1) - index * 3600e3 * 24).toISOString().slice(0, 10),
  }));
}

const STEM_MIN = 4;
/** A crude Danish stem: enough that "udfylder" finds "udfylde" and "jobloggen" finds "joblog". */
const stem = (word: string): string => word.slice(0, Math.max(STEM_MIN, word.length - 3));
const wordsOf = (text: string): { word: string; from: number; to: number }[] =>
  [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ word: match[0].toLowerCase(), from: match.index, to: match.index + match[0].length }));

export class FakeVideoServer {
  readonly requests: RecordedRequest[] = [];
  videos: FakeVideo[];
  playlists: FakePlaylist[];
  /** Progress by citizen token, then by video id. */
  readonly progress = new Map<string, Map<string, VideoProgress>>();
  readonly failures = new Map<string, { failure: Failure; sticky: boolean }>();
  latencyMs: number;

  constructor(options: FakeVideoServerOptions = {}) {
    this.videos = options.videos ?? demoVideos();
    this.playlists = options.playlists ?? [DEMO_PLAYLIST];
    this.latencyMs = options.latencyMs ?? 0;
  }

  /** Failures by "METHOD /path" (no query); each is used once unless `sticky`. `GET *` fails every GET. */
  fail(route: string, failure: Failure, sticky = false): void {
    this.failures.set(route, { failure, sticky });
  }

  /** Records that the citizen with `token` watched `videoId` up to `position` (and maybe completed it). */
  setProgress(token: string, videoId: string, position: number, completed = false): VideoProgress {
    const at = new Date(Date.now() - (this.progress.get(token)?.size ?? 0) * 60_000).toISOString();
    const progress: VideoProgress = { videoId, position, watched: [[0, position]], watchedSeconds: position, completed, completedAt: completed ? at : null, updatedAt: at };
    const mine = this.progress.get(token) ?? new Map<string, VideoProgress>();
    mine.set(videoId, progress);
    this.progress.set(token, mine);
    return progress;
  }

  /** Replaces `window.fetch`; returns the function that puts the real one back. */
  install(): () => void {
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => this.fetch(input, init);
    return () => { window.fetch = original; };
  }

  /** The requests to `path` (e.g. `/v1/videos`). */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^.*?\/v1\//, '/v1/');
    const headers = new Headers(init.headers);
    this.requests.push({ method, path, query: url.searchParams, headers });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (init.signal?.aborted === true) throw new DOMException('Aborted', 'AbortError');
    const route = `${method} ${path}`;
    const failure = this.failures.get(route) ?? this.failures.get(`${method} *`);
    if (failure !== undefined) {
      if (!failure.sticky) this.failures.delete(this.failures.has(route) ? route : `${method} *`);
      if (failure.failure === 'network') throw new TypeError('Failed to fetch');
      if (failure.failure === 'never') return new Promise<Response>(() => undefined);
      return problem(failure.failure.status, failure.failure.code, failure.failure.detail);
    }
    const track = /\/media\/videos\/([^/]+)\/captions\.([a-z]{2})\.vtt$/.exec(url.pathname);
    if (track !== null) return this.#captions(decodeURIComponent(track[1]));
    const token = /^Bearer (.+)$/.exec(headers.get('Authorization') ?? '')?.[1];
    const answer = this.#answer(method, path, url.searchParams, token);
    return answer.status >= 400 ? problem(answer.status, (answer.body as { code: string }).code) : json(answer.status, answer.body);
  };

  /** The video's cues as WebVTT (every language gets the Danish text: enough for a player to show captions). */
  #captions(videoId: string): Response {
    const video = this.videos.find((candidate) => candidate.summary.id === videoId);
    if (video === undefined) return problem(404, 'not-found');
    const time = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(11, 23);
    const body = ['WEBVTT', '', ...video.cues.flatMap((cue) => [`${time(cue.start)} --> ${time(cue.end)}`, cue.text, ''])].join('\n');
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/vtt; charset=utf-8' } });
  }

  #progressOf(token: string | undefined, videoId: string): VideoProgress | null {
    if (token === undefined || token.startsWith(CASEWORKER_TOKEN_PREFIX)) return null;
    return this.progress.get(token)?.get(videoId) ?? null;
  }

  #summary(video: FakeVideo, token: string | undefined): VideoSummary {
    return { ...video.summary, progress: this.#progressOf(token, video.summary.id) };
  }

  /** Why `video` matches `words`, best first; empty when it does not. */
  #matches(video: FakeVideo, words: string[]): { matches: VideoMatch[]; score: number } {
    const candidates: { field: VideoMatch['field']; text: string; start: number | null; end: number | null }[] = [
      { field: 'title', text: video.summary.title, start: null, end: null },
      { field: 'description', text: video.summary.description, start: null, end: null },
      ...video.cues.map((cue) => ({ field: 'transcript' as const, text: cue.text, start: cue.start, end: cue.end })),
    ];
    const found = new Set<string>();
    const matches: (VideoMatch & { hits: number })[] = [];
    for (const candidate of candidates) {
      const marks: [number, number][] = [];
      const hit = new Set<string>();
      for (const token of wordsOf(candidate.text)) {
        const word = words.find((searched) => token.word.startsWith(stem(searched)));
        if (word !== undefined) {
          marks.push([token.from, token.to]);
          hit.add(word);
          found.add(word);
        }
      }
      if (marks.length > 0) matches.push({ ...candidate, language: video.summary.language, marks, hits: hit.size });
    }
    matches.sort((a, b) => b.hits - a.hits || (a.field === 'transcript' ? -1 : 0) - (b.field === 'transcript' ? -1 : 0));
    return { matches: matches.slice(0, 5).map(({ field, language, start, end, text, marks }) => ({ field, language, start, end, text, marks })), score: found.size };
  }

  #answer(method: string, path: string, query: URLSearchParams, token: string | undefined): { status: number; body: unknown } {
    const problemOf = (status: number, code: string) => ({ status, body: { code } });
    if (method !== 'GET') return problemOf(405, 'method-not-allowed');
    if (path === '/v1/videos') {
      const q = query.get('q')?.trim() ?? '';
      const words = [...new Set(wordsOf(q).map((word) => word.word).filter((word) => word.length >= 2))];
      let found = this.videos.filter((video) =>
        (query.get('topic') === null || video.summary.topic.id === query.get('topic'))
        && (query.get('targetGroup') === null || video.summary.targetGroups.some((group) => group.id === query.get('targetGroup')))
        && (query.get('language') === null || video.summary.language === query.get('language'))
        && (query.get('length') === null || video.summary.length === query.get('length'))
        && (query.get('kind') === null || video.summary.kind === query.get('kind')))
        .map((video) => ({ video, ...(words.length > 0 ? this.#matches(video, words) : { matches: [], score: 0 }) }));
      if (words.length > 0) found = found.filter((entry) => entry.score > 0).sort((a, b) => b.score - a.score);
      const limit = Math.min(100, Number(query.get('limit') ?? 20));
      const offset = Number(query.get('cursor') ?? 0);
      const page = found.slice(offset, offset + limit);
      const items: VideoListItem[] = page.map(({ video, matches }) => ({ ...this.#summary(video, token), matches }));
      return { status: 200, body: { items, nextCursor: offset + limit < found.length ? String(offset + limit) : null } };
    }
    if (path === '/v1/videos/filters') {
      const facet = (labels: Record<string, string>, idsOf: (video: FakeVideo) => string[]): VideoFacet[] => {
        const counts = new Map<string, number>();
        for (const video of this.videos) for (const id of idsOf(video)) counts.set(id, (counts.get(id) ?? 0) + 1);
        return [...counts].map(([id, count]) => ({ id, label: labels[id] ?? id, count }));
      };
      const filters: VideoFilters = {
        topics: facet(TOPICS, (video) => [video.summary.topic.id]),
        targetGroups: facet(GROUPS, (video) => video.summary.targetGroups.map((group) => group.id)),
        languages: facet(LANGUAGES, (video) => [video.summary.language]),
        lengths: facet(LENGTHS, (video) => [video.summary.length]),
        kinds: facet(KINDS, (video) => [video.summary.kind]),
      };
      return { status: 200, body: filters };
    }
    if (path === '/v1/video-playlists') {
      const items: Playlist[] = this.playlists.map((playlist) => {
        const videos = playlist.videoIds.map((id) => this.videos.find((video) => video.summary.id === id)).filter((video) => video !== undefined).map((video) => this.#summary(video, token));
        return { id: playlist.id, title: playlist.title, description: playlist.description, videos, completed: videos.filter((video) => video.progress?.completed === true).length };
      });
      return { status: 200, body: { items } };
    }
    if (path === '/v1/me/video-progress') {
      if (token === undefined) return problemOf(401, 'unauthenticated');
      if (token.startsWith(CASEWORKER_TOKEN_PREFIX)) return problemOf(403, 'forbidden');
      const items = [...(this.progress.get(token)?.values() ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return { status: 200, body: { items } };
    }
    const one = /^\/v1\/videos\/([^/]+)$/.exec(path);
    if (one !== null) {
      const video = this.videos.find((candidate) => candidate.summary.id === decodeURIComponent(one[1]));
      if (video === undefined) return problemOf(404, 'not-found');
      const id = video.summary.id;
      const full: Video = {
        ...this.#summary(video, token),
        renditions: [{ kind: 'standard', url: `media/videos/${id}/video.mp4`, type: 'video/mp4', width: 640, height: 360, bytes: 200_000 }],
        tracks: video.summary.captions.map((language) => ({ kind: 'captions' as const, language, label: LANGUAGES[language] ?? language, url: `media/videos/${id}/captions.${language}.vtt` })),
        transcripts: [],
      };
      return { status: 200, body: full };
    }
    return problemOf(404, 'not-found');
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function problem(status: number, code: string, detail?: string): Response {
  const body = { type: `https://jobunivers.dk/problems/${code}`, title: code, status, code, ...(detail === undefined ? {} : { detail }) };
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}
