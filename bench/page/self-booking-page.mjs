/* global document, window, customElements, MutationObserver -- browser globals: this file runs in the page */
// Runs in Chromium (bundled by bench/self-booking.mjs). <ju-self-booking> with a month of 2,000 free times from a
// fake server in the page, against a plain-Lit calendar that groups and renders the same 2,000 times.
import { LitElement, css, html } from 'lit';
import '@jobunivers/self-booking';
import { alternateRounds, summary } from './measure.mjs';

const SLOTS_PER_MONTH = 2000;
const DAY = 24 * 3600e3;
const copenhagenDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayLabel = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', weekday: 'long', day: 'numeric', month: 'long' });
const timeFormat = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });

/** 2,000 free times spread over the weekdays between `from` and `to`, 5 minutes apart from 08:00. */
function monthOfSlots(from, to) {
  const days = [];
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  const slots = [];
  for (let index = 0; index < SLOTS_PER_MONTH; index += 1) {
    const day = days[index % days.length];
    const start = day + 7 * 3600e3 + Math.floor(index / days.length) * 5 * 60_000;
    slots.push({ id: `s${String(index)}`, start: new Date(start).toISOString(), end: new Date(start + 5 * 60_000).toISOString() });
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start));
}

const thisMonth = copenhagenDate.format(Date.now()).slice(0, 7);
const json = (body) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
const realFetch = window.fetch.bind(window);
const slotAnswers = new Map();
window.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== 'bench.invalid') return realFetch(input, init);
  if (url.pathname.endsWith('/v1/config')) return Promise.resolve(json({ municipality: { name: 'Jobcenter', phone: '+4570000000' } }));
  if (url.pathname.endsWith('/v1/booking/meeting-types')) {
    return Promise.resolve(json({ items: [{ id: 'mt', kind: 'phone', title: 'Samtale i telefonen', durationMinutes: 5, details: {}, questions: [] }] }));
  }
  if (url.pathname.endsWith('/v1/booking/slots')) {
    // The fake server's own work (making and serialising 2,000 times) is done once, outside the measurement.
    let body = slotAnswers.get(url.search);
    if (body === undefined) {
      const from = url.searchParams.get('from');
      const to = url.searchParams.get('to');
      // This month is empty, so the widget offers the next month; every later month has 2,000 free times.
      const slots = from.slice(0, 7) === thisMonth ? [] : monthOfSlots(from, to);
      const nextMonth = new Date(Date.parse(`${to}T12:00:00Z`) + DAY).toISOString().slice(0, 10);
      body = JSON.stringify({ timeZone: 'Europe/Copenhagen', deadline: null, slots, nextAvailable: nextMonth });
      slotAnswers.set(url.search, body);
    }
    return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } }));
  }
  return Promise.resolve(json({ items: [], nextCursor: null }));
};

/** The baseline: the same month grid and day list in plain Lit, with the times handed over as a property. */
class BenchCalendar extends LitElement {
  static properties = { slots: { attribute: false }, selected: {} };
  static styles = css`:host { display: block; } table { width: 100%; } button { min-height: 44px; }`;
  render() {
    const byDate = new Map();
    for (const slot of this.slots ?? []) {
      const date = copenhagenDate.format(Date.parse(slot.start));
      const list = byDate.get(date);
      if (list) list.push(slot);
      else byDate.set(date, [slot]);
    }
    const dates = [...byDate.keys()].sort();
    const selected = this.selected ?? dates[0];
    const month = dates[0]?.slice(0, 7) ?? thisMonth;
    const first = Date.parse(`${month}-01T00:00:00Z`);
    const cells = [];
    for (let day = first; new Date(day).toISOString().slice(0, 7) === month; day += DAY) cells.push(new Date(day).toISOString().slice(0, 10));
    const weeks = [];
    for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
    return html`
      <table role="grid"><tbody>${weeks.map((week) => html`<tr>${week.map((date) => html`<td aria-selected=${date === selected}>
        <button type="button" data-date=${date} @click=${() => { this.selected = date; }}>${date.slice(8)}
          <span>${dayLabel.format(Date.parse(`${date}T12:00:00Z`))}, ${String(byDate.get(date)?.length ?? 0)} ledige tider</span></button></td>`)}</tr>`)}</tbody></table>
      <ul>${(byDate.get(selected) ?? []).map((slot) => html`<li><button type="button">${timeFormat.format(Date.parse(slot.start))}</button></li>`)}</ul>
    `;
  }
}
customElements.define('bench-calendar', BenchCalendar);

const stage = document.getElementById('stage');

/** Resolves once `condition()` holds, checking after every change in `root`. */
function whenTrue(root, condition) {
  if (condition()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (condition()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

let instance = 0;
async function widgetRound() {
  instance += 1;
  const element = document.createElement('ju-self-booking');
  element.setAttribute('api', `https://bench.invalid/${String(instance)}/`);
  element.token = 'bench-token';
  stage.append(element);
  await element.updateComplete;
  const root = element.shadowRoot;
  const goButton = () => [...root.querySelectorAll('button')].find((button) => button.textContent.includes('Gå til'));
  await whenTrue(root, () => goButton() !== undefined);
  // (a) show a month with 2,000 free times and its first day's list
  let start = performance.now();
  goButton().click();
  await whenTrue(root, () => root.querySelector('.slots button') !== null && root.querySelector('.loading') === null);
  await element.updateComplete;
  const month = performance.now() - start;
  const buttons = root.querySelectorAll('button').length;
  // (b) choose another day
  const other = [...root.querySelectorAll('.day.free')].at(-1);
  start = performance.now();
  other.click();
  await element.updateComplete;
  const select = performance.now() - start;
  if (root.querySelector('td[aria-selected="true"] button') !== other) throw new Error('the day was not selected');
  element.remove();
  return { month, select, buttons };
}

async function baselineRound() {
  const next = new Date(Date.parse(`${thisMonth}-01T00:00:00Z`) + 40 * DAY).toISOString().slice(0, 7);
  const last = new Date(Date.parse(`${next}-01T00:00:00Z`) + 40 * DAY).toISOString().slice(0, 7);
  const to = new Date(Date.parse(`${last}-01T00:00:00Z`) - DAY).toISOString().slice(0, 10);
  const element = document.createElement('bench-calendar');
  stage.append(element);
  // The same answer from the same fake server, fetched and parsed, then rendered.
  let start = performance.now();
  const response = await window.fetch(`https://bench.invalid/baseline/v1/booking/slots?meetingTypeId=mt&from=${next}-01&to=${to}`);
  element.slots = (await response.json()).slots;
  await element.updateComplete;
  const month = performance.now() - start;
  const days = [...element.shadowRoot.querySelectorAll('button[data-date]')].filter((button) => !button.textContent.includes(' 0 ledige'));
  start = performance.now();
  days.at(-1).click();
  await element.updateComplete;
  const select = performance.now() - start;
  element.remove();
  return { month, select };
}

window.runBench = async (options) => {
  const { widget, baseline } = await alternateRounds(options, widgetRound, baselineRound);
  return {
    monthWidget: summary(widget.map((round) => round.month)),
    monthBaseline: summary(baseline.map((round) => round.month)),
    selectWidget: summary(widget.map((round) => round.select)),
    selectBaseline: summary(baseline.map((round) => round.select)),
    buttons: widget[0].buttons,
  };
};

document.documentElement.dataset.ready = 'true';
