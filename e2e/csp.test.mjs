/* global document, window, customElements -- used inside page.evaluate() and addInitScript() callbacks, which run in Chromium */
// Strict-CSP end-to-end test: the drop-in bundle under
//   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html
// renders every registered element (tag names from custom-elements.json) in Danish and Arabic with no CSP
// violation, console error or page error, and loads English strings only when an English element appears.
// Results: node's own test summary (`# pass N` / `# fail N`), which scripts/test.mjs parses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { BUNDLE_DIR, ROOT, ensureBundle } from '../bench/bundle.mjs';

// `trusted-types lit-html`: Lit creates exactly one policy, named "lit-html", for its template HTML. Our code
// creates none (it never writes HTML strings into the DOM), so no other policy name is allowed.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const PAGE_DIR = join(ROOT, 'e2e/csp');
const BUNDLE_PATH = '/static/jobunivers/0.1.0/'; // deep on purpose: chunks must load relative to jobunivers.js
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };
const ENGLISH_CHUNK = /\/chunks\/en-[\w-]+\.js$/;
const ARABIC_CHUNK = /\/chunks\/ar-[\w-]+\.js$/;

/** Every tag declared in the root custom-elements.json, so each new widget is covered without editing this file. */
function registeredTags() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
  const tags = new Set();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) if (declaration.tagName) tags.add(declaration.tagName);
  }
  return [...tags].sort();
}

/**
 * The tags whose class extends JuElement: they resolve their language and direction themselves. The others are
 * building blocks inside a widget (e.g. <ju-chat-message-list>, which takes its strings from its owner); they
 * must still upgrade and render without violations.
 */
function languageAwareTags() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
  const tags = new Set();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) if (declaration.tagName && declaration.superclass?.name === 'JuElement') tags.add(declaration.tagName);
  }
  return tags;
}

/** Serves `path` from `base` only if it stays inside `base`. */
function inside(base, path) {
  const file = normalize(join(base, decodeURIComponent(path)));
  return file.startsWith(base + sep) ? file : undefined;
}

function startServer(tags) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    if (pathname === '/favicon.ico') {
      response.writeHead(204, headers).end();
      return;
    }
    if (pathname === '/elements.json') {
      response.writeHead(200, { ...headers, 'Content-Type': TYPES['.json'] }).end(JSON.stringify(tags));
      return;
    }
    try {
      const file = pathname.startsWith(BUNDLE_PATH)
        ? inside(BUNDLE_DIR, pathname.slice(BUNDLE_PATH.length))
        : inside(PAGE_DIR, pathname === '/' ? 'index.html' : pathname.slice(1));
      if (!file) throw new Error('outside the served folders');
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => { resolve(server); });
  });
}

describe('strict CSP page', () => {
  const tags = registeredTags();
  const languageAware = languageAwareTags();
  let server;
  let browser;
  let origin;

  before(async () => {
    const built = ensureBundle();
    if (built) console.log(`# built packages/jobunivers first (${built})`);
    server = await startServer(tags);
    origin = `http://127.0.0.1:${String(server.address().port)}`;
    browser = await chromium.launch(chromiumLaunchOptions);
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => { server?.close(resolve); });
  });

  /** Opens `path` and records every CSP violation, console error, page error and request from the start. */
  async function open(path) {
    const page = await browser.newPage();
    const problems = { violations: [], consoleErrors: [], pageErrors: [], failedRequests: [] };
    const requests = [];
    await page.exposeFunction('reportViolation', (violation) => { problems.violations.push(violation); });
    // Init scripts are injected by the browser's debugging protocol, which the page's CSP does not restrict.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void window.reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${String(event.lineNumber)}) ${event.sample}`);
      });
    });
    page.on('console', (message) => { if (message.type() === 'error') problems.consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => { problems.pageErrors.push(error.message); });
    page.on('requestfailed', (request) => { problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`); });
    page.on('request', (request) => { requests.push(request.url()); });
    page.on('response', (response) => { if (response.status() >= 400) problems.failedRequests.push(`${response.url()}: HTTP ${String(response.status())}`); });
    await page.goto(`${origin}${path}`);
    return { page, problems, requests };
  }

  /** What each element in one language section looks like after upgrading. */
  function inspect(page, language) {
    return page.evaluate(async (lang) => {
      const elements = [...document.querySelectorAll(`section[data-language="${lang}"] [data-test-tag]`)];
      // Widgets most pages do not use are registered when their tag appears (defineWhenUsed): their chunk may still
      // be loading. Wait for it (bounded: a tag that never registers is reported below as not upgraded).
      const defined = (tag) => Promise.race([customElements.whenDefined(tag), new Promise((resolve) => { setTimeout(resolve, 15_000); })]);
      await Promise.all([...new Set(elements.map((element) => element.localName))].map(defined));
      await Promise.all(elements.map((element) => element.updateComplete));
      return elements.map((element) => {
        const root = element.shadowRoot;
        const content = element.querySelector('.host-content');
        const slot = content?.assignedSlot;
        const box = content?.getBoundingClientRect();
        return {
          tag: element.localName,
          defined: customElements.get(element.localName) !== undefined && element.matches(':defined'),
          hasShadowRoot: root !== null,
          rendered: root !== null && (root.childElementCount > 0 || (root.textContent ?? '').trim() !== ''),
          resolvedLanguage: element.resolvedLanguage,
          dir: element.getAttribute('dir'),
          slottedVisible: Boolean(slot && content.checkVisibility() && box && box.width > 0 && box.height > 0),
        };
      });
    }, language);
  }

  function assertClean(problems) {
    assert.deepEqual(problems.violations, [], 'Content-Security-Policy violations');
    assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
    assert.deepEqual(problems.consoleErrors, [], 'console errors');
    assert.deepEqual(problems.failedRequests, [], 'failed requests');
  }

  test('finds the registered elements in custom-elements.json', () => {
    assert.ok(tags.includes('ju-provider'), `expected ju-provider among ${tags.join(', ')}`);
  });

  test('every element upgrades and renders in Danish and Arabic without violations or errors', async () => {
    const { page, problems } = await open('/');
    await page.waitForSelector('html[data-ready="true"]');
    const rendered = { da: await inspect(page, 'da'), ar: await inspect(page, 'ar') };
    assertClean(problems); // first: a violation is usually why an element did not render
    for (const [language, dir] of [['da', 'ltr'], ['ar', 'rtl']]) {
      const elements = rendered[language];
      assert.deepEqual(elements.map((element) => element.tag), tags, `every tag is on the page in ${language}`);
      for (const element of elements) {
        const where = `<${element.tag}> in ${language}`;
        assert.ok(element.defined, `${where} is registered and upgraded`);
        assert.ok(element.hasShadowRoot, `${where} has a shadow root`);
        assert.ok(element.rendered, `${where} rendered into its shadow root`);
        if (!languageAware.has(element.tag)) continue;
        assert.equal(element.resolvedLanguage, language, `${where} speaks ${language}`);
        assert.equal(element.dir, dir, `${where} is ${dir}`);
        if (element.tag === 'ju-provider') assert.ok(element.slottedVisible, `${where} shows its slotted content`);
      }
    }
    await page.close();
  });

  test('English strings load lazily, only when an element with lang="en" appears', async () => {
    const { page, problems, requests } = await open('/');
    await page.waitForSelector('html[data-ready="true"]');
    await inspect(page, 'ar'); // waits for the Arabic elements, whose strings load first
    assert.ok(requests.some((url) => ARABIC_CHUNK.test(url)), 'the Arabic chunk was loaded for the Arabic elements');
    assert.ok(
      requests.some((url) => url.startsWith(`${origin}${BUNDLE_PATH}chunks/`)),
      'chunks load relative to jobunivers.js, wherever it is hosted',
    );
    assert.deepEqual(requests.filter((url) => ENGLISH_CHUNK.test(url)), [], 'no English chunk before an English element exists');

    const englishChunk = page.waitForRequest((request) => ENGLISH_CHUNK.test(request.url()), { timeout: 5000 });
    await page.click('#add-english');
    await englishChunk;
    for (const element of await inspect(page, 'en')) {
      assert.ok(element.rendered, `<${element.tag}> rendered in English`);
      if (!languageAware.has(element.tag)) continue;
      assert.equal(element.resolvedLanguage, 'en');
      assert.equal(element.dir, 'ltr');
    }
    assertClean(problems);
    await page.close();
  });

  test('the harness notices violations (control page with an inline style and script)', async () => {
    const { page, problems } = await open('/control.html');
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(100); // violation events are dispatched asynchronously
    assert.notEqual(await page.title(), 'inline script ran', 'the inline script was blocked');
    assert.ok(problems.violations.some((violation) => violation.startsWith('script-src')), `inline script reported: ${problems.violations.join(' | ')}`);
    assert.ok(problems.violations.some((violation) => violation.startsWith('style-src')), `inline style reported: ${problems.violations.join(' | ')}`);
    await page.close();
  });
});
