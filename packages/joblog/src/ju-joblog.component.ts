import { adoptStyles, html, nothing, type CSSResultGroup, type CSSResultOrNative, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { JuElement, sharedStyles } from '@jobunivers/core';
import { joblogStyles } from './joblog.styles.js';
import { JOBLOG_NAMESPACE } from './locales/register.js';
import { DEFAULT_REQUIREMENT, newEntry, type EntryType, type JoblogEntry, type Outcome, type Requirement, type Status } from './model/entry.js';
import { JoblogStore, type FormDraft, type JoblogConflict } from './storage/entry-store.js';
import { forgetRescuedFormDraft, hasRescuedFormDraft } from './storage/rescue-key.js';
import { findReminders, withoutDismissed } from './model/reminders.js';
import { readRequirement } from './model/requirement.js';
import { today } from './model/weeks.js';
import type { DialogController } from './shell/dialog-controller.js';
import { renderPlainList } from './shell/entry-list.js';
import { clampLevel, heading } from './shell/heading.js';
import { LazyModule } from './shell/lazy.js';
import { renderMeter } from './shell/requirement-meter.js';
import { renderReminders } from './shell/reminders.js';
import type { CvVersionChoice, JoblogHost, ShellDialog } from './shell/shell-host.js';
import type { SyncController, SyncStatus } from './shell/sync-controller.js';
import type { JoblogViews, ViewContext } from './views/index.js';

/** The views the citizen can switch between. */
export type JoblogViewName = 'list' | 'board' | 'weeks';
const VIEWS: readonly JoblogViewName[] = ['list', 'board', 'weeks'];
const NO_REQUIREMENT: Requirement = { ...DEFAULT_REQUIREMENT, perWeek: 0 };

const loadEntryDialog = (): Promise<typeof import('./shell/entry-dialog.js')> => import('./shell/entry-dialog.js');

type DialogAction = 'entry' | 'export' | 'import' | 'share' | 'conflict' | 'jobnet' | 'insights';

/**
 * The jobseeker's joblog: applications and other job-search activities in Jobnet's fields, the agreed requirement
 * with kind words ("2 mere denne uge, så er du godt med"), reminders to follow up, a list, a board by status and a
 * week-by-week overview, CSV export and import, a PDF report for the job centre, and insights. Everything is kept in
 * this browser (IndexedDB) and works without a server; with `api` and a citizen token each entry syncs to the job
 * centre's server (a change from another device is shown, never dropped), and the citizen can share a read-only copy
 * with the job centre and withdraw it.
 *
 * The host page owns the `<h1>`: the widget starts at a level-2 heading ("Din joblog"); set `heading-level` to fit.
 *
 * @tagname ju-joblog
 * @summary A local-first joblog with the requirement meter, reminders, list/board/week views, CSV/PDF, sync and sharing.
 *
 * @attr api - Base URL of the Jobunivers API (or set it on a surrounding `<ju-provider>`). With a citizen token the joblog syncs to the server and reads the agreed requirement.
 * @attr theme - `light`, `dark`, `contrast` or `auto`; inherited from `<ju-provider>` when not set.
 * @attr heading-level - The level of the widget's heading "Din joblog" (2–6, default 2); parts and dialogs use the levels below it.
 * @attr store-name - The name of the browser store (IndexedDB database `jobunivers-<name>`, default `joblog`).
 *
 * @csspart base - The whole widget.
 * @csspart header - The heading and the sync status.
 * @csspart status - Where the joblog is kept and whether it is sent ("Gemt på denne enhed og hos jobcentret").
 * @csspart where - The sentence that says where the joblog is kept.
 * @csspart conflict-note - The note that entries were changed on another device, with "Se begge udgaver".
 * @csspart meter - The requirement meter.
 * @csspart meter-message - The meter's kind sentence ("2 mere denne uge, så er du godt med").
 * @csspart meter-details - The meter's sentences with the numbers behind it ("1 ansøgning i denne uge", "Din aftale er 2 om ugen.").
 * @csspart meter-bar - The meter's bar (decorative; the numbers are in text).
 * @csspart meter-assumed - The note that STAR's rule of thumb is used because no requirement is known.
 * @csspart reminders - The list of reminders.
 * @csspart reminder - One reminder.
 * @csspart draft-note - The note that an entry begun in the form is not saved yet, with "Fortsæt" and "Kassér kladden".
 * @csspart toolbar - "Tilføj ansøgning", "Tilføj aktivitet", export, import, share.
 * @csspart view-switch - Liste / Tavle / Uger.
 * @csspart button - Every button of the shell.
 * @csspart list - The plain list shown while the views load.
 * @csspart dialog - Every dialog (entry form, export, import, share, conflicts, Jobnet helper, insights).
 * @csspart input - A field of the entry form.
 * @csspart field-error - The problem shown above a field.
 * @csspart error-summary - The list of problems at the top of the entry form, with links.
 * @csspart duplicate - "Du har allerede en ansøgning til …".
 * @csspart history - The status history in the entry form.
 * @csspart announcer-polite - The widget's polite live region (visually hidden).
 * @csspart announcer-assertive - The widget's assertive live region (visually hidden).
 *
 * @cssprop --ju-joblog-meter-color - The fill of the requirement meter's bar. Default: `--ju-color-primary`.
 * @cssprop --ju-color-primary - Buttons, links, the reminders' edge.
 * @cssprop --ju-color-surface-raised - The meter and the reminders.
 * @cssprop --ju-target-size - Smallest size of every button and field (default 44px).
 *
 * @fires ju-joblog-entry-added - An entry was saved for the first time. Detail: `{ entryId }`. No entry content.
 * @fires ju-joblog-entry-updated - An entry was changed and saved. Detail: `{ entryId }`.
 * @fires ju-joblog-status-changed - An entry's status changed (form or board). Detail: `{ entryId, status }`.
 * @fires ju-joblog-exported - The citizen exported the joblog. Detail: `{ format: 'csv' | 'pdf', entries }` (a count).
 * @fires ju-auth-required - The server wants a (new) citizen token. Cancelable; see `<ju-provider>`.
 */
export class JuJoblog extends JuElement {
  static override namespace = JOBLOG_NAMESPACE;
  static override styles: CSSResultGroup = [sharedStyles, joblogStyles];

  /** The level of the widget's heading ("Din joblog"), 2–6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The name of the browser store: IndexedDB database `jobunivers-<storeName>`. */
  @property({ attribute: 'store-name' }) storeName = 'joblog';

  /**
   * The agreed requirement, when the host page knows it (otherwise it is read from the server with `api` and a
   * token; without either, the meter uses STAR's rule of thumb, 1½ a week over four weeks). Not an attribute.
   */
  @property({ attribute: false }) requirement: Requirement | undefined;

  /**
   * The citizen's CV versions `{ id, name }[]` for "Hvilket CV sendte du?", e.g. from `<ju-cv-builder>`'s events.
   * Only the id and name are kept with an entry.
   */
  @property({ attribute: false }) cvVersions: CvVersionChoice[] = [];

  /** Every entry in this browser, newest array on each change (read-only: change entries through the form). */
  get entries(): readonly JoblogEntry[] {
    return this.#entries;
  }

  @state() private loaded = false;
  @state() private loadFailed = false;
  @state() private view: JoblogViewName = 'list';
  @state() private serverRequirement: Requirement | null | undefined;
  @state() private dismissed: ReadonlySet<string> = new Set();
  @state() private allReminders = false;
  /** The entry form's unsaved input, offered back ("Fortsæt"). */
  @state() private formDraft: FormDraft | null = null;
  @state() private syncStatus: SyncStatus | undefined;
  @state() private shared = false;
  @state() private conflicts: JoblogConflict[] = [];
  @state() private persistent = true;

  #entries: readonly JoblogEntry[] = [];
  #store: Promise<JoblogStore> | undefined;
  #openStore: JoblogStore | undefined;
  #storeKey = '';
  #focusId: string | undefined;
  readonly #extraStyles: CSSResultOrNative[] = [];
  /** One dialog at a time; its code loads with the first dialog, or when the browser is idle. */
  readonly #dialogs = new LazyModule<DialogController>(this, () => import('./shell/dialog-controller.js').then((module) => new module.DialogController(this, {
    addStyles: (styles) => { this.#addStyles(styles); },
    focus: (id) => { this.#focusAfterRender(id); },
    loadFailed: () => { this.#loadFailed(); },
  })));
  readonly #syncModule = new LazyModule(this, () => import('./shell/sync-controller.js'));
  /** The list, board and week views: the biggest part, loaded while the store opens. */
  readonly #viewsModule = new LazyModule(this, () => Promise.all([
    import('./views/index.js'), import('./locales/views.da.json'), import('./views/view-strings.js'), import('./shell/lazy-strings.js'),
  ]).then(([module, strings, { flattenStrings }, { addDanishStrings }]) => {
    addDanishStrings('views', flattenStrings(strings.default));
    this.#addStyles([module.viewStyles]);
    this.#views = new module.JoblogViews(this);
    return module;
  }));
  #views: JoblogViews | undefined;
  readonly #draftNote = new LazyModule(this, () => import('./shell/draft-note.js'));
  #entryDialogPreloaded = false;
  #sync: SyncController | undefined;
  #syncKey = '';
  readonly #host: JoblogHost = this.#makeHost();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#syncKey = '';
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // An open form's input is already kept as a draft (within 300 ms of typing); its listeners go with it.
    this.#dialogs.module?.closeNow();
    this.#stopSync();
    this.#syncKey = '';
    // Let go of the database (another tab's logout can then delete it); it opens again when the element returns.
    this.#openStore?.close();
    this.#openStore = undefined;
    this.#store = undefined;
    this.#storeKey = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#storeKey !== this.storeName) this.#open();
    if (this.#views === undefined) void this.#viewsModule.load().catch(() => undefined);
    if (this.formDraft !== null) void this.#draftNote.load().catch(() => undefined);
    if (this.loaded) {
      this.#startSync();
      // "Tilføj" is what the citizen comes for: its form is fetched as soon as the browser is idle.
      if (!this.#entryDialogPreloaded) void this.#dialogs.load().then((dialogs) => { dialogs.preload(loadEntryDialog); }, () => undefined);
      this.#entryDialogPreloaded = true;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusId !== undefined) {
      const id = this.#focusId;
      this.#focusId = undefined;
      (this.renderRoot as ShadowRoot).getElementById(id)?.focus();
    }
  }

  /**
   * Deletes the joblog, its sync state and dismissed reminders from this browser: call it when the citizen logs out
   * on a shared computer. The copy on the job centre's server (if any) is not touched.
   */
  async reset(): Promise<void> {
    this.#dialogs.module?.closeNow();
    this.#stopSync();
    this.#syncKey = '';
    const store = await this.#store;
    await store?.wipe();
    this.#entries = [];
    this.formDraft = null;
    forgetRescuedFormDraft(this.storeName);
    this.dismissed = new Set();
    this.conflicts = [];
    this.shared = false;
    this.serverRequirement = undefined;
    this.syncStatus = undefined;
    this.announcer.announce(this.t('shell.reset.done'));
    this.requestUpdate();
  }

  /** Opens the form for a new application or activity, as "Tilføj ansøgning" / "Tilføj aktivitet" do. */
  add(type: EntryType = 'application'): void {
    const opener = this.renderRoot.querySelector<HTMLElement>(type === 'application' ? '#jl-add-application' : '#jl-add-activity') ?? undefined;
    const draft = this.formDraft;
    // A new entry begun earlier and not saved is taken up again rather than replaced by an empty form.
    if (draft !== null && !draft.editing && draft.entry.type === type) this.#resumeDraft(draft, opener);
    else this.#openEntry(newEntry(new Date(), this.#today(), type), undefined, opener);
  }

  // ——— The store ———

  #open(): void {
    this.#storeKey = this.storeName;
    this.#stopSync();
    this.#syncKey = '';
    this.loaded = false;
    this.loadFailed = false;
    const previous = this.#openStore;
    this.#openStore = undefined;
    previous?.close();
    const name = this.storeName;
    const opening = JoblogStore.open({ name, onExternalChange: () => { void this.#reload(); } });
    this.#store = opening;
    void opening.then(async (store) => {
      if (this.#storeKey !== name) {
        store.close();
        return;
      }
      this.#openStore = store;
      this.persistent = store.persistent;
      await this.#reload();
      const [dismissed, prefs, serverRequirement, share, formDraft] = await Promise.all([
        store.getMeta('dismissedReminders'), store.getMeta('prefs'), store.getMeta('serverRequirement'), store.getMeta('share'), store.getMeta('formDraft'),
      ]);
      this.formDraft = formDraft;
      // Keystrokes rescued as the page went away (rare): the note's code settles which copy is newer.
      if (hasRescuedFormDraft(name)) this.formDraft = await (await this.#draftNote.load()).settleFormDraft(store, name, formDraft);
      this.dismissed = new Set(dismissed);
      const view = prefs.view === 'week' ? 'weeks' : prefs.view;
      if (view !== undefined && VIEWS.includes(view)) this.view = view;
      this.serverRequirement = serverRequirement?.requirement;
      this.shared = share?.shared ?? false;
      this.loaded = true;
    }).catch((error: unknown) => {
      console.error('[jobunivers] <ju-joblog> could not open the joblog.', error);
      this.loadFailed = true;
    });
  }

  async #reload(): Promise<void> {
    const store = this.#openStore;
    if (store === undefined) return;
    this.#entries = await store.all();
    this.requestUpdate();
  }

  #replaceEntries(put: readonly JoblogEntry[], removed: readonly string[] = []): void {
    const byId = new Map(this.#entries.map((entry) => [entry.id, entry]));
    for (const id of removed) byId.delete(id);
    for (const entry of put) byId.set(entry.id, entry);
    this.#entries = [...byId.values()];
    this.requestUpdate();
  }

  async #save(entry: JoblogEntry, previous: JoblogEntry | undefined): Promise<void> {
    const store = await this.#requireStore();
    await store.put(entry);
    this.#replaceEntries([entry]);
    this.announcer.announce(this.t(previous === undefined ? 'shell.added' : 'shell.saved', { title: entry.title }));
    this.emit(previous === undefined ? 'ju-joblog-entry-added' : 'ju-joblog-entry-updated', { entryId: entry.id });
    if (previous !== undefined && previous.status !== entry.status) this.emit('ju-joblog-status-changed', { entryId: entry.id, status: entry.status });
  }

  async #saveMany(entries: readonly JoblogEntry[]): Promise<void> {
    const store = await this.#requireStore();
    await store.putMany(entries);
    this.#replaceEntries(entries);
  }

  async #requireStore(): Promise<JoblogStore> {
    const store = await this.#store;
    if (store === undefined) throw new Error('The joblog store is not open.');
    return store;
  }

  /** A move on the board (or a status change from a view): saved with its date in the history, announced. */
  async #changeStatus(id: string, status: Status, outcome: Outcome | null, announce = true): Promise<void> {
    const entry = this.#entries.find((candidate) => candidate.id === id);
    if (entry === undefined) return;
    try {
      // Only the views move entries, and they load the model's status rules with them: no cost up front.
      const { changeStatus } = await import('./model/status.js');
      const next = changeStatus(entry, status, outcome, this.#today());
      if (next === entry) return;
      const store = await this.#requireStore();
      await store.put(next);
      this.#replaceEntries([next]);
      if (announce) this.announcer.announce(this.t('shell.moved', { title: next.title, status: this.t(`status.${status}`) }));
      this.emit('ju-joblog-entry-updated', { entryId: id });
      this.emit('ju-joblog-status-changed', { entryId: id, status });
    } catch {
      this.announcer.announce(this.t('shell.saveFailed'), { politeness: 'assertive' });
    }
  }

  #dismiss(id: string): void {
    const next = new Set(this.dismissed);
    next.add(id);
    this.dismissed = next;
    void this.#openStore?.setMeta('dismissedReminders', [...next]).catch(() => undefined);
    this.announcer.announce(this.t('reminder.dismissed'));
    this.#focusAfterRender('jl-heading');
  }

  #setView(view: JoblogViewName): void {
    this.view = view;
    const store = this.#openStore;
    if (store !== undefined) {
      void store.getMeta('prefs').then((prefs) => store.setMeta('prefs', { ...prefs, view: view === 'weeks' ? 'week' : view })).catch(() => undefined);
    }
  }

  #today(): string {
    return today(new Date());
  }

  /** The requirement in force: the host's, else the server's, else STAR's rule of thumb. */
  #requirement(): Requirement | null {
    if (this.requirement !== undefined) return this.requirement;
    if (this.serverRequirement !== undefined) return this.serverRequirement;
    return this.#sync === undefined ? DEFAULT_REQUIREMENT : null;
  }

  // ——— Sync ———

  #startSync(): void {
    const client = this.apiClient;
    const token = this.effectiveToken;
    const store = this.#openStore;
    const key = client !== undefined && token !== undefined && store !== undefined ? `${client.baseUrl.href}|${this.storeName}` : '';
    if (key === this.#syncKey) return;
    this.#stopSync();
    this.#syncKey = key;
    if (client === undefined || store === undefined || key === '') return;
    this.syncStatus = { activity: 'syncing', pending: 0, conflicts: 0, refused: 0, lastSyncedAt: null };
    this.#syncModule.load().then((module) => {
      if (this.#syncKey !== key) return;
      const sync = new module.SyncController(client, store, {
        remote: (changes) => { this.#replaceEntries(changes.put, changes.removed); },
        status: (status) => { this.syncStatus = status; },
        conflicts: (conflicts) => {
          if (conflicts.length > this.conflicts.length) this.announcer.announce(this.t('shell.conflict.note', { count: conflicts.length }), { politeness: 'assertive' });
          this.conflicts = conflicts;
        },
        requirement: (requirement) => { this.serverRequirement = requirement; },
        shared: (shared) => { this.shared = shared; },
      });
      this.#sync = sync;
      sync.start().catch((error: unknown) => {
        // After a stop (the element left the page, reset()) the store may be closed under it: nothing to report.
        if (this.#sync === sync) console.warn('[jobunivers] <ju-joblog> could not start syncing.', error);
      });
    }, () => {
      this.syncStatus = { activity: 'failed', pending: 0, conflicts: 0, refused: 0, lastSyncedAt: null };
    });
  }

  #stopSync(): void {
    this.#sync?.stop();
    this.#sync = undefined;
  }

  // ——— Dialogs ———

  #openEntry(entry: JoblogEntry, previous: JoblogEntry | undefined, opener: HTMLElement | undefined, fromDraft = false): void {
    this.#withDialogs((dialogs) => dialogs.open('entry', () => loadEntryDialog().then((module) => new module.EntryDialog(this.#host, entry, previous, fromDraft)), opener));
  }

  #openExisting(id: string, opener: HTMLElement | undefined): void {
    const draft = this.formDraft;
    if (draft?.editing === true && draft.entry.id === id) {
      this.#resumeDraft(draft, opener);
      return;
    }
    const entry = this.#entries.find((candidate) => candidate.id === id);
    if (entry !== undefined) this.#openEntry(entry, entry, opener);
  }

  /** Opens the form on the draft; a change to an entry deleted meanwhile becomes a new entry. */
  #resumeDraft(draft: FormDraft, opener: HTMLElement | undefined): void {
    const previous = draft.editing ? this.#entries.find((entry) => entry.id === draft.entry.id) : undefined;
    this.#openEntry(draft.entry, previous, opener, true);
  }

  #keepFormDraft(draft: FormDraft | null): void {
    this.formDraft = draft;
    if (draft === null) forgetRescuedFormDraft(this.storeName);
    void this.#openStore?.keepFormDraft(draft).catch((error: unknown) => { console.warn('[jobunivers] <ju-joblog> could not keep the form as a draft.', error); });
  }

  #openDialog(action: Exclude<DialogAction, 'entry'>, opener: HTMLElement | undefined): void {
    const load = (): Promise<ShellDialog> => {
      switch (action) {
        case 'export': return import('./shell/export-dialog.js').then((module) => new module.ExportDialog(this.#host));
        case 'import': return import('./shell/import-dialog.js').then((module) => new module.ImportDialog(this.#host));
        case 'share': return import('./shell/share-dialog.js').then((module) => new module.ShareDialog(this.#host, this.shared));
        case 'conflict': return import('./shell/conflict-dialog.js').then((module) => new module.ConflictDialog(this.#host, this.conflicts));
        case 'jobnet': return import('./shell/jobnet-dialog.js').then((module) => new module.JobnetDialog(this.#host));
        case 'insights': return import('./shell/insights-dialog.js').then((module) => new module.InsightsDialog(this.#host));
      }
    };
    this.#withDialogs((dialogs) => dialogs.open(action, load, opener));
  }

  #withDialogs(use: (dialogs: DialogController) => Promise<void>): void {
    void this.#dialogs.load().then(use, () => { this.#loadFailed(); });
  }

  /** A part could not be fetched (offline): said at once, and tried again on the next click. */
  #loadFailed(): void {
    this.announcer.announce(this.t('shell.loadFailed'), { politeness: 'assertive' });
  }

  #addStyles(styles: CSSResultOrNative[]): void {
    this.#extraStyles.push(...styles);
    // The announcer's live regions are styled through CSSOM, so replacing the sheets leaves them hidden.
    if (this.shadowRoot) adoptStyles(this.shadowRoot, [...(this.constructor as typeof JuJoblog).elementStyles, ...this.#extraStyles]);
  }

  #focusAfterRender(id: string): void {
    this.#focusId = id;
    this.requestUpdate();
  }

  /** What the dialogs and sync may use (they load on demand). */
  #makeHost(): JoblogHost {
    const element = (): { entries: readonly JoblogEntry[]; cv: CvVersionChoice[]; level: number; lang: string; format: JoblogHost['format']; requirement: Requirement | null; sync: SyncController | undefined } => ({
      entries: this.#entries,
      cv: this.cvVersions,
      level: clampLevel(this.headingLevel),
      lang: this.language.code,
      format: this.format,
      requirement: this.#requirement(),
      sync: this.#sync,
    });
    const root = (): ShadowRoot => this.renderRoot as ShadowRoot;
    return {
      t: (key, options) => this.t(key, options),
      get format() { return element().format; },
      get lang() { return element().lang; },
      get headingLevel() { return element().level; },
      get root() { return root(); },
      get entries() { return element().entries; },
      get cvVersions() { return element().cv; },
      get requirement() { return element().requirement; },
      get sync() { return element().sync; },
      today: () => this.#today(),
      store: () => this.#requireStore(),
      save: (entry, previous) => this.#save(entry, previous),
      saveMany: (entries) => this.#saveMany(entries),
      announce: (text, politeness = 'polite') => { this.announcer.announce(text, { politeness }); },
      emit: (name, detail) => { this.emit(name, detail); },
      update: () => { this.requestUpdate(); },
      focus: (id) => { this.#focusAfterRender(id); },
      closeDialog: (focusId) => { this.#dialogs.module?.close(focusId); },
      wipe: () => this.reset(),
      keepFormDraft: (draft) => { this.#keepFormDraft(draft); },
      storeName: () => this.storeName,
    };
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>): string => this.t(key, options);
    const level = clampLevel(this.headingLevel);
    return html`<div class="shell" part="base">
      <div class="head" part="header">
        ${heading(level, 'jl-heading', t('shell.heading'))}
        ${this.loaded ? this.#renderStatus() : nothing}
      </div>
      ${this.#renderBody(level)}
      ${this.#dialogs.module?.render() ?? nothing}
    </div>`;
  }

  #renderStatus(): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>): string => this.t(key, options);
    const sync = this.syncStatus;
    // "Gemt på denne enhed." and what the sync is doing ("Sender til jobcentret …", offline, failed, n waiting).
    let save = t('shell.status.savedLocal');
    if (sync?.activity === 'signed-out') save = t('shell.status.signedOut');
    else if (sync?.activity === 'idle') save = sync.pending > 0 ? `${save} ${t('shell.status.pending', { count: sync.pending })}` : t('shell.status.savedBoth');
    else if (sync !== undefined) save = `${save} ${t(`shell.status.${sync.activity}`)}`;
    const where = !this.persistent ? t('shell.where.memory') : sync === undefined ? t('shell.where.local') : this.shared ? t('shell.where.serverShared') : t('shell.where.server');
    return html`<div class="status" part="status">
      <p class="save-state" id="jl-save-state">${save}</p>
      <p class=${this.persistent ? 'where' : 'where ju-message ju-message--error'} part="where">${where}</p>
      ${this.conflicts.length > 0 ? html`<div class="ju-message conflict-note" part="conflict-note">
        <p>${t('shell.conflict.note', { count: this.conflicts.length })}</p>
        <button type="button" id="jl-conflict" class="ju-button" part="button" aria-haspopup="dialog"
          @click=${(event: Event) => { this.#openDialog('conflict', event.currentTarget as HTMLElement); }}>${t('shell.conflict.open')}</button>
      </div>` : nothing}
    </div>`;
  }

  #renderBody(level: number): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>): string => this.t(key, options);
    if (this.loadFailed) {
      return html`<div class="ju-message ju-message--error" role="alert">
        <p>${t('shell.loadError')}</p>
        <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { this.#open(); }}>${t('shell.retry')}</button>
      </div>`;
    }
    if (!this.loaded) return html`<p class="loading" role="status">${t('shell.loading')}</p>`;
    const today = this.#today();
    const requirement = this.#requirement();
    // The server says none is agreed: the meter says so instead of disappearing.
    const shownRequirement = requirement ?? (this.serverRequirement === null ? NO_REQUIREMENT : null);
    const entries = this.#entries;
    const sub = (id: string, text: string): TemplateResult => heading(level + 1, id, text);
    const busy = this.#dialogs.module?.busy;
    const button = (id: string, label: string, action: () => void, popup = true): TemplateResult => html`<button type="button" id=${id}
      class="ju-button ju-button--secondary" part="button" aria-haspopup=${popup ? 'dialog' : 'false'} aria-busy=${busy !== undefined && id.endsWith(busy) ? 'true' : 'false'}
      @click=${action}>${label}</button>`;
    return html`
      ${shownRequirement === null ? nothing : renderMeter(t, this.format, readRequirement(entries, shownRequirement, today), shownRequirement, 'jl-meter-heading', sub,
        this.requirement === undefined && this.serverRequirement === undefined)}
      ${renderReminders(t, withoutDismissed(findReminders(entries, today, { requirement }), this.dismissed), this.allReminders, {
        open: (id, opener) => { this.#openExisting(id, opener); },
        dismiss: (id) => { this.#dismiss(id); },
        toggleAll: () => { this.allReminders = !this.allReminders; },
      })}
      ${this.formDraft === null || this.#dialogs.module?.dialog !== undefined ? nothing : this.#draftNote.module?.renderDraftNote(t, this.formDraft, {
        resume: (opener) => { if (this.formDraft !== null) this.#resumeDraft(this.formDraft, opener); },
        discard: () => {
          this.#keepFormDraft(null);
          this.announcer.announce(t('draft.discarded'));
          this.#focusAfterRender('jl-add-application');
        },
      }) ?? nothing}
      <div class="toolbar" part="toolbar" role="group" aria-label=${t('shell.heading')}>
        <button type="button" id="jl-add-application" class="ju-button" part="button" aria-haspopup="dialog" @click=${() => { this.add('application'); }}>${t('shell.addApplication')}</button>
        <button type="button" id="jl-add-activity" class="ju-button ju-button--secondary" part="button" aria-haspopup="dialog" @click=${() => { this.add('activity'); }}>${t('shell.addActivity')}</button>
        ${entries.length === 0 ? nothing : button('jl-jobnet', t('shell.jobnet'), (event?: Event) => { this.#openDialog('jobnet', (event?.currentTarget as HTMLElement | undefined)); })}
        ${entries.length === 0 ? nothing : button('jl-insights', t('shell.insights'), (event?: Event) => { this.#openDialog('insights', (event?.currentTarget as HTMLElement | undefined)); })}
        ${button('jl-export', t('shell.export'), (event?: Event) => { this.#openDialog('export', (event?.currentTarget as HTMLElement | undefined)); })}
        ${button('jl-import', t('shell.import'), (event?: Event) => { this.#openDialog('import', (event?.currentTarget as HTMLElement | undefined)); })}
        ${this.#sync === undefined ? nothing : button('jl-share', t('shell.share'), (event?: Event) => { this.#openDialog('share', (event?.currentTarget as HTMLElement | undefined)); })}
      </div>
      ${entries.length === 0 ? html`<p class="empty" part="empty">${t('shell.empty')}</p>` : this.#renderEntries()}`;
  }

  #renderEntries(): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>): string => this.t(key, options);
    return html`
      <fieldset class="view-switch" part="view-switch">
        <legend>${t('shell.views')}</legend>
        ${VIEWS.map((view) => html`<button type="button" class="ju-button ju-button--secondary" part="button" id=${`jl-view-${view}`}
          aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => { this.#setView(view); }}>${t(`shell.view.${view}`)}</button>`)}
      </fieldset>
      ${this.#views === undefined
        ? renderPlainList(t, this.#entries, (id, opener) => { this.#openExisting(id, opener); })
        : this.#views.render(this.view, this.#viewContext())}`;
  }

  #viewContext(): ViewContext {
    const requirement = this.#requirement();
    return {
      entries: this.#entries,
      today: this.#today(),
      readOnly: false,
      ...(requirement === null ? {} : { requirement }),
      // The shell's heading level; the views put theirs one below it.
      headingLevel: clampLevel(this.headingLevel),
      t: (key, options) => this.t(key, options),
      format: this.format,
      lang: this.language.code,
      open: (id, opener) => { this.#openExisting(id, opener); },
      // Announced once saved ("Lagermedarbejder er flyttet til Samtale."): the board itself says nothing.
      changeStatus: (id, status, outcome) => { void this.#changeStatus(id, status, outcome); },
      announce: (text) => { this.announcer.announce(text); },
    };
  }
}
