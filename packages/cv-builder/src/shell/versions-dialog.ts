import { html, live, nothing } from '../lit.js';
import type { TemplateResult } from 'lit';
import type { VersionInfo, Versions } from '../storage/draft-store.js';
import { dialogFrame, dialogProblem, stamp } from './dialog-frame.js';
import { isBlankCv } from './cv-summary.js';
import type { ShellDialog, ShellHost } from './shell-host.js';
import { addDialogStrings } from './dialog-strings.js';

addDialogStrings();

/** The named versions in this browser's store. */
const versionsOf = async (host: ShellHost): Promise<Versions> => (await host.store()).versions();

const MAX_NAME = 100;

/** "Gem som version": a copy of the CV under a name the citizen can go back to ("CV til lagerjob"). */
export class SaveVersionDialog implements ShellDialog {
  readonly #host: ShellHost;
  #name: string;
  #missing = false;
  #saving = false;
  #problem: string | undefined;

  constructor(host: ShellHost) {
    this.#host = host;
    this.#name = host.t('shell.versions.defaultName', { time: stamp(host) });
  }

  canClose(): boolean {
    return !this.#saving;
  }

  render(): TemplateResult {
    const { t } = this.#host;
    const describedBy = this.#missing ? 'version-name-hint version-name-error' : 'version-name-hint';
    return dialogFrame(this.#host, {
      title: t('shell.versions.saveTitle'),
      busy: this.#saving,
      body: html`
        <form novalidate @submit=${(event: SubmitEvent) => { event.preventDefault(); void this.#save(); }}>
          <p>${t('shell.versions.saveIntro')}</p>
          ${dialogProblem(this.#problem)}
          <div class="ju-field">
            <label class="ju-label" for="version-name">${t('shell.versions.name')}</label>
            <p class="ju-hint" id="version-name-hint">${t('shell.versions.nameHint')}</p>
            ${this.#missing ? html`<p class="ju-error-text" id="version-name-error">${t('shell.versions.nameMissing')}</p>` : nothing}
            <input class="ju-input" id="version-name" type="text" autocomplete="off" maxlength=${MAX_NAME} autofocus
              aria-describedby=${describedBy} aria-invalid=${this.#missing ? 'true' : 'false'}
              .value=${live(this.#name)} @input=${(event: Event) => { this.#name = (event.target as HTMLInputElement).value; }} />
          </div>
          <div class="dialog-actions">
            <button type="submit" class="ju-button" part="button" aria-disabled=${this.#saving ? 'true' : 'false'}>${t('shell.versions.save')}</button>
            <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#host.closeDialog(); }}>${t('action.cancel')}</button>
          </div>
        </form>`,
    });
  }

  async #save(): Promise<void> {
    if (this.#saving) return;
    const host = this.#host;
    const name = this.#name.trim();
    this.#missing = name === '';
    if (this.#missing) {
      host.focus('version-name');
      return;
    }
    this.#saving = true;
    this.#problem = undefined;
    host.update();
    try {
      await (await versionsOf(host)).save(name, host.cv);
      host.announce(host.t('shell.versions.saved', { name }));
      host.closeDialog();
    } catch {
      this.#problem = host.t('shell.versions.saveFailed');
      host.update();
    } finally {
      this.#saving = false;
    }
  }
}

type RowMode = { kind: 'rename'; id: string; name: string; missing: boolean } | { kind: 'delete'; id: string } | undefined;

/** "Versioner": the named versions in this browser: open (the current CV is kept as a version first), rename, delete. */
export class VersionsDialog implements ShellDialog {
  readonly #host: ShellHost;
  #versions: VersionInfo[] | undefined;
  #mode: RowMode;
  #working = false;
  #problem: string | undefined;

  constructor(host: ShellHost) {
    this.#host = host;
    void this.#load();
  }

  canClose(): boolean {
    return !this.#working;
  }

  async #load(): Promise<void> {
    try {
      this.#versions = await (await versionsOf(this.#host)).list();
    } catch {
      this.#versions = [];
      this.#problem = this.#host.t('shell.versions.listFailed');
    }
    this.#host.update();
  }

  render(): TemplateResult {
    const { t } = this.#host;
    const versions = this.#versions;
    return dialogFrame(this.#host, {
      title: t('shell.versions.title'),
      busy: versions === undefined || this.#working,
      body: html`
        <p>${t('shell.versions.intro')}</p>
        ${dialogProblem(this.#problem)}
        ${versions === undefined ? html`<p>${t('shell.versions.loading')}</p>`
          : versions.length === 0 ? html`<p>${t('shell.versions.none')}</p>`
          : html`<ul class="version-list" role="list" aria-labelledby="cv-dialog-heading">${versions.map((version) => this.#renderVersion(version))}</ul>`}
        <div class="dialog-actions">
          <button type="button" class="ju-button ju-button--secondary" part="button" id="versions-close" autofocus @click=${() => { this.#host.closeDialog(); }}>${t('action.close')}</button>
        </div>`,
    });
  }

  #renderVersion(version: VersionInfo): TemplateResult {
    const { t, format } = this.#host;
    const mode = this.#mode?.id === version.id ? this.#mode : undefined;
    const name = html`<span class="ju-visually-hidden"> ${version.name}</span>`;
    let actions: TemplateResult;
    if (mode?.kind === 'rename') {
      actions = html`<form class="version-rename" novalidate @submit=${(event: SubmitEvent) => { event.preventDefault(); void this.#rename(version); }}>
        <div class="ju-field">
          <label class="ju-label" for="rename-${version.id}">${t('shell.versions.newName')}</label>
          ${mode.missing ? html`<p class="ju-error-text" id="rename-${version.id}-error">${t('shell.versions.nameMissing')}</p>` : nothing}
          <input class="ju-input" id="rename-${version.id}" type="text" autocomplete="off" maxlength=${MAX_NAME}
            aria-invalid=${mode.missing ? 'true' : 'false'} aria-describedby=${mode.missing ? `rename-${version.id}-error` : nothing}
            .value=${live(mode.name)} @input=${(event: Event) => { mode.name = (event.target as HTMLInputElement).value; }} />
        </div>
        <div class="dialog-actions">
          <button type="submit" class="ju-button" part="button">${t('shell.versions.saveName')}</button>
          <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#setMode(undefined, `version-rename-${version.id}`); }}>${t('action.cancel')}</button>
        </div>
      </form>`;
    } else if (mode?.kind === 'delete') {
      actions = html`<div class="version-confirm" role="group" aria-labelledby="delete-${version.id}-question">
        <p id="delete-${version.id}-question">${t('shell.versions.deleteQuestion', { name: version.name })}</p>
        <div class="dialog-actions">
          <button type="button" class="ju-button ju-button--danger" part="button" id="delete-${version.id}-confirm" @click=${() => { void this.#delete(version); }}>${t('shell.versions.deleteConfirm')}</button>
          <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#setMode(undefined, `version-delete-${version.id}`); }}>${t('shell.versions.deleteCancel')}</button>
        </div>
      </div>`;
    } else {
      actions = html`<div class="version-actions">
        <button type="button" class="ju-button" part="button" id="version-open-${version.id}" @click=${() => { void this.#open(version); }}>${t('shell.versions.open')}${name}</button>
        <button type="button" class="ju-button ju-button--secondary" part="button" id="version-rename-${version.id}"
          @click=${() => { this.#setMode({ kind: 'rename', id: version.id, name: version.name, missing: false }, `rename-${version.id}`); }}>${t('shell.versions.rename')}${name}</button>
        <button type="button" class="ju-button ju-button--secondary" part="button" id="version-delete-${version.id}"
          @click=${() => { this.#setMode({ kind: 'delete', id: version.id }, `delete-${version.id}-confirm`); }}>${t('shell.versions.delete')}${name}</button>
      </div>`;
    }
    return html`<li class="version" id="version-${version.id}">
      <p class="version-name">${version.name}</p>
      <p class="version-meta">${t('shell.versions.meta', { time: format.dateTime(Date.parse(version.savedAt)), count: version.items })}</p>
      ${actions}
    </li>`;
  }

  #setMode(mode: RowMode, focusId: string): void {
    this.#mode = mode;
    this.#problem = undefined;
    this.#host.focus(focusId);
  }

  async #rename(version: VersionInfo): Promise<void> {
    const mode = this.#mode;
    if (mode?.kind !== 'rename' || this.#working) return;
    const host = this.#host;
    const name = mode.name.trim();
    if (name === '') {
      mode.missing = true;
      host.focus(`rename-${version.id}`);
      return;
    }
    await this.#work(async (versions) => {
      await versions.rename(version.id, name);
      this.#versions = await versions.list();
      this.#mode = undefined;
      host.announce(host.t('shell.versions.renamed', { name }));
      host.focus(`version-rename-${version.id}`);
    });
  }

  async #delete(version: VersionInfo): Promise<void> {
    const host = this.#host;
    const index = this.#versions?.findIndex((item) => item.id === version.id) ?? -1;
    await this.#work(async (versions) => {
      await versions.delete(version.id);
      this.#versions = await versions.list();
      this.#mode = undefined;
      host.announce(host.t('shell.versions.deleted', { name: version.name }));
      // Focus goes to the version that took its place, else the one before, else the heading.
      const next = this.#versions.at(Math.min(index, this.#versions.length - 1));
      host.focus(next === undefined ? 'versions-close' : `version-open-${next.id}`);
    });
  }

  /** Opens a version: the current CV is saved as a version first, so nothing is lost; the switch can be undone. */
  async #open(version: VersionInfo): Promise<void> {
    const host = this.#host;
    await this.#work(async (versions) => {
      const stored = await versions.load(version.id);
      if (stored === undefined) {
        this.#problem = host.t('shell.versions.openFailed');
        this.#versions = await versions.list();
        return;
      }
      let message = host.t('shell.versions.opened', { name: version.name });
      if (!isBlankCv(host.cv)) {
        const before = host.t('shell.versions.beforeOpen', { time: stamp(host) });
        await versions.save(before, host.cv);
        message = `${message} ${host.t('shell.versions.keptAs', { name: before })}`;
      }
      host.replaceCv(stored.cv, message);
      host.closeDialog('cv-heading');
    });
  }

  async #work(task: (versions: Versions) => Promise<void>): Promise<void> {
    if (this.#working) return;
    this.#working = true;
    this.#problem = undefined;
    this.#host.update();
    try {
      await task(await versionsOf(this.#host));
    } catch {
      this.#problem = this.#host.t('shell.versions.failed');
    } finally {
      this.#working = false;
      this.#host.update();
    }
  }
}
