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

export interface CvVersionsChangedDetail {
  /** How many named versions this browser now holds (read them with `cvVersions()`). */
  count: number;
}

/** A named version as `cvVersions()` gives it: what a host needs to refer to it, e.g. in `<ju-joblog>`. */
export interface CvVersionSummary {
  id: string;
  /** As the citizen named it, e.g. "CV til lagerjob". */
  name: string;
  /** ISO time it was saved. */
  savedAt: string;
}

declare module '@jobunivers/core' {
  interface JuEventDetailMap {
    'ju-cv-saved': CvSavedDetail;
    'ju-cv-exported': CvExportedDetail;
    'ju-cv-imported': CvImportedDetail;
    'ju-cv-shared': CvSharedDetail;
    'ju-cv-versions-changed': CvVersionsChangedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ju-cv-saved': CustomEvent<CvSavedDetail>;
    'ju-cv-exported': CustomEvent<CvExportedDetail>;
    'ju-cv-imported': CustomEvent<CvImportedDetail>;
    'ju-cv-shared': CustomEvent<CvSharedDetail>;
    'ju-cv-versions-changed': CustomEvent<CvVersionsChangedDetail>;
  }
}
