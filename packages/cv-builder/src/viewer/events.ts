// The public events of <ju-cv-viewer>. Details carry ids only: never a name or a word of the CV.

export interface CvViewerOpenDetail {
  /** The citizen whose shared CV was opened (the contract's `citizenId`). */
  citizenId: string;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-cv-viewer-open': CvViewerOpenDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-cv-viewer-open': CustomEvent<CvViewerOpenDetail>;
  }
}
