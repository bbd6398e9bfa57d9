import { html, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { Cv } from '../model/cv.js';
import { countItems } from '../model/compare.js';
import { changedSections } from './cv-summary.js';
import { dialogFrame, dialogProblem } from './dialog-frame.js';
import { heading } from './heading.js';
import type { ShellDialog, ShellHost } from './shell-host.js';
import type { SyncConflict } from './sync-handle.js';
import { addDialogStrings } from './dialog-strings.js';

addDialogStrings();

/**
 * The CV changed both here and on another device. Both are shown side by side (when each was changed, which
 * sections differ, what each holds there) and the citizen chooses; the one not chosen is kept as a named version,
 * so nothing is dropped. "Bestem senere" (or Escape) leaves both as they are: this device keeps saving locally
 * and nothing is sent until the choice is made.
 */
export class ConflictDialog implements ShellDialog {
  readonly #host: ShellHost;
  #working = false;
  #problem: string | undefined;

  constructor(host: ShellHost) {
    this.#host = host;
  }

  canClose(): boolean {
    return !this.#working;
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t } = host;
    const conflict = host.sync?.conflict;
    if (conflict === undefined) {
      return dialogFrame(host, {
        title: t('shell.conflict.title'),
        body: html`<p>${t('shell.conflict.resolved')}</p>
          <div class="dialog-actions"><button type="button" class="ju-button" part="button" autofocus @click=${() => { host.closeDialog(); }}>${t('action.close')}</button></div>`,
      });
    }
    // This side is the CV as it is now (the citizen may have typed since the conflict was found).
    const local = host.cv;
    const differing = changedSections(local, conflict.remote);
    return dialogFrame(host, {
      title: t('shell.conflict.title'),
      wide: true,
      busy: this.#working,
      body: html`
        <p>${t('shell.conflict.intro')}</p>
        ${dialogProblem(this.#problem)}
        <div class="compare">
          ${this.#side('local', local, conflict.localSavedAt, differing, conflict)}
          ${this.#side('remote', conflict.remote, conflict.remoteSavedAt, differing, conflict)}
        </div>
        <p>${t('shell.conflict.keepBoth')}</p>
        <div class="dialog-actions">
          <button type="button" class="ju-button" part="button" id="conflict-local" aria-disabled=${this.#working ? 'true' : 'false'}
            @click=${() => { void this.#choose('local'); }}>${t('shell.conflict.keepLocal')}</button>
          <button type="button" class="ju-button" part="button" id="conflict-remote" aria-disabled=${this.#working ? 'true' : 'false'}
            @click=${() => { void this.#choose('remote'); }}>${t('shell.conflict.keepRemote')}</button>
          <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { host.closeDialog(); }}>${t('shell.conflict.later')}</button>
        </div>`,
    });
  }

  #side(which: 'local' | 'remote', cv: Cv, savedAt: string | undefined, differing: readonly string[], conflict: SyncConflict): TemplateResult {
    const host = this.#host;
    const { t, format } = host;
    const other = which === 'local' ? conflict.remote : host.cv;
    const time = savedAt === undefined || Number.isNaN(Date.parse(savedAt)) ? undefined : format.dateTime(Date.parse(savedAt));
    const name = cv.contact.name.trim();
    return html`
      <section class="compare-side" aria-labelledby="conflict-${which}-heading">
        ${heading(host.headingLevel + 2, `conflict-${which}-heading`, t(`shell.conflict.${which}`), '', false)}
        <dl>
          ${time === undefined ? nothing : html`<dt>${t('shell.conflict.changed')}</dt><dd>${time}</dd>`}
          ${name === '' ? nothing : html`<dt>${t('shell.conflict.name')}</dt><dd>${name}</dd>`}
          <dt>${t('shell.conflict.items')}</dt><dd>${format.number(countItems(cv))}</dd>
        </dl>
        ${differing.length === 0 ? nothing : html`
          <p>${t('shell.conflict.differs')}</p>
          <ul>${differing.map((key) => html`<li>${t(`section.${key}.heading`)}${this.#detail(key, cv, other)}</li>`)}</ul>`}
      </section>`;
  }

  /** ": 4 punkter" for a list section, so the citizen sees which side has more. */
  #detail(key: string, cv: Cv, other: Cv): string {
    const items = (value: Cv): number | undefined => {
      const section = (value as unknown as Record<string, unknown>)[key];
      if (Array.isArray(section)) return section.length;
      if (typeof section === 'object' && section !== null && Array.isArray((section as { items?: unknown }).items)) return (section as { items: unknown[] }).items.length;
      return undefined;
    };
    const mine = items(cv);
    const theirs = items(other);
    return mine === undefined || mine === theirs ? '' : `: ${this.#host.t('shell.conflict.itemCount', { count: mine })}`;
  }

  async #choose(keep: 'local' | 'remote'): Promise<void> {
    const host = this.#host;
    const sync = host.sync;
    if (this.#working || sync === undefined) return;
    this.#working = true;
    this.#problem = undefined;
    host.update();
    try {
      await sync.resolveConflict(keep);
      host.closeDialog('cv-heading');
    } catch {
      this.#problem = host.t('shell.conflict.failed');
      host.focus(`conflict-${keep}`);
    } finally {
      this.#working = false;
      host.update();
    }
  }
}
