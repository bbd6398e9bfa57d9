/// <reference types="node" />
/**
 * The shared vocabulary of the conformance suite: options, the state the rule groups share, the context a rule
 * runs in, and the two ways a rule ends early (a failure or a skip).
 */

export type Role = 'citizen' | 'caseworker';

/** What a rule needs before it can run; the runner skips it with a standard reason when a need is missing. */
export type Need = 'citizen' | 'otherCitizen' | 'caseworker' | 'jwtSecret';

export interface SuiteOptions {
  /** The API base: every path of the contract is `{api}/v1/…`, health is `{api}/health/…`. */
  api: string;
  citizenToken?: string;
  otherCitizenToken?: string;
  caseworkerToken?: string;
  jwtSecret?: string;
  audience?: string;
  issuer?: string;
  demo: boolean;
  includeRateLimit: boolean;
  /** Requests the rate-limit rule may send before it gives up (default 1000). */
  rateLimitRequests: number;
  /** Per-rule timeout in milliseconds. */
  timeoutMs: number;
  /** Only run these groups or rules (by name or id prefix); setup always runs. */
  only?: string[];
}

/** An authenticated user the suite acts as. */
export interface Actor {
  token: string;
  id: string;
  role: Role;
  firstName: string;
  /** Where the token came from, for the report: `--citizen-token`, `demo`, … */
  source: string;
}

export interface Preferences {
  language: string;
  notifyByEmail: boolean;
}

export interface CreatedNotification {
  id: string;
  citizenId: string;
  /** Who can mark it read at the end, when that is not the citizen or the other citizen. */
  owner?: Actor;
}

/** State shared by all rules of one run. */
export interface SuiteState {
  options: SuiteOptions;
  /** A short random id that makes this run's titles and keys unique. */
  runId: string;
  citizen?: Actor;
  otherCitizen?: Actor;
  caseworker?: Actor;
  /** Whether the other citizen is assigned to the caseworker, when the suite found out (`--demo`). */
  otherCitizenAssigned?: boolean;
  /** Why a role has no actor, when it was asked for but could not be set up. */
  missing: Partial<Record<Exclude<Need, 'jwtSecret'>, string>>;
  /** Mints HS256 tokens for the citizen when `--jwt-secret` is given. */
  minter?: TokenMinter;
  /** The citizen's preferences before the suite touched them (restored at the end). */
  originalPreferences?: Preferences;
  /** Notifications this run created (marked read at the end so they do not pile up as unread). */
  created: CreatedNotification[];
  /** Lines for the report's cleanup summary. */
  cleanupNotes: string[];
  /** How often and how long the suite waited because the server answered 429 (it retries after Retry-After). */
  rateLimited: { times: number; waitedMs: number };
  /** What the self-booking groups found out and created (see `booking.ts`). */
  booking?: BookingState;
  /** What the chat groups found out and created (see `chat.ts`). */
  chat?: ChatSuiteState;
}

/** Live-chat state shared by the `chat` and `chat-console` groups of one run. */
export interface ChatSuiteState {
  /** `false`: live chat is on; a string: why the chat rules are skipped; `undefined`: not asked yet. */
  disabled?: string | false;
  /** A topic whose live conversations reach the caseworker's queue, or why there is none. */
  topic?: { id: string } | { reason: string };
  /** The presence of each caseworker the run made `available`, as it was before (put back at the end). */
  presence: Map<string, { actor: Actor; presence: string; maxChats: number }>;
  /** A second caseworker who is offered the same queue (for the claim race), or why there is none. */
  colleague?: { actor: Actor } | { reason: string };
  /** Conversations this run created, with a token that may close them (closed at the end if still open). */
  conversations: { id: string; token: string; caseworker?: Actor }[];
}

/** Self-booking state shared by the `booking` and `booking-desk` groups of one run. */
export interface BookingState {
  /** `false`: self-booking is on; a string: why the booking rules are skipped; `undefined`: not asked yet. */
  disabled?: string | false;
  /** A second citizen who sees the citizen's free times (shares a caseworker), or why there is none. */
  peer?: { actor: Actor } | { reason: string };
  /** Whether the server has the booking desk, or why not. */
  desk?: { available: true } | { available: false; reason: string };
  /** Bookings this run made (cancelled at the end if they are still booked). */
  bookings: { id: string; owner: Actor }[];
  /** Holds this run made (released at the end). */
  holds: { id: string; owner: Actor }[];
  /** Help requests and receipts this run created (the contract has no delete). */
  helpRequests: number;
  receipts: number;
  /** Picks a different free time for every booking a rule makes. */
  picks: number;
}

export interface TokenMinter {
  audience: string;
  issuer?: string;
  /** A token for the citizen, valid unless `claims` override something. `exp: null` leaves `exp` out. */
  mint(claims?: { exp?: number | null; aud?: string; sub?: string; iat?: number }): Promise<string>;
}

/** A rule found the server not conforming. */
export class RuleFailure extends Error {
  override name = 'RuleFailure';
}

/** A rule could not be checked (missing token or secret, or a precondition the server did not meet). */
export class RuleSkip extends Error {
  override name = 'RuleSkip';
}

export interface RuleContext {
  suite: SuiteState;
  /** Aborted when the rule times out: every request and stream of the rule listens to it. */
  signal: AbortSignal;
  /** Describe what the rule is doing now; a timeout or failure report names the last step. */
  step(description: string): void;
  /** A note for a passing rule (shown in the report, e.g. what could not be exercised). */
  note(text: string): void;
  /** The rule's own timeout in milliseconds. */
  timeoutMs: number;
  /** Waits `ms` without it counting against the rule's timeout (used to honour a 429's Retry-After). */
  pause(ms: number): Promise<void>;
}

export interface Rule {
  id: string;
  /** One line: what the server must do. */
  title: string;
  needs?: Need[];
  /** Overrides the per-rule timeout (for rules that legitimately take long). */
  timeoutMs?: number;
  run(ctx: RuleContext): Promise<void>;
}

export interface RuleGroup {
  name: string;
  title: string;
  /** Only run when asked for (`--include-rate-limit`). */
  optIn?: boolean;
  rules: Rule[];
  /** Runs after the group's rules (also after failures); problems are reported as cleanup notes. */
  cleanup?(suite: SuiteState, signal: AbortSignal): Promise<void>;
}

export function fail(message: string): never {
  throw new RuleFailure(message);
}

export function skip(message: string): never {
  throw new RuleSkip(message);
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** Runs a precondition; when it fails the rule is skipped (the rule that tests that step reports the failure). */
export async function precondition<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof RuleSkip) throw error;
    if (error instanceof Error && error.name === 'AbortError') throw error;
    skip(`precondition failed: ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
