import { adoptStyles, html, nothing } from './lit.js';
import type { CSSResultGroup, CSSResultOrNative, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { JuElement, sharedStyles } from '@jobunivers/core';
import { cvBuilderStyles } from './cv-builder.styles.js';
import { fieldId, type ChangeOptions, type EditorContext } from './editor-context.js';
import { addDanishStrings, CV_BUILDER_NAMESPACE, loadHelp } from './locales/register.js';
import type { CvVersionSummary } from './events.js';
import type { Cv, SectionKey } from './model/cv.js';
import { SECTION_KEYS } from './model/cv-basics.js';
import { loadSectionTools, renderSection, sectionHeadingId, sectionStyles } from './sections/index.js';
import type { DialogAction, DialogController } from './shell/dialog-controller.js';
import { DraftSession } from './shell/draft-session.js';
import { focusField, focusHeading, focusNearest } from './shell/focus.js';
import { clampLevel, heading } from './shell/heading.js';
import { historyInput, historyKey, type HistoryKey } from './shell/keyboard.js';
import { LazyModule } from './shell/lazy.js';
import { renderSectionNav } from './shell/section-nav.js';
import type { CvLabels, ShellHost } from './shell/shell-host.js';
import { renderStatus, type ServerSaveState } from './shell/status-line.js';
import type { PrintMode } from './shell/preview-pane.js';
import type { SyncController } from './shell/sync-controller.js';
import { renderToolbar, type ToolbarAction } from './shell/toolbar.js';
import type { ExternalChange } from './storage/draft-store.js';

/**
 * A CV builder for Danish jobseekers that never loses a word. Every section Jobnet and Europass ask for, with
 * guidance in plain Danish; autosave to this browser within a second of typing, undo/redo, named versions;
 * export as JSON Resume 1.2.1 or as a PDF with real text (a single-column template for applicant-tracking systems
 * and a Europass-like one, Danish or English labels) or print; import of JSON Resume files with every problem
 * explained. With `api` and a citizen token the CV also syncs to the job centre's server (a change from another
 * device is shown and resolved by the citizen, never dropped), and the citizen can share a read-only copy with
 * the job centre and withdraw it. Without a server everything stays in this browser, and the widget says so.
 *
 * Undo and redo are the widget's own and cover everything (typing a word, deleting an item, an import), so
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac) use them even inside text fields, instead of the field's own undo,
 * which would know only that field and would fight the widget's record of the CV.
 *
 * The host page owns the `<h1>`: the widget starts at a level-2 heading ("Dit CV"); set `heading-level` to fit.
 *
 * @tagname ju-cv-builder
 * @summary A local-first CV editor with autosave, undo, versions, JSON Resume import/export, PDF, sync and sharing.
 *
 * @attr api - Base URL of the Jobunivers API (or set it on a surrounding `<ju-provider>`). With a citizen token the CV syncs to the server.
 * @attr theme - `light`, `dark`, `contrast` or `auto`; inherited from `<ju-provider>` when not set.
 * @attr heading-level - The level of the widget's heading "Dit CV" (2–6, default 2); sections and dialogs use the levels below it.
 * @attr store-name - The name of the browser store (IndexedDB database `jobunivers-<name>`, default `cv`). Give two builders on one site different names.
 *
 * @csspart base - The whole widget.
 * @csspart header - The heading, save status and toolbar.
 * @csspart status - The save status ("Gemt på denne enhed kl. 14.32") and where the CV is kept.
 * @csspart where - The sentence that says where the CV is kept.
 * @csspart conflict-note - The note that the CV was changed on another device, with "Se begge versioner".
 * @csspart toolbar - The toolbar.
 * @csspart button - Every button of the shell (toolbar, dialogs, panels).
 * @csspart nav - "Gå til afsnit": links to each section.
 * @csspart editor - The column with the sections.
 * @csspart completeness - The checklist of what Jobnet needs for a searchable CV.
 * @csspart error-summary - "Tjek mit CV": the list of fields to look at, with links.
 * @csspart preview - The preview pane ("Se dit CV"); the only part that is printed.
 * @csspart cv - The CV in the preview.
 * @csspart dialog - Every dialog (versions, import, export, conflict, sharing, delete).
 * @csspart danger-zone - "Slet mit CV på denne enhed".
 * @csspart section - A section of the editor (contact, work experience …).
 * @csspart tips - A section's "Gode råd" (tips and an example).
 * @csspart hidden-note - The note that a section is hidden from the CV.
 * @csspart group - A group of fields (profiles, a language's levels).
 * @csspart input - A text field, text area or select of the editor.
 * @csspart checkbox - A checkbox of the editor.
 * @csspart date - A month-and-year date (a fieldset).
 * @csspart count - The character count under the profile.
 * @csspart field-error - The problem shown under a field.
 * @csspart list - The items of a list section, with its "Tilføj" button.
 * @csspart item - One item (a job, an education …).
 * @csspart item-tools - An item's buttons (move up/down, hide, delete).
 * @csspart item-button - One of an item's buttons.
 * @csspart add-button - A "Tilføj …" button.
 * @csspart hidden-badge - "Skjult i CV'et" on a hidden item.
 * @csspart announcer-polite - The widget's polite live region (visually hidden).
 * @csspart announcer-assertive - The widget's assertive live region (visually hidden).
 *
 * @cssprop --ju-cv-builder-nav-width - Width of the section navigation column on wide screens. Default 13rem.
 * @cssprop --ju-cv-builder-pane-width - Width of the preview pane beside the editor on wide screens. Default 30rem.
 * @cssprop --ju-cv-builder-preview-width - Widest the CV in the preview gets. Default 50rem.
 * @cssprop --ju-cv-builder-accent - The CV's accent colour in the preview (headings, rules). Default: `--ju-color-primary`.
 * @cssprop --ju-color-primary - Buttons and links.
 * @cssprop --ju-color-surface-raised - Panels (completeness, preview).
 * @cssprop --ju-target-size - Smallest size of every button and field (default 44px).
 *
 * @fires ju-cv-saved - The CV was saved. Detail: `{ where: 'local' | 'server', version? }` (`version`: the server's revision). No CV content.
 * @fires ju-cv-exported - The citizen exported the CV. Detail: `{ format: 'json' | 'pdf', template?, pages? }`.
 * @fires ju-cv-imported - The citizen imported a file (after confirming). Detail: `{ items }` (how many items it holds).
 * @fires ju-cv-shared - Sharing with the job centre was switched on or withdrawn. Detail: `{ shared }`.
 * @fires ju-cv-versions-changed - The named versions were read from this browser's store, or saved, renamed or deleted (here or in another tab), or wiped. Detail: `{ count }`; read them with `cvVersions()`.
 * @fires ju-auth-required - The server wants a (new) citizen token. Cancelable; see `<ju-provider>`.
 */
export class JuCvBuilder extends JuElement {
  static override namespace = CV_BUILDER_NAMESPACE;
  static override styles: CSSResultGroup = [sharedStyles, sectionStyles, cvBuilderStyles];

  /** The level of the widget's heading ("Dit CV"), 2–6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The name of the browser store: IndexedDB database `jobunivers-<storeName>`. */
  @property({ attribute: 'store-name' }) storeName = 'cv';

  @state() private server: ServerSaveState = { kind: 'off' };
  @state() private shared = false;
  /** Another tab saved the CV: offer to load it. */
  @state() private changedElsewhere = false;
  @state() private previewOpen = false;
  /** "Tjek mit CV" is shown, and every field's problem with it. */
  @state() private checking = false;
  @state() private cvLabels: CvLabels = 'da';

  readonly #session = new DraftSession(this, {
    saved: () => {
      this.emit('ju-cv-saved', { where: 'local' });
      this.#sync?.savedLocally();
    },
    failed: (first) => {
      if (first) this.announcer.announce(this.t('shell.status.failedAnnounce'), { politeness: 'assertive' });
    },
    external: (change) => { this.#externalChange(change); },
    versionsChanged: () => {
      void this.cvVersions().then((versions) => { this.emit('ju-cv-versions-changed', { count: versions.length }); }, () => undefined);
    },
  });

  readonly #dialogs = new LazyModule<DialogController>(this, () => import('./shell/dialog-controller.js').then((module) => new module.DialogController(this, {
    addStyles: (styles) => { this.#addStyles(styles); },
    focus: (id) => { this.#focusAfterRender(id); },
    loadFailed: () => { this.#loadFailed(); },
  })));

  /** The dialog being opened while the dialogs' code loads (its button shows `aria-busy`). */
  #opening: DialogAction | undefined;

  /** Ids of fields the citizen has left: their problems show without "Tjek mit CV". */
  readonly #touched = new Set<string>();
  #problems: { cv: Cv; all: Map<string, string>; language: string } | undefined;
  #focusId: string | undefined;
  /** Elements around the focus before an undo, to find a place for focus if the focused field went away. */
  #focusPath: EventTarget[] | undefined;
  #labelsChosen = false;
  /** The help texts are here (`loadHelp`): opening a <details> asks for nothing more. */
  #helpLoaded = false;
  /** Printing (the preview alone), once the preview's code is here. */
  #printMode: PrintMode | undefined;
  readonly #extraStyles: CSSResultOrNative[] = [];
  readonly #preview = new LazyModule(this, () => import('./shell/preview-pane.js').then((module) => {
    this.#addStyles(module.styles);
    this.#printMode = new module.PrintMode(this);
    return module;
  }));
  readonly #checks = new LazyModule(this, () => import('./shell/checks.js').then((module) => {
    this.#addStyles([module.errorSummaryStyles]);
    return module;
  }));
  /** "Klar til Jobnet" comes right after the first render (offline: the next field left tries again). */
  readonly #completeness = new LazyModule(this, () => import('./shell/completeness-panel.js').then((module) => {
    addDanishStrings(...module.danishStrings);
    this.#addStyles([module.styles]);
    return module;
  }));
  readonly #syncModule = new LazyModule(this, () => import('./shell/sync-controller.js'));
  readonly #elsewhere = new LazyModule(this, () => import('./shell/elsewhere-note.js'));
  #sync: SyncController | undefined;
  #syncKey = '';
  readonly #host: ShellHost = this.#makeHost();

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#keydown);
    this.addEventListener('beforeinput', this.#beforeInput);
    // Focus moving inside the shadow root never reaches the host: listen on the root.
    this.renderRoot.addEventListener('focusout', this.#focusout);
    // `toggle` does not bubble: opening a "Gode råd" (or any <details>) is heard in the capture phase.
    this.renderRoot.addEventListener('toggle', this.#loadHelp, true);
    document.addEventListener('visibilitychange', this.#hidden);
    window.addEventListener('pagehide', this.#rescue);
    this.#sync?.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#keydown);
    this.removeEventListener('beforeinput', this.#beforeInput);
    this.renderRoot.removeEventListener('focusout', this.#focusout);
    this.renderRoot.removeEventListener('toggle', this.#loadHelp, true);
    document.removeEventListener('visibilitychange', this.#hidden);
    window.removeEventListener('pagehide', this.#rescue);
    this.#sync?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#session.open(this.storeName);
    if (!this.#labelsChosen) this.cvLabels = this.language.code === 'en' ? 'en' : 'da';
    if (this.#session.loaded) this.#startSync();
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // What the sections need only once the citizen acts (what the list buttons do, the countries, the lists of the
    // last sections) comes at once, in a chunk of its own (offline: a click tries again), and so does the "Klar til
    // Jobnet" panel; the help texts (guidance, tips, hints, what a level means) when the browser is idle, or when a
    // <details> is opened.
    loadSectionTools((danish) => { addDanishStrings(danish); }).then(() => { this.requestUpdate(); }, () => undefined);
    void this.#completeness.load().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(this.#loadHelp, { timeout: 2000 });
    else setTimeout(this.#loadHelp, 200);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusId !== undefined) {
      const id = this.#focusId;
      this.#focusId = undefined;
      focusField(this.renderRoot, id);
    }
    if (this.#focusPath !== undefined) {
      const path = this.#focusPath;
      this.#focusPath = undefined;
      focusNearest(this.renderRoot, path);
    }
  }

  /** Writes what the citizen typed to this browser at once (autosave does it within a second anyway). */
  async save(): Promise<void> {
    await this.#session.flush();
  }

  /**
   * Deletes the CV, its versions and the sync state from this browser and empties the editor: call it when the
   * citizen logs out on a shared computer. The copy on the job centre's server (if any) is not touched.
   */
  async reset(): Promise<void> {
    this.#dialogs.module?.closeNow();
    await this.#wipe();
  }

  /**
   * The named versions in this browser ("CV til lagerjob"), newest first: id, name and when each was saved — what a
   * host needs to let the citizen say which CV went with an application (`<ju-joblog>`'s `cvVersions`). Empty until
   * the stored CV has been read (`ju-cv-versions-changed` says when). Never the CVs themselves.
   */
  async cvVersions(): Promise<CvVersionSummary[]> {
    const opening = this.#session.store;
    if (opening === undefined) return [];
    const list = await (await (await opening).versions()).list();
    return list.map(({ id, name, savedAt }) => ({ id, name, savedAt }));
  }

  /** Undoes the last change (as the "Fortryd" button and Ctrl+Z do). */
  undo(): void {
    this.#step('undo');
  }

  /** Redoes the last undone change (as the "Gentag" button, Ctrl+Shift+Z and Ctrl+Y do). */
  redo(): void {
    this.#step('redo');
  }

  async #wipe(): Promise<void> {
    await this.#session.wipe();
    this.#startedOver();
  }

  /** After the store was wiped (here, or by a logout in another tab). */
  #startedOver(): void {
    this.#sync?.forget();
    this.#touched.clear();
    this.checking = false;
    this.changedElsewhere = false;
    this.shared = false;
    this.server = { kind: 'off' };
    this.announcer.announce(this.t('shell.reset.done'));
  }

  /** Starts (or stops) syncing when `api` and a token are there; the sync code loads only then. */
  #startSync(): void {
    const client = this.apiClient;
    const token = this.effectiveToken;
    const store = this.#session.store;
    const key = client !== undefined && token !== undefined && store !== undefined ? `${client.baseUrl.href}|${this.storeName}` : '';
    if (key === this.#syncKey) return;
    this.#syncKey = key;
    this.#sync?.disconnect();
    this.#sync = undefined;
    this.shared = this.#session.sharedWhenLoaded;
    if (client === undefined || store === undefined || key === '') {
      this.server = { kind: 'off' };
      return;
    }
    this.server = { kind: 'starting' };
    this.#syncModule.load().then((module) => {
      if (this.#syncKey !== key) return;
      this.#sync = new module.SyncController(client, this.#host, {
        state: (server) => { this.#serverState(server); },
        shared: (shared) => { this.shared = shared; },
        describe: (error) => this.describeError(error),
      });
      if (this.isConnected) this.#sync.connect();
    }, () => {
      this.server = { kind: 'failed', reason: this.t('shell.loadFailed') };
    });
  }

  #serverState(server: ServerSaveState): void {
    if (server.kind === 'conflict' && this.server.kind !== 'conflict') {
      this.announcer.announce(this.t('shell.conflict.note'), { politeness: 'assertive' });
    }
    this.server = server;
  }

  // ——— Changes and undo ———

  #change(mutate: (draft: Cv) => void, options: ChangeOptions = {}): void {
    const next = structuredClone(this.#session.cv);
    mutate(next);
    this.#session.commit(next, options.coalesce);
    if (options.announce !== undefined) {
      const text = options.announce;
      void this.updateComplete.then(() => { this.announcer.announce(text); });
    }
  }

  /** A whole new CV (import, version, the server's copy): one undo step, saved, announced. */
  #replace(next: Cv, announcement: string): void {
    this.#session.replace(next);
    this.#touched.clear();
    if (announcement !== '') this.announcer.announce(announcement);
  }

  #step(which: HistoryKey, focusPath?: EventTarget[]): void {
    if (this.#session.step(which) === undefined) {
      this.announcer.announce(this.t(which === 'undo' ? 'shell.history.nothingToUndo' : 'shell.history.nothingToRedo'));
      return;
    }
    this.#focusPath = focusPath;
    this.announcer.announce(this.t(which === 'undo' ? 'shell.history.undone' : 'shell.history.redone'));
  }

  #externalChange(change: ExternalChange): void {
    if (change === 'wiped') {
      // The citizen logged out in another tab: keep nothing here either.
      this.#dialogs.module?.closeNow();
      this.#session.startOver();
      this.#startedOver();
    } else if (change === 'draft') {
      this.changedElsewhere = true;
      this.#elsewhere.load().catch(() => undefined); // offline: the next change tries again
    }
  }

  async #loadFromElsewhere(): Promise<void> {
    const cv = await this.#session.stored();
    this.changedElsewhere = false;
    if (cv !== undefined) this.#replace(cv, this.t('shell.elsewhere.loaded'));
    this.#focusAfterRender('cv-heading');
  }

  readonly #keydown = (event: KeyboardEvent): void => {
    const which = historyKey(event);
    if (which === undefined || !this.#session.loaded || this.#inDialog(event)) return;
    event.preventDefault();
    this.#step(which, event.composedPath());
  };

  readonly #beforeInput = (event: InputEvent): void => {
    const which = historyInput(event);
    if (which === undefined || !this.#session.loaded || this.#inDialog(event)) return;
    event.preventDefault();
    this.#step(which, event.composedPath());
  };

  #inDialog(event: Event): boolean {
    return event.composedPath().some((target) => target instanceof HTMLDialogElement);
  }

  readonly #focusout = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLElement) || !target.id.startsWith('f-')) return;
    this.#session.history.seal();
    void this.#checks.load().catch(() => undefined);
    void this.#completeness.load().catch(() => undefined);
    if (!this.#touched.has(target.id)) {
      this.#touched.add(target.id);
      // Focus moved by a render (undo, a dialog closing) lands here during `updated()`: render again after it.
      queueMicrotask(() => { this.requestUpdate(); });
    }
  };

  readonly #loadHelp = (): void => {
    if (this.#helpLoaded) return;
    loadHelp().then(() => {
      this.#helpLoaded = true;
      this.requestUpdate();
    }, () => undefined); // offline: the short labels stay, and the next "Gode råd" opened tries again
  };

  readonly #rescue = (): void => {
    this.#session.rescue();
  };

  readonly #hidden = (): void => {
    if (document.visibilityState === 'hidden') this.#rescue();
  };

  #focusAfterRender(id: string): void {
    this.#focusId = id;
    this.requestUpdate();
  }

  // ——— Problems ———

  /** Every validation problem, translated, by field path (once per CV state; none until the checks are loaded). */
  #allProblems(): Map<string, string> {
    const checks = this.#checks.module;
    if (checks === undefined) return new Map<string, string>();
    const { cv } = this.#session;
    const language = this.language.code;
    if (this.#problems?.cv !== cv || this.#problems.language !== language) {
      const all = new Map<string, string>();
      for (const [path, key] of checks.validateCv(cv)) all.set(path, this.t(key));
      this.#problems = { cv, all, language };
    }
    return this.#problems.all;
  }

  /** The problems fields show: all after "Tjek mit CV", otherwise only for fields the citizen has left. */
  #visibleProblems(): ReadonlyMap<string, string> {
    const all = this.#allProblems();
    if (this.checking) return all;
    const visible = new Map<string, string>();
    for (const [path, message] of all) if (this.#touched.has(fieldId(path))) visible.set(path, message);
    return visible;
  }

  async #check(): Promise<void> {
    try {
      await this.#checks.load();
    } catch {
      this.#loadFailed();
      return;
    }
    this.checking = true;
    this.#focusAfterRender('cv-check');
    const count = this.#allProblems().size;
    this.announcer.announce(count === 0 ? this.t('shell.check.none') : this.t('shell.check.heading', { count }));
  }

  // ——— Dialogs, the preview and printing ———

  #open(action: DialogAction, opener: HTMLElement | undefined): void {
    if (this.#opening !== undefined) return;
    this.#opening = action;
    this.requestUpdate();
    // Exporting shows "Tjek mit CV" when there is something to look at, so the checks come along.
    Promise.all([this.#dialogs.load(), action === 'export' ? this.#checks.load() : undefined])
      .then(([dialogs]) => dialogs.open(action, this.#host, opener), () => { this.#loadFailed(); })
      .finally(() => {
        this.#opening = undefined;
        this.requestUpdate();
      });
  }

  /** What is loading for a dialog. */
  #busy(): DialogAction | undefined {
    return this.#dialogs.module?.busy ?? this.#opening;
  }

  #loadFailed(): void {
    this.announcer.announce(this.t('shell.loadFailed'), { politeness: 'assertive' });
  }

  #togglePreview(): void {
    this.previewOpen = !this.previewOpen;
    if (!this.previewOpen) return;
    this.#preview.load().then(() => { this.#focusAfterRender('cv-preview'); }, () => {
      this.previewOpen = false;
      this.#loadFailed();
    });
  }

  async #print(): Promise<void> {
    await this.#preview.load();
    await this.#printMode?.print();
  }

  #addStyles(styles: CSSResultOrNative[]): void {
    this.#extraStyles.push(...styles);
    // The announcer's live regions are styled through CSSOM, so replacing the sheets leaves them hidden.
    if (this.shadowRoot) adoptStyles(this.shadowRoot, [...(this.constructor as typeof JuCvBuilder).elementStyles, ...this.#extraStyles]);
  }

  /** What the dialogs, the preview and sync may use (they load on demand). */
  #makeHost(): ShellHost {
    const session = this.#session;
    const labels = (): CvLabels => this.cvLabels;
    const setLabels = (value: CvLabels): void => {
      this.#labelsChosen = true;
      this.cvLabels = value;
    };
    const format = (): ShellHost['format'] => this.format;
    const lang = (): string => this.language.code;
    const level = (): number => clampLevel(this.headingLevel);
    const root = (): ShadowRoot => this.renderRoot as ShadowRoot;
    const sync = (): ShellHost['sync'] => this.#sync;
    return {
      get cv() { return session.cv; },
      get cvLabels() { return labels(); },
      set cvLabels(value: CvLabels) { setLabels(value); },
      t: (key, options) => this.t(key, options),
      get format() { return format(); },
      get lang() { return lang(); },
      get headingLevel() { return level(); },
      get root() { return root(); },
      get sync() { return sync(); },
      problems: () => this.#allProblems(),
      store: async () => {
        const store = await session.store;
        if (store === undefined) throw new Error('The CV store is not open.');
        return store;
      },
      replaceCv: (next, announcement) => { this.#replace(next, announcement); },
      announce: (text, politeness = 'polite') => { this.announcer.announce(text, { politeness }); },
      emit: (name, detail) => { this.emit(name, detail); },
      showProblems: () => { this.checking = true; },
      wipe: async (alsoServer) => {
        if (alsoServer) await this.#sync?.deleteRemote();
        await this.#wipe();
      },
      print: () => this.#print(),
      update: () => { this.requestUpdate(); },
      focus: (id) => { this.#focusAfterRender(id); },
      closeDialog: (focusId) => { this.#dialogs.module?.close(focusId); },
    };
  }

  #editor(level: number): EditorContext {
    return {
      cv: this.#session.cv,
      t: (key, options) => this.t(key, options),
      format: this.format,
      lang: this.language.code,
      sectionHeadingLevel: Math.min(6, level + 1),
      change: (mutate, options) => { this.#change(mutate, options); },
      announce: (text) => { this.announcer.announce(text); },
      focusAfterRender: (id) => { this.#focusAfterRender(id); },
      problems: this.#visibleProblems(),
    };
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>): string => this.t(key, options);
    const session = this.#session;
    const level = clampLevel(this.headingLevel);
    const busy = this.#busy();
    return html`
      <div class=${this.#printMode?.printing === true ? 'shell printing' : 'shell'} part="base">
        <div class="head" part="header">
          ${heading(level, 'cv-heading', t('shell.heading'))}
          ${renderStatus({
            t,
            format: this.format,
            local: session.local,
            server: this.server,
            persistent: session.persistent,
            shared: this.shared,
            resolveConflict: (opener) => { this.#open('conflict', opener); },
          })}
          ${this.changedElsewhere ? this.#elsewhere.module?.renderElsewhereNote(t, () => { void this.#loadFromElsewhere(); }) ?? nothing : nothing}
          ${session.loaded ? renderToolbar({
            t,
            canUndo: session.history.canUndo,
            canRedo: session.history.canRedo,
            busy: busy as ToolbarAction | undefined,
            previewOpen: this.previewOpen,
            canShare: this.server.kind !== 'off',
            undo: () => { this.#step('undo'); },
            redo: () => { this.#step('redo'); },
            open: (action, opener) => {
              if (action === 'preview') this.#togglePreview();
              else this.#open(action, opener);
            },
            check: () => { void this.#check(); },
          }) : nothing}
        </div>
        ${this.#renderBody(level)}
        ${this.#dialogs.module?.render() ?? nothing}
      </div>`;
  }

  #renderBody(level: number): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>): string => this.t(key, options);
    const session = this.#session;
    if (session.loadFailed) {
      return html`<div class="ju-message ju-message--error" role="alert">
        <p>${t('shell.loadError')}</p>
        <button type="button" class="ju-button ju-button--secondary" part="button" @click=${() => { session.reopen(); }}>${t('action.retry')}</button>
      </div>`;
    }
    if (!session.loaded) return html`<p class="loading" role="status">${t('shell.status.loading')}</p>`;
    const editor = this.#editor(level);
    const checks = this.#checks.module;
    const preview = this.#preview.module;
    const showPreview = (this.previewOpen || this.#printMode?.printing === true) && preview !== undefined;
    return html`
      <div class=${showPreview && this.previewOpen ? 'body with-preview' : 'body'}>
        ${renderSectionNav({ t, headingId: sectionHeadingId, go: (key) => { this.#go(key); } })}
        <div class="editor" part="editor">
          ${this.checking && checks !== undefined ? checks.renderErrorSummary({
            t,
            headingLevel: level + 1,
            problems: this.#allProblems(),
            place: (path) => checks.fieldPlace(path, session.cv, t),
            goTo: (id) => { focusField(this.renderRoot, id); },
            close: () => {
              this.checking = false;
              this.#focusAfterRender('tb-check');
            },
          }) : nothing}
          ${this.#completeness.module?.renderCompleteness({ t, cv: session.cv, headingLevel: level + 1, go: (key) => { this.#go(key); } }) ?? nothing}
          ${SECTION_KEYS.map((key) => renderSection(key, editor))}
          <div class="danger-zone" part="danger-zone">
            <button type="button" id="tb-reset" class="ju-button ju-button--quiet" part="button" aria-haspopup="dialog"
              aria-busy=${this.#busy() === 'reset' ? 'true' : 'false'}
              @click=${(event: Event) => { this.#open('reset', event.currentTarget as HTMLElement); }}>${t('shell.reset.open')}</button>
          </div>
        </div>
        ${showPreview ? preview.renderPreviewPane(this.#host, {
          level: level + 1,
          print: () => { void this.#print(); },
          close: () => {
            this.previewOpen = false;
            this.#focusAfterRender('tb-preview');
          },
        }) : nothing}
      </div>`;
  }

  #go(key: SectionKey): void {
    focusHeading(this.renderRoot, sectionHeadingId(key));
  }
}
