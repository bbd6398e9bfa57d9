// The municipality's video catalogue: `<mediaDir>/videos/catalog.json` plus one folder per video. Read and checked
// here (schema, references between entries, files that must exist, every WebVTT track parsed) into records ready
// for the database; any problem is a CatalogueError whose message starts with the JSON path of the bad entry.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { RENDITION_KINDS, TRACK_KINDS, VIDEO_KINDS, type VideoLength } from '@jobunivers/contract';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { parseWebVtt, VttError } from './webvtt.js';

const Language = Type.String({ pattern: '^[a-z]{2}$' });
const CatalogueId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
/** A text per language, e.g. {"da": "…", "en": "…"}; Danish is the fallback. */
const Localized = Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), Type.String(), { minProperties: 1 });
/** A file under the videos directory (`brug-jobloggen/video.mp4`) or an absolute http(s) URL. */
const FileRef = Type.String({ minLength: 1, maxLength: 2000 });

const CatalogueLabel = Type.Object({ id: CatalogueId, label: Localized });

const CatalogueVideo = Type.Object({
  id: CatalogueId,
  kind: Type.Optional(Type.Enum(VIDEO_KINDS)),
  title: Localized,
  description: Type.Optional(Localized),
  topic: CatalogueId,
  targetGroups: Type.Optional(Type.Array(CatalogueId)),
  language: Type.Optional(Language),
  duration: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  publishedAt: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  signLanguage: Type.Optional(Type.Boolean()),
  poster: Type.Optional(Type.Union([FileRef, Type.Null()])),
  renditions: Type.Optional(Type.Array(Type.Object({
    kind: Type.Enum(RENDITION_KINDS),
    src: FileRef,
    type: Type.Optional(Type.String({ minLength: 1 })),
    width: Type.Optional(Type.Integer({ minimum: 1 })),
    height: Type.Optional(Type.Integer({ minimum: 1 })),
    bytes: Type.Optional(Type.Integer({ minimum: 1 })),
  }), { minItems: 1 })),
  tracks: Type.Optional(Type.Array(Type.Object({
    kind: Type.Enum(TRACK_KINDS),
    language: Language,
    src: FileRef,
    label: Type.Optional(Localized),
  }))),
  /** Ready-made plain-text transcripts by language: {"da": "brug-jobloggen/transcript.da.txt"}. */
  transcript: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), FileRef)),
});

export const CatalogueFile = Type.Object({
  topics: Type.Array(CatalogueLabel),
  targetGroups: Type.Optional(Type.Array(CatalogueLabel)),
  playlists: Type.Optional(Type.Array(Type.Object({
    id: CatalogueId,
    title: Localized,
    description: Type.Optional(Localized),
    videoIds: Type.Array(CatalogueId),
  }))),
  videos: Type.Array(CatalogueVideo),
});
export type CatalogueFile = Static<typeof CatalogueFile>;
export type LocalizedText = Partial<Record<string, string>>;

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

/** What the database keeps of a video besides its filter columns (JSON in `videos.document`). */
export interface VideoDocument {
  title: LocalizedText;
  description: LocalizedText;
  poster: string | null;
  renditions: { kind: (typeof RENDITION_KINDS)[number]; url: string; type: string; width?: number; height?: number; bytes: number }[];
  tracks: { kind: (typeof TRACK_KINDS)[number]; language: string; url: string; label?: LocalizedText }[];
  transcripts: { language: string; url: string }[];
}

export interface IndexedText {
  field: 'title' | 'description' | 'transcript';
  language: string;
  start: number | null;
  end: number | null;
  text: string;
}

export interface VideoRecord {
  id: string;
  position: number;
  kind: (typeof VIDEO_KINDS)[number];
  topicId: string;
  targetGroups: string[];
  language: string;
  duration: number;
  length: VideoLength;
  publishedAt: string;
  signLanguage: boolean;
  audioDescription: boolean;
  captions: string[];
  document: VideoDocument;
  texts: IndexedText[];
  /** Changes whenever anything stored for the video changes (re-import skips unchanged videos). */
  hash: string;
}

/** Topics, target groups and playlists (JSON in `video_catalogue.document`). */
export interface CatalogueDocument {
  topics: { id: string; label: LocalizedText }[];
  targetGroups: { id: string; label: LocalizedText }[];
  playlists: { id: string; title: LocalizedText; description: LocalizedText; videoIds: string[] }[];
}

export interface Catalogue {
  document: CatalogueDocument;
  videos: VideoRecord[];
  hash: string;
}

export function lengthOf(duration: number): VideoLength {
  if (duration < 120) return 'short';
  return duration <= 600 ? 'medium' : 'long';
}

const MEDIA_TYPES: Partial<Record<string, string>> = { '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.webm': 'video/webm', '.m4a': 'audio/mp4', '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg' };

const isAbsoluteUrl = (ref: string): boolean => /^https?:\/\//i.test(ref);

/** Files by convention when the catalogue lists none: what `scripts/make-demo-media.mjs` writes. */
const CONVENTIONAL_RENDITIONS = [
  { kind: 'standard', file: 'video.mp4' },
  { kind: 'small', file: 'video-small.mp4' },
  { kind: 'audio', file: 'audio.m4a' },
] as const;
const CONVENTIONAL_TRACK = /^(captions|chapters|descriptions)\.([a-z]{2})\.vtt$/;
const CONVENTIONAL_TRANSCRIPT = /^transcript\.([a-z]{2})\.txt$/;

/** Reads the catalogue at `<videosDir>/catalog.json`; throws CatalogueError (or ENOENT for a missing file). */
export async function readCatalogue(videosDir: string): Promise<Catalogue> {
  const path = join(videosDir, 'catalog.json');
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CatalogueError(`catalog.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Value.Check(CatalogueFile, json)) {
    const errors = [...Value.Errors(CatalogueFile, json)].slice(0, 5);
    throw new CatalogueError(errors.map((error) => `${error.instancePath || '/'}: ${error.message}`).join('; '));
  }
  return buildCatalogue(videosDir, json);
}

async function buildCatalogue(videosDir: string, file: CatalogueFile): Promise<Catalogue> {
  const topics = new Set(file.topics.map((topic) => topic.id));
  const targetGroups = new Set((file.targetGroups ?? []).map((group) => group.id));
  const ids = new Set<string>();
  const videos: VideoRecord[] = [];
  for (const [index, video] of file.videos.entries()) {
    const at = `/videos/${String(index)}`;
    if (ids.has(video.id)) throw new CatalogueError(`${at}/id: the id "${video.id}" is used twice`);
    if (video.id === 'filters') throw new CatalogueError(`${at}/id: "filters" is reserved (GET /v1/videos/filters); choose another id`);
    ids.add(video.id);
    if (!topics.has(video.topic)) throw new CatalogueError(`${at}/topic: "${video.topic}" is not one of /topics`);
    for (const [groupIndex, group] of (video.targetGroups ?? []).entries()) {
      if (!targetGroups.has(group)) throw new CatalogueError(`${at}/targetGroups/${String(groupIndex)}: "${group}" is not one of /targetGroups`);
    }
    videos.push(await buildVideo(videosDir, video, index, at));
  }
  for (const [index, playlist] of (file.playlists ?? []).entries()) {
    for (const [videoIndex, id] of playlist.videoIds.entries()) {
      if (!ids.has(id)) throw new CatalogueError(`/playlists/${String(index)}/videoIds/${String(videoIndex)}: "${id}" is not one of /videos`);
    }
  }
  const document: CatalogueDocument = {
    topics: file.topics.map(({ id, label }) => ({ id, label })),
    targetGroups: (file.targetGroups ?? []).map(({ id, label }) => ({ id, label })),
    playlists: (file.playlists ?? []).map(({ id, title, description, videoIds }) => ({ id, title, description: description ?? {}, videoIds })),
  };
  const hash = createHash('sha256').update(JSON.stringify(document)).update(videos.map((video) => video.hash).join(',')).digest('base64url');
  return { document, videos, hash };
}

type CatalogueVideo = Static<typeof CatalogueVideo>;

interface Resolved {
  url: string;
  /** The file on disk; `undefined` for an absolute URL. */
  path?: string;
}

/** A reference as the answer's URL and the file on disk: absolute URLs as they are, else under the videos directory. */
function resolveRef(videosDir: string, ref: string, at: string): Resolved {
  if (isAbsoluteUrl(ref)) return { url: ref };
  const normalized = posix.normalize(ref);
  if (ref.startsWith('/') || ref.includes('\\') || normalized.startsWith('..') || normalized.includes('/../') || normalized === '.') {
    throw new CatalogueError(`${at}: "${ref}" must be a file under the videos directory (like "my-video/video.mp4") or an https:// URL`);
  }
  return { url: `media/videos/${normalized}`, path: join(videosDir, normalized) };
}

async function fileSize(path: string, at: string, ref: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    return info.size;
  } catch {
    throw new CatalogueError(`${at}: the file "${ref}" does not exist`);
  }
}

async function listFolder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

async function buildVideo(videosDir: string, video: CatalogueVideo, position: number, at: string): Promise<VideoRecord> {
  const needsFolder = video.renditions === undefined || video.tracks === undefined || video.transcript === undefined || video.poster === undefined;
  const files = needsFolder ? await listFolder(join(videosDir, video.id)) : [];
  const inFolder = (file: string): string => `${video.id}/${file}`;

  type RenditionEntry = { kind: (typeof RENDITION_KINDS)[number]; src: string; type?: string; width?: number; height?: number; bytes?: number };
  const renditionEntries: RenditionEntry[] = video.renditions ?? CONVENTIONAL_RENDITIONS.filter((entry) => files.includes(entry.file)).map((entry) => ({ kind: entry.kind, src: inFolder(entry.file) }));
  if (renditionEntries.length === 0) throw new CatalogueError(`${at}/renditions: no renditions listed and no ${video.id}/video.mp4`);
  const renditions: VideoDocument['renditions'] = [];
  for (const [index, entry] of renditionEntries.entries()) {
    const where = `${at}/renditions/${String(index)}`;
    const resolved = resolveRef(videosDir, entry.src, `${where}/src`);
    const type = entry.type ?? MEDIA_TYPES[posix.extname(entry.src).toLowerCase()];
    if (type === undefined) throw new CatalogueError(`${where}/type: say the media type of "${entry.src}" (e.g. "video/mp4")`);
    let bytes = entry.bytes;
    if (resolved.path !== undefined) bytes = await fileSize(resolved.path, `${where}/src`, entry.src);
    else if (bytes === undefined) throw new CatalogueError(`${where}/bytes: a rendition at a URL needs its size in bytes`);
    const { width, height } = entry;
    renditions.push({ kind: entry.kind, url: resolved.url, type, bytes, ...(width === undefined ? {} : { width }), ...(height === undefined ? {} : { height }) });
  }

  const trackEntries = video.tracks ?? files.flatMap((file) => {
    const match = CONVENTIONAL_TRACK.exec(file);
    return match === null ? [] : [{ kind: match[1] as (typeof TRACK_KINDS)[number], language: match[2], src: inFolder(file) }];
  });
  const tracks: VideoDocument['tracks'] = [];
  const texts: IndexedText[] = [];
  let lastCueEnd = 0;
  for (const [index, track] of trackEntries.entries()) {
    const where = `${at}/tracks/${String(index)}`;
    const resolved = resolveRef(videosDir, track.src, `${where}/src`);
    const label = 'label' in track ? (track.label as LocalizedText | undefined) : undefined;
    tracks.push({ kind: track.kind, language: track.language, url: resolved.url, ...(label === undefined ? {} : { label }) });
    if (resolved.path === undefined) continue;
    await fileSize(resolved.path, `${where}/src`, track.src);
    let cues;
    try {
      cues = parseWebVtt(await readFile(resolved.path, 'utf8'));
    } catch (error) {
      if (error instanceof VttError) throw new CatalogueError(`${where}/src: ${track.src} ${error.message}`);
      throw error;
    }
    if (track.kind !== 'captions') continue;
    for (const cue of cues) {
      lastCueEnd = Math.max(lastCueEnd, cue.end);
      if (cue.text !== '') texts.push({ field: 'transcript', language: track.language, start: cue.start, end: cue.end, text: cue.text });
    }
  }

  const transcriptEntries: [string, string][] = video.transcript === undefined
    ? files.flatMap((file): [string, string][] => {
      const match = CONVENTIONAL_TRANSCRIPT.exec(file);
      return match === null ? [] : [[match[1], inFolder(file)]];
    })
    : Object.entries(video.transcript);
  const transcripts: VideoDocument['transcripts'] = [];
  for (const [language, src] of transcriptEntries) {
    const where = `${at}/transcript/${language}`;
    const resolved = resolveRef(videosDir, src, where);
    if (resolved.path !== undefined) await fileSize(resolved.path, where, src);
    transcripts.push({ language, url: resolved.url });
  }

  let poster: string | null = null;
  const posterRef = video.poster === undefined ? (files.includes('poster.jpg') ? inFolder('poster.jpg') : null) : video.poster;
  if (posterRef !== null) {
    const resolved = resolveRef(videosDir, posterRef, `${at}/poster`);
    if (resolved.path !== undefined) await fileSize(resolved.path, `${at}/poster`, posterRef);
    poster = resolved.url;
  }

  const duration = video.duration ?? lastCueEnd;
  if (!(duration > 0)) throw new CatalogueError(`${at}/duration: say the duration in seconds (there are no captions to take it from)`);
  const language = video.language ?? 'da';
  const description = video.description ?? {};
  for (const [lang, title] of Object.entries(video.title)) texts.push({ field: 'title', language: lang, start: null, end: null, text: title });
  for (const [lang, text] of Object.entries(description)) if (text.trim() !== '') texts.push({ field: 'description', language: lang, start: null, end: null, text });
  const captions = [...new Set(tracks.filter((track) => track.kind === 'captions').map((track) => track.language))];
  const record: Omit<VideoRecord, 'hash'> = {
    id: video.id,
    position,
    kind: video.kind ?? (duration > 600 ? 'webinar' : 'guide'),
    topicId: video.topic,
    targetGroups: [...new Set(video.targetGroups ?? [])],
    language,
    duration,
    length: lengthOf(duration),
    publishedAt: video.publishedAt,
    signLanguage: video.signLanguage ?? false,
    audioDescription: tracks.some((track) => track.kind === 'descriptions'),
    captions,
    document: { title: video.title, description, poster, renditions, tracks, transcripts },
    texts,
  };
  return { ...record, hash: createHash('sha256').update(JSON.stringify(record)).digest('base64url') };
}
