/**
 * The section editors of `<ju-cv-builder>`: one render function per CV section, which the shell calls with its
 * `EditorContext`. Sections keep no state of their own (apart from a half-typed date or list on screen): they render
 * from `ctx.cv` and report every change through `ctx.change()`.
 *
 * Field paths (problems, undo coalescing, element ids via `fieldId`):
 * - a section's own field: `contact.email`, `profile.summary`, `conditions.area`, `drivingLicences.note`;
 *   a checkbox group: `conditions.hours`, `conditions.types`, `drivingLicences.categories` (the `<fieldset>`);
 *   the section's "Skjul" checkbox: `<section>.hidden`;
 * - an item's field: `work.<id>.position`, `contact.profiles.<id>.url`, `languages.<id>.skills.reading`,
 *   a custom section's title `custom.<sectionId>.title`, its items `custom.<sectionId>.<itemId>.summary`;
 * - a date: the path names the month `<select>`; the year field is `${fieldId(path)}-year`; an end date's "nu"
 *   checkbox is `<item>.end.present`;
 * - a whole list: `work`, `contact.profiles`, `custom.<sectionId>`: the "Tilføj" button has that id, and a problem
 *   with that key is shown under the section's guidance and describes the button.
 */
import type { CSSResult, TemplateResult } from 'lit';
import type { EditorContext } from '../editor-context.js';
import type { SectionKey } from '../model/cv.js';
import { renderCertificates } from './certificates.js';
import { renderConditions } from './conditions.js';
import { renderContact } from './contact.js';
import { renderCustom } from './custom.js';
import { renderDrivingLicences } from './driving-licences.js';
import { renderEducation } from './education.js';
import { renderVolunteer, renderWork } from './experience.js';
import { renderJobTitles } from './job-titles.js';
import { renderLanguages } from './languages.js';
import { renderProfile } from './profile.js';
import { renderReferences } from './references.js';
import { sectionStyles as styles } from './sections.styles.js';
import { renderSkills } from './skills.js';

export { sectionHeadingId } from './frame.js';
export { sectionStrings } from './strings.js';

const RENDERERS: Record<SectionKey, (ctx: EditorContext) => TemplateResult> = {
  contact: renderContact,
  profile: renderProfile,
  jobTitles: renderJobTitles,
  conditions: renderConditions,
  work: renderWork,
  education: renderEducation,
  certificates: renderCertificates,
  skills: renderSkills,
  languages: renderLanguages,
  drivingLicences: renderDrivingLicences,
  volunteer: renderVolunteer,
  references: renderReferences,
  custom: renderCustom,
};

/**
 * The same context, with `t()` remembered for one render: a list repeats the same labels for every item, and the
 * renders run on every keystroke. Everything else is passed through (read at the time of use).
 */
function rememberingStrings(ctx: EditorContext): EditorContext {
  const strings = new Map<string, string>();
  return {
    get cv() { return ctx.cv; },
    get format() { return ctx.format; },
    get lang() { return ctx.lang; },
    get problems() { return ctx.problems; },
    t: (key, options) => {
      if (options !== undefined) return ctx.t(key, options);
      let text = strings.get(key);
      if (text === undefined) {
        text = ctx.t(key);
        strings.set(key, text);
      }
      return text;
    },
    change: (mutate, options) => { ctx.change(mutate, options); },
    announce: (text) => { ctx.announce(text); },
    focusAfterRender: (id) => { ctx.focusAfterRender(id); },
  };
}

/** The editor of one section: a `<section aria-labelledby>` with its `<h2>` (id `sectionHeadingId(key)`). */
export function renderSection(key: SectionKey, ctx: EditorContext): TemplateResult {
  return RENDERERS[key](rememberingStrings(ctx));
}

/** The sections' styles; the shell adds them to its `static styles` (after core's `sharedStyles`). */
export const sectionStyles: CSSResult = styles;
