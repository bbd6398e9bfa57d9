#!/usr/bin/env node
// Runtime benchmarks of core in Chromium, each against a plain-Lit (or plain-object) baseline from the same run.
// `npm run bench` — not part of `npm test`. See bench/README.md.
/* global window -- used inside the page.evaluate() callback, which runs in Chromium */
import { openBenchPage } from './browser-page.mjs';
import { machineReport } from './machine.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 3;

const machine = machineReport();
const { page, browser, errors, close } = await openBenchPage('bench-page.mjs');
try {
  const results = await page.evaluate((options) => window.runBench(options), { rounds: ROUNDS, warmup: WARMUP });
  if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);

  const ms = (value) => `${value.toFixed(2)} ms`;
  const perSecond = (value) => `${(value / 1e6).toFixed(2)} M/s`;
  const rows = [
    ['(a) first render, 200 elements', 'JuElement in <ju-provider>', results.firstRenderJu, 'LitElement in <div>', results.firstRenderLit, ms, 'time'],
    ['(b) language da⇄en, 200 elements', '<html lang> switch, JuElement', results.languageSwitch, 'LitElement property change', results.litRerender, ms, 'time'],
    ['(c) string lookups', 'element.t(key)', results.lookupElementT, 'plain object[key]', results.lookupPlain, perSecond, 'rate'],
    ['(c) string lookups', 'cached translator(lang, ns)(key)', results.lookupTranslator, 'plain object[key]', results.lookupPlain, perSecond, 'rate'],
    ['(c) string lookups', 'i18next.t(key, {lng, ns})', results.lookupI18next, 'plain object[key]', results.lookupPlain, perSecond, 'rate'],
  ];
  const table = [['benchmark', 'case', 'median', 'baseline', 'median', 'ratio']];
  for (const [name, label, measured, baselineLabel, baseline, format, kind] of rows) {
    // Times: how many times slower than the baseline. Rates: how many times fewer lookups per second.
    const ratio = kind === 'time' ? measured.median / baseline.median : baseline.median / measured.median;
    table.push([name, label, format(measured.median), baselineLabel, format(baseline.median), `${ratio.toFixed(1)}× ${kind === 'time' ? 'the time' : 'slower'}`]);
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => ([2, 4].includes(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  }
  const scriptShare = (result) => `${ms(result.scriptMedian)} script + ${ms(result.median - result.scriptMedian)} style/layout`;
  console.log(`\n(a) split of the medians: JuElement ${scriptShare(results.firstRenderJu)}; LitElement ${scriptShare(results.firstRenderLit)}`);
  console.log(`\nmedian of ${String(ROUNDS)} rounds after ${String(WARMUP)} warm-up rounds (lookups: 100 ms slices); min–max:`);
  for (const [key, value] of Object.entries(results)) {
    const format = key.startsWith('lookup') ? perSecond : ms;
    console.log(`  ${key.padEnd(16)} ${format(value.min)} – ${format(value.max)}`);
  }
  machine.print({ browser: browser.version() });
} finally {
  await close();
}
