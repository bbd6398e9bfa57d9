import { Type, type Static } from 'typebox';
import { CalendarDate, DateTime, Id } from './common.js';
import { Page } from './page.js';

// ---------------------------------------------------------------------------------------------------------
// The video library: guidance videos and recorded webinars, searchable down to the sentence that is said.
// The catalogue is public (anyone may watch); a signed-in citizen also gets their own progress. Media and track
// URLs may be absolute (a CDN) or relative; a relative URL is resolved against the API base URL, so a server
// mounted under a path prefix returns `media/videos/…`, not `/media/videos/…`. Texts (titles, descriptions,
// labels) come in the request's `Accept-Language` when the server has them, else Danish.

export const VIDEO_KINDS = ['guide', 'webinar'] as const;
export const VideoKind = Type.Enum(VIDEO_KINDS, {
  $id: 'VideoKind',
  description: '`guide`: a short guidance video. `webinar`: a recorded webinar (usually longer, with chapters).',
});
export type VideoKind = Static<typeof VideoKind>;

export const VIDEO_LENGTHS = ['short', 'medium', 'long'] as const;
export const VideoLength = Type.Enum(VIDEO_LENGTHS, {
  $id: 'VideoLength',
  description: 'A length band: `short` under 2 minutes, `medium` 2–10 minutes, `long` over 10 minutes.',
});
export type VideoLength = Static<typeof VideoLength>;

/** Seconds from the start of a video (fractions allowed). */
export const Seconds = Type.Number({ $id: 'Seconds', minimum: 0, description: 'Seconds from the start of the video.' });
export type Seconds = Static<typeof Seconds>;

/** A two-letter language code (ISO 639-1), e.g. `da`, `en`, `ar`, `uk`. */
export const LanguageCode = Type.String({
  $id: 'LanguageCode',
  pattern: '^[a-z]{2}$',
  description: 'A two-letter language code (ISO 639-1). Not limited to the widget languages: a caption track may be in Ukrainian (`uk`).',
  examples: ['da'],
});
export type LanguageCode = Static<typeof LanguageCode>;

/** A media or track URL: absolute http(s), or relative to the API base URL. */
export const MediaUrl = Type.String({
  $id: 'MediaUrl',
  minLength: 1,
  maxLength: 2000,
  description: 'An absolute `https:`/`http:` URL, or a URL relative to the API base URL (`media/videos/x/video.mp4`). Clients refuse any other scheme.',
  examples: ['media/videos/brug-jobloggen/video.mp4'],
});
export type MediaUrl = Static<typeof MediaUrl>;

export const VideoLabel = Type.Object(
  { id: Id, label: Type.String({ minLength: 1 }) },
  { $id: 'VideoLabel', description: 'A topic or target group: its id (for filters) and its label in the request\'s language.' },
);
export type VideoLabel = Static<typeof VideoLabel>;

export const RENDITION_KINDS = ['standard', 'small', 'audio'] as const;
export const VideoRendition = Type.Object(
  {
    kind: Type.Enum(RENDITION_KINDS, { description: '`standard`: the normal video. `small`: a low-bandwidth video (Save-Data, poor connections). `audio`: sound only.' }),
    url: MediaUrl,
    type: Type.String({ minLength: 1, description: 'The media type, with codecs when known.', examples: ['video/mp4'] }),
    width: Type.Optional(Type.Integer({ minimum: 1 })),
    height: Type.Optional(Type.Integer({ minimum: 1 })),
    bytes: Type.Integer({ minimum: 1, description: 'The file size, so the citizen can see what a download costs.' }),
  },
  { $id: 'VideoRendition', description: 'One encoding of the video. The server serves it with HTTP range requests (`Accept-Ranges: bytes`).' },
);
export type VideoRendition = Static<typeof VideoRendition>;

export const TRACK_KINDS = ['captions', 'chapters', 'descriptions'] as const;
export const VideoTrack = Type.Object(
  {
    kind: Type.Enum(TRACK_KINDS, { description: '`captions`: what is said (and sounds), also the source of the interactive transcript. `chapters`: chapter titles. `descriptions`: text audio description of what is shown, read aloud by the player when the citizen turns audio description on.' }),
    language: LanguageCode,
    label: Type.String({ minLength: 1, description: 'The track\'s language named in the request\'s language, e.g. "Dansk", "Engelsk".' }),
    url: MediaUrl,
  },
  { $id: 'VideoTrack', description: 'A WebVTT file (`text/vtt; charset=utf-8`).' },
);
export type VideoTrack = Static<typeof VideoTrack>;

/** A sorted list of disjoint `[start, end]` ranges of seconds. */
export const WatchedRanges = Type.Array(
  Type.Tuple([Seconds, Seconds]),
  {
    $id: 'WatchedRanges',
    maxItems: 1000,
    description: 'Ranges `[start, end]` of seconds the citizen has played (start ≤ end). In answers: sorted, merged and clipped to the duration.',
    examples: [[[0, 12.5], [30, 41.3]]],
  },
);
export type WatchedRanges = Static<typeof WatchedRanges>;

export const VideoProgress = Type.Object(
  {
    videoId: Id,
    position: Seconds,
    watched: WatchedRanges,
    watchedSeconds: Type.Number({ minimum: 0, description: 'The unique seconds watched: the total length of `watched`.' }),
    completed: Type.Boolean({ description: 'Once true, stays true: the citizen watched ≥ 90 % of the unique seconds, or the client reported completion (e.g. the whole transcript was read).' }),
    completedAt: Type.Union([DateTime, Type.Null()]),
    updatedAt: DateTime,
  },
  { $id: 'VideoProgress', description: 'Where a signed-in citizen left off in one video, and how much of it they have seen.' },
);
export type VideoProgress = Static<typeof VideoProgress>;

export const VideoProgressUpdate = Type.Object(
  {
    position: Seconds,
    watched: WatchedRanges,
    completed: Type.Optional(Type.Boolean({ description: '`true` when the client\'s rule says the video is completed (e.g. the transcript was read to the end). `false` never undoes a completion.' })),
  },
  {
    $id: 'VideoProgressUpdate',
    additionalProperties: false,
    description: 'The position replaces the stored one; `watched` is merged (a union) with the stored ranges, so a retry, an out-of-order write or two devices writing at once never lose watched seconds. Ranges beyond the duration are clipped.',
  },
);
export type VideoProgressUpdate = Static<typeof VideoProgressUpdate>;

export const VIDEO_MATCH_FIELDS = ['title', 'description', 'transcript'] as const;
export const VideoMatch = Type.Object(
  {
    field: Type.Enum(VIDEO_MATCH_FIELDS, { description: 'Where the words were found.' }),
    language: LanguageCode,
    start: Type.Union([Seconds, Type.Null()], { description: 'For `transcript`: when the sentence is said (a deep link: play from here). `null` otherwise.' }),
    end: Type.Union([Seconds, Type.Null()]),
    text: Type.String({ description: 'The matching sentence (a caption cue) or the title/description. Render as text.' }),
    marks: Type.Array(Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })]), {
      description: 'Ranges `[from, to)` of UTF-16 offsets into `text` of the words that matched (to highlight them).',
    }),
  },
  { $id: 'VideoMatch', description: 'Why a video is a search result: a place where the search words occur.' },
);
export type VideoMatch = Static<typeof VideoMatch>;

const videoSummaryProperties = {
  id: Id,
  kind: VideoKind,
  title: Type.String({ minLength: 1 }),
  description: Type.String(),
  topic: VideoLabel,
  targetGroups: Type.Array(VideoLabel, { description: 'Who the video is for, e.g. dagpenge, kontanthjælp, unge.' }),
  language: LanguageCode,
  duration: Type.Number({ exclusiveMinimum: 0, description: 'Seconds.' }),
  length: VideoLength,
  posterUrl: Type.Union([MediaUrl, Type.Null()]),
  captions: Type.Array(LanguageCode, { description: 'The languages of the caption tracks (badges).' }),
  audioDescription: Type.Boolean({ description: 'Has a `descriptions` track.' }),
  signLanguage: Type.Boolean({ description: 'Has Danish sign language (tegnsprog) in the picture.' }),
  publishedAt: CalendarDate,
  progress: Type.Union([VideoProgress, Type.Null()], { description: 'The signed-in citizen\'s progress; `null` when none or not signed in as a citizen.' }),
};

export const VideoSummary = Type.Object(videoSummaryProperties, { $id: 'VideoSummary', description: 'A video as the catalogue shows it.' });
export type VideoSummary = Static<typeof VideoSummary>;

export const VideoListItem = Type.Object(
  {
    ...videoSummaryProperties,
    matches: Type.Array(VideoMatch, { maxItems: 5, description: 'With `q`: the best places the words occur, best first (up to 5). Without `q`: empty.' }),
  },
  { $id: 'VideoListItem', description: 'A catalogue entry, with the search matches when the list was searched.' },
);
export type VideoListItem = Static<typeof VideoListItem>;

export const VideoPage = Page(VideoListItem, 'VideoPage', 'A page of the catalogue: newest first, or best match first with `q`.');
export type VideoPage = Static<typeof VideoPage>;

export const Video = Type.Object(
  {
    ...videoSummaryProperties,
    renditions: Type.Array(VideoRendition, { minItems: 1 }),
    tracks: Type.Array(VideoTrack),
    transcripts: Type.Array(Type.Object({ language: LanguageCode, url: MediaUrl }), { description: 'Ready-made transcripts (plain text) to download, if the publisher made them; players can also build one from the captions.' }),
  },
  { $id: 'Video', description: 'One video with everything a player needs.' },
);
export type Video = Static<typeof Video>;

export const VideoQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Search words: titles, descriptions and what is said (every caption track), with Danish stemming ("udfylder" finds "udfylde"). Any of the words may match; more matching words rank higher.' })),
    topic: Type.Optional(Id),
    targetGroup: Type.Optional(Id),
    language: Type.Optional(LanguageCode),
    length: Type.Optional(VideoLength),
    kind: Type.Optional(VideoKind),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
  },
  { $id: 'VideoQuery', additionalProperties: false, description: 'Filters combine with AND.' },
);
export type VideoQuery = Static<typeof VideoQuery>;

export const VideoFacet = Type.Object(
  { id: Type.String({ minLength: 1 }), label: Type.String({ minLength: 1 }), count: Type.Integer({ minimum: 0 }) },
  { $id: 'VideoFacet' },
);
export type VideoFacet = Static<typeof VideoFacet>;

export const VideoFilters = Type.Object(
  {
    topics: Type.Array(VideoFacet),
    targetGroups: Type.Array(VideoFacet),
    languages: Type.Array(VideoFacet, { description: 'Spoken languages; `label` is the language named in the request\'s language.' }),
    lengths: Type.Array(VideoFacet),
    kinds: Type.Array(VideoFacet),
  },
  { $id: 'VideoFilters', description: 'What the catalogue can be filtered by, with the number of videos in each (only values that occur).' },
);
export type VideoFilters = Static<typeof VideoFilters>;

export const VideoProgressList = Type.Object(
  { items: Type.Array(VideoProgress, { maxItems: 500, description: 'Most recently updated first.' }) },
  { $id: 'VideoProgressList', description: 'Everything the signed-in citizen has started or completed.' },
);
export type VideoProgressList = Static<typeof VideoProgressList>;

export const Playlist = Type.Object(
  {
    id: Id,
    title: Type.String({ minLength: 1 }),
    description: Type.String(),
    videos: Type.Array(VideoSummary, { description: 'In the order to watch them.' }),
    completed: Type.Integer({ minimum: 0, description: 'How many of `videos` the signed-in citizen has completed (0 when not signed in): "2 af 5 set".' }),
  },
  { $id: 'Playlist', description: 'A learning path: an ordered list of videos the job centre recommends.' },
);
export type Playlist = Static<typeof Playlist>;

export const PlaylistList = Type.Object({ items: Type.Array(Playlist) }, { $id: 'PlaylistList' });
export type PlaylistList = Static<typeof PlaylistList>;
