import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '@jobunivers/core';
import { capitalize, errorStatus, type DeskContext } from './desk-context.js';
import type { VersionedAvailability } from './desk-api.js';
import { describedBy, errorText } from './desk-fields.js';
import { ExceptionsEditor } from './desk-exceptions.js';
import { loadErrorMessage, loadingMessage, problemMessage } from './desk-messages.js';
import { ViewLoader } from './desk-view-loader.js';
import { addDays, dateInstant, mondayOf, today } from '../dates.js';
import {
  endForField,
  minutesOf,
  parseRulePointer,
  ruleProblem,
  sameRules,
  toRules,
  WEEKDAYS,
  type RuleErrors,
  type RuleField,
  type WorkingRule,
} from './desk-rules.js';
import type { Availability, AvailabilityRule, MeetingType, Weekday } from './types.js';

/** The weekly availability editor (per meeting type and weekday, time ranges) and the closed days. */
export class AvailabilityView {
  readonly #context: DeskContext;
  readonly exceptions: ExceptionsEditor;
  readonly loader: ViewLoader;
  meetingTypes: MeetingType[] = [];
  base: Availability = { rules: [], exceptions: [] };
  etag: string | undefined;
  working: WorkingRule[] = [];
  errors: RuleErrors = new Map();
  problem = '';
  conflict = false;
  saving = false;
  #nextKey = 1;

  constructor(context: DeskContext) {
    this.#context = context;
    this.loader = new ViewLoader(context);
    this.exceptions = new ExceptionsEditor(context, () => this.base.exceptions, (result) => { this.#adopt(result, { keepEdits: true }); });
  }

  get dirty(): boolean {
    return !sameRules(toRules(this.working), this.base.rules);
  }

  /** Fetches the document; unsaved edits are kept (and their ETag, so a save still detects others' changes). */
  load({ quiet = false } = {}): Promise<void> {
    return this.loader.load(
      (api) => Promise.all([api.availability(), this.#context.meetingTypes()]),
      ([result, meetingTypes]) => {
        this.meetingTypes = meetingTypes;
        this.#adopt(result, { keepEdits: this.loader.status === 'ready' });
      },
      { quiet },
    );
  }

  #adopt(result: VersionedAvailability, { keepEdits }: { keepEdits: boolean }): void {
    const { availability, etag } = result;
    if (keepEdits && this.dirty) {
      // Only the closed days change under the reader's edits; adopting the ETag would hide another person's rules.
      if (sameRules(availability.rules, this.base.rules)) this.etag = etag;
      this.base = { rules: this.base.rules, exceptions: availability.exceptions };
    } else {
      this.base = availability;
      this.etag = etag;
      this.working = availability.rules.map((rule) => this.#working(rule));
      this.errors = new Map();
    }
    this.#context.host.requestUpdate();
  }

  #working(rule: AvailabilityRule): WorkingRule {
    return { ...rule, end: endForField(rule.end), key: this.#nextKey++ };
  }

  render(): TemplateResult {
    const { t } = this.#context;
    if (this.loader.status === 'loading') return loadingMessage(t('state.loading'));
    if (this.loader.status === 'error') return loadErrorMessage(this.loader.error, t('action.retry'), () => void this.load());
    return html`
      <section class="desk-section" aria-labelledby="rules-heading" part="availability">
        <h3 id="rules-heading" tabindex="-1">${t('rules.title')}</h3>
        <p class="ju-hint">${t('rules.intro')}</p>
        ${this.conflict ? this.#renderConflict() : nothing}
        ${problemMessage('rules-problem', this.problem)}
        <form novalidate @submit=${(event: SubmitEvent) => void this.#save(event)}>
          ${this.meetingTypes.length === 0 ? html`<p>${t('rules.no-meeting-types')}</p>` : this.meetingTypes.map((type) => this.#renderMeetingType(type))}
          <div class="desk-actions desk-actions--sticky">
            <button class="ju-button" type="submit" id="rules-save" part="button" ?disabled=${this.saving}>
              ${this.saving ? t('rules.saving') : t('rules.save')}
            </button>
            ${this.dirty
              ? html`<button class="ju-button ju-button--secondary" type="button" part="button" @click=${() => { this.#discard(); }}>${t('rules.discard')}</button>
                  <p class="ju-hint">${t('rules.unsaved')}</p>`
              : nothing}
          </div>
        </form>
      </section>
      ${this.exceptions.render()}
    `;
  }

  #renderConflict(): TemplateResult {
    const { t } = this.#context;
    return html`
      <div class="ju-message ju-message--error" id="rules-conflict" role="alert" tabindex="-1" part="conflict">
        <p>${t('rules.conflict')}</p>
        <div class="desk-actions">
          <button class="ju-button" type="button" part="button" ?disabled=${this.saving} @click=${() => void this.#overwrite()}>${t('rules.conflict-overwrite')}</button>
          <button class="ju-button ju-button--secondary" type="button" part="button" ?disabled=${this.saving} @click=${() => void this.#reloadLatest()}>
            ${t('rules.conflict-reload')}
          </button>
        </div>
      </div>
    `;
  }

  #renderMeetingType(type: MeetingType): TemplateResult {
    const { t } = this.#context;
    return html`
      <fieldset class="desk-rules-type" part="rules-meeting-type">
        <legend>${t('meeting-type.option', { title: type.title, minutes: type.durationMinutes })}</legend>
        ${WEEKDAYS.map((weekday) => this.#renderWeekday(type, weekday))}
      </fieldset>
    `;
  }

  #weekdayName(weekday: Weekday): string {
    const { format } = this.#context;
    return capitalize(format.date(dateInstant(addDays(mondayOf(today()), weekday - 1)), { weekday: 'long' }), format.locale);
  }

  #renderWeekday(type: MeetingType, weekday: Weekday): TemplateResult {
    const { t } = this.#context;
    const rows = this.working.filter((rule) => rule.meetingTypeId === type.id && rule.weekday === weekday);
    const dayName = this.#weekdayName(weekday);
    return html`
      <fieldset class="desk-rules-day">
        <legend class="desk-rules-day__name">${dayName}</legend>
        ${rows.length === 0 ? html`<p class="ju-hint">${t('rules.day-closed')}</p>` : rows.map((rule) => this.#renderRule(rule, dayName))}
        <button class="ju-button ju-button--quiet" type="button" id=${`rule-add-${type.id}-${String(weekday)}`} @click=${() => { this.#add(type.id, weekday); }}>
          ${t('rules.add')}<span class="ju-visually-hidden"> ${t('rules.add-context', { day: dayName, title: type.title })}</span>
        </button>
      </fieldset>
    `;
  }

  #renderRule(rule: WorkingRule, dayName: string): TemplateResult {
    const { t } = this.#context;
    return html`
      <div class="desk-rule" part="rule">
        ${this.#renderTime(rule, 'start', t('rules.from'))} ${this.#renderTime(rule, 'end', t('rules.to'))}
        <button class="ju-button ju-button--secondary desk-rule__remove" type="button" @click=${() => { this.#remove(rule); }}>
          ${t('rules.remove')}<span class="ju-visually-hidden"> ${t('rules.remove-context', { day: dayName, start: rule.start, end: rule.end })}</span>
        </button>
      </div>
    `;
  }

  #renderTime(rule: WorkingRule, field: RuleField, label: string): TemplateResult {
    const id = `rule-${String(rule.key)}-${field}`;
    const error = this.errors.get(`${String(rule.key)}:${field}`);
    const described = describedBy(id, false, Boolean(error));
    return html`
      <div class="ju-field desk-rule__time">
        <label class="ju-label" for=${id}>${label}</label>
        ${errorText(id, error)}
        <input
          class="ju-input"
          id=${id}
          type="time"
          step="300"
          required
          .value=${rule[field]}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described ?? nothing}
          @input=${(event: Event) => {
            rule[field] = (event.target as HTMLInputElement).value;
            this.errors.delete(`${String(rule.key)}:${field}`);
            this.#context.host.requestUpdate();
          }}
        />
      </div>
    `;
  }

  #add(meetingTypeId: string, weekday: Weekday): void {
    const same = this.working.filter((rule) => rule.meetingTypeId === meetingTypeId && rule.weekday === weekday);
    const lastEnd = Math.max(...same.map((rule) => minutesOf(rule.end) ?? 0), 0);
    const start = same.length === 0 ? 9 * 60 : Math.min(lastEnd, 23 * 60);
    const end = Math.min(start + 3 * 60, 24 * 60 - 5);
    const rule = this.#working({ meetingTypeId, weekday, start: clock(start), end: clock(end) });
    this.working = [...this.working, rule];
    this.#context.host.requestUpdate();
    this.#context.focus(`#rule-${String(rule.key)}-start`);
  }

  #remove(rule: WorkingRule): void {
    this.working = this.working.filter((item) => item !== rule);
    this.errors.delete(`${String(rule.key)}:start`);
    this.errors.delete(`${String(rule.key)}:end`);
    this.#context.host.requestUpdate();
    this.#context.focus(`#rule-add-${rule.meetingTypeId}-${String(rule.weekday)}`);
  }

  #discard(): void {
    this.working = this.base.rules.map((rule) => this.#working(rule));
    this.errors = new Map();
    this.problem = '';
    this.conflict = false;
    this.#context.host.requestUpdate();
    this.#context.focus('#rules-heading');
  }

  #message(rule: WorkingRule, field: RuleField): string | undefined {
    const problem = ruleProblem(rule, field, this.working);
    return problem ? this.#context.t(`rules.error.${problem}`) : undefined;
  }

  #validate(): boolean {
    this.errors = new Map();
    for (const rule of this.working) {
      for (const field of ['start', 'end'] as const) {
        const message = this.#message(rule, field);
        if (message) this.errors.set(`${String(rule.key)}:${field}`, message);
      }
    }
    return this.errors.size === 0;
  }

  #focusFirstError(): void {
    const first = this.working.flatMap((rule) => (['start', 'end'] as const).map((field) => `${String(rule.key)}:${field}`)).find((key) => this.errors.has(key));
    this.#context.focus(first ? `#rule-${first.replace(':', '-')}` : '#rules-problem');
  }

  async #save(event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const context = this.#context;
    const api = context.api;
    if (this.saving || !api) return;
    if (!this.#validate()) {
      this.problem = context.t('rules.fix', { count: this.errors.size });
      context.host.requestUpdate();
      this.#focusFirstError();
      return;
    }
    const sent = [...this.working];
    this.saving = true;
    this.problem = '';
    context.host.requestUpdate();
    try {
      const result = await api.saveRules(toRules(sent), this.etag);
      this.conflict = false;
      this.#adopt(result, { keepEdits: false });
      context.announce(context.t('rules.saved'));
      context.changed('availability');
    } catch (error) {
      context.failed(error);
      if (errorStatus(error) === 412) {
        this.conflict = true;
        context.focus('#rules-conflict');
      } else if (this.#showServerErrors(error, sent)) {
        this.problem = context.t('rules.fix', { count: this.errors.size });
        this.#focusFirstError();
      } else {
        this.problem = context.describe(error);
        context.focus('#rules-problem');
      }
    } finally {
      this.saving = false;
      context.host.requestUpdate();
    }
  }

  /** Puts the server's field errors (`/rules/<i>/<field>`) on the fields of the rules that were sent. */
  #showServerErrors(error: unknown, sent: readonly WorkingRule[]): boolean {
    if (!(error instanceof ApiError) || error.status !== 400) return false;
    this.errors = new Map();
    for (const item of error.problem?.errors ?? []) {
      const target = parseRulePointer(item.pointer);
      const rule = target ? sent[target.index] : undefined;
      if (!target || !rule || !this.working.includes(rule)) continue;
      const field = target.field ?? 'start';
      this.errors.set(`${String(rule.key)}:${field}`, this.#message(rule, field) ?? this.#context.t('rules.error.server'));
    }
    return this.errors.size > 0;
  }

  async #overwrite(): Promise<void> {
    const api = this.#context.api;
    if (!api) return;
    try {
      this.etag = (await api.availability()).etag;
    } catch (error) {
      this.problem = this.#context.describe(error);
      this.#context.failed(error);
      this.#context.host.requestUpdate();
      return;
    }
    this.conflict = false;
    await this.#save();
  }

  async #reloadLatest(): Promise<void> {
    this.conflict = false;
    this.working = [];
    this.base = { rules: [], exceptions: this.base.exceptions };
    await this.load();
    this.#context.focus('#rules-heading');
  }
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
