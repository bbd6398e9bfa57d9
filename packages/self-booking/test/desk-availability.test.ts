import { expect, waitUntil } from '@open-wc/testing';
import { addDays, today } from '../src/dates.js';
import { problem } from '../../../stories/support/desk-fake-api.js';
import { $, buttonNamed, choose, DeskFakeApi, mountDesk, root, settle, showView, text, type, withFakeDeskServer } from './desk-helpers.js';

const timeInputs = (el: HTMLElement): HTMLInputElement[] => [...root(el).querySelectorAll<HTMLInputElement>('[part=rule] input[type=time]')];

describe('<ju-booking-desk> availability', () => {
  let fake: DeskFakeApi;
  withFakeDeskServer((created) => { fake = created; });

  it('shows the weekly time ranges per meeting type and weekday as labelled time fields', async () => {
    const el = await mountDesk(fake);
    await showView(el, 'availability');
    const inputs = timeInputs(el);
    expect(inputs).to.have.length(20);
    for (const input of inputs) expect(root(el).querySelector(`label[for="${input.id}"]`)).not.to.equal(null);
    const types = [...root(el).querySelectorAll('[part=rules-meeting-type] > legend')].map((legend) => legend.textContent.trim());
    expect(types).to.deep.equal(['Samtale på jobcentret (45 min.)', 'Telefonsamtale (30 min.)']);
    expect(inputs[0]?.value).to.equal('09:00');
  });

  it('saves with If-Match and puts a server validation error on the field it points at', async () => {
    let reject = true;
    fake.overrides.push((request) =>
      request.method === 'PUT' && reject ? problem(400, 'invalid-request', { errors: [{ pointer: '/rules/1/end', code: 'overlap' }] }) : undefined,
    );
    const el = await mountDesk(fake);
    await showView(el, 'availability');
    buttonNamed(el, 'Gem faste tider').click();
    await waitUntil(() => fake.sent('PUT', 'v1/booking/desk/availability/rules').length === 1);
    await waitUntil(() => root(el).querySelector('input[aria-invalid=true]'));
    await settle(el);
    const sent = fake.sent('PUT', 'v1/booking/desk/availability/rules').at(0);
    expect(sent?.headers.get('If-Match')).to.equal('"availability-1"');
    const invalid = [...root(el).querySelectorAll<HTMLInputElement>('input[aria-invalid=true]')];
    expect(invalid).to.have.length(1);
    const field = invalid[0];
    // Rule 1 of the document is Monday's phone range 13:00–15:00; the pointer names its end.
    expect(field.id).to.match(/-end$/);
    expect(field.value).to.equal('15:00');
    expect(field.closest('[part=rules-meeting-type]')?.querySelector('legend')?.textContent).to.contain('Telefonsamtale');
    const errorId = field.getAttribute('aria-describedby') ?? '';
    expect(root(el).getElementById(errorId)?.textContent).to.contain('kan ikke gemmes');
    expect(root(el).activeElement).to.equal(field);
    expect($(el, '#rules-problem').textContent).to.contain('1 tidspunkt skal rettes');
    await expect(el).to.be.accessible();

    reject = false;
    type(field, '15:30');
    await settle(el);
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    buttonNamed(el, 'Gem faste tider').click();
    await waitUntil(() => fake.version === 2);
    await waitUntil(() => root(el).querySelector('[data-ju-announcer=polite]')?.textContent.includes('Dine faste tider er gemt'));
    expect(fake.availability.rules[1]?.end).to.equal('15:30');
  });

  it('checks the ranges before sending: the end must come after the start', async () => {
    const el = await mountDesk(fake);
    await showView(el, 'availability');
    const [start, end] = timeInputs(el) as [HTMLInputElement, HTMLInputElement];
    type(start, '12:00');
    type(end, '10:00');
    buttonNamed(el, 'Gem faste tider').click();
    await settle(el);
    expect(end.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el)).to.contain('Sluttiden skal være efter starttiden.');
    expect(root(el).activeElement).to.equal(end);
    expect(fake.sent('PUT', /rules$/)).to.have.length(0);
  });

  it('keeps the edits when someone else changed the times (412), and can save them anyway', async () => {
    const el = await mountDesk(fake);
    await showView(el, 'availability');
    // Someone else saves in the meantime.
    fake.version = 5;
    const first = timeInputs(el)[0];
    type(first, '08:00');
    buttonNamed(el, 'Gem faste tider').click();
    await waitUntil(() => root(el).querySelector('#rules-conflict'));
    await settle(el);
    expect($(el, '#rules-conflict').textContent).to.contain('Nogen har ændret de faste tider');
    expect(root(el).activeElement?.id).to.equal('rules-conflict');
    expect((timeInputs(el)[0]).value).to.equal('08:00');
    expect(text(el)).to.contain('Du har ændringer, der ikke er gemt.');
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Gem mine tider alligevel').click();
    await waitUntil(() => fake.version === 6, 'the edits were not saved');
    expect(fake.sent('PUT', /rules$/).at(-1)?.headers.get('If-Match')).to.equal('"availability-5"');
    expect(fake.availability.rules[0]?.start).to.equal('08:00');
    await waitUntil(() => !root(el).querySelector('#rules-conflict'));
  });

  it('adds and removes time ranges with focus where the caseworker continues', async () => {
    const el = await mountDesk(fake);
    await showView(el, 'availability');
    const before = timeInputs(el).length;
    const saturday = root(el).querySelector<HTMLButtonElement>('[id="rule-add-mt-fysisk-6"]');
    saturday?.click();
    await settle(el);
    expect(timeInputs(el)).to.have.length(before + 2);
    const focused = root(el).activeElement as HTMLInputElement;
    expect(focused.type).to.equal('time');
    expect(focused.value).to.equal('09:00');
    const row = focused.closest('[part=rule]');
    row?.querySelector<HTMLButtonElement>('button')?.click();
    await settle(el);
    expect(timeInputs(el)).to.have.length(before);
    expect(root(el).activeElement?.id).to.equal('rule-add-mt-fysisk-6');
  });

  it('closes a day and opens it again', async () => {
    const el = await mountDesk(fake);
    await showView(el, 'availability');
    const date = addDays(today(), 3);
    type($<HTMLInputElement>(el, '#exception-date'), date);
    choose($<HTMLSelectElement>(el, '#exception-kind'), 'other');
    type($<HTMLInputElement>(el, '#exception-note'), 'Teamdag');
    buttonNamed(el, 'Luk dagen').click();
    await waitUntil(() => fake.availability.exceptions.some((exception) => exception.date === date));
    expect(fake.sent('PUT', `v1/booking/desk/availability/exceptions/${date}`).at(0)?.body).to.deep.equal({ kind: 'other', note: 'Teamdag' });
    await waitUntil(() => text(el).includes('Teamdag'));
    expect(root(el).activeElement?.id).to.equal('exception-date');

    const item = [...root(el).querySelectorAll('[part=exception]')].find((node) => node.textContent.includes('Teamdag'));
    item?.querySelector('button')?.click();
    await waitUntil(() => fake.sent('DELETE', `v1/booking/desk/availability/exceptions/${date}`).length === 1);
    await waitUntil(() => !text(el).includes('Teamdag'));
  });

  it('asks for a date before closing a day', async () => {
    const el = await mountDesk(fake);
    await showView(el, 'availability');
    buttonNamed(el, 'Luk dagen').click();
    await settle(el);
    const date = $(el, '#exception-date');
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(date);
    expect(fake.sent('PUT', /exceptions/)).to.have.length(0);
  });
});

describe('<ju-booking-desk> requests', () => {
  let fake: DeskFakeApi;
  withFakeDeskServer((created) => { fake = created; });

  it('lists help requests and receipts, and marks a help request as handled', async () => {
    const el = await mountDesk(fake);
    await showView(el, 'requests');
    const all = text(el);
    expect(all).to.contain('Har brug for: tolk, at blive ringet op');
    expect(all).to.contain('Jeg taler kun lidt dansk.');
    expect(all).to.contain('Mette · Samtale på jobcentret');
    buttonNamed(el, /Markér som klaret/).click();
    await waitUntil(() => fake.sent('POST', 'v1/booking/desk/help-requests/help-1/handled').length === 1);
    expect(fake.sent('POST', /handled$/).at(0)?.headers.get('Idempotency-Key')).to.be.a('string');
    await waitUntil(() => root(el).querySelectorAll('.desk-done').length === 2);
    await waitUntil(() => root(el).activeElement?.id === 'help-heading');
  });

  it('opens "book for a citizen" with the citizen and meeting type of a receipt', async () => {
    const el = await mountDesk(fake);
    await showView(el, 'requests');
    const receipt = $(el, '[part=receipt]');
    receipt.querySelector('button')?.click();
    await waitUntil(() => root(el).querySelector<HTMLSelectElement>('#book-citizen')?.value === 'citizen-mette');
    expect($<HTMLSelectElement>(el, '#book-type').value).to.equal('mt-fysisk');
    expect(el.view).to.equal('week');
    await waitUntil(() => root(el).querySelector('#book-slots'));
  });
});
