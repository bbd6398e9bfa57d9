/**
 * The joblog as the widget, the contract and the server share it. Plain data (JSON-safe), so entries can be
 * stored in IndexedDB, sent as they are and compared structurally. Text is stored exactly as typed and only ever
 * rendered as text.
 */

/** A calendar date in Europe/Copenhagen: `YYYY-MM-DD`. */
export type IsoDate = string;
/** An ISO week: `YYYY-Www`, e.g. `2026-W48` (weeks start on Monday, week 1 holds the year's first Thursday). */
export type IsoWeek = string;

/** An application, or another job-search activity the job centre counts (job fair, network meeting, course). */
export const ENTRY_TYPES = ['application', 'activity'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Jobnet: "Opslået stilling" or "Uopfordret ansøgning". */
export const APPLICATION_KINDS = ['advertised', 'unsolicited'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** How the citizen applied. */
export const APPLY_METHODS = ['written', 'phone', 'in-person', 'network', 'temp-agency'] as const;
export type ApplyMethod = (typeof APPLY_METHODS)[number];

export const ACTIVITY_KINDS = ['job-fair', 'network-meeting', 'course', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Jobnet-compatible statuses: saved → applied → interview → closed. */
export const STATUSES = ['saved', 'applied', 'interview', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** Why a closed entry closed ("Afsluttet"). */
export const OUTCOMES = ['rejected', 'hired', 'withdrew'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One status change, kept as history ("Søgt 3. nov., Samtale 12. nov."). */
export interface StatusChange {
  status: Status;
  /** Set when `status` is `closed`. */
  outcome: Outcome | null;
  /** The date the change happened, as the citizen says (defaults to today). */
  on: IsoDate;
}

/** Which CV was sent: ids from `<ju-cv-builder>`'s versions, learned through events/the contract, never imports. */
export interface CvReference {
  versionId: string;
  /** The version's name as the citizen gave it, e.g. "CV til lagerjob". */
  name: string;
}

export interface JoblogEntry {
  /** Client-generated UUID; the server keeps it. */
  id: string;
  type: EntryType;
  /** Job title (application) or the activity's name ("Jobmesse i Vejle"). */
  title: string;
  /** Employer (application) or organiser (activity). */
  employer: string;
  /** Danish postcode, 4 digits, or empty. */
  postalCode: string;
  town: string;
  /** Hours per week of the job, or null when not given. */
  hoursPerWeek: number | null;
  /** Applications only. */
  applicationKind: ApplicationKind | null;
  method: ApplyMethod | null;
  /** Activities only. */
  activityKind: ActivityKind | null;
  /** Where the ad was found ("Jobnet", "LinkedIn", "Avis"), and its link (http/https) if any. */
  source: string;
  sourceUrl: string;
  /** The date that counts for the requirement: application date, or the activity's date. */
  date: IsoDate;
  /** The application deadline, if any. */
  deadline: IsoDate | null;
  status: Status;
  outcome: Outcome | null;
  /** Oldest first; the last one equals `status`/`outcome`. */
  history: StatusChange[];
  notes: string;
  cv: CvReference | null;
  /** ISO timestamps, set by whoever saves. */
  createdAt: string;
  updatedAt: string;
}

/** Why a week does not count against the requirement. */
export const EXEMPTION_REASONS = ['sickness', 'holiday', 'exemption'] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

export interface ExemptWeek {
  week: IsoWeek;
  reason: ExemptionReason;
}

/** The citizen's agreed requirement, from the job centre (server) or set by the host page. */
export interface Requirement {
  /** Applications per week agreed (full time), e.g. 1.5 on average; 0 = no requirement. */
  perWeek: number;
  /** Part-time: the share of full time the requirement is scaled by (e.g. 0.5); 1 for full time. */
  scale: number;
  /** Weeks over which the average is taken (STAR's rule of thumb: 4). */
  averageOverWeeks: number;
  exemptWeeks: ExemptWeek[];
  /** Activities count towards the requirement only if the job centre says so. */
  activitiesCount: boolean;
}

export const DEFAULT_REQUIREMENT: Requirement = { perWeek: 1.5, scale: 1, averageOverWeeks: 4, exemptWeeks: [], activitiesCount: false };

export function newEntry(now: Date, today: IsoDate, type: EntryType = 'application'): JoblogEntry {
  const stamp = now.toISOString();
  return {
    id: crypto.randomUUID(),
    type,
    title: '',
    employer: '',
    postalCode: '',
    town: '',
    hoursPerWeek: null,
    applicationKind: type === 'application' ? 'advertised' : null,
    method: type === 'application' ? 'written' : null,
    activityKind: type === 'activity' ? 'job-fair' : null,
    source: '',
    sourceUrl: '',
    date: today,
    deadline: null,
    status: type === 'application' ? 'applied' : 'closed',
    outcome: null,
    history: [{ status: type === 'application' ? 'applied' : 'closed', outcome: null, on: today }],
    notes: '',
    cv: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
}
