/* global document, getComputedStyle, matchMedia -- used inside page.evaluate, which runs in the browser */
// Self-booking on the demo site, end to end against the reference server: a citizen books a time, moves it and
// cancels it with the keyboard only, the server's answers proving each step; the calendar file; and the
// caseworker's desk on /medarbejder cancelling a citizen's booking with a reason that the citizen's open widget
// shows at once (event stream). Fails on any console error or CSP violation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { logIn, openPage } from './demo-page.mjs';
import { startReferenceServer } from './reference-server.mjs';

let server;
let browser;

/** What has focus, looking through shadow roots: `{ tag, id, text, date }`. */
function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element === null ? null : {
      tag: element.localName,
      id: element.id,
      type: element.getAttribute('type'),
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      date: element.dataset?.date ?? null,
      name: element.getAttribute('aria-label') ?? '',
    };
  });
}

/** Presses Tab (Shift+Tab with `back`) until `matches(focused)`; fails after `limit` presses. */
async function tabTo(page, matches, { limit = 80, back = false } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now !== null && matches(now)) return now;
  }
  throw new Error(`Tab never reached the element (last: ${JSON.stringify(await focused(page))})`);
}

async function api(path, token, init = {}) {
  const response = await fetch(`${server.url}/${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  return response.json();
}

async function tokenFor(userId) {
  return (await (await fetch(`${server.url}/v1/demo/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json()).token;
}

/** Books the first free time of the first meeting type through the contract, answering required questions. */
async function bookFirstFreeTime(token) {
  const types = (await api('v1/booking/meeting-types', token)).items;
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 60 * 24 * 3600e3).toISOString().slice(0, 10);
  const { slots } = await api(`v1/booking/slots?meetingTypeId=${types[0].id}&from=${today}&to=${to}`, token);
  const hold = await api('v1/booking/holds', token, { method: 'POST', headers: { 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify({ slotId: slots[0].id, meetingTypeId: types[0].id }) });
  const answers = types[0].questions.filter((question) => question.required).map((question) => ({ questionId: question.id, value: question.options?.[0].id ?? 'Tekst' }));
  return api('v1/booking/bookings', token, { method: 'POST', headers: { 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify({ holdId: hold.id, answers }) });
}

describe('self-booking on the demo site', { timeout: 120_000 }, () => {
  before(async () => {
    server = await startReferenceServer();
    browser = await chromium.launch(chromiumLaunchOptions);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a citizen books, reschedules and cancels with the keyboard only', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    await logIn(page, 'Lars');
    const lars = await tokenFor('citizen-1');
    const widget = page.locator('ju-self-booking');
    await widget.locator('table[role="grid"]').waitFor();
    await widget.locator('.slots button').first().waitFor();

    // Into the calendar: one Tab stop, on the chosen day, labelled in full.
    const day = await tabTo(page, (element) => element.date !== null);
    assert.match(day.text, /\d+ ledige? tid(er)?/);
    assert.match(day.text, /(mandag|tirsdag|onsdag|torsdag|fredag) \d+\./);
    // Arrow keys move within the grid; Enter chooses a day with free times.
    await page.keyboard.press('ArrowRight');
    const next = await focused(page);
    assert.notEqual(next.date, day.date);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await focused(page)).date, day.date);
    await page.keyboard.press('Enter');

    // The first free time: Enter holds it and focus moves to the confirm step.
    const slot = await tabTo(page, (element) => /\d{2}\.\d{2}–\d{2}\.\d{2}/.test(element.text) && element.tag === 'button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ju-self-booking')?.shadowRoot?.activeElement?.id === 'details-heading');
    assert.match(await widget.locator('.countdown').textContent(), /^[45]:\d\d$/);
    // The required question is a radio group: Tab into it, arrow to an answer.
    await tabTo(page, (element) => element.type === 'radio');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await tabTo(page, (element) => element.text === 'Bekræft booking');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ju-self-booking')?.shadowRoot?.activeElement?.id === 'done-heading');

    let [booking] = (await api('v1/booking/bookings', lars)).items;
    assert.equal(booking.status, 'booked');
    assert.equal(booking.sequence, 0);
    assert.equal(booking.answers.length, 1);
    assert.match(slot.name, new RegExp(new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' }).format(new Date(booking.start)).replace(':', '.')));
    const firstStart = booking.start;

    // My meetings → move the time.
    await tabTo(page, (element) => element.text === 'Se mine samtaler');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ju-self-booking')?.shadowRoot?.activeElement?.id === 'mine-heading');
    await widget.locator('.meeting').first().waitFor();
    await tabTo(page, (element) => element.text === 'Flyt tid');
    await page.keyboard.press('Enter');
    await widget.locator('.slots button').first().waitFor();
    await tabTo(page, (element) => element.tag === 'button' && /\d{2}\.\d{2}–\d{2}\.\d{2}/.test(element.text));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ju-self-booking')?.shadowRoot?.activeElement?.id === 'details-heading');
    await tabTo(page, (element) => element.text === 'Flyt til den nye tid');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ju-self-booking')?.shadowRoot?.activeElement?.id === 'done-heading');
    assert.equal(await widget.locator('#done-heading').textContent(), 'Din tid er flyttet');

    const moved = (await api('v1/booking/bookings', lars)).items;
    assert.equal(moved.length, 1, 'the reschedule kept one booking');
    [booking] = moved;
    assert.equal(booking.sequence, 1);
    assert.notEqual(booking.start, firstStart);

    // Cancel: a confirmation with an optional reason, then a POST.
    await tabTo(page, (element) => element.text === 'Se mine samtaler');
    await page.keyboard.press('Enter');
    await widget.locator('.meeting').first().waitFor();
    await tabTo(page, (element) => element.text === 'Aflys');
    await page.keyboard.press('Enter');
    const reason = await focused(page);
    assert.equal(reason.tag, 'textarea');
    await page.keyboard.type('Jeg har fået arbejde');
    await tabTo(page, (element) => element.text === 'Ja, aflys samtalen');
    await page.keyboard.press('Enter');
    await widget.getByText('er aflyst').waitFor();

    booking = await api(`v1/booking/bookings/${booking.id}`, lars);
    assert.equal(booking.status, 'cancelled');
    assert.equal(booking.cancelReason, 'Jeg har fået arbejde');
    assert.equal(booking.sequence, 2);
    assert.deepEqual(problems, []);
  });

  it('the caseworker cancels a citizen\'s booking on the desk, and the citizen sees the reason', async () => {
    // Amal (citizen-2) books the first free time through the contract, as her widget would; the caseworker whose
    // time it is opens the desk.
    const amal = await tokenFor('citizen-2');
    const booking = await bookFirstFreeTime(amal);

    // Amal has "Mine samtaler" open while the caseworker works on the desk.
    const citizen = await openPage(browser, `${server.url}/`);
    await logIn(citizen.page, 'Amal');
    const widget = citizen.page.locator('ju-self-booking');
    await widget.getByRole('button', { name: 'Mine samtaler' }).click();
    await widget.locator('.meeting').first().waitFor();

    const desk = await openPage(browser, `${server.url}/medarbejder`);
    await logIn(desk.page, booking.caseworker.firstName);
    const deskWidget = desk.page.locator('ju-booking-desk');
    const cancelButton = deskWidget.locator(`#cancel-${booking.id}`);
    // Week by week to the booking, the way a caseworker would look for it.
    for (let week = 0; week < 10 && !(await cancelButton.isVisible()); week += 1) {
      await deskWidget.locator('#week-next').click();
      await desk.page.waitForTimeout(300);
    }
    await cancelButton.click();
    await deskWidget.getByRole('heading', { name: /Aflys samtalen med Amal/ }).waitFor();
    await deskWidget.getByRole('button', { name: 'Aflys samtalen' }).click();
    // The reason is required: the desk says so at the field and sends nothing.
    await deskWidget.getByText('Skriv, hvorfor du aflyser.').waitFor();
    assert.equal((await api(`v1/booking/bookings/${booking.id}`, amal)).status, 'booked');
    await deskWidget.getByLabel('Hvorfor aflyser du?').fill('Jeg er syg. Book en ny tid, så ses vi snart.');
    await deskWidget.getByRole('button', { name: 'Aflys samtalen' }).click();
    await deskWidget.getByText('Samtalen med Amal er aflyst.').waitFor();

    const cancelled = await api(`v1/booking/bookings/${booking.id}`, amal);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelledBy, 'caseworker');

    // No reload, no focus change: the job centre's change arrives through the citizen's event stream.
    await widget.getByText('Jobcentret har aflyst samtalen').first().waitFor();
    await widget.getByText('Begrundelse: Jeg er syg. Book en ny tid, så ses vi snart.').waitFor();
    assert.deepEqual(desk.problems, []);
    assert.deepEqual(citizen.problems, []);
  });

  it('fits 320 px without sideways scrolling, and keeps the chosen day visible in forced colours', async () => {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    await page.setViewportSize({ width: 320, height: 800 });
    await logIn(page, 'Olena');
    const widget = page.locator('ju-self-booking');
    await widget.locator('td[aria-selected="true"] button').waitFor();
    const overflow = await page.evaluate(() => {
      const host = document.querySelector('ju-self-booking');
      const wide = [...host.shadowRoot.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1);
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, wide: wide.map((element) => element.localName + (element.className ? `.${String(element.className).split(' ')[0]}` : '')) };
    });
    assert.deepEqual(overflow, { page: 0, wide: [] });

    await page.emulateMedia({ forcedColors: 'active' });
    const colours = await page.evaluate(() => {
      const root = document.querySelector('ju-self-booking').shadowRoot;
      const chosen = getComputedStyle(root.querySelector('td[aria-selected="true"] button'));
      const other = getComputedStyle(root.querySelector('td[aria-selected="false"] button'));
      return { chosen: chosen.backgroundColor, other: other.backgroundColor, forced: matchMedia('(forced-colors: active)').matches };
    });
    assert.equal(colours.forced, true);
    assert.notEqual(colours.chosen, colours.other, 'the chosen day must not look like the others in forced colours');
    assert.deepEqual(problems, []);
  });

  it('the calendar file of a booking has a stable UID and the booking\'s SEQUENCE', async () => {
    const booking = await bookFirstFreeTime(await tokenFor('citizen-4'));

    const { page, problems } = await openPage(browser, `${server.url}/`);
    await logIn(page, 'Sofie');
    const widget = page.locator('ju-self-booking');
    await widget.getByRole('button', { name: 'Mine samtaler' }).click();
    const download = page.waitForEvent('download');
    await widget.getByRole('button', { name: 'Hent til din kalender' }).first().click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^samtale-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
    assert.match(text, new RegExp(`UID:${booking.id}@`));
    assert.match(text, /SEQUENCE:0/);
    assert.match(text, /METHOD:REQUEST/);
    assert.deepEqual(problems, []);
  });
});
