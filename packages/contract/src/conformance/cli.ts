/// <reference types="node" />
/**
 * `jobunivers-contract conformance`: runs the conformance suite and prints the report. `main()` returns the exit
 * code; the package's bin calls it (and so does running this file directly).
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { HELP, parseCli, UsageError, type CliOptions } from './cli-args.js';
import { groups } from './groups.js';
import { footer, groupLine, header, resultLine, setupLine } from './report.js';
import { runConformance, selected } from './runner.js';

export { runConformance, type RuleResult, type SuiteReport } from './runner.js';
export type { SuiteOptions } from './context.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
};

function listRules(options: CliOptions, output: Output): void {
  for (const group of groups) {
    output.out(groupLine(group));
    for (const rule of group.rules) {
      if (!selected(options.suite, group, rule)) continue;
      const needs = rule.needs === undefined || rule.needs.length === 0 ? '' : `  [needs ${rule.needs.join(', ')}]`;
      output.out(`  ${rule.id.padEnd(44)} ${rule.title}${needs}\n`);
    }
  }
}

export async function main(argv: readonly string[], output: Output = processOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`jobunivers-contract conformance: ${error.message}\n\n${HELP}`);
    return 2;
  }
  if (options.help) {
    output.out(HELP);
    return 0;
  }
  if (options.list) {
    listRules(options, output);
    return 0;
  }
  const text = !options.json;
  if (text) output.out(header(options.suite.api));
  const report = await runConformance(options.suite, text ? {
    onSetup: (info) => { output.out(setupLine(info)); },
    onGroup: (group) => { output.out(groupLine(group)); },
    onResult: (result) => { output.out(resultLine(result)); },
  } : {});
  if (text) output.out(footer(report));
  else output.out(`${JSON.stringify(report, null, 2)}\n`);
  if (report.summary.failed > 0) return 1;
  if (options.failOnSkip && report.summary.skipped > 0) return 1;
  return 0;
}

function isEntryPoint(): boolean {
  const entry = process.argv.at(1);
  if (entry === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
