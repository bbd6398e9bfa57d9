// Imports the catalogue into the database in one transaction: videos, their target groups, topics/playlists, and the
// search index (titles, descriptions, caption cues). Unchanged videos (same content hash) are left alone, so a
// restart re-imports 500 videos in a moment; videos no longer in the catalogue are removed (progress stays).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import type { Catalogue, IndexedText, VideoRecord } from './catalogue.js';
import { indexTerms } from './text-index.js';

/** PostgreSQL text search configuration per language: Danish and English stem, everything else is kept as written. */
export function searchConfig(language: string): 'danish' | 'english' | 'simple' {
  if (language === 'da') return 'danish';
  return language === 'en' ? 'english' : 'simple';
}

export interface ImportResult {
  videos: number;
  changed: number;
  removed: number;
  texts: number;
  unchanged: boolean;
}

const BATCH = 400;

/** Two instances starting at once import one after the other (PostgreSQL); SQLite has one writer anyway. */
const IMPORT_LOCK = 740_116;

export async function importCatalogue(db: Kysely<Database>, dialect: Dialect, catalogue: Catalogue): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
    const stored = await trx.selectFrom('video_catalogue').select('content_hash').where('id', '=', 1).executeTakeFirst();
    if (stored?.content_hash === catalogue.hash) {
      return { videos: catalogue.videos.length, changed: 0, removed: 0, texts: 0, unchanged: true };
    }
    const existing = new Map((await trx.selectFrom('videos').select(['id', 'content_hash']).execute()).map((row) => [row.id, row.content_hash]));
    const wanted = new Set(catalogue.videos.map((video) => video.id));
    const removed = [...existing.keys()].filter((id) => !wanted.has(id));
    const changed = catalogue.videos.filter((video) => existing.get(video.id) !== video.hash);
    await removeTexts(trx, dialect, [...removed, ...changed.map((video) => video.id)]);
    for (let index = 0; index < removed.length; index += BATCH) {
      await trx.deleteFrom('videos').where('id', 'in', removed.slice(index, index + BATCH)).execute();
    }
    let nextId = Number((await trx.selectFrom('video_texts').select((eb) => eb.fn.max<number | string | null>('id').as('max')).executeTakeFirst())?.max ?? 0) + 1;
    const pending: { id: number; videoId: string; text: IndexedText }[] = [];
    for (const video of changed) {
      await upsertVideo(trx, video);
      for (const text of video.texts) pending.push({ id: nextId++, videoId: video.id, text });
    }
    for (let index = 0; index < pending.length; index += BATCH) await insertTexts(trx, dialect, pending.slice(index, index + BATCH));
    const row = { document: JSON.stringify(catalogue.document), content_hash: catalogue.hash, imported_at: new Date().toISOString() };
    await trx.insertInto('video_catalogue').values({ id: 1, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    return { videos: catalogue.videos.length, changed: changed.length, removed: removed.length, texts: pending.length, unchanged: false };
  });
}

async function removeTexts(trx: Transaction<Database>, dialect: Dialect, videoIds: string[]): Promise<void> {
  for (let index = 0; index < videoIds.length; index += BATCH) {
    const ids = videoIds.slice(index, index + BATCH);
    if (dialect === 'sqlite') {
      await sql`delete from video_fts where rowid in (select id from video_texts where video_id in (${sql.join(ids)}))`.execute(trx);
    }
    await trx.deleteFrom('video_texts').where('video_id', 'in', ids).execute();
  }
}

async function upsertVideo(trx: Transaction<Database>, video: VideoRecord): Promise<void> {
  const values = {
    position: video.position,
    kind: video.kind,
    topic_id: video.topicId,
    language: video.language,
    duration: video.duration,
    length: video.length,
    published_at: video.publishedAt,
    sign_language: video.signLanguage ? 1 : 0,
    audio_description: video.audioDescription ? 1 : 0,
    captions: JSON.stringify(video.captions),
    document: JSON.stringify(video.document),
    content_hash: video.hash,
  };
  await trx.insertInto('videos').values({ id: video.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
  await trx.deleteFrom('video_target_groups').where('video_id', '=', video.id).execute();
  if (video.targetGroups.length > 0) {
    await trx.insertInto('video_target_groups').values(video.targetGroups.map((group) => ({ video_id: video.id, target_group_id: group }))).execute();
  }
}

async function insertTexts(trx: Transaction<Database>, dialect: Dialect, rows: { id: number; videoId: string; text: IndexedText }[]): Promise<void> {
  if (rows.length === 0) return;
  if (dialect === 'postgres') {
    const values = rows.map(({ id, videoId, text }) => {
      const config = searchConfig(text.language);
      return sql`(${id}, ${videoId}, ${text.field}, ${text.language}, ${text.start}, ${text.end}, ${text.text}, ${config}::regconfig, to_tsvector(${config}::regconfig, ${text.text}))`;
    });
    await sql`insert into video_texts (id, video_id, field, language, start_at, end_at, text, config, tsv) values ${sql.join(values)}`.execute(trx);
    return;
  }
  await trx.insertInto('video_texts').values(rows.map(({ id, videoId, text }) => ({
    id, video_id: videoId, field: text.field, language: text.language, start_at: text.start, end_at: text.end, text: text.text,
  }))).execute();
  const terms = rows.map(({ id, videoId, text }) => sql`(${id}, ${indexTerms(text.text, text.language)}, ${videoId})`);
  await sql`insert into video_fts (rowid, terms, video_id) values ${sql.join(terms)}`.execute(trx);
}
