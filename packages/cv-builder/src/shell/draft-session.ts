import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cv } from '../model/cv.js';
import { emptyCv } from '../model/cv-basics.js';
import { CvDraftStore, type ExternalChange } from '../storage/draft-store.js';
import { CvHistory } from '../storage/history.js';
import type { HistoryKey } from './keyboard.js';
import type { LocalSaveState } from './status-line.js';

/** Try a failed autosave again after this long, even when the citizen stops typing. */
const RETRY_SAVE_MS = 5000;

export interface DraftSessionEvents {
  /** A change reached this browser's storage. */
  saved(): void;
  /** A write failed; `first` when the one before it had worked (say it once, not on every retry). */
  failed(first: boolean): void;
  /** Another tab changed the store (`draft`: saved a newer CV; `wiped`: the citizen logged out there). */
  external(change: ExternalChange): void;
  /** The named versions changed (here or in another tab), or the store was read for the first time. */
  versionsChanged(): void;
}

/**
 * The CV being edited in this browser: the current state, undo/redo over it, and the draft store it is autosaved
 * to (within a second of each change; at once when the page is hidden). The element renders from `cv`; every
 * change goes through `commit()` or `replace()`, so it is one undo step and saved.
 */
export class DraftSession implements ReactiveController {
  cv: Cv = emptyCv();
  readonly history = new CvHistory(this.cv);
  loaded = false;
  /** Reading the stored draft failed: nothing is shown or saved until it can be read (never overwrite unseen work). */
  loadFailed = false;
  /** False when the browser keeps the draft only in memory. */
  persistent = true;
  local: LocalSaveState = { kind: 'loading' };
  /** Whether the CV was shared with the job centre when this browser last knew. */
  sharedWhenLoaded = false;

  readonly #host: ReactiveControllerHost;
  readonly #events: DraftSessionEvents;
  #store: Promise<CvDraftStore> | undefined;
  /** `#store` once it has opened and loaded: what `rescue()` needs synchronously. */
  #loadedStore: CvDraftStore | undefined;
  #name: string | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  /** The store was closed when the element left the page; it opens again (without reloading) when it comes back. */
  #detached = false;

  constructor(host: ReactiveControllerHost, events: DraftSessionEvents) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#detached || this.#name === undefined) return;
    // Moved in the page (a framework re-rendering): keep the CV and its undo as they are, just reopen the store.
    this.#detached = false;
    const cv = this.cv;
    this.#store = this.#openStore(this.#name, undefined);
    if (this.local.kind === 'pending' || this.local.kind === 'failed') void this.#store.then((store) => { store.schedule(cv); });
  }

  hostDisconnected(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    const store = this.#store;
    if (store === undefined || !this.loaded) {
      void this.flush();
      return;
    }
    // Written, then closed: a removed element must not keep a database connection and a channel open.
    this.#detached = true;
    void store.then(async (open) => {
      await open.flush();
      open.close();
    });
  }

  /** The draft store, once asked to open. */
  get store(): Promise<CvDraftStore> | undefined {
    return this.#store;
  }

  /** Opens the store `name` (the previous one is flushed and closed) and loads its draft. Does nothing when it is open. */
  open(name: string): void {
    if (this.#name === name && this.#store !== undefined) return;
    const previous = this.#detached ? undefined : this.#store;
    this.#name = name;
    this.#detached = false;
    this.loaded = false;
    this.loadFailed = false;
    this.#loadedStore = undefined;
    this.local = { kind: 'loading' };
    const opening = this.#openStore(name, previous);
    this.#store = opening;
    void this.#load(opening);
  }

  async #openStore(name: string, previous: Promise<CvDraftStore> | undefined): Promise<CvDraftStore> {
    if (previous !== undefined) {
      const old = await previous;
      await old.flush();
      old.close();
    }
    return CvDraftStore.open({
      name,
      onSaved: () => { this.#saved(); },
      onError: (error) => { this.#failed(error); },
      onExternalChange: (change) => { this.#events.external(change); },
      onVersionsChanged: () => { this.#events.versionsChanged(); },
    });
  }

  /** Tries again to read the draft after a failure. */
  reopen(): void {
    const name = this.#name;
    this.#store = undefined;
    if (name !== undefined) this.open(name);
    this.#host.requestUpdate();
  }

  async #load(opening: Promise<CvDraftStore>): Promise<void> {
    const store = await opening;
    try {
      const draft = await store.load();
      if (this.#store !== opening) return;
      this.#set(draft?.cv ?? emptyCv());
      this.#loadedStore = store;
      this.persistent = store.persistent;
      this.sharedWhenLoaded = draft?.sync.shared ?? false;
      this.local = { kind: 'idle' };
      this.loaded = true;
      this.#events.versionsChanged();
    } catch (error) {
      console.error('[jobunivers] <ju-cv-builder> could not read the stored CV.', error);
      if (this.#store === opening) this.loadFailed = true;
    }
    this.#host.requestUpdate();
  }

  /** Records `next` (a changed copy): one undo step, or merged with the step before under the same `coalesce` key. */
  commit(next: Cv, coalesce?: string): void {
    this.history.apply(next, coalesce);
    this.cv = next;
    this.#autosave();
  }

  /** A whole new CV (an import, a version, the server's copy): an undo step of its own. */
  replace(next: Cv): void {
    this.history.seal();
    this.commit(next);
  }

  /** Undo or redo; the CV it went to, or undefined when there was nothing. */
  step(which: HistoryKey): Cv | undefined {
    const cv = which === 'undo' ? this.history.undo() : this.history.redo();
    if (cv === undefined) return undefined;
    this.cv = cv;
    this.#autosave();
    return cv;
  }

  /** An empty CV with nothing to undo (after the store was wiped). */
  startOver(): void {
    this.#set(emptyCv());
    this.sharedWhenLoaded = false;
    this.local = { kind: 'idle' };
    this.#host.requestUpdate();
  }

  /** The page is going away or hidden: keep what is not written yet where the browser will not drop it, and write it. */
  rescue(): void {
    if (this.loaded && this.#store !== undefined && !this.#detached) this.#loadedStore?.rescue();
    else void this.flush();
  }

  /** Writes what is scheduled now. */
  async flush(): Promise<void> {
    await (await this.#store)?.flush();
  }

  /** Deletes the draft, the versions and the sync state from this browser, and starts over. */
  async wipe(): Promise<void> {
    await (await this.#store)?.wipe();
    this.startOver();
  }

  /** The draft as another tab saved it. */
  async stored(): Promise<Cv | undefined> {
    return (await (await this.#store)?.load())?.cv;
  }

  #set(cv: Cv): void {
    this.history.reset(cv);
    this.cv = cv;
  }

  #autosave(): void {
    // "Gemt kl. 14.32" stays while the next change is on its way: flickering "Gemmer …" on every letter helps no one.
    if (this.local.kind !== 'saved') this.local = { kind: 'pending' };
    const cv = this.cv;
    void this.#store?.then((store) => { store.schedule(cv); });
    this.#host.requestUpdate();
  }

  #saved(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.local = { kind: 'saved', at: Date.now() };
    this.#host.requestUpdate();
    this.#events.saved();
  }

  #failed(error: unknown): void {
    const full = error instanceof DOMException && error.name === 'QuotaExceededError';
    const first = this.local.kind !== 'failed';
    this.local = { kind: 'failed', reason: full ? 'full' : 'blocked' };
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => { void this.flush(); }, RETRY_SAVE_MS);
    this.#host.requestUpdate();
    this.#events.failed(first);
  }
}
