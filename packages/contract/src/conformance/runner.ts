/// <reference types="node" />
/**
 * Runs the rule groups in order, each rule with its own timeout, and collects a result per rule. A rule passes,
 * fails (with the reason) or is skipped (with the reason) — never silently passed.
 */
import { randomBytes } from 'node:crypto';
import { RuleFailure, RuleSkip, sleep, type Need, type Rule, type RuleContext, type RuleGroup, type SuiteOptions, type SuiteState } from './context.js';
import { describe, MAX_RATE_LIMIT_WAIT_MS, send } from './http.js';
import { groups as allGroups } from './groups.js';
import { readMe } from './me.js';
import { restorePreferences } from './rules/etag.js';

export type Status = 'pass' | 'fail' | 'skip';

export interface RuleResult {
  id: string;
  group: string;
  title: string;
  status: Status;
  /** Why it failed or was skipped. */
  reason?: string;
  /** Remarks on a passing rule (e.g. what could not be exercised). */
  notes?: string[];
  durationMs: number;
}

export interface ActorInfo {
  id: string;
  firstName: string;
  source: string;
}

export interface SuiteReport {
  api: string;
  startedAt: string;
  durationMs: number;
  actors: { citizen?: ActorInfo; otherCitizen?: ActorInfo; caseworker?: ActorInfo };
  mintedTokens: { audience: string; issuer?: string } | null;
  results: RuleResult[];
  /** Opt-in rules that were not run (not counted): `--include-rate-limit` runs them. */
  notRun: string[];
  cleanup: string[];
  /** How often the server answered 429 and how long the suite waited in total before retrying. */
  rateLimited: { times: number; waitedMs: number };
  summary: { passed: number; failed: number; skipped: number };
}

export interface RunHooks {
  onGroup?(group: RuleGroup): void;
  onResult?(result: RuleResult): void;
  /** After the setup group: who the suite acts as. */
  onSetup?(report: Pick<SuiteReport, 'actors' | 'mintedTokens'>): void;
}

const NEED_REASONS: Record<Need, string> = {
  jwtSecret: 'skipped (needs --jwt-secret)',
  citizen: 'needs a citizen token (--citizen-token, JOBUNIVERS_CITIZEN_TOKEN or --demo)',
  otherCitizen: 'needs another citizen\'s token (--other-citizen-token, JOBUNIVERS_OTHER_CITIZEN_TOKEN or --demo)',
  caseworker: 'needs a caseworker token for a caseworker assigned to the citizen (--caseworker-token, JOBUNIVERS_CASEWORKER_TOKEN or --demo)',
};

export function selected(options: Pick<SuiteOptions, 'only' | 'includeRateLimit'>, group: RuleGroup, rule: Rule): boolean {
  if (group.name === 'setup') return true;
  const only = options.only;
  if (only === undefined || only.length === 0) return true;
  return only.some((pattern) => pattern === group.name || pattern === rule.id || rule.id.startsWith(`${pattern}.`));
}

function missingNeed(suite: SuiteState, rule: Rule): string | undefined {
  for (const need of rule.needs ?? []) {
    if (need === 'jwtSecret' ? suite.options.jwtSecret === undefined : suite[need] === undefined) {
      const why = need === 'jwtSecret' ? undefined : suite.missing[need];
      return why === undefined ? NEED_REASONS[need] : `${NEED_REASONS[need]}; ${why}`;
    }
  }
  return undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runRule(suite: SuiteState, group: RuleGroup, rule: Rule): Promise<RuleResult> {
  const started = performance.now();
  const base = { id: rule.id, group: group.name, title: rule.title };
  const result = (status: Status, reason?: string, notes?: string[]): RuleResult => ({
    ...base,
    status,
    ...(reason === undefined ? {} : { reason }),
    ...(notes === undefined || notes.length === 0 ? {} : { notes }),
    durationMs: Math.round(performance.now() - started),
  });
  const missing = missingNeed(suite, rule);
  if (missing !== undefined) return result('skip', missing);

  const controller = new AbortController();
  const timeoutMs = rule.timeoutMs ?? suite.options.timeoutMs;
  let step = 'starting';
  const notes: string[] = [];
  let deadline = Date.now() + timeoutMs;
  let waitedMs = 0;
  const ctx: RuleContext = {
    suite,
    signal: controller.signal,
    timeoutMs,
    step: (description) => { step = description; },
    note: (text) => { notes.push(text); },
    async pause(ms) {
      deadline += ms;
      waitedMs += ms;
      await sleep(ms, controller.signal);
    },
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<{ kind: 'timeout' }>((resolve) => {
    const tick = (): void => {
      const left = deadline - Date.now();
      if (left <= 0) resolve({ kind: 'timeout' });
      else timer = setTimeout(tick, left);
    };
    timer = setTimeout(tick, timeoutMs);
  });
  const finished = rule.run(ctx).then(
    () => ({ kind: 'done' as const }),
    (error: unknown) => ({ kind: 'error' as const, error }),
  );
  const outcome = await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  // Ends whatever the rule left open (streams, requests of a rule that timed out).
  controller.abort(new Error(outcome.kind === 'timeout' ? 'the rule timed out' : 'the rule finished'));
  if (waitedMs > 0) notes.push(`waited ${String(Math.round(waitedMs / 1000))} s for the server's rate limit (429 Retry-After)`);
  if (outcome.kind === 'timeout') return result('fail', `timed out after ${String(timeoutMs)} ms (while: ${step})`, notes);
  if (outcome.kind === 'done') return result('pass', undefined, notes);
  const error = outcome.error;
  if (error instanceof RuleSkip) return result('skip', error.message, notes);
  if (error instanceof RuleFailure) return result('fail', error.message, notes);
  return result('fail', `unexpected error while ${step}: ${message(error)}`, notes);
}

/** Runs the suite against `options.api`. */
export async function runConformance(options: SuiteOptions, hooks: RunHooks = {}, groups: readonly RuleGroup[] = allGroups): Promise<SuiteReport> {
  const started = Date.now();
  const suite: SuiteState = {
    options,
    runId: `${started.toString(36)}${randomBytes(3).toString('hex')}`,
    missing: {},
    created: [],
    cleanupNotes: [],
    rateLimited: { times: 0, waitedMs: 0 },
  };
  const results: RuleResult[] = [];
  const notRun: string[] = [];
  let setupReported = false;
  const setupInfo = (): Pick<SuiteReport, 'actors' | 'mintedTokens'> => {
    const info = (slot: 'citizen' | 'otherCitizen' | 'caseworker'): ActorInfo | undefined => {
      const found = suite[slot];
      return found === undefined ? undefined : { id: found.id, firstName: found.firstName, source: found.source };
    };
    const actors: SuiteReport['actors'] = {};
    for (const slot of ['citizen', 'otherCitizen', 'caseworker'] as const) {
      const found = info(slot);
      if (found !== undefined) actors[slot] = found;
    }
    const minter = suite.minter;
    return { actors, mintedTokens: minter === undefined ? null : { audience: minter.audience, ...(minter.issuer === undefined ? {} : { issuer: minter.issuer }) } };
  };

  for (const group of groups) {
    const rules = group.rules.filter((rule) => selected(options, group, rule));
    if (rules.length === 0) continue;
    const explicitlyAsked = options.only?.some((pattern) => pattern === group.name || rules.some((rule) => rule.id === pattern || rule.id.startsWith(`${pattern}.`))) ?? false;
    if (group.optIn === true && !options.includeRateLimit && !explicitlyAsked) {
      notRun.push(...rules.map((rule) => rule.id));
      continue;
    }
    if (group.name !== 'setup' && !setupReported) {
      setupReported = true;
      await afterSetup(suite, results);
      hooks.onSetup?.(setupInfo());
    }
    hooks.onGroup?.(group);
    for (const rule of rules) {
      const result = await runRule(suite, group, rule);
      results.push(result);
      hooks.onResult?.(result);
    }
    if (group.cleanup !== undefined) {
      try {
        await group.cleanup(suite, AbortSignal.timeout(options.timeoutMs));
      } catch (error) {
        suite.cleanupNotes.push(`cleanup of ${group.name} failed: ${message(error)}`);
      }
    }
  }
  if (!setupReported) hooks.onSetup?.(setupInfo());
  await cleanup(suite);
  const summary = {
    passed: results.filter((result) => result.status === 'pass').length,
    failed: results.filter((result) => result.status === 'fail').length,
    skipped: results.filter((result) => result.status === 'skip').length,
  };
  return {
    api: options.api,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    ...setupInfo(),
    results,
    notRun,
    cleanup: suite.cleanupNotes,
    rateLimited: suite.rateLimited,
    summary,
  };
}

/** After setup: why roles are missing, and the citizen's preferences before anything changes them. */
async function afterSetup(suite: SuiteState, results: readonly RuleResult[]): Promise<void> {
  const failed = results.filter((result) => result.group === 'setup' && result.status === 'fail').map((result) => result.id);
  if (failed.length > 0) {
    for (const slot of ['citizen', 'otherCitizen', 'caseworker'] as const) {
      if (suite[slot] === undefined) suite.missing[slot] = `see ${failed.join(', ')}`;
    }
  }
  const citizen = suite.citizen;
  if (citizen === undefined) return;
  const ctx = helperContext(suite, AbortSignal.timeout(suite.options.timeoutMs + MAX_RATE_LIMIT_WAIT_MS));
  try {
    suite.originalPreferences = (await readMe(ctx, citizen)).preferences;
  } catch (error) {
    suite.cleanupNotes.push(`could not read the citizen's preferences before the run (${message(error)}); they will not be restored`);
  }
}

/** Restores the citizen's preferences and marks the notifications this run created read (best effort). */
async function cleanup(suite: SuiteState): Promise<void> {
  const signal = AbortSignal.timeout(Math.max(suite.options.timeoutMs, 10_000) + 2 * MAX_RATE_LIMIT_WAIT_MS);
  try {
    await restorePreferences(suite, signal);
  } catch (error) {
    suite.cleanupNotes.push(message(error));
  }
  const ctx = helperContext(suite, signal);
  let marked = 0;
  let firstProblem: string | undefined;
  for (const item of suite.created) {
    const owner = item.owner ?? [suite.citizen, suite.otherCitizen].find((actor) => actor?.id === item.citizenId);
    if (owner === undefined) continue;
    try {
      const res = await send(ctx, 'POST', `/v1/notifications/${encodeURIComponent(item.id)}/read`, { as: owner });
      if (res.status === 200) marked++;
      else firstProblem ??= describe(res);
    } catch (error) {
      firstProblem ??= message(error);
      break;
    }
  }
  if (suite.created.length > 0) {
    suite.cleanupNotes.push(
      `created ${String(suite.created.length)} notifications (the contract has no delete); marked ${String(marked)} of them read${firstProblem === undefined ? '' : ` (first problem: ${firstProblem})`}`,
    );
  }
}

/** A context for work outside a rule (setup bookkeeping, cleanup). */
export function helperContext(suite: SuiteState, signal: AbortSignal): RuleContext {
  return {
    suite,
    signal,
    timeoutMs: suite.options.timeoutMs,
    step: () => undefined,
    note: () => undefined,
    pause: (ms) => sleep(ms, signal),
  };
}
