// The video library (docs/contract.md "Video library"): the public catalogue with search and filters, one video,
// playlists, and the signed-in citizen's progress. A citizen token on the public routes adds `progress`. The media
// files themselves are served by ../video/media.ts.
import { IdParams, VideoProgressUpdate, VideoQuery, type PlaylistList, type VideoFilters, type VideoPage, type VideoProgressList } from '@jobunivers/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, bearerToken, userOf } from '../auth.js';
import { textLanguage } from '../booking/texts.js';
import type { App, AppContext } from '../context.js';
import { CursorCodec } from '../cursor.js';
import type { VideosTable } from '../db/schema.js';
import { ProblemError } from '../problem.js';
import type { CatalogueDocument } from '../video/catalogue.js';
import { DocumentBuilder, toMatches } from '../video/documents.js';
import { progressOf, toVideoProgress, writeProgress } from '../video/progress.js';
import { listVideos, searchVideos, type CatalogueKey } from '../video/search.js';

const EMPTY_CATALOGUE: CatalogueDocument = { topics: [], targetGroups: [], playlists: [] };

const notFound = () => new ProblemError('not-found', { detail: 'There is no such video in the catalogue.' });

const invalidAt = (pointer: string, code: string, detail: string) =>
  new ProblemError('invalid-request', { detail: 'Fix the fields listed in errors and send the request again.', errors: [{ pointer, code, detail }] });

export function videoRoutes(app: App, context: AppContext): void {
  const { db, dialect, verifier } = context;
  const citizenOnly = authenticate(db, verifier, ['citizen']);
  const secret = `cursor:${context.config.jwt.kind === 'secret' ? context.config.jwt.secret : context.config.jwt.url}:${context.config.jwtAudience}`;
  const catalogueCursors = new CursorCodec(secret, 'videos');
  const searchCursors = new CursorCodec(secret, 'video-search');

  /** A token is optional here; a valid one of a citizen adds their progress, an invalid one is 401 as everywhere. */
  const viewer = async (request: FastifyRequest): Promise<void> => {
    if (bearerToken(request) === undefined) return;
    await authenticate(db, verifier)(request);
  };
  const citizenOf = (request: FastifyRequest): string | undefined => (request.user?.role === 'citizen' ? request.user.id : undefined);

  const builder = async (request: FastifyRequest): Promise<DocumentBuilder> => {
    const row = await db.selectFrom('video_catalogue').select('document').where('id', '=', 1).executeTakeFirst();
    const document = row === undefined ? EMPTY_CATALOGUE : (JSON.parse(row.document) as CatalogueDocument);
    return new DocumentBuilder(document, textLanguage(request.headers['accept-language']));
  };

  /** The target groups of these videos, in catalogue order. */
  const targetGroupsOf = async (rows: readonly VideosTable[], catalogue: CatalogueDocument): Promise<Map<string, string[]>> => {
    const out = new Map<string, string[]>();
    if (rows.length === 0) return out;
    const order = new Map(catalogue.targetGroups.map((group, index) => [group.id, index]));
    const links = await db.selectFrom('video_target_groups').selectAll().where('video_id', 'in', rows.map((row) => row.id)).execute();
    for (const link of links.sort((a, b) => (order.get(a.target_group_id) ?? 0) - (order.get(b.target_group_id) ?? 0))) {
      out.set(link.video_id, [...(out.get(link.video_id) ?? []), link.target_group_id]);
    }
    return out;
  };

  const readable = (request: FastifyRequest, reply: FastifyReply): void => {
    reply.header('cache-control', request.headers.authorization === undefined ? 'public, max-age=60' : 'private, no-cache').header('vary', 'Accept-Language, Authorization');
  };

  app.get('/v1/videos', { onRequest: viewer, schema: { querystring: VideoQuery } }, async (request, reply): Promise<VideoPage> => {
    const { q, limit = 20, cursor, ...filter } = request.query;
    const build = await builder(request);
    let rows: VideosTable[];
    let nextCursor: string | null = null;
    let matches = new Map<string, ReturnType<typeof toMatches>>();
    if (q !== undefined) {
      const offset = cursor === undefined ? 0 : searchCursors.decode(cursor);
      const page = await searchVideos(db, dialect, q, filter, limit, offset);
      rows = page.videos;
      const reader = textLanguage(request.headers['accept-language']);
      matches = new Map([...page.matches].map(([id, list]) => [id, toMatches(list, q, reader)]));
      if (page.more) nextCursor = searchCursors.encode(offset + limit);
    } else {
      const after = cursor === undefined ? undefined : decodeKey(catalogueCursors.decodeText(cursor));
      const found = await listVideos(db, filter, limit + 1, after);
      rows = found.slice(0, limit);
      const last = rows.at(-1);
      if (found.length > limit && last !== undefined) nextCursor = catalogueCursors.encodeText(`${last.published_at}_${String(last.position)}_${last.id}`);
    }
    const groups = await targetGroupsOf(rows, build.catalogue);
    const progress = await progressOf(db, citizenOf(request), rows.map((row) => row.id));
    readable(request, reply);
    return {
      items: rows.map((row) => build.listItem(row, groups.get(row.id) ?? [], progress.get(row.id), matches.get(row.id) ?? [])),
      nextCursor,
    };
  });

  app.get('/v1/videos/filters', async (request, reply): Promise<VideoFilters> => {
    const build = await builder(request);
    const rows = await db.selectFrom('videos').select(['topic_id', 'language', 'length', 'kind']).execute();
    const groups = await db.selectFrom('video_target_groups').select(['target_group_id']).select((eb) => eb.fn.countAll<number | string>().as('n')).groupBy('target_group_id').execute();
    readable(request, reply);
    return build.filters(rows, new Map(groups.map((group) => [group.target_group_id, Number(group.n)])));
  });

  app.get('/v1/videos/:id', { onRequest: viewer, schema: { params: IdParams } }, async (request, reply) => {
    const build = await builder(request);
    const row = await db.selectFrom('videos').selectAll().where('id', '=', request.params.id).executeTakeFirst();
    if (row === undefined) throw notFound();
    const groups = await targetGroupsOf([row], build.catalogue);
    const progress = await progressOf(db, citizenOf(request), [row.id]);
    readable(request, reply);
    return build.video(row, groups.get(row.id) ?? [], progress.get(row.id));
  });

  app.put('/v1/videos/:id/progress', { onRequest: citizenOnly, schema: { params: IdParams, body: VideoProgressUpdate } }, async (request, reply) => {
    const user = userOf(request);
    const { position, watched, completed } = request.body;
    for (const [index, [start, end]] of watched.entries()) {
      if (!Number.isFinite(start) || !Number.isFinite(end)) throw invalidAt(`/watched/${String(index)}`, 'type', 'A range is two numbers of seconds.');
      if (end < start) throw invalidAt(`/watched/${String(index)}`, 'range', 'A range [start, end] must have start ≤ end.');
    }
    const video = await db.selectFrom('videos').select(['id', 'duration']).where('id', '=', request.params.id).executeTakeFirst();
    if (video === undefined) throw notFound();
    const row = await writeProgress(db, dialect, user.id, video.id, video.duration, {
      position, watched, ...(completed === undefined ? {} : { completed }),
    });
    reply.header('cache-control', 'no-store');
    return toVideoProgress(row);
  });

  app.get('/v1/me/video-progress', { onRequest: citizenOnly }, async (request, reply): Promise<VideoProgressList> => {
    const user = userOf(request);
    const rows = await db.selectFrom('video_progress').selectAll().where('citizen_id', '=', user.id)
      .orderBy('updated_at', 'desc').orderBy('video_id', 'asc').limit(500).execute();
    reply.header('cache-control', 'no-store');
    return { items: rows.map(toVideoProgress) };
  });

  const playlists = async (request: FastifyRequest, only: string | undefined): Promise<PlaylistList> => {
    const build = await builder(request);
    const wanted = build.catalogue.playlists.filter((playlist) => only === undefined || playlist.id === only);
    const ids = [...new Set(wanted.flatMap((playlist) => playlist.videoIds))];
    const rows = ids.length === 0 ? [] : await db.selectFrom('videos').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const groups = await targetGroupsOf(rows, build.catalogue);
    const progress = await progressOf(db, citizenOf(request), ids);
    const items = wanted.flatMap((entry) => {
      const videos = entry.videoIds.flatMap((id) => {
        const row = byId.get(id);
        return row === undefined ? [] : [build.summary(row, groups.get(id) ?? [], progress.get(id))];
      });
      const playlist = build.playlist(entry.id, videos);
      return playlist === undefined ? [] : [playlist];
    });
    return { items };
  };

  app.get('/v1/video-playlists', { onRequest: viewer }, async (request, reply): Promise<PlaylistList> => {
    const list = await playlists(request, undefined);
    readable(request, reply);
    return list;
  });

  app.get('/v1/video-playlists/:id', { onRequest: viewer, schema: { params: IdParams } }, async (request, reply) => {
    const list = await playlists(request, request.params.id);
    const playlist = list.items.at(0);
    if (playlist === undefined) throw new ProblemError('not-found', { detail: 'There is no such playlist.' });
    readable(request, reply);
    return playlist;
  });
}

/** `<publishedAt>_<position>_<id>` of the last video of a page. */
function decodeKey(text: string): CatalogueKey {
  const match = /^(\d{4}-\d{2}-\d{2})_(\d{1,9})_([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (match === null) throw new ProblemError('invalid-cursor', { detail: 'Pass back the nextCursor of the previous page as is, or start without a cursor.' });
  return { publishedAt: match[1], position: Number(match[2]), id: match[3] };
}
