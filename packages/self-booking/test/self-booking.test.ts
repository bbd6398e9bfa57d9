import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { deleteLocalStore } from '@jobunivers/core/store';
import '../src/index.js';
import type { JuSelfBooking } from '../src/index.js';
import { FakeBookingServer } from './support/fake-booking-server.js';

const API = 'https://api.jobcenter.example.dk/jobunivers/';
const DAY = 24 * 3600e3;
const localDate = (time: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);

let server: FakeBookingServer;
let restoreFetch: () => void = () => undefined;

function setUp(options: ConstructorParameters<typeof FakeBookingServer>[0] = {}): FakeBookingServer {
  restoreFetch();
  server = new FakeBookingServer(options);
  restoreFetch = server.install();
  return server;
}

async function render(template = html`<ju-self-booking api=${API} .token=${'citizen-token'}></ju-self-booking>`): Promise<JuSelfBooking> {
  const el = await fixture<JuSelfBooking>(template);
  await waitUntil(() => el.shadowRoot!.querySelector('table[role="grid"], #outage-heading, #details-heading, #mine-heading, .ju-message') !== null && el.shadowRoot!.querySelector('.loading') === null, 'the widget did not finish loading', { timeout: 4000 });
  return el;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- like querySelector: the caller names the element type it expects
const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (found === null) throw new Error(`nothing matches ${selector}`);
  return found;
};
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...(el.shadowRoot!.querySelectorAll<T>(selector))];
const text = (el: Element): string => el.shadowRoot!.textContent.replace(/\s+/g, ' ');
const posts = (path: string) => server.requests.filter((request) => request.method === 'POST' && request.path === path);

async function holdFirstSlot(el: JuSelfBooking): Promise<void> {
  $(el, '.slots button').click();
  await waitUntil(() => el.shadowRoot!.querySelector('#details-heading') !== null, 'no details step');
}

beforeEach(async () => {
  await deleteLocalStore('self-booking').catch(() => undefined);
  setUp();
});

afterEach(() => {
  restoreFetch();
});

describe('<ju-self-booking>: choosing a time', () => {
  it('asks the citizen to sign in and calls nothing while there is no token', async () => {
    const el = await fixture<JuSelfBooking>(html`<ju-self-booking api=${API}></ju-self-booking>`);
    await el.updateComplete;
    expect(text(el)).to.contain('Log ind for at booke');
    expect(server.requests).to.have.length(0);
  });

  it('offers the meeting types and preselects the first day with free times, every day fully labelled', async () => {
    const el = await render();
    const radios = $$<HTMLInputElement>(el, 'input[name="meeting-type"]');
    expect(radios.map((radio) => radio.checked)).to.deep.equal([true, false]);
    const selected = $(el, 'td[aria-selected="true"] button');
    const first = server.slotsBetween('mt-fysisk', localDate(Date.now()), localDate(Date.now() + 60 * DAY))[0];
    expect(selected.dataset['date']).to.equal(localDate(Date.parse(first.start)));
    // "tirsdag 1. december, 6 ledige tider": weekday, date and count, never just "1"
    expect(selected.textContent.replace(/\s+/g, ' ')).to.match(/(mandag|tirsdag|onsdag|torsdag|fredag) \d+\. \p{L}+, 6 ledige tider/u);
    expect(selected.getAttribute('tabindex')).to.equal('0');
    expect($$(el, '.slots button')).to.have.length(6);
    expect($(el, '#day-heading').textContent).to.contain('Ledige tider');
  });

  it('follows the date-grid keyboard pattern: arrows, Home/End and PageDown (which loads the next month)', async () => {
    const el = await render();
    const start = $(el, 'button[tabindex="0"][data-date]');
    start.focus();
    const date = start.dataset['date'] ?? '';
    const key = async (name: string) => {
      el.shadowRoot!.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));
      await aTimeout(50);
      await el.updateComplete;
      return (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['date'];
    };
    const plus = (days: number) => localDate(Date.parse(`${date}T12:00:00Z`) + days * DAY);
    expect(await key('ArrowRight')).to.equal(plus(1));
    expect(await key('ArrowDown')).to.equal(plus(8));
    expect(await key('ArrowLeft')).to.equal(plus(7));
    expect(await key('ArrowUp')).to.equal(plus(0));
    const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
    expect(await key('Home')).to.equal(plus(-weekday));
    expect(await key('End')).to.equal(plus(6 - weekday));
    const before = server.requests.filter((request) => request.path === '/v1/booking/slots').length;
    const next = await key('PageDown');
    expect(next?.slice(0, 7)).to.not.equal(date.slice(0, 7));
    await waitUntil(() => server.requests.filter((request) => request.path === '/v1/booking/slots').length > before, 'next month was not fetched');
    expect($$(el, 'button[data-date][tabindex="0"]')).to.have.length(1);
  });

  it('says when the month is empty and offers to go to the month of the next free time', async () => {
    // A weekday in the middle of the month after next: "62 days from now" could be a weekend at the end of a
    // month, and the first free time then falls in the month after.
    const now = new Date();
    let inTwoMonths = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 10, 12);
    while ([0, 6].includes(new Date(inTwoMonths).getUTCDay())) inTwoMonths += DAY;
    setUp({ firstFreeDate: localDate(inTwoMonths) });
    const el = await render();
    expect(text(el)).to.contain('Der er ingen ledige tider i');
    const go = $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent.includes('Gå til'));
    expect(go?.textContent).to.contain(new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'Europe/Copenhagen' }).format(inTwoMonths));
    go?.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.slots button') !== null, 'no times after going to the month');
    expect($(el, 'td[aria-selected="true"] button').dataset['date']).to.equal(localDate(inTwoMonths));
  });

  it('fetches the free times again when the page regains focus, at most every 15 s', async () => {
    const el = await render();
    const slotRequests = () => server.requests.filter((request) => request.path === '/v1/booking/slots').length;
    const before = slotRequests();
    window.dispatchEvent(new Event('focus'));
    await aTimeout(50);
    expect(slotRequests(), 'just loaded: no second request').to.equal(before);
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + 16_000;
    try {
      window.dispatchEvent(new Event('focus'));
      await waitUntil(() => slotRequests() === before + 1, 'no refresh on focus');
    } finally {
      Date.now = realNow;
    }
    expect(el.shadowRoot!.querySelector('table[role="grid"]')).to.not.equal(null);
  });

  it('switching the meeting type fetches that type\'s times', async () => {
    const el = await render();
    $$<HTMLInputElement>(el, 'input[name="meeting-type"]')[1]?.click();
    await waitUntil(() => server.requests.some((request) => request.path === '/v1/booking/slots' && request.query.get('meetingTypeId') === 'mt-telefon'));
  });
});

describe('<ju-self-booking>: holding and confirming', () => {
  it('holds a time with an Idempotency-Key, moves focus to the next step and fires ju-booking-held with ids only', async () => {
    const el = await render();
    const held = oneEvent(el, 'ju-booking-held');
    $(el, '.slots button').click();
    const event = await held;
    expect(Object.keys(event.detail as object).sort()).to.deep.equal(['expiresAt', 'holdId', 'meetingTypeId', 'slotId']);
    const [request] = posts('/v1/booking/holds');
    expect(request.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'details-heading', 'focus did not move to the details');
    expect($(el, '.countdown').textContent).to.match(/^[45]:\d\d$/);
  });

  it('tells the citizen when someone else took the time, and removes it', async () => {
    const el = await render();
    const firstLabel = $(el, '.slots button').getAttribute('aria-label');
    const first = server.slotsBetween('mt-fysisk', localDate(Date.now()), localDate(Date.now() + 60 * DAY))[0];
    server.take(first.id); // someone else booked it a moment ago
    $(el, '.slots button').click();
    await waitUntil(() => text(el).includes('En anden har lige taget den tid'));
    expect(el.shadowRoot!.querySelector('#details-heading')).to.equal(null);
    expect($(el, '.slots button').getAttribute('aria-label')).to.not.equal(firstLabel);
  });

  it('links a missing required answer to its field and sends nothing', async () => {
    const el = await render();
    await holdFirstSlot(el);
    $(el, 'button[type="submit"]').click();
    await el.updateComplete;
    const radio = $<HTMLInputElement>(el, 'input[data-question="q-needs"]');
    expect(radio.getAttribute('aria-invalid')).to.equal('true');
    const fieldset = radio.closest('fieldset');
    expect(fieldset?.getAttribute('aria-describedby')).to.equal('q-q-needs-error');
    expect($(el, '#q-q-needs-error').textContent).to.equal('Vælg et svar.');
    await waitUntil(() => el.shadowRoot!.activeElement === radio, 'focus did not go to the field');
    expect(posts('/v1/booking/bookings')).to.have.length(0);
  });

  it('confirms with the answers, shows the confirmation and offers the calendar file', async () => {
    const el = await render();
    await holdFirstSlot(el);
    const topic = $<HTMLTextAreaElement>(el, '#q-q-topic');
    topic.value = 'Jeg vil tale om <b>kurser</b>';
    topic.dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, 'input[name="q-q-needs"][value="o-interpreter"]').click();
    const confirmed = oneEvent(el, 'ju-booking-confirmed');
    $(el, 'button[type="submit"]').click();
    const event = await confirmed;
    const [request] = posts('/v1/booking/bookings');
    expect(request.body).to.deep.equal({ holdId: 'hold-1', answers: [{ questionId: 'q-topic', value: 'Jeg vil tale om <b>kurser</b>' }, { questionId: 'q-needs', value: 'o-interpreter' }] });
    expect(request.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(event.detail).to.deep.equal({ bookingId: server.bookings[0]?.id });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'done-heading');
    expect(text(el)).to.contain('Du er booket').and.contain('Torvet 1, 9999 Eksempelby').and.contain('Mette');
    const clicks: string[] = [];
    // The download is an anchor click; catch it before the browser acts on it.
    el.shadowRoot!.addEventListener('click', (click) => {
      if (click.target instanceof HTMLAnchorElement) {
        clicks.push(click.target.download);
        click.preventDefault();
      }
    }, { capture: true });
    $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent.includes('kalender'))?.click();
    await waitUntil(() => clicks.length === 1, 'no download');
    expect(clicks[0]).to.match(/^samtale-\d{4}-\d{2}-\d{2}\.ics$/);
    expect(server.requests.at(-1)?.path).to.equal(`/v1/booking/bookings/${server.bookings[0]?.id ?? ''}/calendar`);
  });

  it('after a crash during confirm, a reload sends the same Idempotency-Key and shows the one booking', async () => {
    const el = await render();
    await holdFirstSlot(el);
    $<HTMLInputElement>(el, 'input[name="q-q-needs"][value="o-none"]').click();
    server.fail('POST /v1/booking/bookings', 'never');
    $(el, 'button[type="submit"]').click();
    await waitUntil(() => posts('/v1/booking/bookings').length === 1);
    const firstKey = posts('/v1/booking/bookings')[0]?.headers.get('Idempotency-Key');
    el.remove(); // the tab crashed while the request was on its way
    await aTimeout(300);

    const again = await fixture<JuSelfBooking>(html`<ju-self-booking api=${API} .token=${'citizen-token'}></ju-self-booking>`);
    await waitUntil(() => again.shadowRoot!.querySelector('#done-heading') !== null, 'the reloaded widget did not finish the booking', { timeout: 4000 });
    const sent = posts('/v1/booking/bookings');
    expect(sent).to.have.length(2);
    expect(sent[1]?.headers.get('Idempotency-Key')).to.equal(firstKey);
    expect(server.bookings).to.have.length(1);
  });

  it('keeps the held time and the answers across a reload', async () => {
    const el = await render();
    await holdFirstSlot(el);
    const topic = $<HTMLTextAreaElement>(el, '#q-q-topic');
    topic.value = 'Praktik';
    topic.dispatchEvent(new Event('input'));
    await aTimeout(400);
    el.remove();
    const again = await render();
    expect(again.shadowRoot!.querySelector('#details-heading')).to.not.equal(null);
    expect($<HTMLTextAreaElement>(again, '#q-q-topic').value).to.equal('Praktik');
    expect(posts('/v1/booking/holds')).to.have.length(1);
  });

  it('when the hold runs out, says so, fires ju-booking-hold-expired and goes back to the calendar with the answers kept', async () => {
    setUp({ holdMs: 6500 });
    const el = await render();
    await holdFirstSlot(el);
    const topic = $<HTMLTextAreaElement>(el, '#q-q-topic');
    topic.value = 'Mit CV';
    topic.dispatchEvent(new Event('input'));
    const expired = await oneEvent(el, 'ju-booking-hold-expired');
    expect(expired.detail).to.deep.equal({ holdId: 'hold-1' });
    await el.updateComplete;
    expect(text(el)).to.contain('Tiden blev givet fri igen');
    expect(el.shadowRoot!.querySelector('table[role="grid"]')).to.not.equal(null);
    await holdFirstSlot(el);
    expect($<HTMLTextAreaElement>(el, '#q-q-topic').value).to.equal('Mit CV');
  });

  it('"choose another time" releases the hold on the server', async () => {
    const el = await render();
    await holdFirstSlot(el);
    $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent.includes('Vælg en anden tid'))?.click();
    await waitUntil(() => server.requests.some((request) => request.method === 'DELETE' && request.path === '/v1/booking/holds/hold-1'));
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'book-heading');
  });
});

describe('<ju-self-booking>: deadline', () => {
  it('marks days after the deadline and does not offer their times unless asked', async () => {
    const deadline = localDate(Date.now() + 4 * DAY);
    setUp({ deadline: null, firstFreeDate: localDate(Date.now() + 6 * DAY) });
    const el = await render(html`<ju-self-booking api=${API} .token=${'t'} deadline=${deadline}></ju-self-booking>`);
    expect(text(el)).to.contain('Der er ingen ledige tider før din frist');
    const selected = $(el, 'td[aria-selected="true"] button');
    expect(selected.textContent).to.contain('efter din frist');
    expect(el.shadowRoot!.querySelector('.slots')).to.equal(null);
    $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent.includes('Få en kvittering'))?.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#receipt') !== null);
    expect(posts('/v1/booking/no-free-time-receipts')[0]?.body).to.deep.equal({ meetingTypeId: 'mt-fysisk', deadline });
    expect($(el, '#receipt').textContent).to.contain('ingen ledige tider før din frist');
    const showLater = $$<HTMLInputElement>(el, 'input[type="checkbox"]')[0];
    showLater.click();
    await el.updateComplete;
    expect($$(el, '.slots button').length).to.be.greaterThan(0);
  });

  it('prefers the deadline the job centre set and then sends none of its own', async () => {
    const deadline = localDate(Date.now() + 3 * DAY);
    setUp({ deadline, firstFreeDate: localDate(Date.now() + 10 * DAY) });
    const el = await render(html`<ju-self-booking api=${API} .token=${'t'} deadline="2099-01-01"></ju-self-booking>`);
    $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent.includes('Få en kvittering'))?.click();
    await waitUntil(() => posts('/v1/booking/no-free-time-receipts').length === 1);
    expect(posts('/v1/booking/no-free-time-receipts')[0]?.body).to.deep.equal({ meetingTypeId: 'mt-fysisk' });
  });
});

describe('<ju-self-booking>: my meetings', () => {
  it('cancels only after a confirmation, with the reason and an Idempotency-Key', async () => {
    const booking = server.seedBooking();
    const el = await render(html`<ju-self-booking api=${API} .token=${'t'} view="mine"></ju-self-booking>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.meeting') !== null);
    $$<HTMLButtonElement>(el, '.meeting button').find((button) => button.textContent.trim() === 'Aflys')?.click();
    await el.updateComplete;
    expect(posts(`/v1/booking/bookings/${booking.id}/cancel`)).to.have.length(0);
    const reason = $<HTMLTextAreaElement>(el, `#cancel-reason-${booking.id}`);
    await waitUntil(() => el.shadowRoot!.activeElement === reason, 'focus did not go to the reason');
    reason.value = 'Jeg er syg';
    reason.dispatchEvent(new Event('input'));
    const cancelled = oneEvent(el, 'ju-booking-cancelled');
    $$<HTMLButtonElement>(el, '.meeting button[type="submit"]')[0]?.click();
    expect((await cancelled).detail).to.deep.equal({ bookingId: booking.id });
    const [request] = posts(`/v1/booking/bookings/${booking.id}/cancel`);
    expect(request.body).to.deep.equal({ reason: 'Jeg er syg' });
    expect(request.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    await el.updateComplete;
    expect(text(el)).to.contain('er aflyst');
  });

  it('shows a change the job centre makes at once, from the event stream', async () => {
    const booking = server.seedBooking();
    const el = await render(html`<ju-self-booking api=${API} .token=${'t'} view="mine"></ju-self-booking>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.meeting') !== null);
    await waitUntil(() => server.openStreams === 1, 'no event stream opened');
    const events = server.requests.find((request) => request.path === '/v1/events');
    expect(events?.headers.get('Authorization')).to.equal('Bearer t');
    Object.assign(booking, { status: 'cancelled', cancelledBy: 'caseworker', cancelReason: 'Din sagsbehandler er syg.', sequence: 1 });
    server.pushEvent('booking.changed', booking);
    await waitUntil(() => text(el).includes('Begrundelse: Din sagsbehandler er syg.'), 'the change did not show');
    expect(text(el)).to.contain('Jobcentret har aflyst samtalen');
  });

  it('reschedules atomically: holds a new time, then POSTs reschedule for the same booking', async () => {
    const booking = server.seedBooking();
    const el = await render(html`<ju-self-booking api=${API} .token=${'t'} view="mine"></ju-self-booking>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.meeting') !== null);
    $$<HTMLButtonElement>(el, '.meeting button').find((button) => button.textContent.includes('Flyt'))?.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.slots button') !== null);
    expect(text(el)).to.contain('Din nuværende tid gælder, indtil den nye er bekræftet');
    await holdFirstSlot(el);
    const rescheduled = oneEvent(el, 'ju-booking-rescheduled');
    $(el, 'button[type="submit"]').click();
    expect((await rescheduled).detail).to.deep.equal({ bookingId: booking.id });
    expect(posts(`/v1/booking/bookings/${booking.id}/reschedule`)[0]?.body).to.deep.equal({ holdId: 'hold-2' });
    expect(posts('/v1/booking/bookings')).to.have.length(0);
  });
});

describe('<ju-self-booking>: help and outage', () => {
  it('sends a help request; without a reason it explains what is missing', async () => {
    const el = await render();
    $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent.includes('hjælp til at booke'))?.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'help-heading');
    $(el, 'form button[type="submit"]').click();
    await el.updateComplete;
    expect($(el, '#help-reasons-error').textContent).to.contain('Vælg mindst én');
    expect(posts('/v1/booking/help-requests')).to.have.length(0);
    $<HTMLInputElement>(el, '#help-reason-interpreter').click();
    const phone = $<HTMLInputElement>(el, '#help-phone');
    phone.value = '12 34 56 78';
    phone.dispatchEvent(new Event('input'));
    $(el, 'form button[type="submit"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#help-sent-heading') !== null);
    expect(posts('/v1/booking/help-requests')[0]?.body).to.deep.equal({ reasons: ['interpreter'], phone: '12 34 56 78' });
  });

  it('shows the job centre\'s phone number, never a spinner, when the server cannot be reached — and recovers', async () => {
    const first = await render();
    first.remove();
    server.fail('GET /v1/booking/meeting-types', 'network', true);
    server.fail('GET /v1/config', 'network', true);
    const el = await render();
    expect($(el, '#outage-heading').textContent).to.contain('Vi kan ikke hente tiderne');
    await waitUntil(() => el.shadowRoot!.querySelector('a[href^="tel:"]') !== null, 'no phone number in the outage view');
    const call = $<HTMLAnchorElement>(el, 'a[href^="tel:"]');
    expect(call.getAttribute('href')).to.equal('tel:+4570000000');
    expect(call.textContent).to.equal('+45 70 00 00 00');
    server.failures.clear();
    $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent.includes('Prøv igen'))?.click();
    await waitUntil(() => el.shadowRoot!.querySelector('table[role="grid"]') !== null, 'did not recover');
  });

  it('reports failures as ju-booking-error with a code and the action only', async () => {
    const errors: unknown[] = [];
    document.addEventListener('ju-booking-error', (event) => errors.push(event.detail));
    server.fail('GET /v1/booking/meeting-types', { status: 503, code: 'unavailable' }, true);
    await render();
    expect(errors).to.deep.include({ code: 'unavailable', action: 'load' });
  });
});

describe('<ju-self-booking>: accessibility and languages', () => {
  for (const lang of ['da', 'en', 'ar']) {
    it(`passes axe in every step in ${lang}`, async () => {
      server.seedBooking();
      const el = await render(html`<ju-self-booking api=${API} .token=${'t'} lang=${lang}></ju-self-booking>`);
      await expect(el).to.be.accessible();
      await holdFirstSlot(el);
      await expect(el).to.be.accessible();
      $(el, 'button[type="submit"]').click(); // the required answer is missing: errors on screen
      await el.updateComplete;
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, 'input[name="q-q-needs"]').click();
      $(el, 'button[type="submit"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('#done-heading') !== null);
      await expect(el).to.be.accessible();
      $$<HTMLButtonElement>(el, 'nav button')[1]?.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.meeting') !== null);
      await aTimeout(200); // let the buttons' colour transition finish, or axe measures a colour in between
      await expect(el).to.be.accessible();
      if (lang === 'ar') expect(el.getAttribute('dir')).to.equal('rtl');
      if (lang !== 'da') expect(text(el)).to.not.contain('Mine samtaler');
    });
  }
});
