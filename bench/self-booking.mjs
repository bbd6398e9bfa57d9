#!/usr/bin/env node
// <ju-self-booking> in Chromium: show a month with 2,000 free times and choose a day, against a plain-Lit calendar
// doing the same grouping and rendering in the same run. `npm run bench` — not part of `npm test`.
/* global window -- used inside the page.evaluate() callback, which runs in Chromium */
import { openBenchPage } from './browser-page.mjs';
import { machineReport } from './machine.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 3;

const machine = machineReport();
const { page, browser, errors, close } = await openBenchPage('self-booking-page.mjs');
try {
  const results = await page.evaluate((options) => window.runBench(options), { rounds: ROUNDS, warmup: WARMUP });
  if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);
  const ms = (value) => `${value.toFixed(2)} ms`;
  const rows = [
    ['month with 2,000 free times', results.monthWidget, results.monthBaseline],
    ['choose another day', results.selectWidget, results.selectBaseline],
  ];
  console.log('<ju-self-booking> (fake server in the page)      median      plain-Lit calendar   median     ratio');
  for (const [name, widget, baseline] of rows) {
    console.log(`${name.padEnd(46)} ${ms(widget.median).padStart(10)}   ${''.padEnd(17)} ${ms(baseline.median).padStart(9)}   ${(widget.median / baseline.median).toFixed(1)}× the time`);
  }
  console.log(`\nbuttons in the widget after showing the month: ${String(results.buttons)} (the grid's days and the chosen day's times; the baseline renders the same)`);
  console.log(`median of ${String(ROUNDS)} rounds after ${String(WARMUP)} warm-up rounds; min–max:`);
  for (const [key, value] of Object.entries(results)) {
    if (typeof value === 'object') console.log(`  ${key.padEnd(15)} ${ms(value.min)} – ${ms(value.max)}`);
  }
  machine.print({ browser: browser.version() });
} finally {
  await close();
}
