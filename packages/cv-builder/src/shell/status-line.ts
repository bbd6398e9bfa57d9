import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { Formatter } from '@jobunivers/core';
import type { Translate } from './shell-host.js';

/** Where the draft is in this browser. */
export type LocalSaveState =
  | { kind: 'loading' }
  /** Loaded; nothing changed yet in this visit. */
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saved'; at: number }
  /** `full`: the browser has no room left; `blocked`: it refused for another reason. */
  | { kind: 'failed'; reason: 'full' | 'blocked' };

/** Where the CV is on the job centre's server. */
export type ServerSaveState =
  /** No server, or no citizen token: everything stays in this browser. */
  | { kind: 'off' }
  /** There is a server and a token; sync's code (with its strings) is on its way. */
  | { kind: 'starting' }
  | { kind: 'sending' }
  | { kind: 'saved'; at: number }
  | { kind: 'offline' }
  | { kind: 'failed'; reason: string }
  /** Another device changed the CV: sending waits for the citizen's choice. */
  | { kind: 'conflict' };

export interface StatusView {
  readonly t: Translate;
  readonly format: Formatter;
  readonly local: LocalSaveState;
  readonly server: ServerSaveState;
  /** False when the browser keeps the draft only in memory. */
  readonly persistent: boolean;
  readonly shared: boolean;
  /** Opens the conflict dialog. */
  resolveConflict(opener: HTMLElement): void;
}

/** "Gemt på denne enhed kl. 14.32" and what is happening with the server copy. Not a live region: it changes as the citizen types. */
function saveText(view: StatusView): string {
  const { t, format, local, server } = view;
  switch (local.kind) {
    case 'loading': return t('shell.status.loading');
    case 'pending': return t('shell.status.saving');
    case 'failed': return t('shell.status.failed', { reason: t(local.reason === 'full' ? 'shell.status.reasonFull' : 'shell.status.reasonBlocked') });
    case 'idle': return server.kind === 'saved' ? t('shell.status.savedBoth', { time: format.time(server.at) }) : t('shell.status.auto');
    case 'saved': {
      if (server.kind === 'saved' && server.at >= local.at) return t('shell.status.savedBoth', { time: format.time(server.at) });
      const here = t('shell.status.savedLocal', { time: format.time(local.at) });
      if (server.kind === 'sending') return `${here} ${t('shell.status.sending')}`;
      if (server.kind === 'offline') return `${here} ${t('shell.status.offline')}`;
      if (server.kind === 'failed') return `${here} ${t('shell.status.serverFailed', { reason: server.reason })}`;
      return here;
    }
  }
}

/** Where the CV lives, said every time: only this browser, or also the job centre's server. */
function whereText(view: StatusView): string {
  const { t } = view;
  if (!view.persistent) return t('shell.where.memory');
  if (view.server.kind === 'off') return t('shell.where.local');
  return view.shared ? t('shell.where.serverShared') : t('shell.where.server');
}

export function renderStatus(view: StatusView): TemplateResult {
  const { t } = view;
  return html`
    <div class="status" part="status">
      <p class="save-state" id="cv-save-state">${saveText(view)}</p>
      <p class=${view.persistent ? 'where' : 'where ju-message ju-message--error'} part="where">${whereText(view)}</p>
      ${view.server.kind === 'conflict' ? html`
        <div class="ju-message conflict-note" part="conflict-note">
          <p>${t('shell.conflict.note')}</p>
          <button type="button" id="tb-conflict" class="ju-button" part="button" aria-haspopup="dialog"
            @click=${(event: Event) => { view.resolveConflict(event.currentTarget as HTMLElement); }}>${t('shell.conflict.open')}</button>
        </div>` : nothing}
    </div>`;
}
