// The public events of <ju-joblog-viewer>. Details carry ids and versions only: never a name or a word of the joblog.

export interface JoblogViewerOpenedDetail {
  /** The citizen whose shared joblog was opened (the contract's `citizenId`). */
  citizenId: string;
}

export interface JoblogRequirementSavedDetail {
  /** The citizen whose requirement was saved. */
  citizenId: string;
  /** The requirement's new version (its ETag is `"<version>"`). */
  version: number;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-joblog-viewer-opened': JoblogViewerOpenedDetail;
    'ju-joblog-requirement-saved': JoblogRequirementSavedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-joblog-viewer-opened': CustomEvent<JoblogViewerOpenedDetail>;
    'ju-joblog-requirement-saved': CustomEvent<JoblogRequirementSavedDetail>;
  }
}
