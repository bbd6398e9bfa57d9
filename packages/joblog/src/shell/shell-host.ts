import type { TemplateResult } from 'lit';
import type { Formatter, JuEventDetailMap } from '@jobunivers/core';
import type { IsoDate, JoblogEntry, Requirement } from '../model/entry.js';
import type { FormDraft, JoblogStore } from '../storage/entry-store.js';
import type { SyncController } from './sync-controller.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type JoblogEventName = 'ju-joblog-entry-added' | 'ju-joblog-entry-updated' | 'ju-joblog-status-changed' | 'ju-joblog-exported';

/** A CV version the host page passes in (`cvVersions`), e.g. learned from `<ju-cv-builder>`'s events. */
export interface CvVersionChoice {
  id: string;
  name: string;
}

/**
 * What `<ju-joblog>` hands the parts it loads on demand (the dialogs, sync): the entries, strings and a few
 * actions. The parts keep their own state and call `update()` when it changes.
 */
export interface JoblogHost {
  readonly t: Translate;
  readonly format: Formatter;
  readonly lang: string;
  /** The level of the widget's heading; dialogs use the next one. */
  readonly headingLevel: number;
  /** The shadow root (for a download link). */
  readonly root: ShadowRoot;
  readonly entries: readonly JoblogEntry[];
  readonly cvVersions: readonly CvVersionChoice[];
  readonly requirement: Requirement | null;
  /** Today in Europe/Copenhagen. */
  today(): IsoDate;
  /** The store, once open. */
  store(): Promise<JoblogStore>;
  /** The server connection, when there is one (`api` and a citizen token). */
  readonly sync: SyncController | undefined;
  /** Saves one entry here (and marks it for the server); announces and fires the events. Rejects when the browser refused. */
  save(entry: JoblogEntry, previous: JoblogEntry | undefined): Promise<void>;
  /** Saves many (an import) in one go: all or none. */
  saveMany(entries: readonly JoblogEntry[]): Promise<void>;
  announce(text: string, politeness?: 'polite' | 'assertive'): void;
  emit<K extends JoblogEventName>(name: K, detail: JuEventDetailMap[K]): void;
  /** Renders again (a dialog's state changed). */
  update(): void;
  /** Renders again, then moves focus to the element with this id. */
  focus(id: string): void;
  /** Closes the open dialog; focus returns to the button that opened it, or goes to the element with `focusId`. */
  closeDialog(focusId?: string): void;
  /** Deletes the joblog from this browser (as `reset()`). */
  wipe(): Promise<void>;
  /** Keeps the entry form's unsaved input in the browser store (null: forgets it, e.g. once saved). */
  keepFormDraft(draft: FormDraft | null): void;
  /** The browser store's name (`store-name`). */
  storeName(): string;
}

/** A dialog loaded on demand. Its template is one `<dialog id="jl-dialog">`, which the shell opens with `showModal()`. */
export interface ShellDialog {
  render(): TemplateResult;
  /** `false` keeps the dialog open on Escape (e.g. while it saves). */
  canClose?(): boolean;
  /** The citizen closes it (a button, Escape): e.g. keep what was typed. Not called by `reset()`. */
  closing?(): void;
  /** It is gone (closed, or the joblog was reset): stop timers and listeners. */
  dispose?(): void;
}
