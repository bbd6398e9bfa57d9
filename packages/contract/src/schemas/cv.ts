import { Type, type Static, type TSchema } from 'typebox';
import { DateTime, Id } from './common.js';

// ---------------------------------------------------------------------------------------------------------
// The CV (<ju-cv-builder>, <ju-cv-viewer>). The server stores and serves the citizen's CV as a JSON Resume 1.2.1
// document (https://jsonresume.org/schema), so a vendor needs to know nothing but JSON Resume: the standard
// sections with the field types of the official schema, every object open to more fields (as the official schema
// is), and our additions under the one key `x-jobunivers`, which the widget owns and servers store unchanged.
// The official schema's `format: email` / `format: uri` are not enforced: a draft with a half-typed address must
// still be saved (nothing the citizen writes is ever lost); the widget tells the citizen about it instead.

/** The largest CV body a server must accept (bytes of the JSON request body). */
export const CV_MAX_BYTES = 512 * 1024;

/** JSON Resume's `iso8601` pattern: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export const JSON_RESUME_DATE_PATTERN = '^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$';

export const JsonResumeDate = Type.String({
  $id: 'JsonResumeDate',
  pattern: JSON_RESUME_DATE_PATTERN,
  description: 'A date as JSON Resume writes it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the official `iso8601` pattern). An ongoing period ("nu") has no `endDate`.',
  examples: ['2019-03'],
});
export type JsonResumeDate = Static<typeof JsonResumeDate>;

const text = (description?: string) => Type.Optional(Type.String(description === undefined ? {} : { description }));
const texts = (description?: string) => Type.Optional(Type.Array(Type.String(), description === undefined ? {} : { description }));
const date = () => Type.Optional(JsonResumeDate);
const url = (description = 'A URL (RFC 3986), e.g. `https://eksempel.dk`. Not checked by servers.') => text(description);

/** A JSON Resume object: the listed fields typed, any other field allowed and kept. */
function open<Properties extends Record<string, TSchema>>(properties: Properties, id: string, description: string) {
  return Type.Object(properties, { $id: id, additionalProperties: true, description });
}

export const JsonResumeLocation = open({
  address: text('Street and number; several lines separated by `\\n`.'),
  postalCode: text(),
  city: text(),
  countryCode: text('ISO 3166-1 alpha-2, e.g. `DK`.'),
  region: text(),
}, 'JsonResumeLocation', 'JSON Resume `basics.location`.');

export const JsonResumeProfile = open({
  network: text('e.g. `LinkedIn`.'),
  username: text(),
  url: url(),
}, 'JsonResumeProfile', 'JSON Resume `basics.profiles[]`: a profile on a network.');

export const JsonResumeBasics = open({
  name: text('The name the citizen writes on the CV.'),
  label: text('A headline under the name, e.g. "Lagermedarbejder med truckcertifikat".'),
  image: url('A URL of a photo. Widgets may leave it out.'),
  email: text('An e-mail address (the official schema\'s `format: email` is not enforced).'),
  phone: text('Any format, e.g. `+45 20 00 00 01`.'),
  url: url(),
  summary: text('A short profile ("Kort om mig").'),
  location: Type.Optional(JsonResumeLocation),
  profiles: Type.Optional(Type.Array(JsonResumeProfile)),
}, 'JsonResumeBasics', 'JSON Resume `basics`: contact details and the short profile.');

export const JsonResumeWork = open({
  name: text('The employer.'),
  location: text(),
  description: text('What the employer is.'),
  position: text(),
  url: url(),
  startDate: date(),
  endDate: date(),
  summary: text(),
  highlights: texts('Short points.'),
}, 'JsonResumeWork', 'JSON Resume `work[]`: a job. No `endDate`: it is ongoing.');

export const JsonResumeVolunteer = open({
  organization: text(),
  position: text(),
  url: url(),
  startDate: date(),
  endDate: date(),
  summary: text(),
  highlights: texts(),
}, 'JsonResumeVolunteer', 'JSON Resume `volunteer[]`: voluntary work.');

export const JsonResumeEducation = open({
  institution: text(),
  url: url(),
  area: text('The subject or line, e.g. "Lager og logistik".'),
  studyType: text('The kind of education, e.g. "Erhvervsuddannelse".'),
  startDate: date(),
  endDate: date(),
  score: text(),
  courses: texts(),
}, 'JsonResumeEducation', 'JSON Resume `education[]`.');

export const JsonResumeAward = open({
  title: text(),
  date: date(),
  awarder: text(),
  summary: text(),
}, 'JsonResumeAward', 'JSON Resume `awards[]`.');

export const JsonResumeCertificate = open({
  name: text('e.g. "Truckcertifikat B".'),
  date: date(),
  url: url(),
  issuer: text(),
}, 'JsonResumeCertificate', 'JSON Resume `certificates[]`: also the Danish "beviser" (truck, hygiene, first aid).');

export const JsonResumePublication = open({
  name: text(),
  publisher: text(),
  releaseDate: date(),
  url: url(),
  summary: text(),
}, 'JsonResumePublication', 'JSON Resume `publications[]`.');

export const JsonResumeSkill = open({
  name: text(),
  level: text('Free text, e.g. "Erfaren".'),
  keywords: texts(),
}, 'JsonResumeSkill', 'JSON Resume `skills[]`.');

export const JsonResumeLanguage = open({
  language: text('e.g. "Dansk".'),
  fluency: text('Free text, e.g. "Modersmål" or a CEFR level such as "B2".'),
}, 'JsonResumeLanguage', 'JSON Resume `languages[]`.');

export const JsonResumeInterest = open({
  name: text(),
  keywords: texts(),
}, 'JsonResumeInterest', 'JSON Resume `interests[]`.');

export const JsonResumeReference = open({
  name: text(),
  reference: text(),
}, 'JsonResumeReference', 'JSON Resume `references[]`.');

export const JsonResumeProject = open({
  name: text(),
  description: text(),
  highlights: texts(),
  keywords: texts(),
  startDate: date(),
  endDate: date(),
  url: url(),
  roles: texts(),
  entity: text(),
  type: text(),
}, 'JsonResumeProject', 'JSON Resume `projects[]`.');

export const JsonResumeMeta = open({
  canonical: url(),
  version: text('e.g. `v1.0.0`.'),
  lastModified: text('`YYYY-MM-DDThh:mm:ss`.'),
}, 'JsonResumeMeta', 'JSON Resume `meta`: the schema version and tooling settings.');

/**
 * Our additions to JSON Resume (job titles, conditions, CEFR per skill, driving licences, certificate kinds, education
 * levels, hidden items, custom sections, item ids …). Owned by `<ju-cv-builder>` and documented with it
 * (`docs/widgets/cv-builder.md`); opaque to servers, which store and answer it unchanged.
 */
export const CvExtension = Type.Object({}, {
  $id: 'CvExtension',
  additionalProperties: true,
  description: 'Our additions to JSON Resume, under the top-level key `x-jobunivers`. Owned by the `<ju-cv-builder>` widget (see `docs/widgets/cv-builder.md`) and opaque to servers: they store it and answer it unchanged, and never interpret it.',
});
export type CvExtension = Static<typeof CvExtension>;

export const JsonResume = open({
  $schema: text('A link to the JSON Resume schema the document follows.'),
  basics: Type.Optional(JsonResumeBasics),
  work: Type.Optional(Type.Array(JsonResumeWork)),
  volunteer: Type.Optional(Type.Array(JsonResumeVolunteer)),
  education: Type.Optional(Type.Array(JsonResumeEducation)),
  awards: Type.Optional(Type.Array(JsonResumeAward)),
  certificates: Type.Optional(Type.Array(JsonResumeCertificate)),
  publications: Type.Optional(Type.Array(JsonResumePublication)),
  skills: Type.Optional(Type.Array(JsonResumeSkill)),
  languages: Type.Optional(Type.Array(JsonResumeLanguage)),
  interests: Type.Optional(Type.Array(JsonResumeInterest)),
  references: Type.Optional(Type.Array(JsonResumeReference)),
  projects: Type.Optional(Type.Array(JsonResumeProject)),
  meta: Type.Optional(JsonResumeMeta),
  'x-jobunivers': Type.Optional(CvExtension),
}, 'JsonResume', [
  'A CV as a JSON Resume 1.2.1 document (the body of `PUT /v1/me/cv` and the answer of the CV routes). The standard fields are typed as in the official schema;',
  'any other field, at any level, is allowed and stored unchanged (other tools\' additions survive a round trip). Our additions live under `x-jobunivers`.',
  `At most ${String(CV_MAX_BYTES / 1024)} KiB.`,
].join(' '));
export type JsonResume = Static<typeof JsonResume>;

export const CvShare = Type.Object(
  {
    shared: Type.Boolean({ description: 'Whether the citizen shares a read-only copy of the CV with the job centre (their caseworkers).' }),
    sharedAt: Type.Union([DateTime, Type.Null()], { description: 'When the citizen gave consent; `null` when not shared.' }),
  },
  { $id: 'CvShare', description: 'Whether the citizen\'s CV is shared with the job centre.' },
);
export type CvShare = Static<typeof CvShare>;

export const CvShareConsent = Type.Object(
  { consent: Type.Literal(true, { description: 'Always `true`: the citizen has agreed to share a read-only copy of the CV with the job centre.' }) },
  {
    $id: 'CvShareConsent',
    additionalProperties: false,
    description: 'Body of `PUT /v1/me/cv/share`: the citizen\'s consent. To withdraw it, `DELETE /v1/me/cv/share`.',
  },
);
export type CvShareConsent = Static<typeof CvShareConsent>;

export const SharedCv = Type.Object(
  {
    citizenId: Id,
    firstName: Type.String({ minLength: 1, description: 'The citizen\'s first name as the job centre knows them (the user record).' }),
    name: Type.Union([Type.String({ minLength: 1 }), Type.Null()], { description: '`basics.name` of the CV as the citizen wrote it (render it as text), or `null` when it is empty.' }),
    updatedAt: DateTime,
    sharedAt: DateTime,
  },
  { $id: 'SharedCv', description: 'A CV a citizen assigned to the caseworker shares with the job centre.' },
);
export type SharedCv = Static<typeof SharedCv>;

export const SharedCvList = Type.Object(
  { items: Type.Array(SharedCv, { description: 'Most recently updated first.' }) },
  { $id: 'SharedCvList', description: 'Answer of `GET /v1/cvs`: the CVs shared by the citizens assigned to the caseworker.' },
);
export type SharedCvList = Static<typeof SharedCvList>;
