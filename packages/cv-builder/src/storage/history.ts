import type { Cv } from '../model/cv.js';

export interface CvHistoryOptions {
  /** The most undo steps kept; the oldest are dropped first. Default 200. */
  limit?: number;
  /** Changes with the same coalesce key less than this many ms apart become one step. Default 1500. */
  coalesceMs?: number;
  /** The clock (tests). Default `performance.now()`. */
  now?: () => number;
}

/**
 * Undo/redo over whole CV states. States are stored as given and never changed (the shell builds each new state
 * as a copy, so unchanged parts are shared between steps); `current` is always one of the objects passed in.
 *
 * Typing is undone a word or a sentence at a time, not a letter at a time: consecutive `apply()`s with the same
 * coalesce key (the field's path) less than `coalesceMs` apart replace the newest step instead of adding one.
 * Another key, no key, a pause, `undo()`, `redo()` or `seal()` ends the run.
 */
export class CvHistory {
  readonly #limit: number;
  readonly #coalesceMs: number;
  readonly #now: () => number;
  #past: Cv[] = [];
  #present: Cv;
  #future: Cv[] = [];
  /** The key and time of the last apply that may still be merged into, or undefined when the run has ended. */
  #run: { key: string; at: number } | undefined;

  constructor(initial: Cv, options: CvHistoryOptions = {}) {
    this.#present = initial;
    this.#limit = Math.max(1, options.limit ?? 200);
    this.#coalesceMs = options.coalesceMs ?? 1500;
    this.#now = options.now ?? (() => performance.now());
  }

  get current(): Cv {
    return this.#present;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** How many steps `undo()` can go back. */
  get undoSteps(): number {
    return this.#past.length;
  }

  /** How many steps `redo()` can go forward. */
  get redoSteps(): number {
    return this.#future.length;
  }

  /** Records `next` as the current state. Anything that could be redone is dropped (a new branch). */
  apply(next: Cv, coalesce?: string): void {
    if (next === this.#present) return;
    const now = this.#now();
    const run = this.#run;
    const merge = coalesce !== undefined && run !== undefined && run.key === coalesce && now - run.at <= this.#coalesceMs && this.#past.length > 0;
    if (!merge) {
      this.#past.push(this.#present);
      if (this.#past.length > this.#limit) this.#past.splice(0, this.#past.length - this.#limit);
    }
    this.#present = next;
    this.#future = [];
    this.#run = coalesce === undefined ? undefined : { key: coalesce, at: now };
  }

  /** Goes one step back; returns the new current state, or undefined when there is nothing to undo. */
  undo(): Cv | undefined {
    const previous = this.#past.pop();
    if (previous === undefined) return undefined;
    this.#future.push(this.#present);
    this.#present = previous;
    this.#run = undefined;
    return previous;
  }

  /** Goes one step forward again; returns the new current state, or undefined when there is nothing to redo. */
  redo(): Cv | undefined {
    const next = this.#future.pop();
    if (next === undefined) return undefined;
    this.#past.push(this.#present);
    this.#present = next;
    this.#run = undefined;
    return next;
  }

  /** Ends the current typing run, so the next change is a step of its own (e.g. when a field loses focus). */
  seal(): void {
    this.#run = undefined;
  }

  /**
   * Starts over from `cv` with no undo or redo (the draft loaded at start, `reset()` at logout). Taking back a
   * version, an import or the server's copy is better `apply()`d, so the citizen can undo it.
   */
  reset(cv: Cv): void {
    this.#past = [];
    this.#future = [];
    this.#present = cv;
    this.#run = undefined;
  }
}
