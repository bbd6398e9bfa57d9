import type { Formatter } from '@jobunivers/core';
import type { Cv } from './model/cv.js';

/**
 * What the shell (`<ju-cv-builder>`) hands each section editor. Sections never keep state of their own: they
 * render from `cv` and report every change through `change()`, which the shell records for undo/redo, autosaves
 * and re-renders.
 */
export interface EditorContext {
  readonly cv: Cv;
  /** Translate in the cv-builder namespace (falls back to core, then Danish). */
  t(key: string, options?: Record<string, unknown>): string;
  readonly format: Formatter;
  /** The element's language (`da`, `en`, `ar`). */
  readonly lang: string;
  /** The level of each section's heading (2–6): one below the shell's own heading ("Dit CV"). */
  readonly sectionHeadingLevel: number;
  /**
   * Apply a change to a copy of the CV. `coalesce`: a key (normally the field's path) — consecutive changes with
   * the same key become one undo step, so typing a word is undone as a word, not a letter.
   * `announce`: said through the widget's live region once the change is rendered (moves, hides, deletions).
   */
  change(mutate: (draft: Cv) => void, options?: ChangeOptions): void;
  /** Say something through the widget's one live region. */
  announce(text: string): void;
  /** Move focus to the element with this `id` (in the shell's shadow root) after the next render. */
  focusAfterRender(id: string): void;
  /** Problems with fields, by field path (see `fieldPath`); the section shows the message under the field. */
  readonly problems: ReadonlyMap<string, string>;
}

export interface ChangeOptions {
  coalesce?: string;
  announce?: string;
}

/**
 * A field's path: section, item id (if any) and field, e.g. `work.3f2a….end` or `contact.email`.
 * Paths name fields in problems, undo coalescing and element ids.
 */
export const fieldPath = (...parts: string[]): string => parts.join('.');

/** The DOM id of a field's control; its error message has `${fieldId(path)}-error`. */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
