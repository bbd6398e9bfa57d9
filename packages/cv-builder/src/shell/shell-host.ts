import type { TemplateResult } from 'lit';
import type { Formatter, JuEventDetailMap } from '@jobunivers/core';
import type { Cv } from '../model/cv.js';
import type { CvDraftStore } from '../storage/draft-store.js';
import type { SyncHandle } from './sync-handle.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type CvEventName = 'ju-cv-saved' | 'ju-cv-exported' | 'ju-cv-imported' | 'ju-cv-shared';

/** The CV language of the preview and the PDF (labels such as "Erhvervserfaring" / "Work experience"). */
export type CvLabels = 'da' | 'en';

/**
 * What `<ju-cv-builder>` hands the parts it loads on demand (the dialogs, sync, the preview): the CV, strings and a
 * few actions. The parts keep their own state and call `update()` when it changes.
 */
export interface ShellHost {
  readonly cv: Cv;
  readonly t: Translate;
  readonly format: Formatter;
  readonly lang: string;
  /** The level of the widget's heading ("Dit CV"); dialogs use the next one. */
  readonly headingLevel: number;
  /** The shadow root (for a download link). */
  readonly root: ShadowRoot;
  /** The language the preview and PDF use. */
  cvLabels: CvLabels;
  /** Validation problems of the current CV, translated, by field path. */
  problems(): ReadonlyMap<string, string>;
  /** The draft store, once open. */
  store(): Promise<CvDraftStore>;
  /** The server connection, when there is one (`api` and a citizen token). */
  readonly sync: SyncHandle | undefined;
  /** Takes a whole new CV (import, a version, the server's copy): one undo step, saved, rendered, announced. */
  replaceCv(next: Cv, announcement: string): void;
  announce(text: string, politeness?: 'polite' | 'assertive'): void;
  emit<K extends CvEventName>(name: K, detail: JuEventDetailMap[K]): void;
  /** Shows the error summary (and every field's problem). */
  showProblems(): void;
  /** Deletes the CV from this browser (as `reset()`), and from the server too when `alsoServer`. */
  wipe(alsoServer: boolean): Promise<void>;
  /** Prints the preview (the print stylesheet). */
  print(): Promise<void>;
  /** Renders again (a dialog's state changed). */
  update(): void;
  /** Renders again, then moves focus to the element with this id (inside a dialog: after a row was removed). */
  focus(id: string): void;
  /** Closes the open dialog; focus returns to the button that opened it, or goes to the element with `focusId`. */
  closeDialog(focusId?: string): void;
}

/** A dialog loaded on demand. Its template is one `<dialog id="cv-dialog">`, which the shell opens with `showModal()`. */
export interface ShellDialog {
  render(): TemplateResult;
  /** `false` keeps the dialog open on Escape (e.g. while it saves). */
  canClose?(): boolean;
}
