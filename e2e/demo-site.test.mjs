/* global document, customElements -- used inside page.evaluate, which runs in the browser */
// The demo municipality site from `npm start`, driven in Debian's Chromium the way a citizen and a caseworker
// use it: contact details from the contract server, demo login, messages, and a message sent from the
// caseworker desk arriving live on the citizen's page. Fails on any console error or CSP violation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { logIn, openPage as openDemoPage } from './demo-page.mjs';
import { startReferenceServer } from './reference-server.mjs';


let server;
let browser;
const openPage = (path) => openDemoPage(browser, `${server.url}${path}`);

describe('demo site', { timeout: 60_000 }, () => {
  before(async () => {
    server = await startReferenceServer();
    browser = await chromium.launch(chromiumLaunchOptions);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the citizen page under a strict CSP, with the municipality from /v1/config', async () => {
    const { page, problems, response } = await openPage('/');
    const csp = response.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    await page.locator('#contact a[href^="tel:"]').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Jobcenter Eksempelby');
    // The one script tag upgraded <ju-provider>, <ju-self-booking> (which asks the citizen to sign in), the chat
    // launcher (its fallback text gives way to the button) and, loaded because the page uses them, the video library
    // and the CV builder; widgets not built yet show their fallback content.
    assert.equal(await page.evaluate(() => ['ju-provider', 'ju-self-booking', 'ju-live-chat'].every((tag) => customElements.get(tag) !== undefined)), true);
    await page.getByText('Log ind for at booke en tid eller se dine samtaler.').waitFor();
    await page.locator('ju-live-chat').getByRole('button', { name: 'Skriv med os' }).waitFor();
    assert.equal(await page.locator('ju-live-chat a[href^="tel:"]').isVisible(), false);
    await page.locator('ju-video-library').getByRole('searchbox', { name: 'Søg i videoerne' }).waitFor();
    assert.equal(await page.locator('ju-video-library a[href^="tel:"]').isVisible(), false);
    // The CV builder works without signing in: the CV stays in this browser, and it says so.
    await page.locator('ju-cv-builder').getByText('Dit CV gemmes kun i denne browser på denne enhed.').waitFor();
    assert.equal(await page.locator('ju-cv-builder a[href^="https://job.jobnet.dk"]').isVisible(), false);
    // So does the joblog: kept in this browser until the citizen signs in.
    await page.locator('ju-joblog').getByText('Jobloggen gemmes kun i denne browser på denne enhed.').waitFor();
    assert.equal(await page.locator('ju-joblog a[href^="https://job.jobnet.dk"]').isVisible(), false);
    assert.deepEqual(problems, []);
  });

  it('logs a demo citizen in, hands the token to <ju-provider> as a property, and shows their messages', async () => {
    const { page, problems } = await openPage('/');
    await logIn(page, 'Lars');
    await page.getByRole('heading', { name: 'Book din næste samtale' }).waitFor();
    assert.equal(await page.locator('.message').count(), 3);
    const tokenHandedOver = await page.evaluate(() => {
      const provider = document.querySelector('ju-provider');
      return typeof provider.token === 'string' && provider.token.length > 20 && !provider.outerHTML.includes(provider.token);
    });
    assert.equal(tokenHandedOver, true);
    await page.locator('.message--unread button').first().click();
    await page.waitForFunction(() => document.querySelectorAll('.message--unread').length === 1);
    assert.deepEqual(problems, []);
  });

  it('delivers a message sent from the caseworker desk to the citizen page live', async () => {
    const citizen = await openPage('/');
    await logIn(citizen.page, 'Amal');
    await citizen.page.getByRole('heading', { name: 'Vi har bestilt en tolk' }).waitFor();

    const desk = await openPage('/medarbejder');
    await logIn(desk.page, 'Aisha');
    const amal = await desk.page.locator('#citizen option', { hasText: 'Amal' }).getAttribute('value');
    await desk.page.selectOption('#citizen', amal);
    // An empty form is refused with a message at the field, and nothing is sent.
    await desk.page.click('#send-notification button[type=submit]');
    assert.equal(await desk.page.locator('#title-error').isVisible(), true);
    await desk.page.fill('#title', 'Din samtale er flyttet');
    await desk.page.fill('#body', 'Vi ses tirsdag kl. 10 i stedet. Tolken kommer også.');
    await desk.page.click('#send-notification button[type=submit]');
    await desk.page.getByText('Beskeden er sendt.').waitFor();

    await citizen.page.getByRole('heading', { name: 'Din samtale er flyttet' }).waitFor({ timeout: 10_000 });
    assert.deepEqual(citizen.problems, []);
    assert.deepEqual(desk.problems, []);
  });

  it('tells a caseworker when a citizen is not theirs, and keeps the text', async () => {
    const desk = await openPage('/medarbejder');
    await logIn(desk.page, 'Jonas');
    const lars = await desk.page.locator('#citizen option', { hasText: 'Lars' }).getAttribute('value');
    await desk.page.selectOption('#citizen', lars);
    await desk.page.fill('#title', 'Hej');
    await desk.page.fill('#body', 'En besked');
    await desk.page.click('#send-notification button[type=submit]');
    await desk.page.getByText('ikke tilknyttet dig').waitFor();
    assert.equal(await desk.page.inputValue('#title'), 'Hej');
  });
});
