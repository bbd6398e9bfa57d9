/* global document -- used inside page.evaluate / waitForFunction, which run in the browser */
// The video library on the demo site, end to end against the reference server and its real demo media: Lars
// searches for "hvordan udfylder jeg jobloggen", the result shows the sentence that is said with the words marked,
// "Afspil fra 00:13" opens the joblog video at that moment (media fetched with range requests, captions drawn from
// the WebVTT track), he watches the whole video at double speed, the server records it as completed, and back in
// the catalogue the card says "Set". A caseworker on /medarbejder finds the same moment and copies a link to it,
// which opens the video at that moment on the citizens' page. Fails on any console error or CSP violation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { logIn, openPage } from './demo-page.mjs';
import { startReferenceServer } from './reference-server.mjs';

/** When "Her kan du se, hvordan du udfylder jobloggen." is said (packages/server/media/videos/brug-jobloggen). */
const CUE_START = 13.637;
const PHRASE = 'Her kan du se, hvordan du udfylder jobloggen.';

let server;
let browser;

before(async () => {
  server = await startReferenceServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The `<video>` inside the player, read in the page. */
const videoState = (page) => page.evaluate(() => {
  const player = document.querySelector('ju-video-library')?.shadowRoot?.querySelector('ju-video-player');
  const video = player?.shadowRoot?.querySelector('video');
  return video ? { time: video.currentTime, paused: video.paused, rate: video.playbackRate, src: video.currentSrc, ended: video.ended } : undefined;
});

describe('video library', { timeout: 180_000 }, () => {
  it('finds a sentence, plays from that moment and completes the video', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    await logIn(page, 'Lars');
    const library = page.locator('ju-video-library');

    // Signed in: the seeded progress shows ("continue watching" and a completed video).
    await library.getByRole('heading', { name: 'Fortsæt hvor du slap' }).waitFor();

    const ranges = [];
    page.on('request', (request) => {
      if (request.url().includes('/media/videos/brug-jobloggen/video') && request.headers().range) ranges.push(request.headers().range);
    });

    await library.getByRole('searchbox', { name: 'Søg i videoerne' }).fill('hvordan udfylder jeg jobloggen');
    await library.getByRole('searchbox', { name: 'Søg i videoerne' }).press('Enter');
    const firstCard = library.locator('[part~="card"]').first();
    await firstCard.getByRole('button', { name: 'Sådan bruger du jobloggen' }).waitFor();
    // The sentence that is said, with the search words marked (rendered as text parts, not HTML).
    const match = firstCard.locator('[part~="match"]').filter({ hasText: 'udfylder jobloggen' }).first();
    // The sentence matches load a moment after the card (their view is its own chunk): wait for the marks.
    await match.locator('mark').first().waitFor();
    assert.deepEqual(await match.locator('mark').allTextContents(), ['hvordan', 'udfylder', 'jobloggen']);

    await match.getByRole('button', { name: /Afspil fra 00:13/ }).click();
    const player = library.locator('ju-video-player');
    await player.waitFor();
    assert.equal(await player.getAttribute('video-id'), 'brug-jobloggen');
    // Focus moved to the opened video's heading.
    await page.waitForFunction(() => document.querySelector('ju-video-library')?.shadowRoot?.activeElement?.localName === 'h3'
      || document.querySelector('ju-video-library')?.shadowRoot?.activeElement?.matches('h2, h3, h4'));

    // Lands at the moment the words are said; the caption overlay shows the sentence once it plays.
    await page.waitForFunction((start) => {
      const video = document.querySelector('ju-video-library')?.shadowRoot?.querySelector('ju-video-player')?.shadowRoot?.querySelector('video');
      return video !== null && video !== undefined && video.readyState >= 1 && Math.abs(video.currentTime - start) < 0.5;
    }, CUE_START);
    await player.getByRole('button', { name: 'Afspil', exact: true }).click();
    await player.locator('[part~="captions"]').getByText(PHRASE).waitFor();
    assert.ok(ranges.length > 0, 'the video is fetched with HTTP range requests');

    // Now the whole video, from the start, at double speed (keyboard map: Home, then ">" up to 2×).
    await player.evaluate((element) => { element.seek(0); });
    for (let press = 0; press < 4; press += 1) {
      await player.locator('[part~="controls"]').getByRole('button', { name: 'Pause', exact: true }).press('>');
    }
    const state = await videoState(page);
    assert.equal(state?.rate, 2, 'four presses of ">" reach 2×');
    const completed = page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('ju-video-completed', (event) => { resolve(event.detail); }, { once: true });
    }));
    assert.deepEqual(await completed, { videoId: 'brug-jobloggen' });
    await library.getByText('Du har set videoen.').first().waitFor({ state: 'attached' });

    // Played to the end; the server has it as completed, with the unique seconds the player saved at the end
    // (poll briefly for the PUT).
    await page.waitForFunction(() => document.querySelector('ju-video-library')?.shadowRoot?.querySelector('ju-video-player')?.shadowRoot?.querySelector('video')?.ended === true, undefined, { timeout: 60_000 });
    const token = await page.evaluate(() => document.getElementById('selfservice').token);
    let progress;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const response = await fetch(`${server.url}/v1/me/video-progress`, { headers: { authorization: `Bearer ${token}` } });
      progress = (await response.json()).items.find((item) => item.videoId === 'brug-jobloggen');
      if (progress?.completed && progress.watchedSeconds >= 0.9 * 47.75) break;
      await new Promise((resolve) => { setTimeout(resolve, 200); });
    }
    assert.equal(progress?.completed, true, 'the server records the video as completed');
    assert.ok(progress.watchedSeconds >= 0.9 * 47.75, `unique seconds watched: ${String(progress.watchedSeconds)}`);

    // Back in the catalogue, focus returns to the card that opened the video, and the card says "Set".
    await library.getByRole('button', { name: 'Tilbage til videoerne' }).click();
    await library.locator('[part~="card"]').filter({ hasText: 'Sådan bruger du jobloggen' }).first().locator('[part~="status"]', { hasText: /^✓ Set$/ }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('lets a caseworker copy a link to the moment, which opens the video there for the citizen', async () => {
    const desk = await openPage(browser, `${server.url}/medarbejder`);
    await desk.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await logIn(desk.page, 'Mette');
    const library = desk.page.locator('ju-video-library');
    await library.getByRole('searchbox', { name: 'Søg i videoerne' }).fill('udfylder jobloggen');
    await library.getByRole('searchbox', { name: 'Søg i videoerne' }).press('Enter');
    const match = library.locator('[part~="match"]').filter({ hasText: 'udfylder jobloggen' }).first();
    await match.getByRole('button', { name: 'Kopiér link' }).click();
    await library.getByText('Linket er kopieret').first().waitFor({ state: 'attached' });
    const link = await desk.page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?ju-video=brug-jobloggen&ju-video-t=13/);

    const citizen = await openPage(browser, link);
    const player = citizen.page.locator('ju-video-library ju-video-player');
    await player.waitFor();
    await citizen.page.waitForFunction(() => {
      const video = document.querySelector('ju-video-library')?.shadowRoot?.querySelector('ju-video-player')?.shadowRoot?.querySelector('video');
      return video !== null && video !== undefined && video.readyState >= 1 && Math.abs(video.currentTime - 13) < 1;
    });
    assert.deepEqual(desk.problems, []);
    assert.deepEqual(citizen.problems, []);
  });
});
