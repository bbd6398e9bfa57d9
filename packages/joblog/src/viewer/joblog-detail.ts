// The opened joblog, loaded when the caseworker opens one (the list of citizens does not pay for it): the
// requirement meter, the requirement form, the read-only list and week views, an entry's details and what prints.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, getI18n, type Formatter } from '@jobunivers/core';
import modelDa from '../locales/model.da.json';
import viewsDa from '../locales/views.da.json';
import { joblogStyles } from '../joblog.styles.js';
import { DEFAULT_REQUIREMENT, type JoblogEntry, type Requirement } from '../model/entry.js';
import { readRequirement } from '../model/requirement.js';
import { today } from '../model/weeks.js';
import { renderMeter } from '../shell/requirement-meter.js';
import { dateOf } from '../views/entry-labels.js';
import { ReadOnlyViews, type ReadOnlyView } from '../views/read-only-views.js';
import type { ViewContext } from '../views/view-context.js';
import { viewStyles } from '../views/views.styles.js';
import { renderEntryDetails } from './entry-details.js';
import { joblogDetailStyles } from './joblog-detail.styles.js';
import type { AgreedRequirement, JoblogViewerApi } from './joblog-viewer-api.js';
import { versionOf } from './joblog-viewer-api.js';
import { mergeStrings } from './locales.js';
import detailDa from './locales/detail.da.json';
import { draftOf, readDraft, renderRequirementForm, type RequirementDraft, type RequirementFormState } from './requirement-form.js';

export const detailStyles = [joblogStyles, viewStyles, joblogDetailStyles];

let stringsAdded = false;

/** The opened joblog's Danish strings travel with it; a host's own wording is never overwritten. */
export function addDetailStrings(namespace: string): void {
  if (stringsAdded) return;
  stringsAdded = true;
  getI18n().addResourceBundle('da', namespace, mergeStrings({ requirement: modelDa.requirement }, viewsDa, detailDa), true, false);
}

const NO_REQUIREMENT: Requirement = { ...DEFAULT_REQUIREMENT, perWeek: 0 };

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the element hands the opened joblog on every render: state down, requests up. */
export interface DetailContext {
  citizenId: string;
  entries: readonly JoblogEntry[];
  agreed: AgreedRequirement;
  api: JoblogViewerApi;
  t: Translate;
  format: Formatter;
  lang: string;
  /** True while the page prints: every entry is rendered, not a window of them. */
  printing: boolean;
  announce(text: string, assertive?: boolean): void;
  /** A plain sentence for an error, saying what to do next. */
  describe(error: unknown): string;
  /** Focuses what `selector` matches after the next render. */
  focusLater(selector: string): void;
  /** The requirement changed on the server (saved, fetched again, removed). */
  agreedChanged(agreed: AgreedRequirement, savedVersion?: number): void;
}

/** One opened joblog's own state (the view, the form, an open entry); made anew for every citizen opened. */
export class JoblogDetail implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #views: ReadOnlyViews;
  #view: ReadOnlyView = 'list';
  #form: RequirementFormState | undefined;
  #confirmRemove = false;
  #shownEntry: { entry: JoblogEntry; opener: HTMLElement } | undefined;
  #ctx: DetailContext | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#views = new ReadOnlyViews(host);
    host.addController(this);
  }

  dispose(): void {
    this.#views.dispose();
    this.#host.removeController(this);
  }

  hostUpdated(): void {
    const dialog = this.#host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.entry-dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  #set(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }

  #patchForm(patch: Partial<RequirementFormState>): void {
    const form = this.#form;
    if (form !== undefined) this.#set(() => { this.#form = { ...form, ...patch }; });
  }

  #editRequirement(ctx: DetailContext): void {
    const decimal = (value: number): string => ctx.format.number(value, { maximumFractionDigits: 2, useGrouping: false });
    this.#set(() => {
      this.#confirmRemove = false;
      this.#form = { draft: draftOf(ctx.agreed.requirement, decimal), errors: new Map(), saving: false, conflict: 'none', failure: undefined };
    });
    ctx.focusLater('#rq-heading');
  }

  async #save(): Promise<void> {
    const ctx = this.#ctx;
    const form = this.#form;
    if (ctx === undefined || form === undefined || form.saving) return;
    const { requirement, errors } = readDraft(form.draft);
    if (requirement === undefined) {
      this.#set(() => { this.#form = { ...form, errors }; });
      ctx.focusLater('#rq-errors');
      ctx.announce(ctx.t('form.errorSummary', { count: errors.size }), true);
      return;
    }
    this.#set(() => { this.#form = { ...form, errors, saving: true, failure: undefined }; });
    try {
      const agreed = await ctx.api.saveRequirement(ctx.citizenId, requirement, ctx.agreed.etag);
      this.#set(() => { this.#form = undefined; });
      ctx.focusLater('#rq-edit');
      ctx.announce(ctx.t('form.saved'));
      ctx.agreedChanged(agreed, versionOf(agreed.etag));
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        this.#patchForm({ saving: false, conflict: 'changed' });
        ctx.focusLater('#rq-conflict');
        ctx.announce(ctx.t('form.conflict'), true);
      } else {
        const failure = ctx.t('form.failed', { reason: ctx.describe(error) });
        this.#patchForm({ saving: false, failure });
        ctx.announce(failure, true);
      }
    }
  }

  /** After a 412: fetches the colleague's requirement (the meter shows it; its ETag is sent next), keeping the input. */
  async #reload(): Promise<void> {
    const ctx = this.#ctx;
    if (ctx === undefined) return;
    try {
      const agreed = await ctx.api.requirement(ctx.citizenId);
      ctx.agreedChanged(agreed);
      this.#patchForm({ conflict: 'reloaded', failure: undefined });
      ctx.focusLater('#rq-conflict');
      ctx.announce(ctx.t('form.reloaded'));
    } catch (error) {
      const failure = ctx.describe(error);
      this.#patchForm({ failure });
      ctx.announce(failure, true);
    }
  }

  async #remove(): Promise<void> {
    const ctx = this.#ctx;
    if (ctx === undefined) return;
    try {
      await ctx.api.removeRequirement(ctx.citizenId);
      this.#set(() => { this.#confirmRemove = false; });
      ctx.agreedChanged({ requirement: null, etag: undefined });
      ctx.focusLater('#rq-edit');
      ctx.announce(ctx.t('form.removed'));
    } catch (error) {
      ctx.announce(ctx.describe(error), true);
    }
  }

  render(ctx: DetailContext): TemplateResult {
    this.#ctx = ctx;
    const { t, agreed } = ctx;
    const now = today();
    const requirement = agreed.requirement ?? NO_REQUIREMENT;
    const level3 = (id: string, text: string): TemplateResult => html`<h3 id=${id}>${text}</h3>`;
    return html`
      ${renderMeter(t, ctx.format, readRequirement(ctx.entries, requirement, now), requirement, 'meter-heading', level3)}
      ${this.#form === undefined ? this.#renderActions(ctx) : renderRequirementForm(t, this.#form, {
        change: (draft: RequirementDraft) => { this.#patchForm({ draft }); },
        submit: () => { void this.#save(); },
        cancel: () => { this.#set(() => { this.#form = undefined; }); ctx.focusLater('#rq-edit'); },
        reload: () => { void this.#reload(); },
      })}
      <fieldset class="view-switch" part="view-switch">
        <legend>${t('viewer.view')}</legend>
        ${(['list', 'weeks'] as const).map((view) => html`<button type="button" class="ju-button ju-button--secondary" id=${`view-${view}`}
          aria-pressed=${this.#view === view ? 'true' : 'false'} @click=${() => { this.#set(() => { this.#view = view; }); }}>${t(view === 'list' ? 'viewer.viewList' : 'viewer.viewWeeks')}</button>`)}
      </fieldset>
      ${ctx.printing ? this.#renderPrintList(ctx) : this.#views.render(this.#view, this.#viewContext(ctx, agreed.requirement, now))}
      ${this.#shownEntry === undefined ? nothing : renderEntryDetails(t, ctx.format, this.#shownEntry.entry, () => { this.#closeEntry(ctx); })}`;
  }

  #renderActions(ctx: DetailContext): TemplateResult {
    const { t } = ctx;
    const agreed = ctx.agreed.requirement !== null;
    return html`<div class="requirement-actions">
        <button type="button" class="ju-button ju-button--secondary" id="rq-edit" @click=${() => { this.#editRequirement(ctx); }}>${t(agreed ? 'form.edit' : 'form.set')}</button>
        ${!agreed || this.#confirmRemove ? nothing : html`<button type="button" class="ju-button ju-button--quiet" id="rq-remove"
          @click=${() => { this.#set(() => { this.#confirmRemove = true; }); ctx.focusLater('#rq-confirm-text'); }}>${t('form.remove')}</button>`}
      </div>
      ${this.#confirmRemove && agreed ? html`<div class="confirm ju-message" part="confirm-remove" role="group" aria-labelledby="rq-confirm-text">
        <p id="rq-confirm-text" tabindex="-1">${t('form.confirmRemove')}</p>
        <div class="confirm-actions">
          <button type="button" class="ju-button" id="rq-remove-yes" @click=${() => { void this.#remove(); }}>${t('form.confirmRemoveYes')}</button>
          <button type="button" class="ju-button ju-button--secondary" id="rq-remove-no"
            @click=${() => { this.#set(() => { this.#confirmRemove = false; }); ctx.focusLater('#rq-remove'); }}>${t('form.cancel')}</button>
        </div>
      </div>` : nothing}`;
  }

  #viewContext(ctx: DetailContext, requirement: Requirement | null, now: string): ViewContext {
    return {
      entries: ctx.entries,
      today: now,
      readOnly: true,
      ...(requirement === null ? {} : { requirement }),
      headingLevel: 2,
      t: ctx.t,
      format: ctx.format,
      lang: ctx.lang,
      open: (entryId, opener) => {
        const entry = ctx.entries.find((candidate) => candidate.id === entryId);
        if (entry !== undefined) this.#set(() => { this.#shownEntry = { entry, opener }; });
      },
      changeStatus: () => undefined,
      announce: (text) => { ctx.announce(text); },
    };
  }

  /** Focus goes back to the entry's title; the windowed list may have replaced the button meanwhile. */
  #closeEntry(ctx: DetailContext): void {
    const shown = this.#shownEntry;
    this.#set(() => { this.#shownEntry = undefined; });
    if (shown === undefined) return;
    if (shown.opener.isConnected) shown.opener.focus();
    else ctx.focusLater(`[data-entry-id="${CSS.escape(shown.entry.id)}"] button`);
  }

  /** What "Udskriv" puts on paper: every entry, newest first, as plain rows (the screen's list shows a window). */
  #renderPrintList(ctx: DetailContext): TemplateResult {
    const { t, format } = ctx;
    const sorted = [...ctx.entries].sort((a, b) => b.date.localeCompare(a.date));
    return html`<ol class="print-list" part="print-list">${sorted.map((entry) => html`<li>
      ${format.date(dateOf(entry.date))} · ${entry.title.trim() === '' ? t('views.untitled') : entry.title}${entry.employer.trim() === '' ? '' : `, ${entry.employer}`}
      · ${t(entry.type === 'activity' ? `views.activity.${entry.activityKind ?? 'other'}` : `views.status.${entry.status}`)}
    </li>`)}</ol>`;
  }
}
