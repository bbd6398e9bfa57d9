// The public events of <ju-cv-builder>. Details carry counts, formats and flags only: never a word of the CV.

export interface CvSavedDetail {
  /** `local`: in this browser (IndexedDB). `server`: also accepted by the job centre's server. */
  where: 'local' | 'server';
  /** The server's revision of the CV after the save, when it gives one (from the ETag). */
  version?: number;
}

export interface CvExportedDetail {
  format: 'json' | 'pdf';
  /** The PDF template. */
  template?: 'ats' | 'europass';
  /** Pages in the PDF. */
  pages?: number;
}

export interface CvImportedDetail {
  /** How many items (experiences, educations, skills …) the imported CV holds. */
  items: number;
}

export interface CvSharedDetail {
  /** `true`: the job centre can now read a copy. `false`: sharing was withdrawn. */
  shared: boolean;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-cv-saved': CvSavedDetail;
    'ju-cv-exported': CvExportedDetail;
    'ju-cv-imported': CvImportedDetail;
    'ju-cv-shared': CvSharedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-cv-saved': CustomEvent<CvSavedDetail>;
    'ju-cv-exported': CustomEvent<CvExportedDetail>;
    'ju-cv-imported': CustomEvent<CvImportedDetail>;
    'ju-cv-shared': CustomEvent<CvSharedDetail>;
  }
}
