import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CannedReply } from '@jobunivers/contract';
import type { ConsoleContext } from './console-context.js';

/** The contract's CHAT_MESSAGE_MAX_LENGTH (a value import would bring the contract's schemas into the bundle). */
export const MESSAGE_MAX_LENGTH = 4000;

/** What the caseworker has typed in one conversation (kept while they look at another). */
export interface Draft {
  reply: string;
  note: string;
}

export interface ComposerOptions {
  readonly draft: Draft;
  readonly canned: readonly CannedReply[];
  /** The citizen's language (or Danish): its prepared answers are listed first. */
  readonly preferred: 'da' | 'en';
  readonly citizenName: string;
  readonly replyError: string;
  readonly noteError: string;
  readonly noteSaving: boolean;
  send(): void;
  typing(): void;
  saveNote(): void;
}

/** The reply to the citizen, with prepared answers to insert and edit; Enter sends, Shift+Enter is a new line. */
export function renderComposer(context: ConsoleContext, options: ComposerOptions): TemplateResult {
  const { t } = context;
  const { draft } = options;
  const languages = options.preferred === 'en' ? (['en', 'da'] as const) : (['da', 'en'] as const);
  const byLanguage = languages.map((language) => ({ language, items: options.canned.filter((reply) => reply.language === language) }));
  return html`
    <form class="cc-composer" part="composer" novalidate @submit=${(event: SubmitEvent) => { event.preventDefault(); options.send(); }}>
      <div class="ju-field">
        <label class="ju-label" for="reply">${t('composer.label', { name: options.citizenName })}</label>
        <p class="ju-hint" id="reply-hint">${t('composer.hint')}</p>
        ${options.replyError ? html`<p class="ju-error-text" id="reply-error">${options.replyError}</p>` : nothing}
        <textarea
          class="ju-input"
          id="reply"
          maxlength=${MESSAGE_MAX_LENGTH}
          aria-invalid=${options.replyError ? 'true' : 'false'}
          aria-describedby=${options.replyError ? 'reply-hint reply-error' : 'reply-hint'}
          .value=${live(draft.reply)}
          @input=${(event: Event) => {
            draft.reply = (event.target as HTMLTextAreaElement).value;
            options.typing();
          }}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
            event.preventDefault();
            options.send();
          }}
        ></textarea>
      </div>
      <div class="cc-actions">
        <button class="ju-button" type="submit" part="button" id="reply-send">${t('composer.send')}</button>
      </div>
      ${options.canned.length === 0
        ? nothing
        : html`<div class="cc-canned" part="canned-replies">
            <label class="ju-label" for="canned">${t('canned.label')}</label>
            <select class="ju-input" id="canned">
              ${byLanguage.map((group) => group.items.length === 0
                ? nothing
                : html`<optgroup label=${t(`canned.${group.language}`)}>
                    ${group.items.map((reply) => html`<option value=${reply.id}>${reply.title}</option>`)}
                  </optgroup>`)}
            </select>
            <button class="ju-button ju-button--secondary" type="button" part="button" id="canned-insert" @click=${(event: Event) => { insertCanned(event, options); }}>
              ${t('canned.insert')}
            </button>
          </div>`}
    </form>
  `;
}

/** An internal note for colleagues: stored with the conversation, never shown to the citizen. */
export function renderNoteForm(context: ConsoleContext, options: Pick<ComposerOptions, 'draft' | 'noteError' | 'noteSaving' | 'saveNote'>): TemplateResult {
  const { t } = context;
  const { draft } = options;
  return html`
    <details class="cc-note" part="note-composer">
      <summary>${t('note.toggle')}</summary>
      <form novalidate @submit=${(event: SubmitEvent) => { event.preventDefault(); options.saveNote(); }}>
        <div class="ju-field">
          <label class="ju-label" for="note">${t('note.label')}</label>
          <p class="ju-hint" id="note-hint">${t('note.hint')}</p>
          ${options.noteError ? html`<p class="ju-error-text" id="note-error">${options.noteError}</p>` : nothing}
          <textarea
            class="ju-input"
            id="note"
            maxlength=${MESSAGE_MAX_LENGTH}
            aria-invalid=${options.noteError ? 'true' : 'false'}
            aria-describedby=${options.noteError ? 'note-hint note-error' : 'note-hint'}
            .value=${live(draft.note)}
            @input=${(event: Event) => { draft.note = (event.target as HTMLTextAreaElement).value; }}
          ></textarea>
        </div>
        <button class="ju-button ju-button--secondary" type="submit" part="button" ?disabled=${options.noteSaving}>${t('note.save')}</button>
      </form>
    </details>
  `;
}

/** Puts the chosen answer where the caret is in the reply (replacing a selection), ready to edit. */
function insertCanned(event: Event, options: ComposerOptions): void {
  const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
  const select = root.querySelector<HTMLSelectElement>('#canned');
  const reply = root.querySelector<HTMLTextAreaElement>('#reply');
  const chosen = options.canned.find((item) => item.id === select?.value);
  if (!reply || !chosen) return;
  const start = reply.selectionStart;
  reply.setRangeText(chosen.text, start, reply.selectionEnd, 'end');
  options.draft.reply = reply.value;
  reply.focus();
}
