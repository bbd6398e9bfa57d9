/**
 * The CV as a reader sees it: semantic HTML for the builder's preview, the caseworker's `<ju-cv-viewer>` and the
 * print stylesheet. Hidden items and sections are left out, and so are items with nothing filled in. Everything
 * the citizen typed is bound as text; links go through `safeUrl()` (see preview-links.ts).
 */
import { html, ifDefined, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { createFormatter, type Formatter } from '@jobunivers/core';
import {
  CEFR_LEVELS,
  DRIVING_CATEGORIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  LANGUAGE_SKILLS,
  WORKING_HOURS,
  type CertificateItem,
  type Cv,
  type CustomItem,
  type CustomSection,
  type EducationItem,
  type ItemBase,
  type LanguageItem,
  type ListSection,
  type ReferenceItem,
  type SkillItem,
  type VolunteerItem,
  type WorkItem,
} from '../model/cv.js';
import { PREVIEW_LABELS, type PreviewLabelLanguage, type PreviewLabels } from './labels.js';
import { hasPeriod, renderMonth, renderPeriod } from './preview-dates.js';
import { contactHref, emailHref, link, phoneHref, webHref } from './preview-links.js';

/** Translates a key of the caller's UI strings (the `preview.*` keys of `preview.*.json`). */
export type PreviewTranslate = (key: string, options?: Record<string, unknown>) => string;

export interface PreviewOptions {
  /** The CV's language: its headings, months and labels. Independent of the UI language. */
  labels: PreviewLabelLanguage;
  /** The caller's formatter; used for dates when it speaks the CV's language, otherwise one in that language is made. */
  format: Formatter;
  /** The caller's translate function, for UI text around the CV (`preview.empty`); without it the CV's language is used. */
  t?: PreviewTranslate;
  /** What to say when the CV has nothing to show, instead of `preview.empty` (the caseworker's viewer says it its own way). */
  emptyText?: string;
  /** The level of the name's heading (the host owns the levels above); section headings are one below, items two. Default 2. */
  headingLevel?: 2 | 3;
  /** Prefix of the ids in the preview, unique within the shadow root. The name's heading is `${idPrefix}-name`. Default `cv-preview`. */
  idPrefix?: string;
}

interface Context {
  labels: PreviewLabels;
  format: Formatter;
  level: number;
  idPrefix: string;
}

const HEADING_TAGS: Record<number, StaticValue> = { 2: literal`h2`, 3: literal`h3`, 4: literal`h4`, 5: literal`h5`, 6: literal`h6` };

function heading(level: number, className: string, content: unknown, id?: string): TemplateResult {
  const tag = HEADING_TAGS[Math.min(Math.max(level, 2), 6)];
  return staticHtml`<${tag} class=${className} id=${ifDefined(id)} tabindex=${ifDefined(id === undefined ? undefined : '-1')}>${content}</${tag}>`;
}

const filled = (...values: (string | undefined)[]): boolean => values.some((value) => value !== undefined && value.trim() !== '');
const joined = (values: (string | undefined)[], separator = ', '): string =>
  values.map((value) => value?.trim() ?? '').filter((value) => value !== '').join(separator);
const lines = (values: string[]): string[] => values.map((value) => value.trim()).filter((value) => value !== '');

/** The visible items of a list section that have anything to show. */
function visible<T extends ItemBase>(section: ListSection<T>, hasContent: (item: T) => boolean): T[] {
  return section.hidden ? [] : section.items.filter((item) => !item.hidden && hasContent(item));
}

const workHasContent = (item: WorkItem | VolunteerItem): boolean =>
  filled(item.position, 'employer' in item ? item.employer : item.organization, 'location' in item ? item.location : '', item.summary, item.url)
  || lines(item.highlights).length > 0;
const educationHasContent = (item: EducationItem): boolean =>
  filled(item.institution, item.area, item.studyType, item.level, item.score) || lines(item.courses).length > 0;
const certificateHasContent = (item: CertificateItem): boolean => filled(item.name, item.issuer);
const skillHasContent = (item: SkillItem): boolean => filled(item.name) || lines(item.keywords).length > 0;
const languageHasContent = (item: LanguageItem): boolean => filled(item.language);
const referenceHasContent = (item: ReferenceItem): boolean => filled(item.name, item.relation, item.contact, item.reference);
const customItemHasContent = (item: CustomItem): boolean => filled(item.title, item.subtitle, item.summary) || hasPeriod(item);

function contactHasContent(cv: Cv): boolean {
  const { contact } = cv;
  return filled(contact.email, contact.phone, contact.address, contact.postalCode, contact.city, contact.url)
    || contact.profiles.some((profile) => !profile.hidden && filled(profile.network, profile.username, profile.url));
}

function conditionsHaveContent(cv: Cv): boolean {
  const { conditions } = cv;
  return !conditions.hidden && (conditions.hours.length > 0 || conditions.types.length > 0 || filled(conditions.area, conditions.availableFrom));
}

const drivingHasContent = (cv: Cv): boolean => !cv.drivingLicences.hidden && (cv.drivingLicences.categories.length > 0 || filled(cv.drivingLicences.note));

const visibleCustomSections = (cv: Cv): { section: CustomSection; items: CustomItem[] }[] =>
  cv.custom
    .filter((section) => !section.hidden)
    .map((section) => ({ section, items: section.items.filter((item) => !item.hidden && customItemHasContent(item)) }))
    .filter(({ items }) => items.length > 0);

/** True when the CV has nothing a reader would see (not even a name). */
export function isPreviewEmpty(cv: Cv): boolean {
  return !filled(cv.contact.name, cv.contact.headline)
    && !contactHasContent(cv)
    && !(!cv.profile.hidden && filled(cv.profile.summary))
    && visible(cv.jobTitles, (item) => filled(item.title)).length === 0
    && !conditionsHaveContent(cv)
    && visible(cv.work, workHasContent).length === 0
    && visible(cv.education, educationHasContent).length === 0
    && visible(cv.certificates, certificateHasContent).length === 0
    && visible(cv.skills, skillHasContent).length === 0
    && visible(cv.languages, languageHasContent).length === 0
    && !drivingHasContent(cv)
    && visible(cv.volunteer, workHasContent).length === 0
    && visible(cv.references, referenceHasContent).length === 0
    && visibleCustomSections(cv).length === 0;
}

/** The CV as HTML. Put `previewStyles` in the host's styles. */
export function renderPreview(cv: Cv, options: PreviewOptions): TemplateResult {
  const labels = PREVIEW_LABELS[options.labels];
  const format = options.format.locale.split('-')[0]?.toLowerCase() === labels.lang ? options.format : createFormatter(labels.locale);
  const context: Context = { labels, format, level: options.headingLevel ?? 2, idPrefix: options.idPrefix ?? 'cv-preview' };
  const name = cv.contact.name.trim();
  const empty = isPreviewEmpty(cv);
  return html`<article class="cv" part="cv" lang=${labels.lang} dir="ltr" aria-labelledby=${`${context.idPrefix}-name`}>
    <header class="cv-header">
      ${heading(context.level, 'cv-name', name === '' ? labels.untitled : name, `${context.idPrefix}-name`)}
      ${filled(cv.contact.headline) ? html`<p class="cv-headline">${cv.contact.headline}</p>` : nothing}
      ${renderContact(cv, context)}
    </header>
    ${empty ? html`<p class="cv-empty">${options.emptyText ?? options.t?.('preview.empty') ?? labels.empty}</p>` : nothing}
    ${renderProfile(cv, context)}
    ${renderJobTitles(cv, context)}
    ${renderConditions(cv, context)}
    ${renderWork(cv.work, labels.sections.work, context)}
    ${renderEducation(cv, context)}
    ${renderCertificates(cv, context)}
    ${renderSkills(cv, context)}
    ${renderLanguages(cv, context)}
    ${renderDriving(cv, context)}
    ${renderWork(cv.volunteer, labels.sections.volunteer, context)}
    ${renderReferences(cv, context)}
    ${visibleCustomSections(cv).map(({ section, items }) => renderCustom(section, items, context))}
  </article>`;
}

function section(context: Context, key: string, title: string, body: unknown): TemplateResult {
  return html`<section class=${`cv-section cv-section--${key}`}>
    ${heading(context.level + 1, 'cv-section-heading', title)}
    ${body}
  </section>`;
}

const pair = (label: string, value: unknown): TemplateResult => html`<div class="pair"><dt>${label}</dt><dd>${value}</dd></div>`;

function renderContact(cv: Cv, context: Context): TemplateResult | typeof nothing {
  if (!contactHasContent(cv)) return nothing;
  const { contact } = cv;
  const { labels } = context;
  const country = contact.countryCode.trim().toUpperCase();
  const address = joined([contact.address, joined([contact.postalCode, contact.city], ' '), country === '' || country === 'DK' ? '' : countryName(country, labels.locale)]);
  const profiles = contact.profiles.filter((profile) => !profile.hidden && filled(profile.network, profile.username, profile.url));
  return html`<dl class="cv-contact">
    ${address === '' ? nothing : pair(labels.contact.address, address)}
    ${filled(contact.phone) ? pair(labels.contact.phone, link(contact.phone, phoneHref(contact.phone))) : nothing}
    ${filled(contact.email) ? pair(labels.contact.email, link(contact.email, emailHref(contact.email))) : nothing}
    ${filled(contact.url) ? pair(labels.contact.website, link(contact.url, webHref(contact.url))) : nothing}
    ${profiles.length === 0 ? nothing : pair(labels.contact.profiles, html`<ul class="inline-list">${profiles.map((profile) => {
      const text = joined([profile.network, profile.username], ': ') || profile.url;
      return html`<li>${link(text, webHref(profile.url))}</li>`;
    })}</ul>`)}
  </dl>`;
}

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;
  } catch {
    return code; // not a region code Intl knows: show what was given
  }
}

function renderProfile(cv: Cv, context: Context): TemplateResult | typeof nothing {
  if (cv.profile.hidden || !filled(cv.profile.summary)) return nothing;
  return section(context, 'profile', context.labels.sections.profile, html`<p class="text">${cv.profile.summary.trim()}</p>`);
}

function renderJobTitles(cv: Cv, context: Context): TemplateResult | typeof nothing {
  const items = visible(cv.jobTitles, (item) => filled(item.title));
  if (items.length === 0) return nothing;
  return section(context, 'job-titles', context.labels.sections.jobTitles, html`<ul class="list">${items.map((item) => html`<li>${item.title}</li>`)}</ul>`);
}

function renderConditions(cv: Cv, context: Context): TemplateResult | typeof nothing {
  if (!conditionsHaveContent(cv)) return nothing;
  const { conditions } = cv;
  const { labels, format } = context;
  // Kept in the model's order, whatever order they were ticked in.
  const hours = WORKING_HOURS.filter((hour) => conditions.hours.includes(hour)).map((hour) => labels.hours[hour]);
  const types = EMPLOYMENT_TYPES.filter((type) => conditions.types.includes(type)).map((type) => labels.employmentTypes[type]);
  const start = renderMonth(conditions.availableFrom, format);
  return section(context, 'conditions', labels.sections.conditions, html`<dl class="pairs">
    ${hours.length === 0 ? nothing : pair(labels.conditions.hours, hours.join(', '))}
    ${types.length === 0 ? nothing : pair(labels.conditions.types, types.join(', '))}
    ${pair(labels.conditions.availableFrom, start === nothing ? labels.conditions.immediately : start)}
    ${filled(conditions.area) ? pair(labels.conditions.area, conditions.area) : nothing}
  </dl>`);
}

function entry(context: Context, title: string, subtitle: string, period: unknown, body: unknown): TemplateResult {
  return html`<li class="item">
    <div class="item-header">
      <div class="item-title">
        ${title === '' ? nothing : heading(context.level + 2, 'item-heading', title)}
        ${subtitle === '' ? nothing : html`<p class="item-subtitle">${subtitle}</p>`}
      </div>
      ${period}
    </div>
    ${body}
  </li>`;
}

const renderText = (text: string): TemplateResult | typeof nothing => (filled(text) ? html`<p class="text">${text.trim()}</p>` : nothing);
const renderBullets = (values: string[]): TemplateResult | typeof nothing => {
  const shown = lines(values);
  return shown.length === 0 ? nothing : html`<ul class="bullets">${shown.map((value) => html`<li>${value}</li>`)}</ul>`;
};
const renderWebsite = (url: string): TemplateResult | typeof nothing => (filled(url) ? html`<p class="item-link">${link(url.trim(), webHref(url))}</p>` : nothing);

function renderWork(list: ListSection<WorkItem> | ListSection<VolunteerItem>, title: string, context: Context): TemplateResult | typeof nothing {
  const items = visible<WorkItem | VolunteerItem>(list, workHasContent);
  if (items.length === 0) return nothing;
  const key = items.some((item) => 'employer' in item) ? 'work' : 'volunteer';
  return section(context, key, title, html`<ul class="items">${items.map((item) => {
    const place = 'employer' in item ? joined([item.employer, item.location]) : item.organization.trim();
    const heading = item.position.trim() || place;
    return entry(context, heading, heading === place ? '' : place, renderPeriod(item, context.format, context.labels.present), html`
      ${renderText(item.summary)}
      ${renderBullets(item.highlights)}
      ${renderWebsite(item.url)}`);
  })}</ul>`);
}

function renderEducation(cv: Cv, context: Context): TemplateResult | typeof nothing {
  const items = visible(cv.education, educationHasContent);
  if (items.length === 0) return nothing;
  const { labels } = context;
  return section(context, 'education', labels.sections.education, html`<ul class="items">${items.map((item) => {
    const level = item.level === '' || !EDUCATION_LEVELS.includes(item.level) ? '' : labels.educationLevels[item.level];
    const title = joined([item.studyType, item.area]) || level || item.institution.trim();
    const showLevel = level !== '' && title !== level;
    const courses = lines(item.courses);
    return entry(context, title, title === item.institution.trim() ? '' : item.institution.trim(), renderPeriod(item, context.format, labels.present), html`
      ${showLevel || filled(item.score) || courses.length > 0 ? html`<dl class="pairs">
        ${showLevel ? pair(labels.level, level) : nothing}
        ${filled(item.score) ? pair(labels.score, item.score.trim()) : nothing}
        ${courses.length === 0 ? nothing : pair(labels.courses, courses.join(', '))}
      </dl>` : nothing}
      ${renderWebsite(item.url)}`);
  })}</ul>`);
}

function renderCertificates(cv: Cv, context: Context): TemplateResult | typeof nothing {
  const items = visible(cv.certificates, certificateHasContent);
  if (items.length === 0) return nothing;
  const { labels, format } = context;
  return section(context, 'certificates', labels.sections.certificates, html`<ul class="items">${items.map((item) => {
    const expires = renderMonth(item.expires, format);
    const obtained = renderMonth(item.date, format);
    const kind = labels.certificateKinds[item.kind] as string | undefined; // an imported file may hold a kind we do not know
    return entry(context, item.name.trim() || item.issuer.trim(), joined([kind, item.name.trim() === '' ? '' : item.issuer]), obtained === nothing ? nothing : html`<p class="period">${obtained}</p>`, html`
      ${expires === nothing ? nothing : html`<p class="item-meta">${labels.validUntil} ${expires}</p>`}
      ${renderWebsite(item.url)}`);
  })}</ul>`);
}

function renderSkills(cv: Cv, context: Context): TemplateResult | typeof nothing {
  const items = visible(cv.skills, skillHasContent);
  if (items.length === 0) return nothing;
  return section(context, 'skills', context.labels.sections.skills, html`<ul class="list">${items.map((item) => {
    const keywords = lines(item.keywords);
    return html`<li>
      ${filled(item.name) ? html`<span class="name">${item.name.trim()}</span>` : nothing}${filled(item.level) ? html`<span class="skill-level">${filled(item.name) ? ' – ' : ''}${item.level.trim()}</span>` : nothing}
      ${keywords.length === 0 ? nothing : html`<span class="keywords">${keywords.join(', ')}</span>`}
    </li>`;
  })}</ul>`);
}

function cefr(level: string, labels: PreviewLabels): string {
  return (CEFR_LEVELS as readonly string[]).includes(level) ? `${level} (${labels.cefrLevels[level as (typeof CEFR_LEVELS)[number]]})` : '';
}

function renderLanguages(cv: Cv, context: Context): TemplateResult | typeof nothing {
  const items = visible(cv.languages, languageHasContent);
  if (items.length === 0) return nothing;
  const { labels, idPrefix } = context;
  const perSkill = items.filter((item) => !item.native && item.perSkill && LANGUAGE_SKILLS.some((skill) => item.skills[skill] !== ''));
  const listed = items.filter((item) => !perSkill.includes(item));
  const captionId = `${idPrefix}-languages-caption`;
  return section(context, 'languages', labels.sections.languages, html`
    ${listed.length === 0 ? nothing : html`<dl class="pairs">${listed.map((item) =>
      pair(item.language.trim(), item.native ? labels.native : cefr(item.level, labels) || item.fluency.trim() || '–'))}</dl>`}
    ${perSkill.length === 0 ? nothing : html`
      <div class="table-scroll" role="region" aria-labelledby=${captionId} tabindex="0">
        <table class="cefr">
          <caption id=${captionId}>${labels.cefrTable}</caption>
          <thead><tr>
            <th scope="col">${labels.language}</th>
            ${LANGUAGE_SKILLS.map((skill) => html`<th scope="col">${labels.languageSkills[skill]}</th>`)}
          </tr></thead>
          <tbody>${perSkill.map((item) => html`<tr>
            <th scope="row">${item.language.trim()}</th>
            ${LANGUAGE_SKILLS.map((skill) => html`<td>${item.skills[skill] === '' ? html`<span aria-hidden="true">–</span>` : item.skills[skill]}</td>`)}
          </tr>`)}</tbody>
        </table>
      </div>`}
    ${items.some((item) => !item.native && (item.level !== '' || perSkill.includes(item))) ? html`<p class="note">${labels.cefrNote}</p>` : nothing}
  `);
}

function renderDriving(cv: Cv, context: Context): TemplateResult | typeof nothing {
  if (!drivingHasContent(cv)) return nothing;
  const { categories, note } = cv.drivingLicences;
  const { labels } = context;
  const shown = DRIVING_CATEGORIES.filter((category) => categories.includes(category));
  return section(context, 'driving', labels.sections.drivingLicences, html`
    ${shown.length === 0 ? nothing : html`<dl class="pairs">${pair(labels.drivingCategories, shown.join(', '))}</dl>`}
    ${renderText(note)}`);
}

function renderReferences(cv: Cv, context: Context): TemplateResult | typeof nothing {
  const items = visible(cv.references, referenceHasContent);
  if (items.length === 0) return nothing;
  return section(context, 'references', context.labels.sections.references, html`<ul class="items">${items.map((item) =>
    entry(context, item.name.trim() || item.relation.trim(), item.name.trim() === '' ? '' : item.relation.trim(), nothing, html`
      ${filled(item.contact) ? html`<p class="item-meta">${link(item.contact.trim(), contactHref(item.contact))}</p>` : nothing}
      ${filled(item.reference) ? html`<blockquote class="text">${item.reference.trim()}</blockquote>` : nothing}`))}</ul>`);
}

function renderCustom(custom: CustomSection, items: CustomItem[], context: Context): TemplateResult {
  const { labels } = context;
  return section(context, 'custom', custom.title.trim() || labels.sections.custom, html`<ul class="items">${items.map((item) =>
    entry(context, item.title.trim(), item.subtitle.trim(), renderPeriod(item, context.format, labels.present), renderText(item.summary)))}</ul>`);
}
