/** The human-readable report: one line per rule, the reason under a failure or skip, and a final count line. */
import type { RuleGroup } from './context.js';
import type { RuleResult, SuiteReport } from './runner.js';

const LABEL = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

export function header(api: string): string {
  return `Jobunivers conformance suite (contract v1) against ${api}\n`;
}

export function setupLine(report: Pick<SuiteReport, 'actors' | 'mintedTokens'>): string {
  const who = (label: string, actor: SuiteReport['actors']['citizen']): string =>
    `${label}: ${actor === undefined ? 'none' : `${actor.id} (${actor.firstName}, from ${actor.source})`}`;
  const minted = report.mintedTokens === null ? 'no' : `yes (aud "${report.mintedTokens.audience}"${report.mintedTokens.issuer === undefined ? '' : `, iss "${report.mintedTokens.issuer}"`})`;
  return `\nacting as ${who('citizen', report.actors.citizen)}; ${who('other citizen', report.actors.otherCitizen)}; ${who('caseworker', report.actors.caseworker)}; minted tokens: ${minted}\n`;
}

export function groupLine(group: RuleGroup): string {
  return `\n${group.name} — ${group.title}\n`;
}

export function resultLine(result: RuleResult): string {
  let text = `  ${LABEL[result.status]}  ${result.id.padEnd(44)} ${result.title}\n`;
  if (result.reason !== undefined) text += `        ↳ ${result.reason}\n`;
  for (const note of result.notes ?? []) text += `        note: ${note}\n`;
  return text;
}

export function footer(report: SuiteReport): string {
  let text = '\n';
  if (report.notRun.length > 0) text += `not run: ${report.notRun.join(', ')} (opt-in: --include-rate-limit)\n`;
  for (const note of report.cleanup) text += `cleanup: ${note}\n`;
  if (report.rateLimited.times > 0) {
    text += `rate limit: the server answered 429 ${report.rateLimited.times === 1 ? 'once' : `${String(report.rateLimited.times)} times`}; the suite waited ${String(Math.round(report.rateLimited.waitedMs / 1000))} s in all and retried\n`;
  }
  const { passed, failed, skipped } = report.summary;
  text += `conformance: ${String(passed)} passed, ${String(failed)} failed, ${String(skipped)} skipped\n`;
  return text;
}

/** The whole report as text (what the CLI prints while it runs). */
export function formatReport(report: SuiteReport, groups: readonly RuleGroup[]): string {
  let text = header(report.api);
  let setupShown = false;
  for (const group of groups) {
    const results = report.results.filter((result) => result.group === group.name);
    if (results.length === 0) continue;
    if (group.name !== 'setup' && !setupShown) {
      setupShown = true;
      text += setupLine(report);
    }
    text += groupLine(group);
    for (const result of results) text += resultLine(result);
  }
  return text + footer(report);
}
