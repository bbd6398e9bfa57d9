// Finding videos: filters (AND) and, with `q`, full-text search over titles, descriptions and caption cues —
// SQLite FTS5 over our own stemmed terms (bm25), PostgreSQL text search with the row's language configuration
// (ts_rank). Either way: any word may match, rows matching more (and, with bm25, rarer) words rank higher, the
// videos are ranked by their best row, and each carries its best five rows.
import type { VideoQuery } from '@jobunivers/contract';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database, VideoTextsTable, VideosTable } from '../db/schema.js';
import { searchTerms } from './text-index.js';

export type VideoFilter = Pick<VideoQuery, 'topic' | 'targetGroup' | 'language' | 'length' | 'kind'>;

/** A row of the search index as a match needs it. */
export type MatchRow = Omit<VideoTextsTable, 'id'>;

export const MATCHES_PER_VIDEO = 5;

/** The filter as SQL on `videos v` (raw, so it fits both the Kysely and the raw search queries). */
function filterSql(filter: VideoFilter) {
  const parts = [sql<SqlBool>`1 = 1`];
  if (filter.topic !== undefined) parts.push(sql`v.topic_id = ${filter.topic}`);
  if (filter.language !== undefined) parts.push(sql`v.language = ${filter.language}`);
  if (filter.length !== undefined) parts.push(sql`v.length = ${filter.length}`);
  if (filter.kind !== undefined) parts.push(sql`v.kind = ${filter.kind}`);
  if (filter.targetGroup !== undefined) {
    parts.push(sql`exists (select 1 from video_target_groups g where g.video_id = v.id and g.target_group_id = ${filter.targetGroup})`);
  }
  return sql.join(parts, sql` and `);
}

export interface CatalogueKey {
  publishedAt: string;
  position: number;
  id: string;
}

/** The catalogue without `q`: newest first (then catalogue order), after `after` (keyset). */
export async function listVideos(db: Kysely<Database>, filter: VideoFilter, limit: number, after: CatalogueKey | undefined): Promise<VideosTable[]> {
  const keyset: Expression<SqlBool> = after === undefined
    ? sql<SqlBool>`1 = 1`
    : sql<SqlBool>`(v.published_at < ${after.publishedAt} or (v.published_at = ${after.publishedAt} and (v.position > ${after.position} or (v.position = ${after.position} and v.id > ${after.id}))))`;
  const result = await sql<VideosTable>`
    select v.* from videos v where ${filterSql(filter)} and ${keyset}
    order by v.published_at desc, v.position asc, v.id asc limit ${limit}`.execute(db);
  return result.rows;
}

/** The hits of `q` as a subquery `(id, video_id, score)`, higher score = better; `undefined` when q has no words. */
function hitsSql(dialect: Dialect, q: string) {
  const { words, terms } = searchTerms(q);
  if (words.length === 0) return undefined;
  if (dialect === 'sqlite') {
    const match = terms.map((term) => `"${term}"`).join(' OR ');
    return sql`select rowid as id, video_id, -bm25(video_fts) as score from video_fts where video_fts match ${match}`;
  }
  // The Danish stems go into every configuration's query, as on SQLite: "jobloggen" also finds an English "joblog".
  // plainto_tsquery per term never fails on odd input; `||` ORs them (a stop word adds nothing).
  const anyOf = (config: 'danish' | 'english' | 'simple') => sql.join(terms.map((term) => sql`plainto_tsquery(${sql.lit(config)}::regconfig, ${term})`), sql` || `);
  return sql`select t.id, t.video_id, ts_rank(t.tsv, case t.config when 'danish'::regconfig then q.da when 'english'::regconfig then q.en else q.si end) as score
    from video_texts t, (select ${anyOf('danish')} as da, ${anyOf('english')} as en, ${anyOf('simple')} as si) q
    where (t.config = 'danish'::regconfig and t.tsv @@ q.da) or (t.config = 'english'::regconfig and t.tsv @@ q.en) or (t.config = 'simple'::regconfig and t.tsv @@ q.si)`;
}

export interface SearchPage {
  videos: VideosTable[];
  matches: Map<string, MatchRow[]>;
  /** Whether there are more videos after this page. */
  more: boolean;
}

/** Videos matching `q` (and the filter), best first, `limit` of them from `offset`, each with its best rows. */
export async function searchVideos(db: Kysely<Database>, dialect: Dialect, q: string, filter: VideoFilter, limit: number, offset: number): Promise<SearchPage> {
  const hits = hitsSql(dialect, q);
  if (hits === undefined) return { videos: [], matches: new Map(), more: false };
  // One full-text query: every matching row of a video that passes the filter; ranking and paging happen here.
  const rows = await sql<{ id: number; video_id: string; score: number; published_at: string; position: number }>`
    select h.id, h.video_id, h.score, v.published_at, v.position
    from (${hits}) h join videos v on v.id = h.video_id where ${filterSql(filter)}`.execute(db);
  const byVideo = new Map<string, { id: string; best: number; hits: { id: number; score: number }[]; publishedAt: string; position: number }>();
  for (const row of rows.rows) {
    const score = row.score;
    let entry = byVideo.get(row.video_id);
    if (entry === undefined) {
      entry = { id: row.video_id, best: score, hits: [], publishedAt: row.published_at, position: row.position };
      byVideo.set(row.video_id, entry);
    }
    entry.best = Math.max(entry.best, score);
    entry.hits.push({ id: row.id, score });
  }
  const ranked = [...byVideo.values()].sort((a, b) =>
    b.best - a.best || b.hits.length - a.hits.length || b.publishedAt.localeCompare(a.publishedAt) || a.position - b.position || a.id.localeCompare(b.id));
  const page = ranked.slice(offset, offset + limit);
  const matches = new Map<string, MatchRow[]>();
  if (page.length === 0) return { videos: [], matches, more: false };
  const best = page.map((entry) => entry.hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, MATCHES_PER_VIDEO).map((hit) => hit.id));
  const [videos, texts] = await Promise.all([
    db.selectFrom('videos').selectAll().where('id', 'in', page.map((entry) => entry.id)).execute(),
    db.selectFrom('video_texts').select(['id', 'video_id', 'field', 'language', 'start_at', 'end_at', 'text']).where('id', 'in', best.flat()).execute(),
  ]);
  const videoById = new Map(videos.map((video) => [video.id, video]));
  const textById = new Map(texts.map((text) => [text.id, text]));
  for (const [index, entry] of page.entries()) {
    matches.set(entry.id, (best[index] ?? []).flatMap((id) => {
      const text = textById.get(id);
      return text === undefined ? [] : [text];
    }));
  }
  return {
    videos: page.flatMap((entry) => {
      const video = videoById.get(entry.id);
      return video === undefined ? [] : [video];
    }),
    matches,
    more: ranked.length > offset + limit,
  };
}
