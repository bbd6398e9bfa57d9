// The video library on both databases: the catalogue import (idempotent, a broken catalogue keeps the last good
// one), search with Danish stemming and marks, filters, pages, media with HTTP ranges, and progress merged as a
// union that parallel writes never lose. The fixtures (test/fixtures/videos) stand in for the demo media.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Playlist, PlaylistList, Video, VideoFilters, VideoPage, VideoProgress, VideoProgressList, type VideoListItem } from '@jobunivers/contract';
import { loadVideoCatalogue } from '../src/video/library.js';
import { danishStem } from '../src/video/danish-stemmer.js';
import { mergeRanges } from '../src/video/progress.js';
import { markTerms, searchTerms } from '../src/video/text-index.js';
import { parseWebVtt, VttError } from '../src/video/webvtt.js';
import { assertProblem, assertSchema, bearer, forEachDatabase, startServer, type TestServer } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const ACCEPTANCE_CUE = 'Her kan du se, hvordan du udfylder jobloggen.';

describe('the Danish stemmer', () => {
  test('brings inflections of a word to one stem', () => {
    for (const word of ['udfylder', 'udfylde', 'udfyldt', 'udfyld']) assert.equal(danishStem(word), 'udfyld', word);
    assert.equal(danishStem('jobloggen'), 'joblog');
    assert.equal(danishStem('jobloggens'), 'joblog');
    assert.equal(danishStem('joblog'), 'joblog');
    assert.equal(danishStem('samtalerne'), 'samtal');
    assert.equal(danishStem('samtale'), 'samtal');
    assert.equal(danishStem('friskt'), 'frisk');
    assert.equal(danishStem('vigtigst'), 'vigt');
    assert.equal(danishStem('løst'), 'løst', 'løst outside R1 stays');
    assert.equal(danishStem('kærløst'), 'kærløs');
    assert.equal(danishStem('du'), 'du');
  });

  test('drops stop words from queries and marks the words whose stem matches', () => {
    assert.deepEqual(searchTerms('Hvordan udfylder jeg jobloggen?').words, ['hvordan', 'udfylder', 'jobloggen']);
    assert.deepEqual(searchTerms('jeg du og').words, []);
    const { terms } = searchTerms('udfyldt jobloggen');
    assert.deepEqual(markTerms(ACCEPTANCE_CUE, 'da', terms), [[26, 34], [35, 44]]);
    assert.deepEqual(markTerms('Fill in the joblog.', 'en', terms), [[12, 18]]);
  });
});

describe('the WebVTT reader', () => {
  test('reads a BOM, CRLF, cue ids, settings, NOTE blocks, multi-line cues and strips tags', () => {
    const cues = parseWebVtt(readFileSync(join(FIXTURES, 'videos/brug-jobloggen/captions.da.vtt'), 'utf8'));
    assert.equal(cues.length, 7);
    assert.deepEqual(cues[0], { id: '1', start: 0, end: 3.5, text: 'Jobloggen er din oversigt over din jobsøgning.' });
    assert.equal(cues[1]?.text, 'Din jobkonsulent og din a-kasse kan også se den.');
    assert.deepEqual(cues[2], { id: 'intro-3', start: 7, end: 11.25, text: ACCEPTANCE_CUE });
    assert.equal(cues[3]?.text, 'Tryk på Tilføj aktivitet & skriv jobtitel.');
    assert.deepEqual([cues[4]?.start, cues[4]?.end, cues[4]?.id], [14, 18, null], 'mm:ss.ttt timings');
  });

  test('refuses a file that is not WebVTT or has a broken timing, naming the line', () => {
    assert.throws(() => parseWebVtt('1\n00:00:00.000 --> 00:00:01.000\nHej\n'), VttError);
    assert.throws(() => parseWebVtt('WEBVTT\n\n00:00:0x.000 --> 00:00:01.000\nHej\n'), /line 3: the timing/);
    assert.throws(() => parseWebVtt('WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nHej\n'), /line 3: the cue ends before it starts/);
  });
});

test('watched ranges merge into a sorted union clipped to the duration', () => {
  assert.deepEqual(mergeRanges([[5, 20], [0, 10]], 30), [[0, 20]]);
  assert.deepEqual(mergeRanges([[0, 10], [10, 12], [20, 25], [24, 40]], 30), [[0, 12], [20, 30]]);
  assert.deepEqual(mergeRanges([[3, 3], [-5, 1]], 30), [[0, 1]]);
});

forEachDatabase('the video library', (target) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const env = { JU_MEDIA_DIR: FIXTURES, RATE_LIMIT: '100000' };

  before(async () => {
    const created = await target.create();
    drop = created.drop;
    server = await startServer(created.setting, { env });
  });
  after(async () => {
    await server.close();
    await drop();
  });

  const get = async (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
  const page = async (url: string, headers: Record<string, string> = {}): Promise<{ items: VideoListItem[]; nextCursor: string | null }> => {
    const res = await get(url, headers);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ items: VideoListItem[]; nextCursor: string | null }>();
    assertSchema(VideoPage, body);
    return body;
  };
  const search = (q: string, extra = '') => page(`/v1/videos?q=${encodeURIComponent(q)}${extra}`);
  const ids = (items: readonly VideoListItem[]) => items.map((item) => item.id);
  const putProgress = async (token: string | undefined, id: string, payload: unknown) => server.app.inject({
    method: 'PUT', url: `/v1/videos/${id}/progress`, headers: token === undefined ? {} : bearer(token), payload: payload as Record<string, unknown>,
  });

  test('imports the catalogue: newest first, texts in the request\'s language, files found by convention or listed', async () => {
    const { items, nextCursor } = await page('/v1/videos');
    assert.deepEqual(ids(items), ['skriv-et-godt-cv', 'brug-jobloggen', 'webinar-unge']);
    assert.equal(nextCursor, null);
    assert.deepEqual(items.map((item) => item.matches), [[], [], []]);
    const english = await page('/v1/videos', { 'accept-language': 'en' });
    assert.equal(english.items[1]?.title, 'How to use the joblog');
    const res = await get('/v1/videos/brug-jobloggen');
    assert.equal(res.statusCode, 200);
    const video = res.json<Video>();
    assertSchema(Video, video);
    assert.deepEqual(video.captions, ['da', 'en']);
    assert.equal(video.audioDescription, true);
    assert.equal(video.posterUrl, 'media/videos/brug-jobloggen/poster.jpg');
    assert.deepEqual(video.renditions.map((rendition) => [rendition.kind, rendition.url, rendition.bytes]), [
      ['standard', 'media/videos/brug-jobloggen/video.mp4', 4096],
      ['audio', 'media/videos/brug-jobloggen/audio.m4a', 1024],
    ]);
    assert.deepEqual(video.tracks.map((track) => `${track.kind}:${track.language}:${track.label}`), ['captions:da:Dansk', 'captions:en:Engelsk', 'chapters:da:Dansk', 'descriptions:da:Dansk']);
    assert.deepEqual(video.transcripts, [{ language: 'da', url: 'media/videos/brug-jobloggen/transcript.da.txt' }]);
    const webinar = (await get('/v1/videos/webinar-unge', { 'accept-language': 'en' })).json<Video>();
    assert.equal(webinar.renditions[0]?.url, 'https://cdn.example.org/webinar.mp4');
    assert.equal(webinar.tracks[0]?.label, 'English (automatic)');
    assert.equal(webinar.length, 'long');
    assert.equal(webinar.signLanguage, true);
    assertProblem(await get('/v1/videos/no-such-video'), 404, 'not-found');
  });

  test('re-importing an unchanged catalogue changes nothing; a changed video is re-indexed alone', async () => {
    const count = async () => Number((await server.database.db.selectFrom('video_texts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
    const before = await count();
    const again = await loadVideoCatalogue(server.database.db, server.database.dialect, FIXTURES, server.app.log);
    assert.ok(again.status === 'imported' && again.result.unchanged);
    assert.equal(await count(), before);

    const copy = mkdtempSync(join(tmpdir(), 'ju-media-'));
    try {
      cpSync(FIXTURES, copy, { recursive: true });
      const vtt = join(copy, 'videos/skriv-et-godt-cv/captions.da.vtt');
      writeFileSync(vtt, readFileSync(vtt, 'utf8').replace('Et godt CV er kort og klart.', 'Et godt CV er kort, klart og har et foto.'));
      const changed = await loadVideoCatalogue(server.database.db, server.database.dialect, copy, server.app.log);
      assert.equal(changed.status === 'imported' && changed.result.changed, 1);
      assert.equal(await count(), before);
      assert.deepEqual(ids((await search('foto')).items), ['skriv-et-godt-cv']);
    } finally {
      await loadVideoCatalogue(server.database.db, server.database.dialect, FIXTURES, server.app.log);
      rmSync(copy, { recursive: true, force: true });
    }
    assert.deepEqual(ids((await search('foto')).items), []);
  });

  test('"hvordan udfylder jeg jobloggen" finds the joblog video first, at the sentence where it is said', async () => {
    const { items } = await search('hvordan udfylder jeg jobloggen');
    assert.equal(items[0]?.id, 'brug-jobloggen');
    const transcript = items[0]?.matches.find((match) => match.field === 'transcript');
    assert.ok(transcript !== undefined);
    assert.equal(transcript.text, ACCEPTANCE_CUE);
    assert.equal(transcript.start, 7);
    assert.equal(transcript.end, 11.25);
    assert.equal(transcript.language, 'da');
    assert.deepEqual(transcript.marks.map(([from, to]) => ACCEPTANCE_CUE.slice(from, to)), ['hvordan', 'udfylder', 'jobloggen']);
    assert.ok((items[0]?.matches.length ?? 0) <= 5);
  });

  test('finds every inflection (udfylder ↔ udfylde ↔ udfyldt), titles and descriptions, and marks the words', async () => {
    for (const q of ['udfyldt', 'udfylde', 'udfylder']) {
      const { items } = await search(q);
      assert.deepEqual(ids(items), ['brug-jobloggen'], q);
      const texts = items[0]?.matches.map((match) => match.text) ?? [];
      assert.ok(texts.includes(ACCEPTANCE_CUE) && texts.includes('Har du udfyldt den, så tryk Gem.'), `${q}: ${JSON.stringify(texts)}`);
      for (const match of items[0]?.matches ?? []) {
        assert.ok(match.marks.length > 0, `${q}: no marks in ${match.text}`);
        for (const [from, to] of match.marks) assert.match(match.text.slice(from, to), /^[Uu]dfyld/);
      }
    }
    const title = (await search('CV')).items;
    assert.equal(title[0]?.id, 'skriv-et-godt-cv');
    assert.ok(title[0]?.matches.some((match) => match.field === 'title' && match.start === null));
    const english = (await search('joblog')).items;
    assert.deepEqual(new Set(ids(english)), new Set(['brug-jobloggen', 'skriv-et-godt-cv', 'webinar-unge']));
    assert.equal(english[0]?.id, 'brug-jobloggen', 'more matching rows of a rarer word rank higher');
  });

  test('stop words never match on their own, and nonsense finds nothing', async () => {
    for (const q of ['jeg', 'jeg du og', 'the', 'xyzzyq']) assert.deepEqual((await search(q)).items, [], q);
  });

  test('filters combine with AND, also with q', async () => {
    assert.deepEqual(ids((await page('/v1/videos?topic=cv')).items), ['skriv-et-godt-cv']);
    assert.deepEqual(ids((await page('/v1/videos?targetGroup=unge')).items), ['skriv-et-godt-cv', 'brug-jobloggen', 'webinar-unge']);
    assert.deepEqual(ids((await page('/v1/videos?targetGroup=dagpenge')).items), ['brug-jobloggen']);
    assert.deepEqual(ids((await page('/v1/videos?language=en')).items), ['webinar-unge']);
    assert.deepEqual(ids((await page('/v1/videos?length=long')).items), ['webinar-unge']);
    assert.deepEqual(ids((await page('/v1/videos?kind=guide&targetGroup=unge')).items), ['skriv-et-godt-cv', 'brug-jobloggen']);
    assert.deepEqual(ids((await page('/v1/videos?topic=cv&language=en')).items), []);
    assert.deepEqual(ids((await search('jobloggen', '&topic=cv')).items), ['skriv-et-godt-cv']);
    assert.deepEqual(ids((await search('jobloggen', '&language=en')).items), ['webinar-unge']);
    const filters = (await get('/v1/videos/filters', { 'accept-language': 'en' })).json<VideoFilters>();
    assertSchema(VideoFilters, filters);
    assert.deepEqual(filters.targetGroups.map((facet) => [facet.id, facet.count]), [['dagpenge', 1], ['kontanthjaelp', 1], ['unge', 3]]);
    assert.deepEqual(filters.languages.map((facet) => [facet.id, facet.label]), [['da', 'Danish'], ['en', 'English']]);
    assert.deepEqual(filters.lengths.map((facet) => facet.id), ['short', 'long']);
  });

  test('pages with opaque cursors, with and without q; every query parameter is validated', async () => {
    const seen: string[] = [];
    let url = '/v1/videos?limit=1';
    for (let guard = 0; guard < 5; guard++) {
      const next = await page(url);
      seen.push(...ids(next.items));
      if (next.nextCursor === null) break;
      url = `/v1/videos?limit=1&cursor=${encodeURIComponent(next.nextCursor)}`;
    }
    assert.deepEqual(seen, ['skriv-et-godt-cv', 'brug-jobloggen', 'webinar-unge']);
    const first = await search('jobloggen', '&limit=2');
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor !== null);
    const second = await search('jobloggen', `&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`);
    assert.equal(second.nextCursor, null);
    assert.deepEqual(new Set([...ids(first.items), ...ids(second.items)]).size, 3);
    assertProblem(await get(`/v1/videos?cursor=${encodeURIComponent(first.nextCursor)}`), 400, 'invalid-cursor');
    assertProblem(await get('/v1/videos?cursor=bogus'), 400, 'invalid-cursor');
    const pointers = async (url: string) => (assertProblem(await get(url), 400, 'invalid-request').errors as { pointer: string }[]).map((error) => error.pointer);
    assert.deepEqual(await pointers('/v1/videos?limit=0'), ['/query/limit']);
    assert.deepEqual(await pointers('/v1/videos?limit=101'), ['/query/limit']);
    assert.deepEqual(await pointers('/v1/videos?length=huge'), ['/query/length']);
    assert.deepEqual(await pointers('/v1/videos?kind=movie'), ['/query/kind']);
    assert.deepEqual(await pointers('/v1/videos?language=dansk'), ['/query/language']);
    assert.deepEqual(await pointers('/v1/videos?topic=a%20b'), ['/query/topic']);
    assert.deepEqual(await pointers('/v1/videos?q='), ['/query/q']);
    assert.deepEqual(await pointers(`/v1/videos?q=${'a'.repeat(201)}`), ['/query/q']);
    assert.deepEqual(await pointers('/v1/videos?sort=title'), ['/query/sort']);
  });

  test('playlists list their videos in order with the citizen\'s completed count', async () => {
    const anonymous = (await get('/v1/video-playlists')).json<PlaylistList>();
    assertSchema(PlaylistList, anonymous);
    assert.deepEqual(anonymous.items.map((playlist) => [playlist.id, playlist.videos.map((video) => video.id), playlist.completed]), [['kom-godt-i-gang', ['brug-jobloggen', 'skriv-et-godt-cv'], 0]]);
    // Lars (demo) has completed skriv-et-godt-cv and is half-way through brug-jobloggen.
    const lars = await server.token('citizen-1');
    const res = await get('/v1/video-playlists/kom-godt-i-gang', bearer(lars));
    assert.equal(res.statusCode, 200);
    const playlist = res.json<Playlist>();
    assertSchema(Playlist, playlist);
    assert.equal(playlist.completed, 1);
    assert.equal(playlist.videos[0]?.progress?.completed, false);
    assert.ok((playlist.videos[0]?.progress?.position ?? 0) > 0, 'continue watching');
    assert.equal(playlist.videos[1]?.progress?.completed, true);
    assertProblem(await get('/v1/video-playlists/nope'), 404, 'not-found');
    const caseworker = await server.token('caseworker-1');
    assert.equal((await get('/v1/video-playlists/kom-godt-i-gang', bearer(caseworker))).json<Playlist>().completed, 0);
    assertProblem(await get('/v1/video-playlists', { authorization: 'Bearer not-a-token.x.y' }), 401, 'token-invalid');
  });

  test('serves media with ranges, the right types, nosniff, caching and CORS for any origin', async () => {
    const full = await get('/media/videos/brug-jobloggen/video.mp4');
    assert.equal(full.statusCode, 200);
    assert.equal(full.headers['accept-ranges'], 'bytes');
    assert.equal(full.headers['content-type'], 'video/mp4');
    assert.equal(full.rawPayload.length, 4096);
    const part = await get('/media/videos/brug-jobloggen/video.mp4', { range: 'bytes=100-199' });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], 'bytes 100-199/4096');
    assert.equal(part.rawPayload.length, 100);
    assert.equal(part.rawPayload[0], 100);
    const tail = await get('/media/videos/brug-jobloggen/video.mp4', { range: 'bytes=-10' });
    assert.equal(tail.headers['content-range'], 'bytes 4086-4095/4096');
    const beyond = await get('/media/videos/brug-jobloggen/video.mp4', { range: 'bytes=5000-6000' });
    assert.equal(beyond.statusCode, 416);
    assert.equal(beyond.headers['content-range'], 'bytes */4096');
    const types: Record<string, string> = {
      'captions.da.vtt': 'text/vtt; charset=utf-8', 'audio.m4a': 'audio/mp4', 'poster.jpg': 'image/jpeg', 'transcript.da.txt': 'text/plain; charset=utf-8',
    };
    for (const [file, type] of Object.entries(types)) {
      const res = await get(`/media/videos/brug-jobloggen/${file}`, { origin: 'https://kommune.example' });
      assert.equal(res.statusCode, 200, file);
      assert.equal(res.headers['content-type'], type, file);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', file);
      assert.equal(res.headers['access-control-allow-origin'], '*', file);
      assert.match(String(res.headers['cache-control']), /max-age=\d+/, file);
    }
    assert.match((await get('/media/videos/brug-jobloggen/captions.da.vtt')).body, /^\uFEFF?WEBVTT/);
    assert.equal((await get('/media/videos/brug-jobloggen/nope.mp4')).statusCode, 404);
    assert.equal((await get('/media/videos/../videos/catalog.json')).statusCode, 200, 'normalised inside the media directory');
    assert.equal((await get('/media/videos/%2e%2e/%2e%2e/package.json')).statusCode, 404);
  });

  test('media is not rate-limited', async () => {
    const limited = await startServer(target.name === 'SQLite' ? { kind: 'sqlite', file: ':memory:' } : server.config.database, { env: { JU_MEDIA_DIR: FIXTURES, RATE_LIMIT: '2' }, migrate: target.name === 'SQLite', seed: false });
    try {
      for (let index = 0; index < 5; index++) {
        assert.equal((await limited.app.inject({ url: '/media/videos/brug-jobloggen/captions.en.vtt' })).statusCode, 200);
      }
    } finally {
      await limited.close();
    }
  });

  test('progress is for citizens only, for known videos, with valid ranges', async () => {
    const citizen = await server.token('citizen-3');
    const caseworker = await server.token('caseworker-1');
    const body = { position: 1, watched: [[0, 1]] };
    assertProblem(await putProgress(undefined, 'brug-jobloggen', body), 401, 'unauthenticated');
    assertProblem(await putProgress(caseworker, 'brug-jobloggen', body), 403, 'forbidden');
    assertProblem(await putProgress(citizen, 'no-such-video', body), 404, 'not-found');
    assertProblem(await server.app.inject({ url: '/v1/me/video-progress' }), 401, 'unauthenticated');
    assertProblem(await server.app.inject({ url: '/v1/me/video-progress', headers: bearer(caseworker) }), 403, 'forbidden');
    const invalid = async (payload: unknown, pointer: string) => {
      const problem = assertProblem(await putProgress(citizen, 'brug-jobloggen', payload), 400, 'invalid-request');
      assert.ok((problem.errors as { pointer: string }[]).some((error) => error.pointer.startsWith(pointer)), JSON.stringify(problem.errors));
    };
    await invalid({ position: 1, watched: [[10, 5]] }, '/watched/0');
    await invalid({ position: 1, watched: [[-1, 5]] }, '/watched/0');
    // A three-number "range" is refused too (the server's error mapper reports tuple length without a pointer).
    assertProblem(await putProgress(citizen, 'brug-jobloggen', { position: 1, watched: [[0, 5, 7]] }), 400, 'invalid-request');
    await invalid({ position: 1, watched: [['0', 5]] }, '/watched/0');
    await invalid({ position: 1, watched: Array.from({ length: 1001 }, (_, index) => [index, index + 0.5]) }, '/watched');
    await invalid({ position: -1, watched: [] }, '/position');
    await invalid({ position: 1 }, '/watched');
    await invalid({ position: 1, watched: [], extra: true }, '/extra');
    const list = (await server.app.inject({ url: '/v1/me/video-progress', headers: bearer(citizen) })).json<VideoProgressList>();
    assert.deepEqual(list.items, [], 'nothing was stored by the refused writes');
  });

  test('merges watched ranges as a union, replaces the position, completes at 90 % and never un-completes', async () => {
    const citizen = await server.token('citizen-3');
    const put = async (payload: unknown): Promise<VideoProgress> => {
      const res = await putProgress(citizen, 'brug-jobloggen', payload);
      assert.equal(res.statusCode, 200, res.body);
      const progress = res.json<VideoProgress>();
      assertSchema(VideoProgress, progress);
      return progress;
    };
    let progress = await put({ position: 10, watched: [[0, 10]] });
    assert.deepEqual([progress.watched, progress.watchedSeconds, progress.completed, progress.completedAt], [[[0, 10]], 10, false, null]);
    progress = await put({ position: 20, watched: [[5, 20]] });
    assert.deepEqual([progress.watched, progress.watchedSeconds, progress.position], [[[0, 20]], 20, 20]);
    const retried = await put({ position: 20, watched: [[5, 20]] });
    assert.deepEqual([retried.watched, retried.watchedSeconds], [[[0, 20]], 20], 'a retry changes nothing');
    progress = await put({ position: 3, watched: [[30, 99]] });
    assert.deepEqual([progress.watched, progress.watchedSeconds, progress.position, progress.completed], [[[0, 20], [30, 40]], 30, 3, false], 'clipped to the 40 s duration; seeking back moves the position');
    progress = await put({ position: 35, watched: [[20, 26]] });
    assert.equal(progress.watchedSeconds, 36);
    assert.equal(progress.completed, true, '36 of 40 s is 90 %');
    const completedAt = progress.completedAt;
    assert.ok(completedAt !== null);
    progress = await put({ position: 0, watched: [], completed: false });
    assert.deepEqual([progress.completed, progress.completedAt, progress.position], [true, completedAt, 0], 'completed stays, completedAt is set once');
    const other = await putProgress(citizen, 'skriv-et-godt-cv', { position: 2, watched: [[0, 2]], completed: true });
    assert.equal(other.json<VideoProgress>().completed, true, 'the client may report completion (the transcript was read)');
    const list = (await server.app.inject({ url: '/v1/me/video-progress', headers: bearer(citizen) })).json<VideoProgressList>();
    assertSchema(VideoProgressList, list);
    assert.deepEqual(list.items.map((item) => item.videoId), ['skriv-et-godt-cv', 'brug-jobloggen'], 'newest first');
    const mine = await page('/v1/videos', bearer(citizen));
    assert.deepEqual(mine.items.map((item) => item.progress?.completed ?? null), [true, true, null]);
    const anonymous = await page('/v1/videos');
    assert.deepEqual(anonymous.items.map((item) => item.progress), [null, null, null]);
    const single = (await get('/v1/videos/brug-jobloggen', bearer(citizen))).json<Video>();
    assert.equal(single.progress?.watchedSeconds, 36);
  });

  test('parallel writes from several devices never lose a watched range', async () => {
    const citizen = await server.token('citizen-4');
    const writes = Array.from({ length: 20 }, (_, index) => putProgress(citizen, 'brug-jobloggen', { position: index * 2 + 1, watched: [[index * 2, index * 2 + 1]] }));
    const answers = await Promise.all(writes);
    for (const answer of answers) assert.equal(answer.statusCode, 200, answer.body);
    const stored = (await get('/v1/videos/brug-jobloggen', bearer(citizen))).json<Video>().progress;
    assert.equal(stored?.watched.length, 20);
    assert.equal(stored.watchedSeconds, 20);
    const both = await Promise.all([
      putProgress(citizen, 'skriv-et-godt-cv', { position: 5, watched: [[0, 5]] }),
      putProgress(citizen, 'skriv-et-godt-cv', { position: 25, watched: [[20, 25]] }),
    ]);
    for (const answer of both) assert.equal(answer.statusCode, 200);
    const final = (await get('/v1/videos/skriv-et-godt-cv', bearer(citizen))).json<Video>().progress;
    assert.deepEqual(final?.watched, [[0, 5], [20, 25]]);
  });

  test('a broken catalogue is logged with its JSON path and the last good catalogue is kept', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'ju-media-'));
    try {
      cpSync(FIXTURES, copy, { recursive: true });
      const file = join(copy, 'videos/catalog.json');
      const catalogue = JSON.parse(readFileSync(file, 'utf8')) as { videos: { topic: string; duration?: unknown }[] };
      const broken = [
        { edit: (c: typeof catalogue) => { if (c.videos[1]) c.videos[1].topic = 'nope'; }, message: /\/videos\/1\/topic: "nope" is not one of \/topics/ },
        { edit: (c: typeof catalogue) => { if (c.videos[2]) c.videos[2].duration = 'long'; }, message: /\/videos\/2\/duration/ },
      ];
      for (const { edit, message } of broken) {
        const copyOf = JSON.parse(JSON.stringify(catalogue)) as typeof catalogue;
        edit(copyOf);
        writeFileSync(file, JSON.stringify(copyOf));
        const outcome = await loadVideoCatalogue(server.database.db, server.database.dialect, copy, server.app.log);
        assert.ok(outcome.status === 'kept');
        assert.match(outcome.reason, message);
      }
      writeFileSync(join(copy, 'videos/brug-jobloggen/captions.da.vtt'), 'WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHej\n');
      writeFileSync(file, JSON.stringify(catalogue));
      const badVtt = await loadVideoCatalogue(server.database.db, server.database.dialect, copy, server.app.log);
      assert.match(badVtt.status === 'kept' ? badVtt.reason : '', /\/videos\/0\/tracks\/0\/src: brug-jobloggen\/captions\.da\.vtt line 3/);
      writeFileSync(file, '{ "videos": [');
      const second = await startServer(server.config.database, { env: { JU_MEDIA_DIR: copy }, migrate: false, seed: false });
      try {
        const line = second.logs.find((entry) => entry.includes('video catalogue not imported'));
        assert.ok(line !== undefined);
        assert.match(line, /catalog\.json is not valid: catalog\.json is not valid JSON.*keeping the last good catalogue \(3 videos, imported /);
        assert.match(line, /"level":50/);
        assert.equal((await second.app.inject({ url: '/v1/videos' })).json<{ items: unknown[] }>().items.length, 3);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

const DEMO_MEDIA = fileURLToPath(new URL('../media', import.meta.url));

forEachDatabase('the demo video catalogue', (target) => {
  const present = existsSync(join(DEMO_MEDIA, 'videos/catalog.json'));
  test('"hvordan udfylder jeg jobloggen" lands on the sentence in brug-jobloggen; Lars has one video started and one completed', { skip: present ? false : 'packages/server/media/videos/catalog.json is not generated yet' }, async () => {
    const { setting, drop } = await target.create();
    const server = await startServer(setting, { env: { JU_MEDIA_DIR: DEMO_MEDIA } });
    try {
      const res = await server.app.inject({ url: `/v1/videos?q=${encodeURIComponent('hvordan udfylder jeg jobloggen')}` });
      const { items } = res.json<{ items: VideoListItem[] }>();
      assertSchema(VideoPage, res.json());
      assert.equal(items[0]?.id, 'brug-jobloggen');
      const said = items[0]?.matches.find((match) => match.field === 'transcript');
      assert.equal(said?.text, ACCEPTANCE_CUE);
      assert.ok(typeof said.start === 'number' && said.start > 0);
      assert.deepEqual(said.marks.map(([from, to]) => ACCEPTANCE_CUE.slice(from, to)), ['hvordan', 'udfylder', 'jobloggen']);
      const lars = await server.token('citizen-1');
      const mine = (await server.app.inject({ url: '/v1/me/video-progress', headers: bearer(lars) })).json<VideoProgressList>();
      assert.deepEqual(mine.items.map((item) => [item.videoId, item.completed]), [['brug-jobloggen', false], ['skriv-et-godt-cv', true]]);
      // A sentence found in both caption languages at the same moment is one match, in the reader's language.
      for (const [language, expected] of [['da', 'Du skal søge job og skrive det i jobloggen.'], ['en', 'You must apply for jobs and write it in the joblog.']] as const) {
        const found = (await server.app.inject({ url: '/v1/videos?q=jobloggen', headers: { 'accept-language': language } })).json<{ items: VideoListItem[] }>();
        const said = found.items.find((item) => item.id === 'raadighed')?.matches.filter((match) => match.field === 'transcript') ?? [];
        assert.deepEqual(said.map((match) => [match.language, match.text]), [[language, expected]], language);
        for (const item of found.items) {
          const places = item.matches.map((match) => `${match.field} ${String(match.start)}`);
          assert.equal(new Set(places).size, places.length, `${item.id}: one match per place (${language})`);
        }
      }
      for (const item of (await server.app.inject({ url: '/v1/videos?limit=100' })).json<{ items: VideoListItem[] }>().items) {
        const video = (await server.app.inject({ url: `/v1/videos/${item.id}` })).json<Video>();
        assertSchema(Video, video);
        for (const reference of [...video.renditions.map((rendition) => rendition.url), ...video.tracks.map((track) => track.url)]) {
          const media = await server.app.inject({ url: `/${reference}`, headers: { range: 'bytes=0-9' } });
          assert.equal(media.statusCode, 206, reference);
        }
      }
    } finally {
      await server.close();
      await drop();
    }
  });
});

test('a server without a catalogue starts with an empty library and says so', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'ju-media-'));
  const server = await startServer({ kind: 'sqlite', file: ':memory:' }, { env: { JU_MEDIA_DIR: empty } });
  try {
    assert.match(server.logs.join(''), /there is no video catalogue at .*catalog\.json \(set JU_MEDIA_DIR to the media directory\); starting with an empty video library/);
    assert.deepEqual((await server.app.inject({ url: '/v1/videos' })).json(), { items: [], nextCursor: null });
    assert.deepEqual((await server.app.inject({ url: '/v1/video-playlists' })).json(), { items: [] });
    assert.equal((await server.app.inject({ url: '/media/videos/x/video.mp4' })).statusCode, 404);
  } finally {
    await server.close();
    rmSync(empty, { recursive: true, force: true });
  }
});
