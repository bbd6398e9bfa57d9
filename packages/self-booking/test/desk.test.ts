import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addDays, mondayOf, today } from '../src/dates.js';
import { problem } from '../../../stories/support/desk-fake-api.js';
import { $, buttonNamed, choose, DeskFakeApi, mountDesk, root, settle, text, type, withFakeDeskServer } from './desk-helpers.js';

const nextMonday = (): string => addDays(mondayOf(today()), 7);

describe('<ju-booking-desk> week', () => {
  let fake: DeskFakeApi;
  withFakeDeskServer((created) => { fake = created; });

  it("shows the week's bookings per day with type, first name, status and who booked", async () => {
    const el = await mountDesk(fake);
    const request = fake.sent('GET', 'v1/booking/desk/bookings').at(0);
    const monday = mondayOf(today());
    expect(request?.url.searchParams.get('from')).to.equal(monday);
    expect(request?.url.searchParams.get('to')).to.equal(addDays(monday, 6));
    expect(request?.headers.get('Authorization')).to.equal('Bearer caseworker-token');
    const bookings = root(el).querySelectorAll('[part=booking]');
    expect(bookings.length).to.equal(5);
    const all = text(el);
    expect(all).to.contain('Sara · Samtale på jobcentret');
    expect(all).to.contain('Ahmed · Telefonsamtale');
    expect(all).to.contain('Aflyst af borgeren');
    expect(all).to.contain('Booket af jobcentret');
    expect($(el, '#week-heading').textContent).to.match(/^Uge \d+$/);
  });

  it('marks closed days and flags their bookings as needing a new time', async () => {
    const el = await mountDesk(fake);
    const closedDay = $(el, '.desk-day--closed');
    expect(closedDay.textContent).to.contain('Lukket: Sygdom');
    expect(closedDay.querySelector('[part=needs-move]')?.textContent).to.contain('Find en ny tid');
    // Bookings on open days carry no flag.
    expect(root(el).querySelectorAll('[part=needs-move]').length).to.equal(1);
    expect($(el, '[part=needs-move-summary]').textContent).to.contain('1 samtale denne uge ligger på en lukket dag');
  });

  it('moves between weeks and back to this week', async () => {
    const el = await mountDesk(fake);
    const thisWeek = $(el, '#week-heading').textContent;
    $(el, '#week-next').click();
    await waitUntil(() => fake.sent('GET', 'v1/booking/desk/bookings').some((request) => request.url.searchParams.get('from') === nextMonday()));
    await settle(el);
    expect($(el, '#week-heading').textContent).not.to.equal(thisWeek);
    $(el, '#week-today').click();
    await waitUntil(() => $(el, '#week-heading').textContent === thisWeek);
  });

  it('cancels only with a reason, linked to the field, and sends it with an Idempotency-Key', async () => {
    const booking = fake.addBooking('citizen-sara', 'mt-fysisk', nextMonday(), '10:00');
    const el = await mountDesk(fake);
    $(el, '#week-next').click();
    await waitUntil(() => root(el).querySelector(`#cancel-${booking.id}`));
    $(el, `#cancel-${booking.id}`).click();
    await settle(el);
    expect(root(el).activeElement?.id).to.equal('task-heading');
    expect(text(el)).to.contain('Aflys samtalen med Sara');

    buttonNamed(el, 'Aflys samtalen').click();
    await settle(el);
    const reason = $<HTMLTextAreaElement>(el, '#cancel-reason');
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    expect(reason.getAttribute('aria-describedby')).to.contain('cancel-reason-error');
    expect($(el, '#cancel-reason-error').textContent).to.contain('Skriv, hvorfor du aflyser');
    expect(root(el).activeElement).to.equal(reason);
    expect(fake.sent('POST', /cancel$/)).to.have.length(0);
    await expect(el).to.be.accessible();

    type(reason, 'Jeg er desværre syg.');
    const cancelled = oneEvent(el, 'ju-booking-cancelled');
    buttonNamed(el, 'Aflys samtalen').click();
    const event = await cancelled;
    expect(event.detail).to.deep.equal({ bookingId: booking.id });
    const sent = fake.sent('POST', `v1/booking/desk/bookings/${booking.id}/cancel`).at(0);
    expect(sent?.body).to.deep.equal({ reason: 'Jeg er desværre syg.' });
    expect(sent?.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    await waitUntil(() => root(el).querySelector('#week-heading') === root(el).activeElement, 'focus did not return to the week');
    await waitUntil(() => text(el).includes('Aflyst af jobcentret'));
    expect(text(el)).to.contain('Begrundelse: Jeg er desværre syg.');
    await waitUntil(() => el.shadowRoot?.querySelector('[data-ju-announcer=polite]')?.textContent.includes('Samtalen med Sara er aflyst'));
  });

  it('keeps the same Idempotency-Key when the same cancel is sent again after a failure', async () => {
    const booking = fake.addBooking('citizen-sara', 'mt-fysisk', nextMonday(), '10:00');
    let failures = 1;
    fake.overrides.push((request) => (request.path.endsWith('/cancel') && failures-- > 0 ? problem(403, 'forbidden') : undefined));
    const el = await mountDesk(fake);
    $(el, '#week-next').click();
    await waitUntil(() => root(el).querySelector(`#cancel-${booking.id}`));
    $(el, `#cancel-${booking.id}`).click();
    await settle(el);
    type($<HTMLTextAreaElement>(el, '#cancel-reason'), 'Ferie');
    const error = oneEvent(el, 'ju-booking-error');
    buttonNamed(el, 'Aflys samtalen').click();
    expect((await error).detail).to.deep.equal({ code: 'forbidden', action: 'desk' });
    await waitUntil(() => root(el).querySelector('#task-problem'));
    const done = oneEvent(el, 'ju-booking-cancelled');
    buttonNamed(el, 'Aflys samtalen').click();
    await done;
    const keys = fake.sent('POST', /cancel$/).map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('moves a booking to a free time; a taken time shows a clear message and a fresh list', async () => {
    const booking = fake.addBooking('citizen-ahmed', 'mt-telefon', nextMonday(), '09:00');
    let taken = true;
    fake.overrides.push((request) => (request.path.endsWith('/move') && taken ? problem(409, 'slot-unavailable') : undefined));
    const el = await mountDesk(fake);
    $(el, '#week-next').click();
    await waitUntil(() => root(el).querySelector(`#move-${booking.id}`));
    $(el, `#move-${booking.id}`).click();
    await waitUntil(() => root(el).querySelector('#move-slots input[type=radio]'), 'no free times shown');
    const slotRequest = fake.sent('GET', 'v1/booking/desk/slots').at(0);
    expect(slotRequest?.url.searchParams.get('citizenId')).to.equal('citizen-ahmed');
    expect(slotRequest?.url.searchParams.get('meetingTypeId')).to.equal('mt-telefon');

    // Both the time and the reason are required.
    buttonNamed(el, 'Flyt samtalen').click();
    await settle(el);
    expect(text(el)).to.contain('Vælg en tid.');
    expect($(el, '#move-reason').getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement?.matches('#move-slots input[type=radio]')).to.equal(true);

    $<HTMLInputElement>(el, '#move-slots input[type=radio]').click();
    type($<HTMLTextAreaElement>(el, '#move-reason'), 'Jeg er på kursus.');
    const slotLoads = fake.sent('GET', 'v1/booking/desk/slots').length;
    buttonNamed(el, 'Flyt samtalen').click();
    await waitUntil(() => root(el).querySelector('#task-problem'));
    expect($(el, '#task-problem').textContent).to.contain('Tiden er lige blevet taget');
    expect($(el, '#task-problem').getAttribute('role')).to.equal('alert');
    await waitUntil(() => fake.sent('GET', 'v1/booking/desk/slots').length > slotLoads, 'the free times were not fetched again');
    await settle(el);
    expect(root(el).activeElement?.id).to.equal('task-problem');
    expect(root(el).querySelector<HTMLInputElement>('#move-slots input:checked')).to.equal(null);
    await expect(el).to.be.accessible();

    taken = false;
    $<HTMLInputElement>(el, '#move-slots input[type=radio]').click();
    const moved = oneEvent(el, 'ju-booking-rescheduled');
    buttonNamed(el, 'Flyt samtalen').click();
    expect((await moved).detail).to.deep.equal({ bookingId: booking.id });
    const bodies = fake.sent('POST', /move$/).map((request) => request.body);
    expect(bodies.at(-1)).to.include({ reason: 'Jeg er på kursus.' });
    const keys = fake.sent('POST', /move$/).map((request) => request.headers.get('Idempotency-Key'));
    expect(keys.every(Boolean)).to.equal(true);
  });

  it('books a meeting on behalf of a citizen', async () => {
    const el = await mountDesk(fake);
    $(el, '#book-open').click();
    await waitUntil(() => root(el).querySelector('#book-citizen'));
    choose($<HTMLSelectElement>(el, '#book-citizen'), 'citizen-mette');
    choose($<HTMLSelectElement>(el, '#book-type'), 'mt-telefon');
    await waitUntil(() => root(el).querySelector('#book-slots input[type=radio]'));
    const radio = $<HTMLInputElement>(el, '#book-slots input[type=radio]');
    radio.click();
    type($<HTMLTextAreaElement>(el, '#book-note'), 'Vi taler om dit CV.');
    await expect(el).to.be.accessible();
    const confirmed = oneEvent(el, 'ju-booking-confirmed');
    buttonNamed(el, 'Book samtalen').click();
    const event = await confirmed;
    const sent = fake.sent('POST', 'v1/booking/desk/bookings').at(0);
    expect(sent?.body).to.deep.equal({ citizenId: 'citizen-mette', meetingTypeId: 'mt-telefon', slotId: radio.value, note: 'Vi taler om dit CV.' });
    expect(sent?.headers.get('Idempotency-Key')).to.be.a('string');
    expect((event as CustomEvent<{ bookingId: string }>).detail.bookingId).to.equal(fake.bookings.at(-1)?.id);
  });

  it('shows an error with a working retry instead of spinning when the server fails', async () => {
    let failing = true;
    fake.overrides.push((request) => (failing && request.path === 'v1/booking/desk/bookings' ? problem(403, 'forbidden') : undefined));
    const errors: string[] = [];
    document.addEventListener('ju-booking-error', (event) => { errors.push(`${event.detail.action}:${event.detail.code}`); });
    const el = await mountDesk(fake);
    expect($(el, '[part=error]').textContent).to.contain('Du har ikke adgang');
    expect(errors).to.include('desk:forbidden');
    await expect(el).to.be.accessible();
    failing = false;
    buttonNamed(el, 'Prøv igen').click();
    await waitUntil(() => root(el).querySelector('.desk-days'));
  });

  it('asks the caseworker to sign in when there is no token', async () => {
    const { fixture, html } = await import('@open-wc/testing');
    const el = await fixture<HTMLElement>(html`<ju-booking-desk api=${fake.base}></ju-booking-desk>`);
    expect(text(el)).to.contain('Log ind som medarbejder');
    expect(fake.requests).to.have.length(0);
  });
});

describe('<ju-booking-desk> live updates', () => {
  let fake: DeskFakeApi;
  withFakeDeskServer((created) => { fake = created; });

  it('reads the event stream with the bearer header and refreshes on booking.desk-changed', async () => {
    const el = await mountDesk(fake);
    await waitUntil(() => fake.openStreams > 0, 'no event stream was opened');
    const stream = fake.sent('GET', 'v1/events').at(0);
    expect(stream?.headers.get('Authorization')).to.equal('Bearer caseworker-token');
    expect(stream?.url.search).to.equal('');
    const added = fake.addBooking('citizen-sara', 'mt-telefon', mondayOf(today()), '15:00');
    fake.pushEvent('booking.desk-changed', { kind: 'booking', id: added.id });
    await waitUntil(() => root(el).querySelectorAll('[part=booking]').length === 6, 'the week was not refreshed');
  });

  it('reloads everything on a reset event', async () => {
    const el = await mountDesk(fake);
    await waitUntil(() => fake.openStreams > 0);
    const weekLoads = fake.sent('GET', 'v1/booking/desk/bookings').length;
    const requestLoads = fake.sent('GET', 'v1/booking/desk/requests').length;
    fake.pushEvent('reset', {});
    await waitUntil(() => fake.sent('GET', 'v1/booking/desk/bookings').length > weekLoads && fake.sent('GET', 'v1/booking/desk/requests').length > requestLoads);
    expect(el.isConnected).to.equal(true);
  });

  it('reconnects after the stream ends and resumes from the last event id', async () => {
    await mountDesk(fake);
    await waitUntil(() => fake.openStreams > 0);
    fake.pushEvent('booking.desk-changed', { kind: 'receipt', id: 'receipt-1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    fake.closeStreams();
    await waitUntil(() => fake.sent('GET', 'v1/events').length === 2, 'no reconnect', { timeout: 6000 });
    expect(fake.sent('GET', 'v1/events').at(1)?.headers.get('Last-Event-ID')).to.equal('101');
  });

  it('refreshes when the window gets focus again', async () => {
    const el = await mountDesk(fake);
    const loads = fake.sent('GET', 'v1/booking/desk/bookings').length;
    // Data younger than 10 s is not fetched again.
    window.dispatchEvent(new Event('focus'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.sent('GET', 'v1/booking/desk/bookings').length).to.equal(loads);
    // The caseworker was away for a minute.
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + 60_000;
    try {
      window.dispatchEvent(new Event('focus'));
      await waitUntil(() => fake.sent('GET', 'v1/booking/desk/bookings').length > loads);
    } finally {
      Date.now = realNow;
    }
    expect(el.isConnected).to.equal(true);
  });

  it('stops the stream when the element is removed', async () => {
    const el = await mountDesk(fake);
    await waitUntil(() => fake.openStreams > 0);
    el.remove();
    await waitUntil(() => fake.openStreams === 0, 'the stream stayed open');
  });
});

describe('<ju-booking-desk> tabs', () => {
  let fake: DeskFakeApi;
  withFakeDeskServer((created) => { fake = created; });

  it('is a tablist: arrows, Home and End move selection and focus', async () => {
    const el = await mountDesk(fake);
    const week = $(el, '#tab-week');
    expect(week.getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#tab-availability').getAttribute('tabindex')).to.equal('-1');
    week.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(root(el).activeElement?.id).to.equal('tab-availability');
    expect($(el, '#tab-availability').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#panel-availability').hidden).to.equal(false);
    expect($(el, '#panel-week').hidden).to.equal(true);
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(root(el).activeElement?.id).to.equal('tab-requests');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(root(el).activeElement?.id).to.equal('tab-week');
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(el.view).to.equal('week');
  });

  it('follows the reading direction in Arabic', async () => {
    const el = await mountDesk(fake, 'ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    $(el, '#tab-week').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(root(el).activeElement?.id).to.equal('tab-availability');
  });

  it('loads the view a host selects with the view property', async () => {
    const el = await mountDesk(fake);
    el.view = 'availability';
    await waitUntil(() => root(el).querySelector('#panel-availability [part=availability]'), 'the availability view never loaded');
    expect($(el, '#tab-availability').getAttribute('aria-selected')).to.equal('true');
  });

  it('refreshes on the refresh button and says when', async () => {
    const el = await mountDesk(fake);
    const loads = fake.sent('GET', 'v1/booking/desk/bookings').length;
    $(el, '#desk-refresh').click();
    await waitUntil(() => fake.sent('GET', 'v1/booking/desk/bookings').length > loads);
    await waitUntil(() => root(el).querySelector('[data-ju-announcer=polite]')?.textContent.includes('Opdateret kl.'));
  });

  it('shows the number of open help requests on its tab', async () => {
    const el = await mountDesk(fake);
    await waitUntil(() => $(el, '#tab-requests').textContent.includes('1 ny'));
  });
});
