// At start: read the catalogue from the media directory and import it. A missing or broken catalogue never stops
// the server: it logs what is wrong (with the JSON path) and keeps the last good import, or an empty library.
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { CatalogueError, readCatalogue } from './catalogue.js';
import { importCatalogue, type ImportResult } from './import.js';

export type LoadOutcome =
  | { status: 'imported'; result: ImportResult; ms: number }
  | { status: 'kept'; reason: string; videos: number; importedAt: string | null };

export async function loadVideoCatalogue(db: Kysely<Database>, dialect: Dialect, mediaDir: string, log: FastifyBaseLogger): Promise<LoadOutcome> {
  const videosDir = join(mediaDir, 'videos');
  const file = join(videosDir, 'catalog.json');
  const started = performance.now();
  let reason: string;
  let isMissingReason = false;
  try {
    const catalogue = await readCatalogue(videosDir);
    const result = await importCatalogue(db, dialect, catalogue);
    const ms = Math.round(performance.now() - started);
    log.info({ file, videos: result.videos, changed: result.changed, removed: result.removed, texts: result.texts, ms }, result.unchanged ? 'video catalogue unchanged' : 'video catalogue imported');
    return { status: 'imported', result, ms };
  } catch (error) {
    if (error instanceof CatalogueError) reason = `${file} is not valid: ${error.message}`;
    else if (isMissing(error)) {
      reason = `there is no video catalogue at ${file} (set JU_MEDIA_DIR to the media directory)`;
      isMissingReason = true;
    } else throw error;
  }
  const videos = Number((await db.selectFrom('videos').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const importedAt = (await db.selectFrom('video_catalogue').select('imported_at').where('id', '=', 1).executeTakeFirst())?.imported_at ?? null;
  const kept = importedAt === null
    ? 'starting with an empty video library'
    : `keeping the last good catalogue (${String(videos)} videos, imported ${importedAt})`;
  const line = `video catalogue not imported: ${reason}; ${kept}`;
  if (isMissingReason) log.warn({ file }, line);
  else log.error({ file }, line);
  return { status: 'kept', reason, videos, importedAt };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
