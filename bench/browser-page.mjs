// Serves one bench page to Chromium: the entry bundled like production (minified, Lit's production build,
// locales as lazy chunks) and a bare HTML page that loads it. Shared by the browser benchmarks.
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { ROOT } from './bundle.mjs';

const PAGE = (script) => `<!doctype html>
<html lang="da">
  <head><meta charset="utf-8"><title>Jobunivers benchmark</title><script type="module" src="/${script}.js"></script></head>
  <body><div id="stage"></div></body>
</html>`;

/**
 * Bundles `entry` (a path under bench/page), serves it on 127.0.0.1, opens it in Chromium and waits for
 * `html[data-ready="true"]`. Returns the page, the browser (for its version), the errors the page reported,
 * and `close()`.
 */
export async function openBenchPage(entry) {
  const name = entry.replace(/\.mjs$/, '');
  const build = await esbuild.build({
    entryPoints: { [name]: join(ROOT, 'bench/page', entry) },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    splitting: true,
    charset: 'utf8',
    conditions: ['source'],
    outdir: join(ROOT, 'bench/page/out'),
    write: false,
    logLevel: 'warning',
  });
  const files = new Map(build.outputFiles.map((file) => [`/${relative(join(ROOT, 'bench/page/out'), file.path)}`, file.contents]));
  files.set('/', Buffer.from(PAGE(name)));
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = files.get(pathname);
    if (!body) {
      response.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': pathname === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' }).end(body);
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', () => { resolve(); }); });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => { errors.push(error.message); });
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(`http://127.0.0.1:${String(server.address().port)}/`);
  await page.waitForSelector('html[data-ready="true"]');
  return {
    page,
    browser,
    errors,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
