import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { safeUrl } from '@jobunivers/core';
import { IdempotencyKeys, type DeskContext } from './desk-context.js';
import { dateInstant } from '../dates.js';
import { loadErrorMessage, loadingMessage, problemMessage } from './desk-messages.js';
import { ViewLoader } from './desk-view-loader.js';
import type { DeskHelpRequest, DeskReceipt, DeskRequests } from './types.js';

/** Citizens who asked for help to book, and "no free time" receipts the citizens were given. */
export class RequestsView {
  readonly #context: DeskContext;
  readonly loader: ViewLoader;
  requests: DeskRequests = { helpRequests: [], receipts: [] };
  busy = new Set<string>();
  problem = '';
  readonly #keys = new Map<string, IdempotencyKeys>();

  constructor(context: DeskContext) {
    this.#context = context;
    this.loader = new ViewLoader(context);
  }

  /** Help requests nobody has marked as handled yet (for the tab's count). */
  get openCount(): number {
    return this.requests.helpRequests.filter((request) => request.handledAt === null).length;
  }

  load({ quiet = false } = {}): Promise<void> {
    return this.loader.load(
      (api) => Promise.all([api.requests(), this.#context.meetingTypes()]),
      ([requests]) => { this.requests = requests; },
      { quiet },
    );
  }

  render(): TemplateResult {
    const { t } = this.#context;
    if (this.loader.status === 'loading') return loadingMessage(t('state.loading'));
    if (this.loader.status === 'error') return loadErrorMessage(this.loader.error, t('action.retry'), () => void this.load());
    const open = this.requests.helpRequests.filter((request) => request.handledAt === null);
    const handled = this.requests.helpRequests.filter((request) => request.handledAt !== null);
    return html`
      ${problemMessage('requests-problem', this.problem)}
      <section class="desk-section" aria-labelledby="help-heading" part="help-requests">
        <h3 id="help-heading" tabindex="-1">${t('help.title', { count: open.length })}</h3>
        ${this.requests.helpRequests.length === 0
          ? html`<p>${t('help.none')}</p>`
          : html`<ul class="desk-list">${[...open, ...handled].map((request) => this.#renderHelp(request))}</ul>`}
      </section>
      <section class="desk-section" aria-labelledby="receipts-heading" part="receipts">
        <h3 id="receipts-heading">${t('receipts.title')}</h3>
        <p class="ju-hint">${t('receipts.intro')}</p>
        ${this.requests.receipts.length === 0
          ? html`<p>${t('receipts.none')}</p>`
          : html`<ul class="desk-list">${this.requests.receipts.map((receipt) => this.#renderReceipt(receipt))}</ul>`}
      </section>
    `;
  }

  #renderHelp(request: DeskHelpRequest): TemplateResult {
    const { t, format } = this.#context;
    const name = request.citizen.firstName;
    const handled = request.handledAt !== null;
    return html`
      <li class="desk-list__item ${handled ? 'desk-list__item--done' : ''}" part="help-request">
        <h4>${name}</h4>
        <p class="ju-hint">${t('help.sent', { when: format.dateTime(new Date(request.createdAt)) })}</p>
        <p>${t('help.reasons', { reasons: request.reasons.map((reason) => t(`help.reason.${reason}`, { defaultValue: reason })).join(', ') })}</p>
        ${request.message ? html`<p class="desk-quote">${request.message}</p>` : nothing}
        ${request.phone
          ? html`<p>${t('help.phone')} <a class="ju-link" dir="ltr" href=${ifDefined(safeUrl(`tel:${request.phone.replace(/[^+0-9]/g, '')}`))}>${request.phone}</a></p>`
          : nothing}
        <div class="desk-actions">
          <button class="ju-button ju-button--secondary" type="button" part="button" @click=${() => { this.#context.bookFor(request.citizen.id); }}>
            ${t('requests.book')}<span class="ju-visually-hidden"> ${t('requests.for', { name })}</span>
          </button>
          ${handled
            ? html`<p class="desk-done">${t('help.handled', { when: format.dateTime(new Date(request.handledAt ?? request.createdAt)) })}</p>`
            : html`<button
                class="ju-button"
                type="button"
                id=${`handled-${request.id}`}
                part="button"
                ?disabled=${this.busy.has(request.id)}
                @click=${() => void this.#markHandled(request)}
              >
                ${t('help.mark-handled')}<span class="ju-visually-hidden"> ${t('requests.for', { name })}</span>
              </button>`}
        </div>
      </li>
    `;
  }

  #renderReceipt(receipt: DeskReceipt): TemplateResult {
    const { t, format } = this.#context;
    const name = receipt.citizen.firstName;
    const title = this.#context.meetingTypeTitle(receipt.meetingTypeId) ?? t('receipts.unknown-type');
    const day = (date: string): string => format.date(dateInstant(date), { day: 'numeric', month: 'long', year: 'numeric' });
    return html`
      <li class="desk-list__item" part="receipt">
        <h4>${name} · ${title}</h4>
        <p>${t('receipts.deadline', { date: day(receipt.deadline) })}</p>
        <p class="ju-hint">${t('receipts.issued', { when: format.dateTime(new Date(receipt.issuedAt)) })}</p>
        <p>${receipt.firstAvailable ? t('receipts.first-available', { when: format.dateTime(new Date(receipt.firstAvailable)) }) : t('receipts.no-first-available')}</p>
        <div class="desk-actions">
          <button class="ju-button ju-button--secondary" type="button" part="button" @click=${() => { this.#context.bookFor(receipt.citizen.id, receipt.meetingTypeId); }}>
            ${t('requests.book')}<span class="ju-visually-hidden"> ${t('requests.for', { name })}</span>
          </button>
        </div>
      </li>
    `;
  }

  async #markHandled(request: DeskHelpRequest): Promise<void> {
    const context = this.#context;
    const api = context.api;
    if (!api || this.busy.has(request.id)) return;
    this.busy.add(request.id);
    this.problem = '';
    context.host.requestUpdate();
    try {
      const keys = this.#keys.get(request.id) ?? new IdempotencyKeys();
      this.#keys.set(request.id, keys);
      const updated = await api.markHandled(request.id, keys.for({ handled: request.id }));
      this.requests = {
        ...this.requests,
        helpRequests: this.requests.helpRequests.map((item) => (item.id === updated.id ? { ...item, handledAt: updated.handledAt ?? new Date().toISOString() } : item)),
      };
      context.announce(context.t('help.marked', { name: request.citizen.firstName }));
      context.focus('#help-heading');
      context.changed('requests');
    } catch (error) {
      this.problem = context.describe(error);
      context.failed(error);
      context.focus('#requests-problem');
    } finally {
      this.busy.delete(request.id);
      context.host.requestUpdate();
    }
  }
}
