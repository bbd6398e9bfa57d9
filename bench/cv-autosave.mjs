#!/usr/bin/env node
/* global window, document, indexedDB -- used inside page.evaluate / waitForFunction, which run in the browser */
// Autosave while typing in a 5-page CV (`npm run bench`): a citizen types into <ju-cv-builder> holding a CV that
// makes 5 A4 pages; we measure how long each typed character waits until it is in IndexedDB (from the keystroke
// to the `ju-cv-saved` event of the write that holds it), and how long the widget takes to update after a
// keystroke. Baselines, in the same page and run: one plain IndexedDB put of the same CV (what a save costs at
// the least), and the same typing in an empty CV (what a keystroke costs without the 5 pages).
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { ROOT } from './bundle.mjs';
import { machineReport } from './machine.mjs';

/** Work items in the long CV: 17 makes 5 A4 pages (bench/cv-pdf.mjs checks that). */
const JOBS = 17;
const TYPED = 'Jeg er stabil, mødestabil og god til at samarbejde med kolleger på lageret. ';
/** Milliseconds between keystrokes: about 100 words a minute, a fast typist. */
const KEY_DELAY = 60;

const machine = machineReport();
const build = await esbuild.build({
  stdin: {
    contents: `import '@jobunivers/cv-builder';
      import { CvDraftStore } from './packages/cv-builder/src/storage/draft-store.ts';
      import { emptyCv } from './packages/cv-builder/src/model/cv.ts';
      import { longCv } from './packages/cv-builder/test/pdf-support.ts';
      window.cvBench = { CvDraftStore, emptyCv, longCv };`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  splitting: false,
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
  const files = {
    '/': ['text/html', '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Jobunivers benchmark</title><script type="module" src="/bench.js"></script></head><body><main id="stage"></main></body></html>'],
    '/bench.js': ['text/javascript', build.outputFiles[0].text],
  };
  await page.route('http://localhost/**', (route) => {
    const [contentType, body] = files[new URL(route.request().url()).pathname] ?? ['text/plain', ''];
    return route.fulfill({ status: body ? 200 : 404, contentType: `${contentType}; charset=utf-8`, body });
  });
  await page.goto('http://localhost/');
  await page.waitForFunction(() => window.cvBench !== undefined);

  /** Renders a builder on a store seeded with a CV of `jobs` jobs (0 = empty), and starts recording. */
  const mount = (jobs) => page.evaluate(async ({ jobs: count }) => {
    const { CvDraftStore, emptyCv, longCv } = window.cvBench;
    const name = `bench-${String(count)}-${String(Date.now())}`;
    const store = await CvDraftStore.open({ name });
    store.schedule(count === 0 ? emptyCv() : longCv(count));
    await store.flush();
    store.close();
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const builder = document.createElement('ju-cv-builder');
    builder.setAttribute('store-name', name);
    stage.append(builder);
    const record = { keys: [], saves: [], updates: [] };
    window.record = record;
    // From the key going down to the widget having rendered the change (its input handler, undo history, render).
    let keyDownAt = 0;
    builder.addEventListener('keydown', () => { keyDownAt = performance.now(); }, { capture: true });
    builder.addEventListener('input', () => {
      record.keys.push(keyDownAt);
      void builder.updateComplete.then(() => { record.updates.push(performance.now() - keyDownAt); });
    });
    builder.addEventListener('ju-cv-saved', (event) => {
      if (event.detail.where === 'local') record.saves.push(performance.now());
    });
    for (let waited = 0; builder.shadowRoot?.querySelector('textarea') == null; waited += 20) {
      if (waited > 10_000) throw new Error('the builder did not render');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return builder.shadowRoot.querySelector('textarea').id;
  }, { jobs });

  /** Types the sentence into the profile, waits for the last save, and answers what was recorded. */
  const type = async (fieldId) => {
    await page.locator('ju-cv-builder').locator(`#${fieldId}`).pressSequentially(TYPED, { delay: KEY_DELAY });
    await page.waitForTimeout(1500);
    return page.evaluate(() => window.record);
  };

  // How long each keystroke waited for the write that holds it.
  const latencies = ({ keys, saves }) => {
    const waited = [];
    let next = 0;
    for (const savedAt of saves) {
      while (next < keys.length && keys[next] <= savedAt) waited.push(savedAt - keys[next++]);
    }
    if (next < keys.length) throw new Error(`${String(keys.length - next)} keystrokes were never saved`);
    return waited;
  };

  const plainPut = await page.evaluate(async ({ jobs }) => {
    const { longCv } = window.cvBench;
    const cv = longCv(jobs);
    const open = () => new Promise((resolve, reject) => {
      const request = indexedDB.open(`bench-plain-${String(Date.now())}`, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('records');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const database = await open();
    const times = [];
    for (let round = 0; round < 40; round += 1) {
      const started = performance.now();
      await new Promise((resolve, reject) => {
        const transaction = database.transaction('records', 'readwrite');
        transaction.objectStore('records').put({ cv, savedAt: new Date().toISOString() }, 'draft');
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
      if (round >= 5) times.push(performance.now() - started);
    }
    database.close();
    return times;
  }, { jobs: JOBS });

  const longRecord = await type(await mount(JOBS));
  const emptyRecord = await type(await mount(0));
  if (errors.length > 0) throw new Error(`the bench page reported errors:\n${errors.join('\n')}`);

  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
    return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1), n: sorted.length };
  };
  const ms = (value) => `${value.toFixed(1)} ms`;
  const longWait = stats(latencies(longRecord));
  const emptyWait = stats(latencies(emptyRecord));
  const put = stats(plainPut);
  const longUpdate = stats(longRecord.updates);
  const emptyUpdate = stats(emptyRecord.updates);

  console.log(`Typing ${String(TYPED.length)} characters, one every ${String(KEY_DELAY)} ms, into the profile of <ju-cv-builder>:`);
  const table = [
    ['measure', '5-page CV p50', 'p95', 'max', 'baseline', 'baseline p50', 'ratio (p50)'],
    ['keystroke → in IndexedDB', ms(longWait.p50), ms(longWait.p95), ms(longWait.max), 'same typing, empty CV', ms(emptyWait.p50), `${(longWait.p50 / emptyWait.p50).toFixed(2)}×`],
    ['a save\'s IndexedDB write', '', '', '', 'one plain put of the same CV', ms(put.p50), ''],
    ['key down → widget updated', ms(longUpdate.p50), ms(longUpdate.p95), ms(longUpdate.max), 'same typing, empty CV', ms(emptyUpdate.p50), `${(longUpdate.p50 / emptyUpdate.p50).toFixed(2)}×`],
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  }
  console.log(`\n${String(longRecord.saves.length)} saves for ${String(longRecord.keys.length)} keystrokes (5-page CV); the widget writes 250 ms after the last change and at most 750 ms after the first unsaved one.`);
  console.log('Production build (minified, Lit in production mode), Debian Chromium headless, real IndexedDB.');
  machine.print({ browser: browser.version() });
} finally {
  await browser.close();
}
