// The public events of <ju-joblog>. Details carry ids, statuses, formats and counts only: never a word the citizen typed.
import type { Status } from './model/entry.js';

export interface JoblogEntryDetail {
  /** The entry's id (a random UUID: no personal data). */
  entryId: string;
}

export interface JoblogStatusChangedDetail extends JoblogEntryDetail {
  status: Status;
}

export interface JoblogExportedDetail {
  format: 'csv' | 'pdf';
  /** How many entries the file holds. */
  entries: number;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-joblog-entry-added': JoblogEntryDetail;
    'ju-joblog-entry-updated': JoblogEntryDetail;
    'ju-joblog-status-changed': JoblogStatusChangedDetail;
    'ju-joblog-exported': JoblogExportedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-joblog-entry-added': CustomEvent<JoblogEntryDetail>;
    'ju-joblog-entry-updated': CustomEvent<JoblogEntryDetail>;
    'ju-joblog-status-changed': CustomEvent<JoblogStatusChangedDetail>;
    'ju-joblog-exported': CustomEvent<JoblogExportedDetail>;
  }
}
