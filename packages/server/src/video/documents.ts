// Rows of the video tables as the contract's documents, in the request's language (Danish fallback).
import type { Playlist, Video, VideoFacet, VideoFilters, VideoLabel, VideoListItem, VideoMatch, VideoProgress, VideoSummary } from '@jobunivers/contract';
import { VIDEO_KINDS, VIDEO_LENGTHS } from '@jobunivers/contract';
import type { VideosTable } from '../db/schema.js';
import type { CatalogueDocument, LocalizedText, VideoDocument } from './catalogue.js';
import type { MatchRow } from './search.js';
import { markTerms, searchTerms } from './text-index.js';

export type TextLanguage = 'da' | 'en' | 'ar';

/** The text in `language`, else Danish, else English, else any. */
export function localized(text: LocalizedText, language: TextLanguage): string {
  return text[language] ?? text.da ?? text.en ?? Object.values(text)[0] ?? '';
}

const displayNames = new Map<string, Intl.DisplayNames>();
/** A language code named in `language` ("Dansk", "Engelsk"), capitalised. */
export function languageName(code: string, language: TextLanguage): string {
  let names = displayNames.get(language);
  if (names === undefined) {
    names = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
    displayNames.set(language, names);
  }
  let name: string;
  try {
    name = names.of(code) ?? code;
  } catch {
    name = code;
  }
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

const LENGTH_LABELS: Record<TextLanguage, Record<(typeof VIDEO_LENGTHS)[number], string>> = {
  da: { short: 'Under 2 minutter', medium: '2–10 minutter', long: 'Over 10 minutter' },
  en: { short: 'Under 2 minutes', medium: '2–10 minutes', long: 'Over 10 minutes' },
  ar: { short: 'أقل من دقيقتين', medium: 'من 2 إلى 10 دقائق', long: 'أكثر من 10 دقائق' },
};
const KIND_LABELS: Record<TextLanguage, Record<(typeof VIDEO_KINDS)[number], string>> = {
  da: { guide: 'Vejledning', webinar: 'Webinar' },
  en: { guide: 'Guide', webinar: 'Webinar' },
  ar: { guide: 'دليل', webinar: 'ندوة عبر الإنترنت' },
};

export class DocumentBuilder {
  private readonly topics: Map<string, LocalizedText>;
  private readonly groups: Map<string, LocalizedText>;

  constructor(readonly catalogue: CatalogueDocument, readonly language: TextLanguage) {
    this.topics = new Map(catalogue.topics.map((topic) => [topic.id, topic.label]));
    this.groups = new Map(catalogue.targetGroups.map((group) => [group.id, group.label]));
  }

  private label(map: Map<string, LocalizedText>, id: string): VideoLabel {
    const text = map.get(id);
    const label = text === undefined ? '' : localized(text, this.language);
    return { id, label: label === '' ? id : label };
  }

  summary(row: VideosTable, targetGroups: readonly string[], progress: VideoProgress | undefined): VideoSummary {
    const document = JSON.parse(row.document) as VideoDocument;
    return {
      id: row.id,
      kind: row.kind,
      title: localized(document.title, this.language) || row.id,
      description: localized(document.description, this.language),
      topic: this.label(this.topics, row.topic_id),
      targetGroups: targetGroups.map((id) => this.label(this.groups, id)),
      language: row.language,
      duration: row.duration,
      length: row.length,
      posterUrl: document.poster,
      captions: JSON.parse(row.captions) as string[],
      audioDescription: row.audio_description === 1,
      signLanguage: row.sign_language === 1,
      publishedAt: row.published_at,
      progress: progress ?? null,
    };
  }

  listItem(row: VideosTable, targetGroups: readonly string[], progress: VideoProgress | undefined, matches: readonly VideoMatch[]): VideoListItem {
    return { ...this.summary(row, targetGroups, progress), matches: [...matches] };
  }

  video(row: VideosTable, targetGroups: readonly string[], progress: VideoProgress | undefined): Video {
    const document = JSON.parse(row.document) as VideoDocument;
    return {
      ...this.summary(row, targetGroups, progress),
      renditions: document.renditions,
      tracks: document.tracks.map((track) => ({
        kind: track.kind,
        language: track.language,
        label: track.label === undefined ? languageName(track.language, this.language) : localized(track.label, this.language),
        url: track.url,
      })),
      transcripts: document.transcripts,
    };
  }

  playlist(id: string, videos: VideoSummary[]): Playlist | undefined {
    const entry = this.catalogue.playlists.find((playlist) => playlist.id === id);
    if (entry === undefined) return undefined;
    return {
      id: entry.id,
      title: localized(entry.title, this.language) || entry.id,
      description: localized(entry.description, this.language),
      videos,
      completed: videos.filter((video) => video.progress?.completed === true).length,
    };
  }

  filters(rows: readonly Pick<VideosTable, 'topic_id' | 'language' | 'length' | 'kind'>[], groupCounts: ReadonlyMap<string, number>): VideoFilters {
    const count = <K extends string>(values: readonly K[]): Map<K, number> => {
      const counts = new Map<K, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return counts;
    };
    const facets = (counts: ReadonlyMap<string, number>, order: readonly string[], label: (id: string) => string): VideoFacet[] =>
      order.filter((id) => (counts.get(id) ?? 0) > 0).map((id) => ({ id, label: label(id), count: counts.get(id) ?? 0 }));
    const topics = count(rows.map((row) => row.topic_id));
    const languages = count(rows.map((row) => row.language));
    const lengths = count(rows.map((row) => row.length));
    const kinds = count(rows.map((row) => row.kind));
    return {
      topics: facets(topics, this.catalogue.topics.map((topic) => topic.id), (id) => this.label(this.topics, id).label),
      targetGroups: facets(groupCounts, this.catalogue.targetGroups.map((group) => group.id), (id) => this.label(this.groups, id).label),
      languages: facets(languages, [...languages.keys()].sort(), (code) => languageName(code, this.language)),
      lengths: facets(lengths, VIDEO_LENGTHS, (id) => LENGTH_LABELS[this.language][id as (typeof VIDEO_LENGTHS)[number]]),
      kinds: facets(kinds, VIDEO_KINDS, (id) => KIND_LABELS[this.language][id as (typeof VIDEO_KINDS)[number]]),
    };
  }
}

/**
 * One place found in several languages — a sentence in the Danish and the English captions at the same time, a
 * title in both — is one match, in the reader's language when it is among them; the order (best first) is kept.
 */
export function oneLanguagePerPlace(rows: readonly MatchRow[], reader: string): MatchRow[] {
  const place = (row: MatchRow): string => `${row.video_id} ${row.field} ${String(row.start_at)}`;
  const chosen = new Map<string, MatchRow>();
  for (const row of rows) {
    const held = chosen.get(place(row));
    if (held === undefined || (held.language !== reader && row.language === reader)) chosen.set(place(row), row);
  }
  return rows.filter((row) => chosen.get(place(row)) === row);
}

/** Search rows as matches with the query's words marked (computed here, so both databases mark alike). */
export function toMatches(rows: readonly MatchRow[], q: string, reader: string): VideoMatch[] {
  const { terms } = searchTerms(q);
  return oneLanguagePerPlace(rows, reader).map((row) => ({
    field: row.field,
    language: row.language,
    start: row.start_at,
    end: row.end_at,
    text: row.text,
    marks: markTerms(row.text, row.language, terms),
  }));
}
