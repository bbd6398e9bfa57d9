import { html, nothing, type TemplateResult } from 'lit';
import type { ConsoleConversation } from '@jobunivers/contract';
import { citizenName, languageName, type ConsoleContext } from './console-context.js';

export interface QueueActions {
  /** Conversations being claimed right now (their button is disabled). */
  readonly claiming: ReadonlySet<string>;
  readonly away: boolean;
  claim(entry: ConsoleConversation): void;
}

/** The citizens waiting, oldest first: who, about what, in which language, for how long, their first words; and "Tag samtalen". */
export function renderQueue(context: ConsoleContext, queue: readonly ConsoleConversation[], actions: QueueActions): TemplateResult {
  const { t } = context;
  return html`
    <h3 id="queue-heading" tabindex="-1">${t('queue.title', { count: queue.length })}</h3>
    ${actions.away ? html`<p class="ju-hint">${t('queue.away-hint')}</p>` : nothing}
    ${queue.length === 0
      ? html`<p part="empty">${t('queue.empty')}</p>`
      : html`<ul class="cc-list">
          ${queue.map((entry) => {
            const name = citizenName(context, entry.citizen);
            return html`<li class="cc-item" part="queue-item">
              <h4 dir="auto">${name}</h4>
              <p>${entry.conversation.topic.label} · ${languageName(context, entry.citizen.language)}</p>
              <p class="ju-hint">${waiting(context, entry.conversation.createdAt)}${entry.citizen.signedIn ? ` · ${t('citizen.signed-in')}` : ''}</p>
              ${entry.preview ? html`<p class="cc-row__preview" dir="auto">${entry.preview}</p>` : nothing}
              <button
                class="ju-button"
                type="button"
                part="button"
                id=${`claim-${entry.conversation.id}`}
                ?disabled=${actions.claiming.has(entry.conversation.id) || actions.away}
                @click=${() => { actions.claim(entry); }}
              >
                ${t('queue.claim')}<span class="ju-visually-hidden"> ${t('list.with', { name })}</span>
              </button>
            </li>`;
          })}
        </ul>`}
  `;
}

/**
 * The caseworker's own conversations (or the left messages): each is one button that opens it, saying who,
 * the topic, how many unread messages and the start of the newest.
 */
export function renderConversationList(
  context: ConsoleContext,
  kind: 'mine' | 'messages',
  entries: readonly ConsoleConversation[],
  openId: string | undefined,
  open: (entry: ConsoleConversation) => void,
): TemplateResult {
  const { t, format } = context;
  return html`
    <h3 id=${`${kind}-heading`} tabindex="-1">${t(`${kind}.title`, { count: entries.length })}</h3>
    ${entries.length === 0
      ? html`<p part="empty">${t(`${kind}.empty`)}</p>`
      : html`<ul class="cc-list">
          ${entries.map((entry) => {
            const { conversation } = entry;
            const when = entry.lastMessageAt ?? conversation.createdAt;
            return html`<li part=${kind === 'mine' ? 'mine-item' : 'message-item'}>
              <button
                class="cc-row"
                type="button"
                id=${`open-${conversation.id}`}
                aria-current=${conversation.id === openId ? 'true' : 'false'}
                @click=${() => { open(entry); }}
              >
                <span class="cc-row__top">
                  <strong dir="auto">${citizenName(context, entry.citizen)}</strong>
                  ${entry.unread > 0 && kind === 'mine' ? html`<span class="cc-badge" part="unread">${t('mine.unread', { count: entry.unread })}</span>` : nothing}
                  ${conversation.state === 'closed' ? html`<span class="cc-tag">${t('chat-state.closed')}</span>` : nothing}
                </span>
                <span class="cc-row__meta">${conversation.topic.label} · ${format.time(new Date(when))}</span>
                ${entry.preview ? html`<span class="cc-row__preview" dir="auto">${entry.preview}</span>` : nothing}
              </button>
            </li>`;
          })}
        </ul>`}
  `;
}

/** "Venter i 4 minutter" (under a minute: "Kom lige i kø"). */
function waiting(context: ConsoleContext, since: string): string {
  const minutes = Math.floor((Date.now() - new Date(since).getTime()) / 60_000);
  return minutes < 1 ? context.t('queue.just-now') : context.t('queue.waiting', { count: minutes });
}
