#!/usr/bin/env node
// The joblog's list view in Chromium with 10,000 entries: DOM size, first render, typing a search, changing the sort
// and adding one entry, against a plain-Lit list that renders every entry with the same row template, measured in
// the same run. `npm run bench` — not part of `npm test`. See bench/README.md.
/* global window -- used inside the page.evaluate() callback, which runs in Chromium */
import { openBenchPage } from './browser-page.mjs';
import { machineReport } from './machine.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const WARMUP = 2;
const MIN_RATIO = 10;
const MAX_NODES = 2000;

const machine = machineReport();
const { page, browser, errors, close } = await openBenchPage('joblog-page.mjs');
try {
  const results = await page.evaluate((options) => window.runBench(options), { rounds: ROUNDS, warmup: WARMUP });
  const whole = await page.evaluate(() => window.runWholeWidget());
  if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);
  for (const [what, counts] of Object.entries({ 'search results': results.filteredRows, 'rows after adding': results.rowsAfterAdd })) {
    if (counts.widget !== counts.baseline) throw new Error(`the list and the baseline disagree on the ${what}: ${String(counts.widget)} vs ${String(counts.baseline)}`);
  }
  const ms = (value) => `${value.toFixed(2)} ms`;
  const ratio = (measure) => results[`${measure}Baseline`].median / results[`${measure}Widget`].median;
  console.log('10,000 entries                          list view (windowed)   full-render baseline   baseline ÷ list');
  const row = (name, measure) => {
    console.log(`${name.padEnd(38)} ${ms(results[`${measure}Widget`].median).padStart(22)}   ${ms(results[`${measure}Baseline`].median).padStart(20)}   ${ratio(measure).toFixed(1)}×`);
  };
  row('first render (+ style and layout)', 'first');
  row(`filter: type "kok" (${String(results.filteredRows.widget)} match)`, 'filter');
  row('sort by title instead of date', 'sort');
  row('add one entry', 'add');
  console.log(`${'DOM nodes (elements + text)'.padEnd(38)} ${String(results.nodesWidget).padStart(22)}   ${String(results.nodesBaseline).padStart(20)}`);
  console.log(`\nthe whole <ju-joblog> on a browser store with the same 10,000 entries (one run): first rows after ${ms(whole.firstRows)} `
    + `(open IndexedDB, read every entry, load the views), ${String(whole.nodes)} DOM nodes (${String(whole.reminders)} reminders shown)`);
  console.log(`\nmedian of ${String(ROUNDS)} rounds after ${String(WARMUP)} warm-up rounds (each figure includes a forced style and layout); min–max:`);
  for (const [key, value] of Object.entries(results)) {
    if (typeof value === 'object' && 'median' in value) console.log(`  ${key.padEnd(15)} ${ms(value.min)} – ${ms(value.max)}`);
  }
  if (whole.nodes >= MAX_NODES) {
    console.log(`\nFAIL: the whole <ju-joblog> has ${String(whole.nodes)} DOM nodes at 10,000 entries (limit ${String(MAX_NODES)}).`);
    process.exitCode = 1;
  }
  if (results.nodesWidget >= MAX_NODES) {
    console.log(`\nFAIL: the list has ${String(results.nodesWidget)} DOM nodes at 10,000 entries (limit ${String(MAX_NODES)}).`);
    process.exitCode = 1;
  }
  for (const [measure, name] of [['filter', 'filtering'], ['sort', 'sorting'], ['add', 'adding an entry']]) {
    if (ratio(measure) < MIN_RATIO) {
      console.log(`\nFAIL: ${name} is less than ${String(MIN_RATIO)}× faster than the full-render baseline (${ratio(measure).toFixed(1)}×).`);
      process.exitCode = 1;
    }
  }
  machine.print({ browser: browser.version() });
} finally {
  await close();
}
