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
import { nothing } from '../lit.js';
import type { EditorContext } from '../editor-context.js';
import type { SectionKey } from '../model/cv.js';
import { renderCertificates } from './certificates.js';
import { renderConditions } from './conditions.js';
import { renderContact } from './contact.js';
import { renderDrivingLicences } from './driving-licences.js';
import { renderEducation } from './education.js';
import { renderWork } from './experience.js';
import { renderFrame } from './frame.js';
import { itemFields, itemPeriod } from './item-fields.js';
import { renderJobTitles } from './job-titles.js';
import { renderList } from './list.js';
import { deferred, loadDeferred } from './load-deferred.js';
import { renderLanguages } from './languages.js';
import { renderProfile } from './profile.js';
import { sectionStyles as styles } from './sections.styles.js';
import { renderSkills } from './skills.js';

export { sectionHeadingId } from './frame.js';
export { sectionStrings } from './strings.js';

/**
 * Loads what the sections need only once the citizen acts (the list buttons' and drag handles' code, the list of
 * countries) and the lists of the sections fewest citizens fill in. Call it right after the first render; a click
 * that comes first waits for it. `addStrings` gets the Danish strings that come with it, before anything renders
 * with them. Re-render when it resolves. Rejects when it could not be loaded (offline): call it again later.
 */
export function loadSectionTools(addStrings?: (danish: object) => void): Promise<void> {
  return loadDeferred(addStrings).then(() => undefined);
}

/** The list helpers the sections that load later are handed, so their chunk shares no code with the first load. */
const LIST_KIT = { renderList, itemFields, itemPeriod };
export type ListKit = typeof LIST_KIT;

/**
 * Volunteer work, references and own sections — the sections fewest citizens fill in: their frame (heading,
 * guidance, "Skjul") renders at once, their list once the code that loads right after the first render is here.
 */
const later = (key: 'volunteer' | 'references' | 'custom') => (ctx: EditorContext): TemplateResult =>
  renderFrame(ctx, key, deferred()?.[`${key}List`](ctx, LIST_KIT) ?? nothing);

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
  volunteer: later('volunteer'),
  references: later('references'),
  custom: later('custom'),
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
    get sectionHeadingLevel() { return ctx.sectionHeadingLevel; },
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

/** The editor of one section: a `<section aria-labelledby>` with its heading at `ctx.sectionHeadingLevel` (id `sectionHeadingId(key)`). */
export function renderSection(key: SectionKey, ctx: EditorContext): TemplateResult {
  return RENDERERS[key](rememberingStrings(ctx));
}

/** The sections' styles; the shell adds them to its `static styles` (after core's `sharedStyles`). */
export const sectionStyles: CSSResult = styles;
