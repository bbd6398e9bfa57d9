import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { safeUrl } from '@jobunivers/core';
import {
  ACTIVITY_KINDS, APPLICATION_KINDS, APPLY_METHODS, OUTCOMES, STATUSES,
  type JoblogEntry, type Outcome, type Status,
} from '../model/entry.js';
import { dialogFrame, dialogProblem } from './dialog-frame.js';
import { changeStatus } from '../model/status.js';
import { findDuplicates } from '../model/duplicates.js';
import { validateEntry, validationParams, type EntryField } from '../model/validate.js';
import type { FormDraft } from '../storage/entry-store.js';
import { rescueFormDraft } from '../storage/form-rescue.js';
import type { JoblogHost, ShellDialog } from './shell-host.js';

type TextField = 'title' | 'employer' | 'postalCode' | 'town' | 'source' | 'sourceUrl' | 'notes';
/** Field (or `statusOn`) → i18n key of its problem. */
type FieldProblems = Map<string, string>;

/** The model's problems with the entry, and the date of a status change the citizen gives here. */
function checkEntry(entry: JoblogEntry, statusOn: string, today: string): FieldProblems {
  const problems: FieldProblems = new Map(validateEntry(entry, today));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(statusOn)) problems.set('statusOn', 'form.statusOnMissing');
  return problems;
}

/** The form ids, in the order the fields appear (the error summary lists problems in this order). */
const FIELD_ORDER = ['title', 'employer', 'postalCode', 'town', 'hoursPerWeek', 'date', 'source', 'sourceUrl', 'deadline', 'statusOn', 'notes'] as const;
export const fieldId = (field: string): string => `ef-${field}`;
/** What was typed is kept in the browser store this long after the last change (and at once when the page goes away). */
export const KEEP_DRAFT_AFTER_MS = 300;

/**
 * "Tilføj ansøgning" / "Tilføj aktivitet" / editing an entry: every field Jobnet asks for, labels always visible,
 * problems linked to their fields and listed at the top, the duplicate check before saving, and the status with
 * its history. The entry is saved only when the citizen presses "Gem". Until then what was typed is kept as a
 * draft in the browser store (through a reload, a crash, or closing the form), and the shell offers it back.
 */
export class EntryDialog implements ShellDialog {
  readonly #host: JoblogHost;
  readonly #previous: JoblogEntry | undefined;
  #draft: JoblogEntry;
  #statusOn: string;
  #problems: FieldProblems = new Map();
  #checked = false;
  #duplicates: JoblogEntry[] = [];
  #confirmedDuplicate = false;
  #saving = false;
  #failed: string | undefined;
  /** Something was typed that is not saved (a draft offered back starts so). */
  #unsaved: boolean;
  /** Saved or disposed: nothing more is kept. */
  #done = false;
  #keepTimer: ReturnType<typeof setTimeout> | undefined;
  /** On pagehide (reload, closing the tab; the page may still count as visible then) or when the tab is hidden. */
  readonly #pageHidden = (event: Event): void => {
    if (event.type === 'visibilitychange' && document.visibilityState === 'visible') return;
    const draft = this.#formDraft();
    if (draft === undefined) return;
    rescueFormDraft(this.#host.storeName(), draft);
    this.#host.keepFormDraft(draft);
  };

  constructor(host: JoblogHost, entry: JoblogEntry, previous: JoblogEntry | undefined, fromDraft = false) {
    this.#host = host;
    this.#draft = structuredClone(entry);
    this.#previous = previous;
    this.#statusOn = host.today();
    this.#unsaved = fromDraft;
    addEventListener('pagehide', this.#pageHidden);
    document.addEventListener('visibilitychange', this.#pageHidden);
  }

  canClose(): boolean {
    return !this.#saving;
  }

  closing(): void {
    const draft = this.#formDraft();
    if (draft !== undefined) this.#host.keepFormDraft(draft);
  }

  dispose(): void {
    this.#done = true;
    clearTimeout(this.#keepTimer);
    removeEventListener('pagehide', this.#pageHidden);
    document.removeEventListener('visibilitychange', this.#pageHidden);
  }

  /** What to keep: the form as typed, unless nothing was typed or it is saved. */
  #formDraft(): FormDraft | undefined {
    if (!this.#unsaved || this.#done) return undefined;
    return { entry: this.#draft, editing: this.#previous !== undefined, savedAt: new Date().toISOString() };
  }

  #set<K extends keyof JoblogEntry>(key: K, value: JoblogEntry[K]): void {
    this.#draft = { ...this.#draft, [key]: value };
    this.#unsaved = true;
    clearTimeout(this.#keepTimer);
    this.#keepTimer = setTimeout(() => {
      const draft = this.#formDraft();
      if (draft !== undefined) this.#host.keepFormDraft(draft);
    }, KEEP_DRAFT_AFTER_MS);
    this.#confirmedDuplicate = false;
    this.#duplicates = [];
    if (this.#checked) this.#problems = checkEntry(this.#draft, this.#statusOn, this.#host.today());
    this.#host.update();
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#saving) return;
    const { t } = this.#host;
    this.#checked = true;
    this.#problems = checkEntry(this.#draft, this.#statusOn, this.#host.today());
    if (this.#problems.size > 0) {
      this.#host.focus('ef-errors');
      this.#host.announce(t('form.errors', { count: this.#problems.size }), 'assertive');
      return;
    }
    if (!this.#confirmedDuplicate) {
      this.#duplicates = findDuplicates(this.#host.entries, this.#draft);
      if (this.#duplicates.length > 0) {
        this.#confirmedDuplicate = true;
        this.#host.focus('ef-duplicate');
        return;
      }
    }
    const entry = this.#final();
    this.#saving = true;
    this.#failed = undefined;
    this.#host.update();
    try {
      await this.#host.save(entry, this.#previous);
      this.#saving = false;
      this.dispose();
      this.#host.keepFormDraft(null);
      this.#host.closeDialog();
    } catch {
      this.#saving = false;
      this.#failed = t('form.saveFailed');
      this.#host.update();
    }
  }

  /** The draft as it is saved: trimmed text, and a history entry when the status changed. */
  #final(): JoblogEntry {
    const draft = this.#draft;
    const trimmed: JoblogEntry = {
      ...draft,
      title: draft.title.trim(),
      employer: draft.employer.trim(),
      postalCode: draft.postalCode.trim(),
      town: draft.town.trim(),
      source: draft.source.trim(),
      sourceUrl: draft.sourceUrl.trim(),
      updatedAt: new Date().toISOString(),
    };
    const before = this.#previous;
    const changed = before === undefined || before.status !== draft.status || before.outcome !== draft.outcome;
    if (before === undefined) {
      return { ...trimmed, history: [{ status: draft.status, outcome: draft.status === 'closed' ? draft.outcome : null, on: draft.status === 'saved' ? this.#statusOn : draft.date }] };
    }
    return changed ? changeStatus({ ...trimmed, status: before.status, outcome: before.outcome }, draft.status, draft.outcome, this.#statusOn) : trimmed;
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const draft = this.#draft;
    const application = draft.type === 'application';
    const title = this.#previous === undefined
      ? t(application ? 'form.addApplication' : 'form.addActivity')
      : t(application ? 'form.editApplication' : 'form.editActivity');
    return dialogFrame(host, {
      title,
      busy: this.#saving,
      body: html`
        <form novalidate @submit=${(event: Event) => { void this.#submit(event); }}>
          ${this.#renderErrors()}
          <p class="ju-hint">${t('form.required')}</p>
          <div class="form-grid">
            ${this.#text('title', t(application ? 'form.title' : 'form.activityTitle'), true)}
            ${application ? nothing : this.#select('activityKind', t('form.activityKind'), ACTIVITY_KINDS, (value) => t(`kind.activity.${value}`))}
            ${this.#text('employer', t(application ? 'form.employer' : 'form.organiser'), application)}
            ${this.#text('postalCode', t('form.postalCode'), false, 'numeric')}
            ${this.#text('town', t('form.town'), false)}
            ${application ? this.#hours() : nothing}
            ${this.#date('date', t(application ? 'form.date' : 'form.activityDate'), draft.date, true, (value) => { this.#set('date', value); })}
            ${application ? this.#radios() : nothing}
            ${application ? this.#select('method', t('form.method'), APPLY_METHODS, (value) => t(`kind.method.${value}`)) : nothing}
            ${application ? this.#text('source', t('form.source'), false) : nothing}
            ${application ? this.#text('sourceUrl', t('form.sourceUrl'), false, 'url') : nothing}
            ${application ? this.#date('deadline', t('form.deadline'), draft.deadline ?? '', false, (value) => { this.#set('deadline', value === '' ? null : value); }) : nothing}
            ${application ? this.#status() : nothing}
            ${application ? this.#cv() : nothing}
            ${this.#notes()}
          </div>
          ${this.#renderDuplicate()}
          ${dialogProblem(this.#failed)}
          <div class="dialog-actions">
            <button type="submit" id="ef-save" class="ju-button" part="button" aria-disabled=${this.#saving ? 'true' : 'false'}>
              ${t(this.#confirmedDuplicate && this.#duplicates.length > 0 ? 'form.saveAnyway' : 'form.save')}</button>
            <button type="button" class="ju-button ju-button--secondary" part="button" ?disabled=${this.#saving}
              @click=${() => { host.closeDialog(); }}>${t('form.cancel')}</button>
          </div>
        </form>`,
    });
  }

  #renderErrors(): TemplateResult | typeof nothing {
    if (!this.#checked || this.#problems.size === 0) return nothing;
    const { t } = this.#host;
    const ordered = FIELD_ORDER.filter((field) => this.#problems.has(field));
    return html`<div id="ef-errors" class="error-summary ju-message ju-message--error" tabindex="-1" part="error-summary">
      <p><strong>${t('form.errors', { count: ordered.length })}</strong></p>
      <ul>${ordered.map((field) => html`<li><a class="ju-link" href=${`#${fieldId(field)}`} @click=${(event: Event) => {
        event.preventDefault();
        this.#host.root.getElementById(fieldId(field))?.focus();
      }}>${this.#message(field)}</a></li>`)}</ul>
    </div>`;
  }

  #renderDuplicate(): TemplateResult | typeof nothing {
    const first = this.#duplicates.at(0);
    if (first === undefined) return nothing;
    const { t, format } = this.#host;
    const where = [first.employer, first.postalCode].filter((part) => part !== '').join(', ');
    return html`<div id="ef-duplicate" class="duplicate ju-message" tabindex="-1" role="alert" part="duplicate">
      <p>${t('form.duplicate', { title: first.title, where, date: format.date(new Date(`${first.date}T12:00:00Z`), { day: 'numeric', month: 'short' }) })}</p>
    </div>`;
  }

  #describedBy(field: string, hint?: string): string | undefined {
    const ids = [this.#problems.has(field) ? `${fieldId(field)}-error` : '', hint ?? ''].filter((id) => id !== '');
    return ids.length === 0 ? undefined : ids.join(' ');
  }

  /** A field's problem in words (a "too long" says the limit). */
  #message(field: string): string {
    const key = this.#problems.get(field);
    return key === undefined ? '' : this.#host.t(key, field === 'statusOn' ? {} : validationParams(field as EntryField));
  }

  #error(field: string): TemplateResult | typeof nothing {
    return this.#problems.has(field) ? html`<p class="ju-error-text" id=${`${fieldId(field)}-error`} part="field-error">${this.#message(field)}</p>` : nothing;
  }

  /** The employer's details, not the citizen's own: the browser must not fill in the citizen's address (autocomplete off). */
  #text(field: TextField, label: string, required: boolean, inputmode?: string): TemplateResult {
    const id = fieldId(field);
    const value = this.#draft[field];
    return html`<div class="ju-field">
      <label class="ju-label" for=${id}>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      ${this.#error(field)}
      <input id=${id} class="ju-input" part="input" type=${field === 'sourceUrl' ? 'url' : 'text'} .value=${value}
        ?required=${required} aria-invalid=${this.#problems.has(field) ? 'true' : 'false'} aria-describedby=${ifDefined(this.#describedBy(field))}
        autocomplete="off" inputmode=${ifDefined(inputmode)} maxlength=${ifDefined(field === 'postalCode' ? 4 : undefined)}
        @input=${(event: Event) => { this.#set(field, (event.target as HTMLInputElement).value); }}>
      ${field === 'sourceUrl' && safeUrl(value.trim()) !== undefined && value.trim() !== ''
        ? html`<p class="ju-hint"><a class="ju-link" href=${safeUrl(value.trim()) ?? ''} target="_blank" rel="noopener noreferrer">${this.#host.t('form.openLink')}</a></p>` : nothing}
    </div>`;
  }

  #notes(): TemplateResult {
    const id = fieldId('notes');
    return html`<div class="ju-field">
      <label class="ju-label" for=${id}>${this.#host.t('form.notes')}</label>
      ${this.#error('notes')}
      <textarea id=${id} class="ju-input" part="input" rows="3" .value=${this.#draft.notes}
        aria-invalid=${this.#problems.has('notes') ? 'true' : 'false'} aria-describedby=${ifDefined(this.#describedBy('notes'))}
        @input=${(event: Event) => { this.#set('notes', (event.target as HTMLTextAreaElement).value); }}></textarea>
    </div>`;
  }

  #hours(): TemplateResult {
    const id = fieldId('hoursPerWeek');
    const hours = this.#draft.hoursPerWeek;
    return html`<div class="ju-field">
      <label class="ju-label" for=${id}>${this.#host.t('form.hours')}</label>
      ${this.#error('hoursPerWeek')}
      <input id=${id} class="ju-input" part="input" type="text" inputmode="decimal" .value=${hours === null ? '' : String(hours)}
        aria-invalid=${this.#problems.has('hoursPerWeek') ? 'true' : 'false'} aria-describedby=${ifDefined(this.#describedBy('hoursPerWeek'))}
        @input=${(event: Event) => {
          const raw = (event.target as HTMLInputElement).value.trim().replace(',', '.');
          this.#set('hoursPerWeek', raw === '' ? null : Number(raw));
        }}>
    </div>`;
  }

  #date(field: 'date' | 'deadline' | 'statusOn', label: string, value: string, required: boolean, set: (value: string) => void): TemplateResult {
    const id = fieldId(field);
    return html`<div class="ju-field">
      <label class="ju-label" for=${id}>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      ${this.#error(field)}
      <input id=${id} class="ju-input" part="input" type="date" .value=${value} ?required=${required}
        aria-invalid=${this.#problems.has(field) ? 'true' : 'false'} aria-describedby=${ifDefined(this.#describedBy(field))}
        @input=${(event: Event) => { set((event.target as HTMLInputElement).value); }}>
    </div>`;
  }

  #select<K extends 'activityKind' | 'method'>(field: K, label: string, values: readonly NonNullable<JoblogEntry[K]>[], text: (value: string) => string): TemplateResult {
    const id = fieldId(field);
    const current = this.#draft[field];
    return html`<div class="ju-field">
      <label class="ju-label" for=${id}>${label}</label>
      <select id=${id} class="ju-input" part="input" @change=${(event: Event) => {
        this.#set(field, (event.target as HTMLSelectElement).value as JoblogEntry[K]);
      }}>${values.map((value) => html`<option value=${value} ?selected=${value === current}>${text(value)}</option>`)}</select>
    </div>`;
  }

  #radios(): TemplateResult {
    const { t } = this.#host;
    return html`<fieldset>
      <legend>${t('form.applicationKind')}</legend>
      ${APPLICATION_KINDS.map((kind) => html`<label class="radio">
        <input type="radio" name="ef-kind" id=${fieldId(`kind-${kind}`)} value=${kind} .checked=${this.#draft.applicationKind === kind}
          @change=${() => { this.#set('applicationKind', kind); }}>
        ${t(`kind.application.${kind}`)}</label>`)}
    </fieldset>`;
  }

  #status(): TemplateResult {
    const { t, format } = this.#host;
    const draft = this.#draft;
    const history = this.#previous?.history ?? [];
    const changed = this.#previous !== undefined && (this.#previous.status !== draft.status || this.#previous.outcome !== draft.outcome);
    return html`<fieldset>
      <legend>${t('form.status')}</legend>
      <div class="ju-field">
        <label class="ju-label" for=${fieldId('status')}>${t('form.statusNow')}</label>
        <select id=${fieldId('status')} class="ju-input" part="input" @change=${(event: Event) => {
          const status = (event.target as HTMLSelectElement).value as Status;
          this.#draft = { ...this.#draft, outcome: status === 'closed' ? (this.#draft.outcome ?? 'rejected') : null };
          this.#set('status', status);
        }}>${STATUSES.map((status) => html`<option value=${status} ?selected=${status === draft.status}>${t(`status.${status}`)}</option>`)}</select>
      </div>
      ${draft.status === 'closed' ? html`<div class="ju-field">
        <label class="ju-label" for=${fieldId('outcome')}>${t('form.outcome')}</label>
        <select id=${fieldId('outcome')} class="ju-input" part="input" @change=${(event: Event) => {
          this.#set('outcome', (event.target as HTMLSelectElement).value as Outcome);
        }}>${OUTCOMES.map((outcome) => html`<option value=${outcome} ?selected=${outcome === draft.outcome}>${t(`outcome.${outcome}`)}</option>`)}</select>
      </div>` : nothing}
      ${changed ? this.#date('statusOn', t('form.statusOn'), this.#statusOn, true, (value) => {
        this.#statusOn = value;
        if (this.#checked) this.#problems = checkEntry(this.#draft, value, this.#host.today());
        this.#host.update();
      }) : nothing}
      ${history.length > 0 ? html`<p class="ju-hint" id="ef-history-label">${t('form.history')}</p>
        <ul class="history" aria-labelledby="ef-history-label" part="history">${history.map((change) => html`<li>${
          t(change.status === 'closed' && change.outcome !== null ? `outcome.${change.outcome}` : `status.${change.status}`)}: ${
          format.date(new Date(`${change.on}T12:00:00Z`), { day: 'numeric', month: 'short', year: 'numeric' })}</li>`)}</ul>` : nothing}
    </fieldset>`;
  }

  #cv(): TemplateResult | typeof nothing {
    const { t } = this.#host;
    const versions = this.#host.cvVersions;
    const current = this.#draft.cv;
    if (versions.length === 0 && current === null) return nothing;
    const known = current === null || versions.some((version) => version.id === current.versionId);
    return html`<div class="ju-field">
      <label class="ju-label" for=${fieldId('cv')}>${t('form.cv')}</label>
      <select id=${fieldId('cv')} class="ju-input" part="input" @change=${(event: Event) => {
        const id = (event.target as HTMLSelectElement).value;
        const version = versions.find((candidate) => candidate.id === id);
        this.#set('cv', version === undefined ? (id === '' ? null : current) : { versionId: version.id, name: version.name });
      }}>
        <option value="" ?selected=${current === null}>${t('form.cvNone')}</option>
        ${current === null || known ? nothing : html`<option value=${current.versionId} selected>${current.name}</option>`}
        ${versions.map((version) => html`<option value=${version.id} ?selected=${version.id === current?.versionId}>${version.name}</option>`)}
      </select>
    </div>`;
  }
}
