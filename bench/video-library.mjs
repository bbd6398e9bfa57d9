#!/usr/bin/env node
// <ju-video-library> in Chromium with a 500-video catalogue: the first page on screen, "Vis flere videoer" with 476
// cards already shown, and DOM size, against a plain-Lit list that renders all 500 cards, measured in the same run.
// `npm run bench` — not part of `npm test`. See bench/README.md.
/* global window -- used inside the page.evaluate() callback, which runs in Chromium */
import { openBenchPage } from './browser-page.mjs';
import { machineReport } from './machine.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = 2;

const machine = machineReport();
const { page, browser, errors, close } = await openBenchPage('video-library-page.mjs');
try {
  const results = await page.evaluate((options) => window.runBench(options), { rounds: ROUNDS, warmup: WARMUP });
  if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);
  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log('500 videos                                   <ju-video-library>   full-render baseline   baseline ÷ library');
  const row = (name, widget, baseline) => {
    console.log(`${name.padEnd(44)} ${ms(widget.median).padStart(18)}   ${ms(baseline.median).padStart(20)}   ${(baseline.median / widget.median).toFixed(1)}×`);
  };
  row('first render (library: first 24 cards)', results.firstWidget, results.firstBaseline);
  row('24 more onto 476 (+ style, layout)', results.moreWidget, results.moreBaseline);
  console.log(`${'DOM nodes with all 500 shown'.padEnd(44)} ${String(results.nodesWidget).padStart(18)}   ${String(results.nodesBaseline).padStart(20)}`);
  console.log(`\nmedian of ${String(ROUNDS)} rounds after ${String(WARMUP)} warm-up rounds; min–max:`);
  for (const [key, value] of Object.entries(results)) {
    if (typeof value === 'object') console.log(`  ${key.padEnd(15)} ${ms(value.min)} – ${ms(value.max)}`);
  }
  machine.print({ browser: browser.version() });
} finally {
  await close();
}
