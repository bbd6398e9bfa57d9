import type { Formatter } from '@jobunivers/core';
import type { IsoDate, JoblogEntry, Outcome, Requirement, Status } from '../model/entry.js';

/** The three ways `<ju-joblog>` shows the log. */
export type JoblogView = 'list' | 'board' | 'weeks';

/** What the shell element hands the views on every render: state down, requests up. */
export interface ViewContext {
  /** Every entry; a new array identity whenever anything changed (the views memoise on it). */
  readonly entries: readonly JoblogEntry[];
  readonly today: IsoDate;
  /** The caseworker's viewer: no moves, no editing. */
  readonly readOnly: boolean;
  /** The agreed requirement, for the week overview (exempt weeks, the weekly target); none agreed when absent. */
  readonly requirement?: Requirement;
  /** The level of the shell's own heading ("Din joblog"), 2–6; the views' headings go one below. Default 2. */
  readonly headingLevel?: number;
  t(key: string, options?: Record<string, unknown>): string;
  readonly format: Formatter;
  readonly lang: string;
  /** The shell opens the entry form; focus returns to `opener` when it closes. */
  open(entryId: string, opener: HTMLElement): void;
  /** The shell saves the change and, once saved, announces it ("Lagermedarbejder er flyttet til Samtale."). */
  changeStatus(entryId: string, status: Status, outcome: Outcome | null): void;
  announce(text: string): void;
}
