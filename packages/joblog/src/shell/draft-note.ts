import { html, type TemplateResult } from 'lit';
import type { FormDraft } from '../storage/entry-store.js';
import { addDialogStrings } from './dialog-strings.js';
import type { Translate } from './shell-host.js';

export { settleFormDraft } from '../storage/form-rescue.js';

export interface DraftNoteActions {
  resume: (opener: HTMLElement) => void;
  discard: () => void;
}

/**
 * "Du har en ansøgning, du ikke har gemt": the entry form's unsaved input, offered back after a reload, a crash or
 * closing the form. Loaded only when there is such a draft; its strings come with the dialogs'.
 */
export function renderDraftNote(t: Translate, draft: FormDraft, actions: DraftNoteActions): TemplateResult {
  addDialogStrings();
  const title = draft.entry.title.trim();
  const kind = draft.entry.type === 'activity' ? 'activity' : 'application';
  return html`<div class="draft-note" part="draft-note" id="jl-draft-note">
    <p>${title === '' ? t(`draft.${kind}Untitled`) : t(`draft.${kind}`, { title })}</p>
    <div class="reminder-actions">
      <button type="button" id="jl-draft-resume" class="ju-button" part="button" aria-haspopup="dialog"
        @click=${(event: Event) => { actions.resume(event.currentTarget as HTMLElement); }}>${t('draft.resume')}</button>
      <button type="button" id="jl-draft-discard" class="ju-button ju-button--quiet" part="button" @click=${actions.discard}>${t('draft.discard')}</button>
    </div>
  </div>`;
}
