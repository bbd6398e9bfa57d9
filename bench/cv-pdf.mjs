#!/usr/bin/env node
// The CV builder's PDF export in Chromium: a 5-page CV to PDF bytes and a Blob, in both templates, against two
// baselines measured in the same page and run, interleaved round by round — the JSON export's work for the same CV
// (JSON.stringify + Blob), and the PDF of a 2-page CV (how the cost grows with length).
// `node bench/cv-pdf.mjs` (part of `npm run bench` once listed there) — not part of `npm test`. See bench/README.md.
/* global window -- used inside the page.evaluate() callback, which runs in Chromium */
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { ROOT } from './bundle.mjs';
import { machineReport } from './machine.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARMUP = 3;
/** Work items in the long CV: 17 gives 5 A4 pages in both templates (checked below). */
const JOBS = 17;

const machine = machineReport();
// The PDF chunk bundled like production (minified), with the test suite's CV fixtures, exposed on `window`.
const build = await esbuild.build({
  stdin: {
    contents: `import { renderCvPdf } from './packages/cv-builder/src/pdf/index.ts';
      import { completeCv, longCv } from './packages/cv-builder/test/pdf-support.ts';
      window.pdfBench = { renderCvPdf, completeCv, longCv };`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  charset: 'utf8',
  conditions: ['source'],
  write: false,
  logLevel: 'warning',
});

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => { errors.push(error.message); });
  // Served (by interception, nothing listens) from localhost: a secure context, as the widget's pages are.
  const files = {
    '/': ['text/html', '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Jobunivers benchmark</title><script type="module" src="/bench.js"></script></head><body></body></html>'],
    '/bench.js': ['text/javascript', build.outputFiles[0].text],
  };
  await page.route('http://localhost/**', (route) => {
    const [contentType, body] = files[new URL(route.request().url()).pathname] ?? ['text/plain', ''];
    return route.fulfill({ status: body ? 200 : 404, contentType: `${contentType}; charset=utf-8`, body });
  });
  await page.goto('http://localhost/');
  await page.waitForFunction(() => window.pdfBench !== undefined);

  const results = await page.evaluate(async ({ rounds, warmup, jobs }) => {
    const { renderCvPdf, completeCv, longCv } = window.pdfBench;
    const long = longCv(jobs);
    const short = completeCv();
    const pdf = (cv, template) => async () => {
      const result = await renderCvPdf(cv, { template, labels: 'da' });
      const blob = new Blob([result.bytes], { type: 'application/pdf' });
      return { pages: result.pages, bytes: blob.size };
    };
    const json = async () => {
      const blob = new Blob([JSON.stringify(long, null, 2)], { type: 'application/json' });
      return { pages: 0, bytes: blob.size };
    };
    // Each sample times `repeat` runs (the JSON case is too quick for one run to register on the timer).
    const cases = {
      atsLong: [pdf(long, 'ats'), 5],
      europassLong: [pdf(long, 'europass'), 5],
      atsShort: [pdf(short, 'ats'), 5],
      europassShort: [pdf(short, 'europass'), 5],
      json: [json, 200],
    };
    const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    const output = {};
    for (let round = 0; round < warmup + rounds; round += 1) {
      for (const [name, [once, repeat]] of Object.entries(cases)) {
        const started = performance.now();
        for (let run = 0; run < repeat; run += 1) output[name] = await once();
        if (round >= warmup) samples[name].push((performance.now() - started) / repeat);
      }
    }
    const median = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    };
    return Object.fromEntries(Object.entries(samples).map(([name, values]) => [
      name,
      { median: median(values), min: Math.min(...values), max: Math.max(...values), ...output[name] },
    ]));
  }, { rounds: ROUNDS, warmup: WARMUP, jobs: JOBS });
  if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);
  for (const name of ['atsLong', 'europassLong']) {
    if (results[name].pages !== 5) throw new Error(`the long CV made ${String(results[name].pages)} pages in ${name}, not 5: adjust JOBS`);
  }

  const ms = (value) => `${value.toFixed(2)} ms`;
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const describe = (result) => `${String(result.pages)} pages, ${kB(result.bytes)}`;
  const rows = [
    ['PDF, ats', describe(results.atsLong), results.atsLong, `JSON.stringify + Blob (${kB(results.json.bytes)})`, results.json],
    ['PDF, europass', describe(results.europassLong), results.europassLong, 'JSON.stringify + Blob', results.json],
    ['PDF, ats', describe(results.atsLong), results.atsLong, `PDF, ats, complete CV (${describe(results.atsShort)})`, results.atsShort],
    ['PDF, europass', describe(results.europassLong), results.europassLong, `PDF, europass, complete CV (${describe(results.europassShort)})`, results.europassShort],
  ];
  const table = [[`${String(JOBS)}-job CV`, 'output', 'median', 'baseline', 'median', 'ratio']];
  for (const [name, output, measured, baselineName, baseline] of rows) {
    table.push([name, output, ms(measured.median), baselineName, ms(baseline.median), `${(measured.median / baseline.median).toFixed(1)}× the time`]);
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => ([2, 4].includes(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  }
  console.log(`\nPDF time = renderCvPdf (layout, encoding, CompressionStream deflate, xref) + Blob; minified like production.`);
  console.log(`median of ${String(ROUNDS)} rounds after ${String(WARMUP)} warm-up rounds; min–max:`);
  for (const [name, value] of Object.entries(results)) console.log(`  ${name.padEnd(14)} ${ms(value.min)} – ${ms(value.max)}`);
  machine.print({ browser: browser.version() });
} finally {
  await browser.close();
}
