import { Type, type Static, type TSchema } from 'typebox';
import { DateTime, Id } from './common.js';
import { Problem } from './problem.js';

// ---------------------------------------------------------------------------------------------------------
// The joblog (<ju-joblog>, <ju-joblog-viewer>). The citizen's applications and other job-search activities, one
// resource per entry with its own version, synced through a change feed; the requirement the job centre agreed
// with the citizen; the consent to share the joblog with the job centre; the caseworker's read-only view.
// The entry mirrors `JoblogEntry` of `packages/joblog/src/model/entry.ts` field for field (the widget's model is
// the source of truth; the limits below are the contract's). Text is stored exactly as sent and only ever
// rendered as text.

/** The most live (not deleted) entries one citizen's joblog may hold. */
export const JOBLOG_MAX_ENTRIES = 20_000;

/** Items per page of the change feed: `limit` defaults to 200 and may be at most 1000. */
export const JOBLOG_FEED_LIMIT = { default: 200, max: 1000 } as const;

/** The longest text of each field (characters), and the most status changes an entry keeps. */
export const JOBLOG_LIMITS = {
  title: 200,
  employer: 200,
  town: 100,
  source: 200,
  sourceUrl: 2000,
  notes: 4000,
  cvVersionId: 100,
  cvName: 200,
  history: 50,
  exemptWeeks: 104,
} as const;

export const JOBLOG_ENTRY_TYPES = ['application', 'activity'] as const;
export const JOBLOG_APPLICATION_KINDS = ['advertised', 'unsolicited'] as const;
export const JOBLOG_APPLY_METHODS = ['written', 'phone', 'in-person', 'network', 'temp-agency'] as const;
export const JOBLOG_ACTIVITY_KINDS = ['job-fair', 'network-meeting', 'course', 'other'] as const;
export const JOBLOG_STATUSES = ['saved', 'applied', 'interview', 'closed'] as const;
export const JOBLOG_OUTCOMES = ['rejected', 'hired', 'withdrew'] as const;
export const JOBLOG_EXEMPTION_REASONS = ['sickness', 'holiday', 'exemption'] as const;

/** `YYYY-MM-DD` with a month 01–12 and a day 01–31 (servers also refuse days a month does not have). */
export const JOBLOG_DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
/** An ISO week `YYYY-Www`, week 01–53. */
export const ISO_WEEK_PATTERN = '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$';
/** An http(s) address, or empty. */
export const JOBLOG_URL_PATTERN = '^(https?://[^\\s]+)?$';

export const JoblogDate = Type.String({
  $id: 'JoblogDate',
  pattern: JOBLOG_DATE_PATTERN,
  description: 'A calendar date `YYYY-MM-DD` in Europe/Copenhagen (never an instant: what counts for the requirement is the date the citizen gives). A day the month does not have (`2026-02-30`) is `400` too.',
  examples: ['2026-11-24'],
});

export const IsoWeek = Type.String({
  $id: 'IsoWeek',
  pattern: ISO_WEEK_PATTERN,
  description: 'An ISO week `YYYY-Www` (weeks start on Monday; week 1 holds the year\'s first Thursday), e.g. `2026-W48`.',
  examples: ['2026-W48'],
});

const text = (max: number, description: string) => Type.String({ maxLength: max, description: `${description} At most ${String(max)} characters; may be empty.` });
const nullable = <Schema extends TSchema>(schema: Schema, description: string) => Type.Union([schema, Type.Null()], { description });

export const JoblogStatusChange = Type.Object(
  {
    status: Type.Enum(JOBLOG_STATUSES, { description: 'The status the entry moved to.' }),
    outcome: nullable(Type.Enum(JOBLOG_OUTCOMES), 'Why it closed (`rejected`, `hired`, `withdrew`) when `status` is `closed`; else `null`.'),
    on: JoblogDate,
  },
  { $id: 'JoblogStatusChange', additionalProperties: false, description: 'One status change, kept as history ("Søgt 3. nov., Samtale 12. nov."). `on` is the date the change happened as the citizen says.' },
);
export type JoblogStatusChange = Static<typeof JoblogStatusChange>;

export const JoblogCvReference = Type.Object(
  {
    versionId: Type.String({ minLength: 1, maxLength: JOBLOG_LIMITS.cvVersionId, description: 'The id of the CV version (from `<ju-cv-builder>`).' }),
    name: Type.String({ maxLength: JOBLOG_LIMITS.cvName, description: 'The version\'s name as the citizen gave it, e.g. "CV til lagerjob".' }),
  },
  { $id: 'JoblogCvReference', additionalProperties: false, description: 'Which CV version was sent with the application. Ids come from `<ju-cv-builder>` through events or the contract; servers do not check them.' },
);
export type JoblogCvReference = Static<typeof JoblogCvReference>;

/** The fields of an entry as the widget's model has them (without the server's `version`). */
const entryFields = {
  id: Id,
  type: Type.Enum(JOBLOG_ENTRY_TYPES, { description: '`application`, or another `activity` the job centre may count (job fair, network meeting, course).' }),
  title: text(JOBLOG_LIMITS.title, 'Job title (application) or the activity\'s name ("Jobmesse i Vejle").'),
  employer: text(JOBLOG_LIMITS.employer, 'Employer (application) or organiser (activity).'),
  postalCode: Type.String({ pattern: '^([0-9]{4})?$', description: 'A Danish postcode (4 digits), or empty.' }),
  town: text(JOBLOG_LIMITS.town, 'The town of the job.'),
  hoursPerWeek: Type.Union([Type.Number({ minimum: 0, maximum: 80 }), Type.Null()], { description: 'Hours per week of the job (0–80, e.g. 37 or 18.5), or `null` when not given.' }),
  applicationKind: nullable(Type.Enum(JOBLOG_APPLICATION_KINDS), 'Applications: `advertised` ("Opslået stilling") or `unsolicited` ("Uopfordret"); activities: `null`.'),
  method: nullable(Type.Enum(JOBLOG_APPLY_METHODS), 'Applications: how the citizen applied; activities: `null`.'),
  activityKind: nullable(Type.Enum(JOBLOG_ACTIVITY_KINDS), 'Activities: what kind; applications: `null`.'),
  source: text(JOBLOG_LIMITS.source, 'Where the ad was found ("Jobnet", "LinkedIn", "Avis").'),
  sourceUrl: Type.String({ maxLength: JOBLOG_LIMITS.sourceUrl, pattern: JOBLOG_URL_PATTERN, description: `The ad's address: \`http://\` or \`https://\`, or empty (anything else, such as \`javascript:\`, is \`400\`). At most ${String(JOBLOG_LIMITS.sourceUrl)} characters.` }),
  date: JoblogDate,
  deadline: Type.Union([JoblogDate, Type.Null()], { description: 'The application deadline, or `null`.' }),
  status: Type.Enum(JOBLOG_STATUSES, { description: 'saved → applied → interview → closed (Jobnet\'s "Afsluttet").' }),
  outcome: nullable(Type.Enum(JOBLOG_OUTCOMES), 'Why a closed entry closed, or `null`.'),
  history: Type.Array(JoblogStatusChange, { maxItems: JOBLOG_LIMITS.history, description: `The status changes, oldest first; the last one equals \`status\`/\`outcome\`. At most ${String(JOBLOG_LIMITS.history)}.` }),
  notes: text(JOBLOG_LIMITS.notes, 'The citizen\'s own notes.'),
  cv: Type.Union([JoblogCvReference, Type.Null()], { description: 'The CV version that was sent, or `null`.' }),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const JoblogEntry = Type.Object(
  {
    ...entryFields,
    version: Type.Integer({ minimum: 1, description: 'The entry\'s version, set by the server: its `ETag` is `"<version>"`. It grows with every change (a deletion too), and never repeats for the same id.' }),
  },
  {
    $id: 'JoblogEntry',
    additionalProperties: false,
    description: 'An application or activity in the citizen\'s joblog, as the server stores it: the fields exactly as the citizen\'s last `PUT` sent them, and the server\'s `version`. Render every text as text.',
  },
);
export type JoblogEntry = Static<typeof JoblogEntry>;

export const JoblogEntryBody = Type.Object(
  {
    ...entryFields,
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Ignored (so a client may send back what it read): the `If-Match` header decides which version is replaced.' })),
  },
  {
    $id: 'JoblogEntryBody',
    additionalProperties: false,
    description: 'Body of `PUT /v1/me/joblog/entries/{id}`: the whole entry (`id` equal to the path\'s). Unknown fields are `400`. Servers check each field, not the workflow (which status may follow which is the widget\'s business).',
  },
);
export type JoblogEntryBody = Static<typeof JoblogEntryBody>;

export const JoblogTombstone = Type.Object(
  {
    id: Id,
    deleted: Type.Literal(true, { description: 'Always `true`: the entry was deleted.' }),
    version: Type.Integer({ minimum: 1, description: 'The version the deletion got (one more than the last version of the entry).' }),
  },
  { $id: 'JoblogTombstone', additionalProperties: false, description: 'A deleted entry in the change feed: only its id and version (nothing of its content is kept).' },
);
export type JoblogTombstone = Static<typeof JoblogTombstone>;

export const JoblogChange = Type.Union([JoblogEntry, JoblogTombstone], {
  $id: 'JoblogChange',
  description: 'An item of the change feed: the entry as it is now, or a tombstone (`deleted: true`) when it was deleted.',
});
export type JoblogChange = Static<typeof JoblogChange>;

export const JoblogFeed = Type.Object(
  {
    items: Type.Array(JoblogChange, { description: 'The entries changed after the cursor, in the order of their last change (oldest change first); each id at most once, as it is now.' }),
    nextCursor: Type.String({ minLength: 1, maxLength: 512, description: 'Where this page ends: pass it as the cursor of the next request. Never `null`: keep the last one to ask later for what changed since.' }),
    hasMore: Type.Boolean({ description: '`true`: more changes follow right away (ask again with `nextCursor`); `false`: this client is up to date.' }),
  },
  {
    $id: 'JoblogFeed',
    description: 'A page of the change feed: every entry changed (created, updated or deleted) after the cursor, each once in the order of its last change. Reading from no cursor and following `nextCursor` until `hasMore` is `false` gives the whole joblog; later reads from the last `nextCursor` give exactly what changed since — never skipping a change, even one that was being saved while the page was read.',
  },
);
export type JoblogFeed = Static<typeof JoblogFeed>;

const limitParameter = Type.Optional(Type.Integer({
  minimum: 1,
  maximum: JOBLOG_FEED_LIMIT.max,
  default: JOBLOG_FEED_LIMIT.default,
  description: `Changes per page, 1–${String(JOBLOG_FEED_LIMIT.max)} (default ${String(JOBLOG_FEED_LIMIT.default)}).`,
}));
const cursorParameter = (name: string) => Type.Optional(Type.String({
  minLength: 1,
  maxLength: 512,
  description: `The \`nextCursor\` of an earlier page, as is (opaque; it stays valid). Without \`${name}\`: from the beginning.`,
}));

export const JoblogFeedQuery = Type.Object(
  { since: cursorParameter('since'), limit: limitParameter },
  { $id: 'JoblogFeedQuery', description: 'Query of `GET /v1/me/joblog/entries`.' },
);
export type JoblogFeedQuery = Static<typeof JoblogFeedQuery>;

export const SharedJoblogQuery = Type.Object(
  { cursor: cursorParameter('cursor'), limit: limitParameter },
  { $id: 'SharedJoblogQuery', description: 'Query of `GET /v1/joblogs/{citizenId}/entries`.' },
);
export type SharedJoblogQuery = Static<typeof SharedJoblogQuery>;

export const JoblogEtagMismatch = Type.Intersect([
  Problem,
  Type.Object({
    current: Type.Union([JoblogEntry, JoblogTombstone, Type.Null()], {
      description: 'The server\'s copy now: the entry (with its `version`), a tombstone when it was deleted, or `null` when there is no entry with this id.',
    }),
  }),
], {
  $id: 'JoblogEtagMismatch',
  description: 'The `412 etag-mismatch` of a joblog write: a problem that also carries the server\'s current copy of the entry, so the client can show the citizen both versions without another request.',
});
export type JoblogEtagMismatch = Static<typeof JoblogEtagMismatch>;

export const JoblogExemptWeek = Type.Object(
  {
    week: IsoWeek,
    reason: Type.Enum(JOBLOG_EXEMPTION_REASONS, { description: '`sickness`, `holiday` or `exemption` (an approved exemption).' }),
  },
  { $id: 'JoblogExemptWeek', additionalProperties: false, description: 'A week that does not count against the requirement.' },
);
export type JoblogExemptWeek = Static<typeof JoblogExemptWeek>;

export const JoblogRequirement = Type.Object(
  {
    perWeek: Type.Number({ minimum: 0, maximum: 10, description: 'Applications per week agreed for full time, e.g. `1.5`; `0`: no requirement.' }),
    scale: Type.Number({ minimum: 0.1, maximum: 1, description: 'Part-time: the share of full time the requirement is scaled by (`0.5`); `1` for full time. What counts is `perWeek × scale`.' }),
    averageOverWeeks: Type.Integer({ minimum: 1, maximum: 8, description: 'Weeks over which the average is taken (STAR\'s rule of thumb: 4).' }),
    exemptWeeks: Type.Array(JoblogExemptWeek, { maxItems: JOBLOG_LIMITS.exemptWeeks, description: `Weeks that do not count (sickness, holiday, approved exemption). At most ${String(JOBLOG_LIMITS.exemptWeeks)}.` }),
    activitiesCount: Type.Boolean({ description: 'Whether activities (job fairs, network meetings, courses) count towards the requirement.' }),
  },
  {
    $id: 'JoblogRequirement',
    additionalProperties: false,
    description: 'The citizen\'s job-search requirement as the job centre agreed it (the caseworker sets it; the citizen reads it). The same shape as `Requirement` of the widget\'s model.',
  },
);
export type JoblogRequirement = Static<typeof JoblogRequirement>;

export const JoblogShare = Type.Object(
  {
    shared: Type.Boolean({ description: 'Whether the citizen shares a read-only copy of the joblog with the job centre (their caseworkers).' }),
    sharedAt: Type.Union([DateTime, Type.Null()], { description: 'When the citizen gave consent; `null` when not shared.' }),
  },
  { $id: 'JoblogShare', description: 'Whether the citizen\'s joblog is shared with the job centre.' },
);
export type JoblogShare = Static<typeof JoblogShare>;

export const JoblogShareConsent = Type.Object(
  { consent: Type.Literal(true, { description: 'Always `true`: the citizen has agreed to share a read-only copy of the joblog with the job centre.' }) },
  {
    $id: 'JoblogShareConsent',
    additionalProperties: false,
    description: 'Body of `PUT /v1/me/joblog/share`: the citizen\'s consent. To withdraw it, `DELETE /v1/me/joblog/share`.',
  },
);
export type JoblogShareConsent = Static<typeof JoblogShareConsent>;

export const SharedJoblog = Type.Object(
  {
    citizenId: Id,
    firstName: Type.String({ minLength: 1, description: 'The citizen\'s first name as the job centre knows them (the user record).' }),
    entriesThisWeek: Type.Integer({ minimum: 0, description: 'Entries that count, dated in the current ISO week (Europe/Copenhagen): entries past `saved` that are applications, or activities when the requirement says they count.' }),
    averagePerWeek: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: 'Entries that count per week over the requirement\'s `averageOverWeeks` weeks ending with the current one — weeks before the week of the citizen\'s first entry and exempt weeks left out — rounded to two decimals; `null` when every week of the window is exempt.' }),
    averageOverWeeks: Type.Integer({ minimum: 1, maximum: 8, description: 'The longest window of `averagePerWeek` (the requirement\'s, or 4 when none is agreed).' }),
    requiredPerWeek: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: '`perWeek × scale` of the agreed requirement, or `null` when none is agreed.' }),
    entryCount: Type.Integer({ minimum: 0, description: 'Entries in the joblog (not deleted).' }),
    lastChangedAt: Type.Union([DateTime, Type.Null()], { description: 'When the citizen last changed an entry, or `null`.' }),
    sharedAt: DateTime,
  },
  { $id: 'SharedJoblog', description: 'A joblog a citizen assigned to the caseworker shares with the job centre, with the numbers of the requirement meter.' },
);
export type SharedJoblog = Static<typeof SharedJoblog>;

export const SharedJoblogList = Type.Object(
  {
    week: IsoWeek,
    items: Type.Array(SharedJoblog, { description: 'Most recently changed first.' }),
  },
  { $id: 'SharedJoblogList', description: 'Answer of `GET /v1/joblogs`: the joblogs shared by the citizens assigned to the caseworker. `week` is the current ISO week in Europe/Copenhagen, the one `entriesThisWeek` counts.' },
);
export type SharedJoblogList = Static<typeof SharedJoblogList>;
