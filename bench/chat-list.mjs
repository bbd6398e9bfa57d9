#!/usr/bin/env node
// The chat's message list in Chromium with a 10,000-message conversation: DOM size, first render and appending one
// message, against a plain-Lit list that renders every message, measured in the same run. `npm run bench` — not
// part of `npm test`. See bench/README.md.
/* global window -- used inside the page.evaluate() callback, which runs in Chromium */
import { openBenchPage } from './browser-page.mjs';
import { machineReport } from './machine.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const WARMUP = 2;

const machine = machineReport();
const { page, browser, errors, close } = await openBenchPage('chat-list-page.mjs');
try {
  const results = await page.evaluate((options) => window.runBench(options), { rounds: ROUNDS, warmup: WARMUP });
  if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);
  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log('10,000 messages                        <ju-chat-message-list>   full-render baseline   baseline ÷ list');
  const row = (name, widget, baseline) => {
    console.log(`${name.padEnd(38)} ${ms(widget.median).padStart(22)}   ${ms(baseline.median).padStart(20)}   ${(baseline.median / widget.median).toFixed(1)}×`);
  };
  row('first render (+ style and layout)', results.firstWidget, results.firstBaseline);
  row('append one message (+ style, layout)', results.appendWidget, results.appendBaseline);
  console.log(`${'DOM nodes (elements + text)'.padEnd(38)} ${String(results.nodesWidget).padStart(22)}   ${String(results.nodesBaseline).padStart(20)}`);
  console.log(`\nmedian of ${String(ROUNDS)} rounds after ${String(WARMUP)} warm-up rounds (append: median of 9 appends per round); min–max:`);
  for (const [key, value] of Object.entries(results)) {
    if (typeof value === 'object') console.log(`  ${key.padEnd(15)} ${ms(value.min)} – ${ms(value.max)}`);
  }
  if (results.nodesWidget >= 2000) {
    console.log(`\nFAIL: the list has ${String(results.nodesWidget)} DOM nodes at 10,000 messages (limit 2,000).`);
    process.exitCode = 1;
  }
  if (results.appendBaseline.median / results.appendWidget.median < 10) {
    console.log('\nFAIL: appending is less than 10× faster than the full-render baseline.');
    process.exitCode = 1;
  }
  machine.print({ browser: browser.version() });
} finally {
  await close();
}
