/// <reference types="node" />
/**
 * The video library (docs/contract.md "Video library"): the public catalogue and its filters, search that finds
 * a video by a word of its title and by a word that is said (a transcript match with marks inside the text), pages,
 * validation, media served with HTTP ranges and WebVTT tracks, and the citizen's progress — citizen only, merged as
 * a union (a retry changes nothing, two parallel writes both count), completion that never goes back, bad ranges
 * refused. The rules read whatever catalogue the server has; with no videos they are skipped with the reason.
 */
import type { TSchema } from 'typebox';
import {
  PlaylistList, Video, VideoFilters, VideoPage, VideoProgress, VideoProgressList,
  type Video as VideoDocument, type VideoFilters as Filters, type VideoListItem, type VideoProgress as Progress,
} from '../../schemas/index.js';
import { check, fail, skip, type RuleContext, type RuleGroup, type SuiteState } from '../context.js';
import { describe, expectInvalidAt, expectJson, expectProblem, isRecord, send, url, type Res } from '../http.js';
import { actor } from '../notifications.js';
import { describeSchemaErrors } from '../validate.js';

const VIDEOS = '/v1/videos';
const FILTERS = '/v1/videos/filters';
const MY_PROGRESS = '/v1/me/video-progress';
const PLAYLISTS = '/v1/video-playlists';

interface VideoState {
  /** `false`: the library is on and has videos; a string: why the video rules are skipped. */
  disabled?: string | false;
  catalogue: VideoListItem[];
}

const states = new WeakMap<SuiteState, VideoState>();

const videoPath = (id: string, suffix = ''): string => `${VIDEOS}/${encodeURIComponent(id)}${suffix}`;

function expectShape(res: Res, status: number, schema: TSchema, name: string): unknown {
  const body = expectJson(res, status);
  const errors = describeSchemaErrors(schema, body);
  if (errors !== undefined) fail(`${res.method} ${res.path}: the body does not match the ${name} schema: ${errors}`);
  return body;
}

async function readPage(ctx: RuleContext, path: string, as?: string): Promise<{ items: VideoListItem[]; nextCursor: string | null }> {
  ctx.step(`GET ${path}`);
  return expectShape(await send(ctx, 'GET', path, as === undefined ? {} : { as }), 200, VideoPage, 'VideoPage') as { items: VideoListItem[]; nextCursor: string | null };
}

/** Every page of a listing (at most `maxPages`). */
async function readAll(ctx: RuleContext, path: string, as?: string, maxPages = 10): Promise<VideoListItem[]> {
  const items: VideoListItem[] = [];
  const join = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const next = await readPage(ctx, cursor === null ? path : `${path}${join}cursor=${encodeURIComponent(cursor)}`, as);
    items.push(...next.items);
    cursor = next.nextCursor;
    if (cursor === null) break;
  }
  return items;
}

/** Skips the rule when `/v1/config` says `widgets.videoLibrary` is false or the catalogue is empty (asked once per run). */
async function requireVideos(ctx: RuleContext): Promise<VideoListItem[]> {
  let state = states.get(ctx.suite);
  if (state === undefined) {
    state = { catalogue: [] };
    states.set(ctx.suite, state);
  }
  if (state.disabled === undefined) {
    ctx.step('GET /v1/config (is the video library on?)');
    const body = expectJson(await send(ctx, 'GET', '/v1/config'), 200);
    const widgets = isRecord(body) ? body.widgets : undefined;
    if (isRecord(widgets) && widgets.videoLibrary === false) state.disabled = 'the server\'s GET /v1/config says widgets.videoLibrary is false';
    else {
      state.catalogue = await readAll(ctx, `${VIDEOS}?limit=100`);
      state.disabled = state.catalogue.length === 0 ? `GET ${VIDEOS} lists no videos: add videos to the catalogue to check the video library` : false;
    }
  }
  if (state.disabled !== false) skip(state.disabled);
  return state.catalogue;
}

/** The longest word of a text (letters only, at least 4), lower-case; `undefined` when there is none. */
function longestWord(text: string): string | undefined {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  return words.sort((a, b) => b.length - a.length)[0]?.toLocaleLowerCase();
}

function checkMarks(where: string, text: string, marks: readonly (readonly [number, number])[]): void {
  for (const [from, to] of marks) {
    check(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from < to && to <= text.length, `${where}: the mark [${String(from)}, ${String(to)}] is not inside the text (${String(text.length)} characters)`);
  }
}

/** Searches `q` and answers the item of `id` among the results (up to 3 pages of 100), failing when it is missing. */
async function searchFor(ctx: RuleContext, q: string, id: string): Promise<VideoListItem> {
  const path = `${VIDEOS}?q=${encodeURIComponent(q)}&limit=100`;
  const items = await readAll(ctx, path, undefined, 3);
  const item = items.find((candidate) => candidate.id === id);
  if (item === undefined) fail(`GET ${path} did not find the video ${id} (${String(items.length)} results: ${items.slice(0, 5).map((candidate) => candidate.id).join(', ')}…)`);
  return item;
}

/** A URL of an answer resolved as a client does: absolute as is, relative against the API base. */
function resolveMedia(ctx: RuleContext, reference: string): string {
  return new URL(reference, `${url(ctx, '')}/`).toString();
}

async function fetchMedia(ctx: RuleContext, reference: string, range?: string): Promise<Response> {
  const target = resolveMedia(ctx, reference);
  ctx.step(`GET ${target}${range === undefined ? '' : ` (Range: ${range})`}`);
  try {
    return await fetch(target, { headers: range === undefined ? {} : { Range: range }, signal: ctx.signal, redirect: 'follow' });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    fail(`GET ${target}: no response: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readVideo(ctx: RuleContext, id: string, as?: string): Promise<VideoDocument> {
  const path = videoPath(id);
  ctx.step(`GET ${path}`);
  const video = expectShape(await send(ctx, 'GET', path, as === undefined ? {} : { as }), 200, Video, 'Video') as VideoDocument;
  check(video.id === id, `GET ${path} answered the video ${video.id}`);
  return video;
}

/** The cues of a WebVTT text (start and text), enough to pick a sentence. */
function cuesOf(vtt: string): { start: string; text: string }[] {
  return vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/).flatMap((block) => {
    const lines = block.split('\n');
    const at = lines.findIndex((line) => line.includes('-->'));
    if (at === -1) return [];
    return [{ start: (lines[at] ?? '').split('-->')[0]?.trim() ?? '', text: lines.slice(at + 1).join(' ').replace(/<[^>]*>/g, '') }];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Progress

function putProgress(ctx: RuleContext, as: string | undefined, id: string, body: unknown): Promise<Res> {
  const path = videoPath(id, '/progress');
  ctx.step(`PUT ${path} ${JSON.stringify(body).slice(0, 80)}`);
  return send(ctx, 'PUT', path, { json: body, ...(as === undefined ? {} : { as }) });
}

async function expectProgress(ctx: RuleContext, as: string, id: string, body: unknown): Promise<Progress> {
  const progress = expectShape(await putProgress(ctx, as, id, body), 200, VideoProgress, 'VideoProgress') as Progress;
  check(progress.videoId === id, `PUT ${videoPath(id, '/progress')} answered the progress of ${progress.videoId}`);
  return progress;
}

type Range = [number, number];

function union(ranges: readonly (readonly [number, number])[], duration: number): Range[] {
  const sorted = ranges.map(([a, b]): Range => [Math.max(0, Math.min(a, duration)), Math.max(0, Math.min(b, duration))]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) < 0.01;
const sameRanges = (a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean =>
  a.length === b.length && a.every(([x, y], index) => close(x, b[index]?.[0] ?? Number.NaN) && close(y, b[index]?.[1] ?? Number.NaN));
const show = (ranges: readonly (readonly [number, number])[]): string => JSON.stringify(ranges);

/**
 * The video whose progress the rules write: one the citizen has not started, if any (so a demo's "continue
 * watching" and "completed" states stay as they are), the longest (so 20 seconds are far from 90 %).
 */
async function progressVideo(ctx: RuleContext, token: string, exclude: readonly string[] = []): Promise<{ id: string; duration: number; before: Progress | null }> {
  await requireVideos(ctx);
  const mine = (await readAll(ctx, `${VIDEOS}?limit=100`, token, 3)).filter((item) => !exclude.includes(item.id));
  const fresh = mine.filter((item) => item.progress === null);
  const pool = fresh.length > 0 ? fresh : mine;
  const chosen = [...pool].sort((a, b) => b.duration - a.duration).at(0);
  if (chosen === undefined) skip(`GET ${VIDEOS} lists no video for the citizen`);
  return { id: chosen.id, duration: chosen.duration, before: chosen.progress };
}

/** Ranges scaled to the duration when a video is shorter than the rule's seconds. */
function scaled(duration: number, ranges: Range[]): Range[] {
  const factor = duration >= 50 ? 1 : duration / 50;
  return ranges.map(([a, b]): Range => [Math.round(a * factor * 1000) / 1000, Math.round(b * factor * 1000) / 1000]);
}

export const video: RuleGroup = {
  name: 'video',
  title: 'Video library',
  rules: [
    {
      id: 'video.catalogue',
      title: 'GET /v1/videos without a token → 200 VideoPage: newest first, matches empty, progress null; limit=1 pages through every video once; GET /v1/video-playlists → PlaylistList whose videos exist',
      async run(ctx) {
        const catalogue = await requireVideos(ctx);
        for (let index = 1; index < catalogue.length; index++) {
          const previous = catalogue[index - 1]?.publishedAt ?? '';
          const current = catalogue[index]?.publishedAt ?? '';
          check(previous >= current, `GET ${VIDEOS}: not newest first (${previous} before ${current})`);
        }
        for (const item of catalogue) {
          check(item.matches.length === 0, `GET ${VIDEOS} without q: ${item.id} has matches`);
          check(item.progress === null, `GET ${VIDEOS} without a token: ${item.id} has progress`);
        }
        const paged = await readAll(ctx, `${VIDEOS}?limit=1`, undefined, Math.min(catalogue.length, 30) + 1);
        const ids = paged.map((item) => item.id);
        check(new Set(ids).size === ids.length, `GET ${VIDEOS}?limit=1 paged a video twice: ${ids.join(', ')}`);
        if (catalogue.length <= 30) check(ids.length === catalogue.length, `GET ${VIDEOS}?limit=1 paged ${String(ids.length)} videos, the catalogue has ${String(catalogue.length)}`);
        ctx.step(`GET ${PLAYLISTS}`);
        const playlists = expectShape(await send(ctx, 'GET', PLAYLISTS), 200, PlaylistList, 'PlaylistList') as { items: { id: string; videos: { id: string }[]; completed: number }[] };
        const known = new Set(catalogue.map((item) => item.id));
        for (const playlist of playlists.items) {
          check(playlist.completed === 0, `GET ${PLAYLISTS} without a token: ${playlist.id} has completed ${String(playlist.completed)}`);
          if (catalogue.length < 100) for (const entry of playlist.videos) check(known.has(entry.id), `GET ${PLAYLISTS}: ${playlist.id} lists ${entry.id}, which GET ${VIDEOS} does not`);
        }
      },
    },
    {
      id: 'video.filters',
      title: 'GET /v1/videos/filters → 200 VideoFilters: only values that occur (count ≥ 1), ids unique, topic counts add up to the catalogue',
      async run(ctx) {
        const catalogue = await requireVideos(ctx);
        ctx.step(`GET ${FILTERS}`);
        const filters = expectShape(await send(ctx, 'GET', FILTERS), 200, VideoFilters, 'VideoFilters') as Filters;
        for (const [name, facets] of Object.entries(filters)) {
          check(new Set(facets.map((facet) => facet.id)).size === facets.length, `GET ${FILTERS}: ${name} lists an id twice`);
          for (const facet of facets) check(facet.count >= 1, `GET ${FILTERS}: ${name} lists ${facet.id} with count ${String(facet.count)} (only values that occur)`);
        }
        if (catalogue.length < 100) {
          const total = filters.topics.reduce((sum, facet) => sum + facet.count, 0);
          check(total === catalogue.length, `GET ${FILTERS}: the topic counts add up to ${String(total)}, GET ${VIDEOS} lists ${String(catalogue.length)} videos`);
        }
      },
    },
    {
      id: 'video.filter-narrows',
      title: 'GET /v1/videos?topic=… lists only videos of that topic (as many as the facet says); ?targetGroup=… only videos for that group; both together only videos with both',
      async run(ctx) {
        await requireVideos(ctx);
        ctx.step(`GET ${FILTERS}`);
        const filters = expectShape(await send(ctx, 'GET', FILTERS), 200, VideoFilters, 'VideoFilters') as Filters;
        const topic = [...filters.topics].sort((a, b) => a.count - b.count).at(0);
        if (topic === undefined) fail(`GET ${FILTERS} lists no topics although GET ${VIDEOS} lists videos`);
        const byTopic = await readAll(ctx, `${VIDEOS}?topic=${encodeURIComponent(topic.id)}&limit=100`);
        for (const item of byTopic) check(item.topic.id === topic.id, `GET ${VIDEOS}?topic=${topic.id} lists ${item.id} of topic ${item.topic.id}`);
        if (topic.count <= 300) check(byTopic.length === topic.count, `GET ${VIDEOS}?topic=${topic.id} lists ${String(byTopic.length)} videos, GET ${FILTERS} says ${String(topic.count)}`);
        const group = filters.targetGroups.at(0);
        if (group === undefined) {
          ctx.note('the catalogue has no target groups: the targetGroup filter was not tried');
          return;
        }
        const byGroup = await readAll(ctx, `${VIDEOS}?targetGroup=${encodeURIComponent(group.id)}&limit=100`);
        check(byGroup.length > 0, `GET ${VIDEOS}?targetGroup=${group.id} lists nothing, GET ${FILTERS} says ${String(group.count)}`);
        for (const item of byGroup) check(item.targetGroups.some((label) => label.id === group.id), `GET ${VIDEOS}?targetGroup=${group.id} lists ${item.id}, which is not for ${group.id}`);
        const both = await readAll(ctx, `${VIDEOS}?targetGroup=${encodeURIComponent(group.id)}&topic=${encodeURIComponent(topic.id)}&limit=100`);
        for (const item of both) check(item.topic.id === topic.id && item.targetGroups.some((label) => label.id === group.id), `GET ${VIDEOS}?targetGroup=${group.id}&topic=${topic.id} lists ${item.id}, which does not have both`);
      },
    },
    {
      id: 'video.search',
      title: 'GET /v1/videos?q=<the longest word of a video\'s title> finds that video with a match whose marks are inside its text and cover the word',
      async run(ctx) {
        const catalogue = await requireVideos(ctx);
        const target = catalogue.find((item) => longestWord(item.title) !== undefined);
        if (target === undefined) skip(`no title in GET ${VIDEOS} has a word of 4 letters or more`);
        const word = longestWord(target.title) ?? '';
        const item = await searchFor(ctx, word, target.id);
        check(item.matches.length > 0 && item.matches.length <= 5, `GET ${VIDEOS}?q=${word}: ${item.id} has ${String(item.matches.length)} matches, expected 1–5`);
        let marked = false;
        for (const match of item.matches) {
          checkMarks(`GET ${VIDEOS}?q=${word}: a ${match.field} match of ${item.id}`, match.text, match.marks);
          if (match.marks.some(([from, to]) => match.text.slice(from, to).toLocaleLowerCase().includes(word.slice(0, 3)))) marked = true;
        }
        check(marked, `GET ${VIDEOS}?q=${word}: no match of ${item.id} marks the word (marks are UTF-16 ranges of the matching words)`);
      },
    },
    {
      id: 'video.search-transcript',
      title: 'a word said in a video (from its captions track) finds the video with a transcript match: the sentence, its start and end in seconds, the word marked',
      async run(ctx) {
        const catalogue = await requireVideos(ctx);
        const candidate = catalogue.find((item) => item.captions.length > 0);
        if (candidate === undefined) skip(`no video in GET ${VIDEOS} has captions`);
        const video = await readVideo(ctx, candidate.id);
        const track = video.tracks.find((entry) => entry.kind === 'captions');
        if (track === undefined) fail(`GET ${videoPath(video.id)}: captions ${JSON.stringify(video.captions)} but no captions track`);
        const res = await fetchMedia(ctx, track.url);
        check(res.ok, `GET ${track.url} → ${String(res.status)}`);
        const cues = cuesOf(await res.text());
        const best = cues.map((cue) => ({ cue, word: longestWord(cue.text) })).filter((entry) => entry.word !== undefined)
          .sort((a, b) => (b.word?.length ?? 0) - (a.word?.length ?? 0)).at(0);
        if (best?.word === undefined) skip(`${track.url} has no cue with a word of 4 letters or more`);
        const item = await searchFor(ctx, best.word, video.id);
        const said = item.matches.filter((match) => match.field === 'transcript');
        check(said.length > 0, `GET ${VIDEOS}?q=${best.word}: ${video.id} has no transcript match (the word is said at ${best.cue.start})`);
        for (const match of said) {
          check(typeof match.start === 'number' && typeof match.end === 'number' && match.end >= match.start, `GET ${VIDEOS}?q=${best.word}: a transcript match has start ${String(match.start)}, end ${String(match.end)}`);
          checkMarks(`GET ${VIDEOS}?q=${best.word}: a transcript match of ${item.id}`, match.text, match.marks);
        }
        // A server that stems may return other forms of the word ("jobloggen" for "joblog"): the marked word starts alike.
        const stem = best.word.slice(0, 4);
        check(said.some((match) => match.marks.some(([from, to]) => match.text.slice(from, to).toLocaleLowerCase().startsWith(stem))), `GET ${VIDEOS}?q=${best.word}: no transcript match of ${video.id} marks the word`);
      },
    },
    {
      id: 'video.query-validation',
      title: 'GET /v1/videos with limit=0, length=forever, an unknown parameter → 400 invalid-request at /query/…; a cursor the server did not issue → 400 invalid-cursor',
      async run(ctx) {
        await requireVideos(ctx);
        for (const [query, pointer] of [['limit=0', '/query/limit'], ['length=forever', '/query/length'], ['kind=film', '/query/kind'], ['sort=title', '/query/sort']] as const) {
          ctx.step(`GET ${VIDEOS}?${query}`);
          expectInvalidAt(await send(ctx, 'GET', `${VIDEOS}?${query}`), pointer);
        }
        ctx.step(`GET ${VIDEOS}?cursor=conformance-not-a-cursor`);
        expectProblem(await send(ctx, 'GET', `${VIDEOS}?cursor=conformance-not-a-cursor`), 400, 'invalid-cursor');
      },
    },
    {
      id: 'video.unknown',
      title: 'GET /v1/videos/{unknown id} and GET /v1/video-playlists/{unknown id} → 404 not-found; GET /v1/videos/{id} → 200 Video with at least one rendition',
      async run(ctx) {
        const catalogue = await requireVideos(ctx);
        const missing = `conformance-no-such-video-${ctx.suite.runId}`;
        ctx.step(`GET ${videoPath(missing)}`);
        expectProblem(await send(ctx, 'GET', videoPath(missing)), 404, 'not-found');
        ctx.step(`GET ${PLAYLISTS}/${missing}`);
        expectProblem(await send(ctx, 'GET', `${PLAYLISTS}/${missing}`), 404, 'not-found');
        const first = catalogue.at(0);
        if (first !== undefined) {
          const video = await readVideo(ctx, first.id);
          check(video.title === first.title && video.duration === first.duration, `GET ${videoPath(first.id)} and GET ${VIDEOS} disagree on the title or duration`);
        }
      },
    },
    {
      id: 'video.media',
      title: 'a rendition fetched with Range: bytes=0-99 → 206 with Content-Range bytes 0-99/<its bytes>; a captions track → 200 text/vtt starting with WEBVTT',
      async run(ctx) {
        const catalogue = await requireVideos(ctx);
        const first = catalogue.find((item) => item.captions.length > 0) ?? catalogue.at(0);
        if (first === undefined) skip('no video');
        const video = await readVideo(ctx, first.id);
        const rendition = video.renditions.at(0);
        if (rendition === undefined) fail(`GET ${videoPath(video.id)}: no renditions`);
        const last = Math.min(99, rendition.bytes - 1);
        const part = await fetchMedia(ctx, rendition.url, `bytes=0-${String(last)}`);
        const body = new Uint8Array(await part.arrayBuffer());
        check(part.status === 206, `GET ${rendition.url} with Range: bytes=0-${String(last)} → ${String(part.status)}, expected 206 Partial Content (players seek with ranges)`);
        const range = part.headers.get('content-range');
        check(range === `bytes 0-${String(last)}/${String(rendition.bytes)}`, `GET ${rendition.url}: Content-Range ${JSON.stringify(range)}, expected "bytes 0-${String(last)}/${String(rendition.bytes)}" (the rendition's bytes)`);
        check(body.length === last + 1, `GET ${rendition.url} with a range of ${String(last + 1)} bytes answered ${String(body.length)} bytes`);
        const track = video.tracks.find((entry) => entry.kind === 'captions') ?? video.tracks.at(0);
        if (track === undefined) {
          ctx.note(`${video.id} has no tracks: WebVTT was not fetched`);
          return;
        }
        const vtt = await fetchMedia(ctx, track.url);
        const text = await vtt.text();
        check(vtt.status === 200, `GET ${track.url} → ${String(vtt.status)}`);
        check(/^text\/vtt\b/i.test(vtt.headers.get('content-type') ?? ''), `GET ${track.url}: Content-Type ${JSON.stringify(vtt.headers.get('content-type'))}, expected text/vtt`);
        check(/^\uFEFF?WEBVTT/.test(text), `GET ${track.url} does not start with WEBVTT`);
      },
    },
    {
      id: 'video.progress-auth',
      title: 'PUT /v1/videos/{id}/progress and GET /v1/me/video-progress: no token → 401, a caseworker → 403 forbidden; an unknown video → 404 not-found',
      needs: ['citizen', 'caseworker'],
      async run(ctx) {
        const catalogue = await requireVideos(ctx);
        const id = catalogue[0]?.id ?? '';
        const body = { position: 1, watched: [[0, 1]] };
        expectProblem(await putProgress(ctx, undefined, id, body), 401, 'unauthenticated');
        expectProblem(await putProgress(ctx, actor(ctx.suite, 'caseworker').token, id, body), 403, 'forbidden');
        ctx.step(`GET ${MY_PROGRESS}`);
        expectProblem(await send(ctx, 'GET', MY_PROGRESS), 401, 'unauthenticated');
        ctx.step(`GET ${MY_PROGRESS} as the caseworker`);
        expectProblem(await send(ctx, 'GET', MY_PROGRESS, { as: actor(ctx.suite, 'caseworker') }), 403, 'forbidden');
        expectProblem(await putProgress(ctx, actor(ctx.suite, 'citizen').token, `conformance-no-such-video-${ctx.suite.runId}`, body), 404, 'not-found');
      },
    },
    {
      id: 'video.progress-merge',
      title: 'PUT progress [0,10] then [5,20] → watched is the union ([[0,20]] on a fresh video), watchedSeconds its length, position replaced; the same PUT again changes nothing; GET /v1/me/video-progress lists it first',
      needs: ['citizen'],
      async run(ctx) {
        const token = actor(ctx.suite, 'citizen').token;
        const { id, duration, before } = await progressVideo(ctx, token);
        const [a, b] = scaled(duration, [[0, 10], [5, 20]]) as [Range, Range];
        const first = await expectProgress(ctx, token, id, { position: a[1], watched: [a] });
        const second = await expectProgress(ctx, token, id, { position: b[1], watched: [b] });
        const expected = union([...(before?.watched ?? []), a, b], duration);
        check(sameRanges(second.watched, expected), `PUT ${videoPath(id, '/progress')} ${show([a])} then ${show([b])}: watched ${show(second.watched)}, expected the union ${show(expected)} (after ${show(first.watched)})`);
        const total = expected.reduce((sum, [x, y]) => sum + y - x, 0);
        check(close(second.watchedSeconds, total), `watchedSeconds ${String(second.watchedSeconds)}, expected ${String(total)} (the length of watched)`);
        check(close(second.position, b[1]), `position ${String(second.position)}, expected ${String(b[1])} (the last PUT's position)`);
        const again = await expectProgress(ctx, token, id, { position: b[1], watched: [b] });
        check(sameRanges(again.watched, second.watched) && close(again.watchedSeconds, second.watchedSeconds), `the same PUT again changed watched from ${show(second.watched)} to ${show(again.watched)}`);
        ctx.step(`GET ${MY_PROGRESS}`);
        const list = expectShape(await send(ctx, 'GET', MY_PROGRESS, { as: token }), 200, VideoProgressList, 'VideoProgressList') as { items: Progress[] };
        const newest = list.items.at(0)?.videoId;
        check(newest === id, `GET ${MY_PROGRESS}: the video just written (${id}) is not first (most recently updated first), got ${String(newest)}`);
        const read = await readVideo(ctx, id, token);
        check(read.progress !== null && sameRanges(read.progress.watched, again.watched), `GET ${videoPath(id)} with the citizen's token: progress ${JSON.stringify(read.progress)}, expected the stored progress`);
      },
    },
    {
      id: 'video.progress-parallel',
      title: 'two PUT progress sent at once with disjoint ranges (two devices) → both ranges are kept',
      needs: ['citizen'],
      async run(ctx) {
        const token = actor(ctx.suite, 'citizen').token;
        const { id, duration } = await progressVideo(ctx, token);
        const [a, b] = scaled(duration, [[30, 35], [40, 45]]) as [Range, Range];
        const answers = await Promise.all([putProgress(ctx, token, id, { position: a[1], watched: [a] }), putProgress(ctx, token, id, { position: b[1], watched: [b] })]);
        for (const answer of answers) expectShape(answer, 200, VideoProgress, 'VideoProgress');
        const stored = (await readVideo(ctx, id, token)).progress;
        if (stored === null) fail(`GET ${videoPath(id)} with the citizen's token: progress null after two PUTs`);
        const covers = (range: Range) => stored.watched.some(([x, y]) => x <= range[0] + 0.01 && y >= range[1] - 0.01);
        check(covers(a) && covers(b), `two parallel PUTs with ${show([a])} and ${show([b])}: watched is ${show(stored.watched)}; a write was lost (merge in the database, not read-then-write)`);
      },
    },
    {
      id: 'video.progress-completed',
      title: 'PUT progress with completed: true → completed, completedAt set; a later PUT with completed: false → still completed, the same completedAt; playlists count it',
      needs: ['citizen'],
      async run(ctx) {
        const token = actor(ctx.suite, 'citizen').token;
        const { id } = await progressVideo(ctx, token);
        const done = await expectProgress(ctx, token, id, { position: 1, watched: [[0, 1]], completed: true });
        check(done.completed && done.completedAt !== null, `PUT ${videoPath(id, '/progress')} {completed: true}: completed ${String(done.completed)}, completedAt ${String(done.completedAt)}`);
        const later = await expectProgress(ctx, token, id, { position: 0, watched: [], completed: false });
        check(later.completed, `PUT ${videoPath(id, '/progress')} {completed: false} after a completion: completed went back to false (completion never goes back)`);
        check(later.completedAt === done.completedAt, `completedAt changed from ${done.completedAt} to ${String(later.completedAt)} (it is set once)`);
        ctx.step(`GET ${PLAYLISTS} with the citizen's token`);
        const playlists = expectShape(await send(ctx, 'GET', PLAYLISTS, { as: token }), 200, PlaylistList, 'PlaylistList') as { items: { id: string; videos: { id: string; progress: Progress | null }[]; completed: number }[] };
        for (const playlist of playlists.items) {
          const counted = playlist.videos.filter((entry) => entry.progress?.completed === true).length;
          check(playlist.completed === counted, `GET ${PLAYLISTS}: ${playlist.id} says completed ${String(playlist.completed)}, its videos show ${String(counted)} completed`);
        }
      },
    },
    {
      id: 'video.progress-validation',
      title: 'PUT progress with a range whose end is before its start, a negative second or more than 1000 ranges → 400 invalid-request at /watched',
      needs: ['citizen'],
      async run(ctx) {
        const token = actor(ctx.suite, 'citizen').token;
        const catalogue = await requireVideos(ctx);
        const id = catalogue[0]?.id ?? '';
        expectInvalidAt(await putProgress(ctx, token, id, { position: 1, watched: [[10, 5]] }), '/watched');
        expectInvalidAt(await putProgress(ctx, token, id, { position: 1, watched: [[-3, 5]] }), '/watched');
        const many = Array.from({ length: 1001 }, (_, index) => [index / 100, index / 100 + 0.001]);
        const res = await putProgress(ctx, token, id, { position: 1, watched: many });
        if (res.status === 413) ctx.note('1001 ranges answered 413 payload-too-large');
        else expectInvalidAt(res, '/watched');
        check(res.status !== 200, `PUT ${videoPath(id, '/progress')} with 1001 ranges → ${describe(res)}`);
      },
    },
  ],
};
