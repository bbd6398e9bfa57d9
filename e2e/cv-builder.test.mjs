/* global document -- used inside page.evaluate / waitForFunction, which run in the browser */
// The CV builder on the demo site, end to end against the reference server. A visitor who is not signed in fills
// a CV (kept only in this browser), the page is reloaded while they are still typing and every character is
// there, and the PDF they export holds the CV as real text. Then Lars signs in: the CV he keeps at the job centre
// opens, his edit is saved there, he shares it, and his caseworker Mette reads it on /medarbejder. Fails on any
// console error or CSP violation.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { logIn, openPage } from './demo-page.mjs';
import { startReferenceServer } from './reference-server.mjs';

const NAME = 'Åse Ørnholt-Jensen';
/** Typed key by key, then the page is reloaded at once: Danish letters, punctuation and a payload that must stay text. */
const PROFILE = 'Jeg er en stabil lagermedarbejder med truckcertifikat (B) – æøå ÆØÅ, "citat" & <b>fed</b>?';

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

/** The text of every page of a PDF, read with pdf.js as a reader's PDF viewer would. */
async function pdfText(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = fileURLToPath(new URL('../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => item.str).join(' '));
  }
  await document.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

describe('CV builder', { timeout: 180_000 }, () => {
  it('keeps every character through a reload mid-typing and exports a PDF with real text', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    const cv = page.locator('ju-cv-builder');
    await cv.getByText('Dit CV gemmes kun i denne browser på denne enhed.').waitFor();

    await cv.getByLabel('Fulde navn').fill(NAME);
    await cv.getByLabel('E-mail', { exact: true }).fill('aase@example.dk');
    await cv.getByLabel('Telefon', { exact: true }).fill('20 30 40 50');
    await cv.getByRole('button', { name: 'Tilføj jobtitel' }).click();
    await cv.getByLabel('Jobtitel', { exact: true }).fill('Lagermedarbejder');
    await cv.getByRole('button', { name: 'Tilføj erhvervserfaring' }).click();
    await cv.getByLabel('Stilling', { exact: true }).fill('Truckfører');
    await cv.getByLabel('Arbejdsplads', { exact: true }).fill('Bilka Vejle');

    // Typing, and the page is reloaded right after the last key, before the autosave's own schedule: the widget
    // keeps the unsaved change on `pagehide` (Chromium drops an IndexedDB write started then; this test caught it).
    const profile = cv.getByLabel('Din profil');
    await profile.pressSequentially(PROFILE, { delay: 15 });
    await page.reload();
    await cv.getByLabel('Fulde navn').waitFor();
    await page.waitForFunction((name) => {
      const field = document.querySelector('ju-cv-builder')?.shadowRoot?.querySelector('input[autocomplete="name"]');
      return field?.value === name;
    }, NAME);
    assert.equal(await cv.getByLabel('Din profil').inputValue(), PROFILE, 'every character typed before the reload is there');
    assert.equal(await cv.getByLabel('Stilling', { exact: true }).inputValue(), 'Truckfører');
    assert.equal(await cv.getByLabel('Arbejdsplads', { exact: true }).inputValue(), 'Bilka Vejle');
    assert.equal(await cv.locator('b').count(), 0, 'typed markup stays text');

    // Export a PDF (the PDF writer loads only now).
    await cv.getByRole('button', { name: 'Eksportér' }).click();
    const dialog = cv.getByRole('dialog', { name: 'Eksportér dit CV' });
    await dialog.getByRole('radio', { name: 'PDF' }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Hent PDF' }).click()]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(bytes);
    for (const expected of [NAME, 'aase@example.dk', 'Jeg søger job som', 'Lagermedarbejder', 'Truckfører', 'Bilka Vejle', PROFILE]) {
      assert.ok(text.includes(expected), `the PDF's text has "${expected}":\n${text}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('opens Lars\'s CV from the job centre, saves his edit there, and his caseworker reads it after he shares it', async () => {
    const citizen = await openPage(browser, `${server.url}/`);
    await logIn(citizen.page, 'Lars');
    const cv = citizen.page.locator('ju-cv-builder');
    // His seeded CV at the job centre replaces the empty draft in this new browser.
    await citizen.page.waitForFunction(() => {
      const field = document.querySelector('ju-cv-builder')?.shadowRoot?.querySelector('input[autocomplete="name"]');
      return typeof field?.value === 'string' && field.value.startsWith('Lars');
    }, undefined, { timeout: 20_000 });
    const headline = cv.getByLabel('Overskrift under dit navn');
    await headline.fill('Lagermedarbejder med truckcertifikat og 8 års erfaring');
    await cv.getByText(/Gemt på denne enhed og hos jobcentret/).waitFor({ timeout: 20_000 });
    // The edit reached the job centre's server (asked as Lars would, with his token).
    await citizen.page.waitForFunction(async () => {
      const response = await fetch('/v1/me/cv', { headers: { Authorization: `Bearer ${document.querySelector('ju-provider').token}` } });
      return response.ok && (await response.json()).basics?.label === 'Lagermedarbejder med truckcertifikat og 8 års erfaring';
    }, undefined, { timeout: 20_000, polling: 250 });

    const caseworker = await openPage(browser, `${server.url}/medarbejder`);
    await logIn(caseworker.page, 'Mette');
    const viewer = caseworker.page.locator('ju-cv-viewer');
    await viewer.getByRole('button', { name: /Lars/ }).first().click();
    await viewer.getByText('Lagermedarbejder med truckcertifikat og 8 års erfaring').waitFor({ timeout: 20_000 });

    // Withdrawn: the caseworker is told, kindly, and sees nothing.
    await cv.getByRole('button', { name: /Del med jobcentret|Du deler dit CV/ }).click();
    const share = cv.getByRole('dialog');
    await share.getByRole('button', { name: 'Træk delingen tilbage' }).click();
    await cv.getByText('Du deler ikke længere dit CV med jobcentret.').first().waitFor();
    await viewer.getByRole('button', { name: 'Tilbage til listen' }).click();
    await caseworker.page.reload();
    await logIn(caseworker.page, 'Mette');
    await viewer.getByText('Ingen borgere har delt deres CV med jer endnu').waitFor({ timeout: 20_000 });

    // Shared again.
    await cv.getByRole('button', { name: /Del med jobcentret/ }).click();
    await cv.getByRole('dialog').getByRole('button', { name: 'Ja, del mit CV' }).click();
    await cv.getByText('Dit CV er delt med jobcentret.').first().waitFor();
    await caseworker.page.reload();
    await logIn(caseworker.page, 'Mette');
    await viewer.getByRole('button', { name: /Lars/ }).first().click();
    await viewer.getByText('Lagermedarbejder med truckcertifikat og 8 års erfaring').waitFor({ timeout: 20_000 });

    assert.deepEqual(citizen.problems, []);
    assert.deepEqual(caseworker.problems, []);
    await citizen.page.context().close();
    await caseworker.page.context().close();
  });
});
