/* global document, location -- used inside page.evaluate, which runs in the browser */
// The joblog on the demo site, end to end against the reference server. Lars signs in and his joblog (kept at the
// job centre) arrives; he adds an application with the keyboard, moves it on the board to "Samtale", and the server
// has both; he exports a CSV that holds it. With the server out of reach he logs a job fair, reloads the page and
// finds everything; when the server is back and he signs in again, the job fair reaches it. His caseworker Mette
// reads the joblog on /medarbejder and sets a new requirement that Lars's meter then shows. Fails on any console
// error or CSP violation.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { logIn, openPage } from './demo-page.mjs';
import { startReferenceServer } from './reference-server.mjs';

/** Typed into the form: Danish letters, and markup that must stay text. */
const TITLE = 'Lagermedarbejder på frysehold <b>nat</b>';
const EMPLOYER = 'Ørsted & Søn A/S';
const ACTIVITY = 'Jobmesse i Vejle Idrætscenter';

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

/** Lars's entries as the server has them (his token, read from the page's provider). */
async function serverEntries(page) {
  return page.evaluate(async () => {
    const token = document.querySelector('ju-provider').token;
    const byId = new Map();
    let since;
    for (let more = true; more;) {
      const url = new URL('/v1/me/joblog/entries', location.origin);
      if (since) url.searchParams.set('since', since);
      const feed = await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
      for (const item of feed.items) byId.set(item.id, item);
      since = feed.nextCursor;
      more = feed.hasMore;
    }
    return [...byId.values()].filter((item) => !item.deleted);
  });
}

/** Waits until the widget says everything is at the job centre too. */
async function allSent(joblog) {
  await joblog.getByText('Gemt på denne enhed og hos jobcentret.').waitFor({ timeout: 20_000 });
}

describe('Joblog', { timeout: 240_000 }, () => {
  it('adds, moves, exports, survives a reload without the server, and the caseworker reads it', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    const joblog = page.locator('ju-joblog');
    await joblog.getByText('Jobloggen gemmes kun i denne browser på denne enhed.').waitFor();
    await logIn(page, 'Lars');
    await allSent(joblog);
    await joblog.getByRole('heading', { name: 'Dit søgekrav' }).waitFor();
    const seeded = (await serverEntries(page)).length;
    assert.ok(seeded >= 10, `Lars's demo joblog arrives (${String(seeded)} entries)`);

    // Add an application with the keyboard only.
    await joblog.getByRole('button', { name: 'Tilføj ansøgning' }).press('Enter');
    const form = joblog.getByRole('dialog');
    await form.getByLabel('Stillingsbetegnelse').fill(TITLE);
    await form.getByLabel('Virksomhed').fill(EMPLOYER);
    await form.getByLabel('Postnummer').fill('7100');
    await form.getByLabel('By', { exact: true }).fill('Vejle');
    await form.getByRole('button', { name: 'Gem', exact: true }).press('Enter');
    await form.waitFor({ state: 'hidden' });
    assert.equal(await joblog.locator('b').count(), 0, 'typed markup stays text');
    await allSent(joblog);
    const added = (await serverEntries(page)).find((entry) => entry.title === TITLE);
    assert.ok(added, 'the new application is on the server');
    assert.equal(added.employer, EMPLOYER);
    assert.equal(added.status, 'applied');

    // Move it on the board to "Samtale" with the keyboard; focus follows the card.
    await joblog.getByRole('button', { name: 'Tavle' }).press('Enter');
    await joblog.getByRole('button', { name: `Flyt: ${TITLE}` }).press('Enter');
    await joblog.getByRole('button', { name: 'Flyt til Samtale' }).press('Enter');
    await joblog.locator('[part="announcer-polite"]', { hasText: `${TITLE} er flyttet til Samtale.` }).waitFor({ state: 'attached' });
    assert.equal(await joblog.getByRole('button', { name: `Flyt: ${TITLE}` }).evaluate((button) => button.matches(':focus')), true, 'focus follows the card');
    await allSent(joblog);
    const moved = (await serverEntries(page)).find((entry) => entry.id === added.id);
    assert.equal(moved.status, 'interview');
    assert.deepEqual(moved.history.map((change) => change.status), ['applied', 'interview'], 'the status history is kept');

    // Export a CSV that holds it.
    await joblog.getByRole('button', { name: 'Eksportér' }).click();
    const exportDialog = joblog.getByRole('dialog');
    await exportDialog.getByLabel('Regneark (CSV) med alle registreringer').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportDialog.getByRole('button', { name: 'Eksportér' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), /\.csv$/);
    assert.ok(csv.includes(EMPLOYER), 'the export holds the new application');
    assert.ok(csv.split(/\r\n/).filter((line) => line !== '').length >= seeded + 2, 'a header and a row per entry');

    // The server goes out of reach: a job fair is logged, the page reloaded, and everything is still there.
    await page.route('**/v1/**', (route) => route.abort('internetdisconnected'));
    await joblog.getByRole('button', { name: 'Tilføj aktivitet' }).click();
    const activityForm = joblog.getByRole('dialog');
    await activityForm.getByLabel('Hvad deltog du i?').fill(ACTIVITY);
    await activityForm.getByRole('button', { name: 'Gem', exact: true }).click();
    await activityForm.waitFor({ state: 'hidden' });
    await page.reload();
    await joblog.getByRole('heading', { name: 'Din joblog' }).waitFor();
    await joblog.getByRole('button', { name: 'Liste' }).click();
    await joblog.getByText(ACTIVITY).first().waitFor();
    await joblog.getByText(TITLE).first().waitFor();
    const shownAfterReload = await page.evaluate(() => document.querySelector('ju-joblog').entries.length);
    assert.equal(shownAfterReload, seeded + 2, 'every entry is still in this browser');

    // Back online and signed in again: the job fair reaches the server.
    await page.unroute('**/v1/**');
    await page.reload(); // the demo's login form reads its users from the server
    await logIn(page, 'Lars');
    await allSent(joblog);
    const afterSync = await serverEntries(page);
    assert.ok(afterSync.some((entry) => entry.title === ACTIVITY && entry.type === 'activity'), 'the offline entry was sent');
    assert.equal(afterSync.length, seeded + 2);

    // Mette, his caseworker, reads the shared joblog read-only on /medarbejder and agrees 3 a week.
    const desk = await openPage(browser, `${server.url}/medarbejder`);
    await logIn(desk.page, 'Mette');
    const viewer = desk.page.locator('ju-joblog-viewer');
    await viewer.getByRole('button', { name: 'Lars' }).click();
    await viewer.getByRole('heading', { name: 'Joblog for Lars' }).waitFor();
    await viewer.getByText(TITLE).first().waitFor();
    await viewer.getByText(ACTIVITY).first().waitFor();
    assert.equal(await viewer.locator('b').count(), 0, 'the citizen\'s markup stays text for the caseworker too');
    assert.equal(await viewer.getByRole('button', { name: /^Flyt/ }).count(), 0, 'nothing can be moved: read-only');
    await viewer.getByRole('button', { name: /søgekrav/ }).first().click();
    await viewer.getByLabel('Ansøgninger pr. uge ved fuld tid').fill('3');
    await viewer.getByRole('button', { name: 'Gem søgekravet' }).click();
    await viewer.locator('[part="announcer-polite"]', { hasText: 'Søgekravet er gemt.' }).waitFor({ state: 'attached' });

    // Lars's meter shows the new agreement the next time he opens the page.
    await page.reload();
    await logIn(page, 'Lars');
    await joblog.getByText('Din aftale er 3 om ugen.').waitFor({ timeout: 20_000 });
    assert.deepEqual(problems, []);
    assert.deepEqual(desk.problems, []);
  });

  it('offers the CV builder\'s named versions in "Hvilket CV sendte du?" (the page passes ids and names along)', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    const builder = page.locator('ju-cv-builder');
    const joblog = page.locator('ju-joblog');
    await joblog.getByText('Jobloggen gemmes kun i denne browser på denne enhed.').waitFor();
    await builder.getByRole('button', { name: 'Gem som version' }).click();
    const versionDialog = builder.getByRole('dialog');
    await versionDialog.getByLabel('Navn på versionen').fill('CV til lagerjob');
    await versionDialog.getByRole('button', { name: 'Gem version', exact: true }).click();
    await versionDialog.waitFor({ state: 'hidden' });

    await joblog.getByRole('button', { name: 'Tilføj ansøgning' }).click();
    const form = joblog.getByRole('dialog');
    const cv = form.getByLabel('Hvilket CV sendte du?');
    await cv.selectOption({ label: 'CV til lagerjob' });
    await form.getByLabel('Stillingsbetegnelse').fill('Lagermedarbejder');
    await form.getByLabel('Virksomhed').fill('DSV');
    await form.getByRole('button', { name: 'Gem', exact: true }).click();
    await form.waitFor({ state: 'hidden' });
    const saved = await page.evaluate(() => document.querySelector('ju-joblog').entries.find((entry) => entry.title === 'Lagermedarbejder')?.cv);
    const [version] = await page.evaluate(() => document.querySelector('ju-cv-builder').cvVersions());
    assert.deepEqual(saved, { versionId: version.id, name: 'CV til lagerjob' });

    // Logging out on a shared computer wipes both from this browser.
    await logIn(page, 'Lars');
    await allSent(joblog);
    await page.locator('#demo-logout').click();
    await joblog.getByText('Din joblog er tom.').waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('ju-joblog').entries.length), 0);
    assert.deepEqual(await page.evaluate(() => document.querySelector('ju-cv-builder').cvVersions()), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('keeps a half-typed application through a reload straight after the last key, and offers it back', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    const joblog = page.locator('ju-joblog');
    await joblog.getByText('Jobloggen gemmes kun i denne browser på denne enhed.').waitFor();
    await joblog.getByRole('button', { name: 'Tilføj ansøgning' }).click();
    const form = joblog.getByRole('dialog');
    await form.getByLabel('Stillingsbetegnelse').fill('Truckfører');
    await form.getByLabel('Virksomhed').pressSequentially('Dansk Lager ApS');
    await page.reload(); // no pause: the last keys are younger than the draft's 300 ms
    await joblog.getByText('Ansøgningen "Truckfører" er ikke gemt i din joblog endnu.').waitFor();
    await joblog.getByRole('button', { name: 'Fortsæt' }).click();
    const again = joblog.getByRole('dialog');
    assert.equal(await again.getByLabel('Virksomhed').inputValue(), 'Dansk Lager ApS', 'every character typed is there');
    await again.getByRole('button', { name: 'Gem', exact: true }).click();
    await again.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.querySelector('ju-joblog').entries.filter((entry) => entry.title === 'Truckfører').length), 1);
    assert.equal(await joblog.getByRole('button', { name: 'Fortsæt' }).count(), 0, 'the draft is gone once saved');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
