import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openLocalStore } from '@jobunivers/core/store';
import '../src/console.js';
import type { JuChatConsole } from '../src/console.js';
import { METTE } from './support/fake-chat-server.js';
import { CASEWORKER_TOKEN, CONSOLE_API, FakeConsole } from './support/fake-console.js';

/** Every test's fake numbers its conversations from 1: unsent messages of an earlier test must not be resent. */
async function forgetUnsentMessages(): Promise<void> {
  const store = await openLocalStore('live-chat');
  await store.clear();
  store.close();
}

function root(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed query, like querySelector<T>
function $<T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The open conversation's log is the shared `<ju-chat-message-list>`, with a shadow root of its own. */
function list(el: HTMLElement): ShadowRoot {
  const found = root(el).querySelector('ju-chat-message-list')?.shadowRoot;
  if (!found) throw new Error('no message list');
  return found;
}

const inList = (el: HTMLElement, selector: string): HTMLElement | null => root(el).querySelector('ju-chat-message-list')?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

function $list(el: HTMLElement, selector: string): HTMLElement {
  const found = list(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing in the list matches ${selector}`);
  return found;
}

const text = (el: HTMLElement): string => `${root(el).textContent} ${root(el).querySelector('ju-chat-message-list')?.shadowRoot?.textContent ?? ''}`.replace(/\s+/g, ' ');
const announced = (el: HTMLElement): string => root(el).querySelector('[data-ju-announcer=polite]')?.textContent ?? '';

function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function mount(lang = 'da'): Promise<JuChatConsole> {
  const el = await fixture<JuChatConsole>(html`<ju-chat-console api=${CONSOLE_API} lang=${lang} .token=${CASEWORKER_TOKEN}></ju-chat-console>`);
  await waitUntil(() => root(el).querySelector('[role=tablist], [part=error]'), 'the console did not load', { timeout: 4000 });
  return el;
}

/** Mounts the console and opens the caseworker's conversation `id` from "Mine". */
async function openConversation(id: string): Promise<JuChatConsole> {
  const el = await mount();
  $(el, '#tab-mine').click();
  await waitUntil(() => root(el).querySelector(`#open-${id}`));
  $(el, `#open-${id}`).click();
  await waitUntil(() => root(el).querySelector('#reply') && inList(el, '[part~=message]'), 'the conversation did not open');
  return el;
}

const posts = (fake: FakeConsole, path: string): unknown[] => fake.requests.filter((request) => request.method === 'POST' && request.path === path).map((request) => request.body);

describe('<ju-chat-console>', () => {
  let fake: FakeConsole;
  let uninstall: () => void;
  beforeEach(async () => {
    fake = new FakeConsole();
    uninstall = fake.install();
    await forgetUnsentMessages();
  });
  afterEach(() => {
    uninstall();
  });

  it('shows the queue: first name or "Anonym", topic, language, waiting time and first words', async () => {
    fake.queued({ firstName: 'Ahmed', language: 'ar', minutesAgo: 4, text: 'Hvordan skriver jeg et CV?' });
    fake.queued({ firstName: null, topicId: 'topic-benefits' });
    const el = await mount();
    const items = root(el).querySelectorAll('[part=queue-item]');
    expect(items).to.have.length(2);
    expect(items[0].textContent).to.contain('Ahmed').and.to.contain('Jobsøgning').and.to.contain('arabisk').and.to.contain('Har ventet 4 minutter').and.to.contain('Hvordan skriver jeg et CV?');
    expect(items[1].textContent).to.contain('Anonym').and.to.contain('Dagpenge og kontanthjælp');
    expect($(el, '#tab-queue').textContent).to.contain('Kø (2)');
    const request = fake.requests.find((item) => item.path === '/v1/chat/console');
    expect(request?.headers.get('Authorization')).to.equal(`Bearer ${CASEWORKER_TOKEN}`);
  });

  it('sets presence and the chat limit; away disables taking chats', async () => {
    fake.queued();
    const el = await mount();
    const away = root(el).querySelector<HTMLInputElement>('input[name=presence][value=away]');
    away?.click();
    await waitUntil(() => fake.requests.some((request) => request.method === 'PUT'));
    expect(fake.requests.find((request) => request.method === 'PUT')?.body).to.deep.equal({ presence: 'away', maxChats: 3 });
    await waitUntil(() => $<HTMLButtonElement>(el, '#claim-conversation-1').disabled, 'claim stayed enabled while away');
    expect(text(el)).to.contain('Du er sat til Væk');

    const limit = $<HTMLSelectElement>(el, '#max-chats');
    limit.value = '5';
    limit.dispatchEvent(new Event('change'));
    await waitUntil(() => fake.maxChats === 5);
    expect(fake.requests.filter((request) => request.method === 'PUT').at(-1)?.body).to.deep.equal({ presence: 'away', maxChats: 5 });
  });

  it('claims a queued chat: the conversation opens with the reply field focused', async () => {
    fake.queued({ firstName: 'Ahmed', text: 'Hej, jeg har et spørgsmål om min jobplan.' });
    const el = await mount();
    const claimed = oneEvent(el, 'ju-chat-console-claimed');
    $(el, '#claim-conversation-1').click();
    expect((await claimed).detail).to.deep.equal({ conversationId: 'conversation-1' });
    await waitUntil(() => root(el).activeElement?.id === 'reply', 'focus did not move to the reply');
    expect(el.view).to.equal('mine');
    expect($(el, '#conversation-heading').textContent).to.contain('Ahmed');
    await waitUntil(() => text(el).includes('Hej, jeg har et spørgsmål om min jobplan.'), 'the citizen\'s message did not arrive');
    await waitUntil(() => announced(el).includes('Du har samtalen med Ahmed'));
  });

  it('says "En kollega nåede det først" and removes the row when a colleague claimed first', async () => {
    fake.queued({ firstName: 'Ahmed' });
    fake.queued({ firstName: 'Sara' });
    const el = await mount();
    fake.claim('conversation-1', METTE); // while the list on screen is still old
    const error = oneEvent(el, 'ju-chat-console-error');
    $(el, '#claim-conversation-1').click();
    expect((await error).detail).to.deep.equal({ code: 'already-claimed', action: 'claim' });
    await waitUntil(() => root(el).activeElement?.id === 'queue-problem');
    expect($(el, '#queue-problem').textContent).to.contain('En kollega nåede det først');
    expect(root(el).querySelector('#claim-conversation-1')).to.equal(null);
    expect(root(el).querySelector('#claim-conversation-2')).not.to.equal(null);
  });

  it('explains the chat limit when claiming one more than allowed', async () => {
    fake.maxChats = 1;
    fake.active({ firstName: 'Sara' });
    const { id } = fake.queued({ firstName: 'Ahmed' }).conversation;
    const el = await mount();
    $(el, `#claim-${id}`).click();
    await waitUntil(() => root(el).querySelector('#queue-problem'));
    expect($(el, '#queue-problem').textContent).to.contain('Du har allerede 1 aktiv samtale, som er din grænse');
    expect(root(el).querySelector(`#claim-${id}`)).not.to.equal(null);
  });

  it('updates unread counts from chat.console-changed and announces the new message', async () => {
    fake.active({ firstName: 'Sara', text: 'Hej' });
    const el = await mount();
    $(el, '#tab-mine').click();
    await waitUntil(() => root(el).querySelector('[part=unread]'));
    expect($(el, '[part=unread]').textContent).to.contain('1 ulæst');
    await waitUntil(() => fake.eventStreams > 0, 'the console did not listen to /v1/events');
    fake.citizenSays('conversation-1', 'Er der nogen?');
    fake.consoleChanged('conversation-1');
    await waitUntil(() => $(el, '[part=unread]').textContent.includes('2 ulæste'), 'the unread count did not update', { timeout: 3000 });
    expect($(el, '#tab-mine').textContent).to.contain('2 ulæste');
    expect(text(el)).to.contain('Er der nogen?');
    await waitUntil(() => announced(el).includes('Ny besked fra Sara'));
  });

  it('announces a new citizen in the queue', async () => {
    const el = await mount();
    expect(text(el)).to.contain('Ingen borgere venter lige nu.');
    await waitUntil(() => fake.eventStreams > 0);
    fake.queued({ firstName: 'Sara', topicId: 'topic-meeting' });
    fake.consoleChanged(null);
    await waitUntil(() => announced(el).includes('Ny borger i køen: Sara, Mine møder.'), 'not announced', { timeout: 3000 });
    expect(root(el).querySelectorAll('[part=queue-item]')).to.have.length(1);
  });

  it('shows the open conversation and sends a reply through the transport', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Hej, jeg har brug for hjælp.' });
    const el = await openConversation('conversation-1');
    expect($list(el, '[part=log]').textContent).to.contain('Hej, jeg har brug for hjælp.');
    // Reading the newest message is told to the server, and the list stops counting it as unread.
    await waitUntil(() => posts(fake, '/v1/chat/conversations/conversation-1/read').length > 0, 'no read mark');
    await waitUntil(() => !root(el).querySelector('[part=unread]'), 'still counted as unread');
    type($<HTMLTextAreaElement>(el, '#reply'), 'Hvad drejer det sig om?');
    $(el, '#reply-send').click();
    await waitUntil(() => posts(fake, '/v1/chat/conversations/conversation-1/messages').length === 1);
    const sent = (posts(fake, '/v1/chat/conversations/conversation-1/messages') as { id: string; text: string }[]).at(0);
    expect(sent?.text).to.equal('Hvad drejer det sig om?');
    expect(sent?.id).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    await waitUntil(() => inList(el, '.message.own:not(.pending)')?.textContent.includes('Hvad drejer det sig om?'), 'the reply did not come back on the stream');
    expect(inList(el, '.message.pending')).to.equal(null);
    expect($<HTMLTextAreaElement>(el, '#reply').value).to.equal('');
  });

  it('renders message text as text, with only http(s) addresses as links', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Se https://jobnet.dk/cv. <b>fed</b> javascript:alert(1)' });
    const el = await openConversation('conversation-1');
    await waitUntil(() => inList(el, '.message.theirs'));
    const links = [...list(el).querySelectorAll<HTMLAnchorElement>('.message.theirs a')];
    expect(links.map((link) => link.href)).to.deep.equal(['https://jobnet.dk/cv']);
    expect(links[0]?.rel).to.equal('noopener noreferrer');
    expect(inList(el, '.message.theirs .text b')).to.equal(null);
    expect($list(el, '.message.theirs').textContent).to.contain('<b>fed</b> javascript:alert(1)');
  });

  it('shows when the citizen is typing', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Hej' });
    const el = await openConversation('conversation-1');
    await waitUntil(() => fake.openStreams('conversation-1') > 0);
    await fake.citizenTyping('conversation-1');
    await waitUntil(() => $list(el, '[part=typing]').textContent.includes('Ahmed skriver'));
  });

  it('inserts a canned reply as editable text', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Hej' });
    const el = await openConversation('conversation-1');
    await waitUntil(() => root(el).querySelector('#canned'), 'no canned replies');
    const select = $<HTMLSelectElement>(el, '#canned');
    expect([...select.querySelectorAll('optgroup')].map((group) => group.label)).to.deep.equal(['Dansk', 'Engelsk']);
    select.value = 'canned-wait';
    $(el, '#canned-insert').click();
    const reply = $<HTMLTextAreaElement>(el, '#reply');
    expect(reply.value).to.equal('Et øjeblik, jeg slår det op.');
    expect(root(el).activeElement).to.equal(reply);
    expect(posts(fake, '/v1/chat/conversations/conversation-1/messages')).to.have.length(0);
    type(reply, `${reply.value} Tak for ventetiden.`);
    $(el, '#reply-send').click();
    await waitUntil(() => posts(fake, '/v1/chat/conversations/conversation-1/messages').length === 1);
    expect((posts(fake, '/v1/chat/conversations/conversation-1/messages')[0] as { text: string }).text).to.equal('Et øjeblik, jeg slår det op. Tak for ventetiden.');
  });

  it('lists canned replies in the citizen\'s language first', async () => {
    fake.active({ firstName: 'Olena', language: 'en', text: 'Hello' });
    const el = await openConversation('conversation-1');
    await waitUntil(() => root(el).querySelector('#canned'));
    expect([...$(el, '#canned').querySelectorAll('optgroup')].map((group) => group.label)).to.deep.equal(['Engelsk', 'Dansk']);
  });

  it('saves an internal note that is never sent as a message', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Hej' });
    const el = await openConversation('conversation-1');
    $<HTMLDetailsElement>(el, '[part=note-composer]').open = true;
    type($<HTMLTextAreaElement>(el, '#note'), 'Borgeren vil gerne ringes op i morgen.');
    $(el, '[part=note-composer] button[type=submit]').click();
    await waitUntil(() => inList(el, '[part=note]'), 'the note is not shown');
    const note = (posts(fake, '/v1/chat/conversations/conversation-1/notes') as { id: string; text: string }[]).at(0);
    expect(note?.text).to.equal('Borgeren vil gerne ringes op i morgen.');
    expect(note?.id).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    expect(posts(fake, '/v1/chat/conversations/conversation-1/messages')).to.have.length(0);
    expect($list(el, '[part=note]').textContent).to.contain('Intern note – ses ikke af borgeren');
    // The stream delivers the same note again: shown once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(list(el).querySelectorAll('[part=note]')).to.have.length(1);
    expect($<HTMLTextAreaElement>(el, '#note').value).to.equal('');
  });

  it('transfers only with a note, to a colleague shown with presence and load', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Hej' });
    const el = await openConversation('conversation-1');
    $(el, '#transfer-open').click();
    await waitUntil(() => root(el).querySelector<HTMLDialogElement>('#transfer-dialog')?.open);
    const target = $<HTMLSelectElement>(el, '#transfer-target');
    expect(target.textContent).to.contain('Mette, Team Jobsøgning – Ledig, 1 af 3 chats').and.to.contain('Jonas, Team Ydelser – Væk, 0 af 2 chats');
    target.value = 'caseworker-mette';
    target.dispatchEvent(new Event('change'));
    $(el, '#transfer-dialog button[type=submit]').click();
    await waitUntil(() => root(el).activeElement?.id === 'transfer-note');
    expect($(el, '#transfer-note').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#transfer-note-error').textContent).to.contain('Skriv en note til modtageren.');
    expect(posts(fake, '/v1/chat/conversations/conversation-1/transfer')).to.have.length(0);

    type($<HTMLTextAreaElement>(el, '#transfer-note'), 'Spørger om løntilskud.');
    const transferred = oneEvent(el, 'ju-chat-console-transferred');
    $(el, '#transfer-dialog button[type=submit]').click();
    expect((await transferred).detail).to.deep.equal({ conversationId: 'conversation-1' });
    expect(posts(fake, '/v1/chat/conversations/conversation-1/transfer')).to.deep.equal([{ to: { caseworkerId: 'caseworker-mette' }, note: 'Spørger om løntilskud.' }]);
    await waitUntil(() => root(el).querySelector('#no-conversation'));
    await waitUntil(() => announced(el).includes('Samtalen er overført til Mette'));
  });

  it('closes a conversation after confirming', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Hej' });
    const el = await openConversation('conversation-1');
    $(el, '#close-open').click();
    await waitUntil(() => root(el).querySelector<HTMLDialogElement>('#close-dialog')?.open);
    expect($(el, '#close-heading').textContent).to.contain('Afslut samtalen med Ahmed?');
    const closed = oneEvent(el, 'ju-chat-console-closed');
    $(el, '#close-confirm').click();
    expect((await closed).detail).to.deep.equal({ conversationId: 'conversation-1' });
    expect(posts(fake, '/v1/chat/conversations/conversation-1/close')).to.have.length(1);
    await waitUntil(() => root(el).querySelector('[part=read-only]'));
    expect(text(el)).to.contain('Samtalen er afsluttet. Borgeren kan ikke skrive mere.');
    expect(root(el).querySelector('#reply')).to.equal(null);
  });

  it('cancelling the close dialog changes nothing and returns focus', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Hej' });
    const el = await openConversation('conversation-1');
    $(el, '#close-open').click();
    await waitUntil(() => root(el).querySelector<HTMLDialogElement>('#close-dialog')?.open);
    $<HTMLDialogElement>(el, '#close-dialog').close();
    await waitUntil(() => root(el).activeElement?.id === 'close-open');
    expect(posts(fake, '/v1/chat/conversations/conversation-1/close')).to.have.length(0);
  });

  it('shows left messages read-only with their text', async () => {
    fake.leftMessage({ firstName: 'Sara', text: 'Ring mig op efter kl. 12.' });
    const el = await mount();
    $(el, '#tab-messages').click();
    await waitUntil(() => root(el).querySelector('#open-conversation-1'));
    expect($(el, '#open-conversation-1').textContent).to.contain('Ring mig op efter kl. 12.');
    $(el, '#open-conversation-1').click();
    await waitUntil(() => inList(el, '[part=log]')?.textContent.includes('Ring mig op efter kl. 12.'));
    expect(root(el).querySelector('#reply')).to.equal(null);
    expect(text(el)).to.contain('Svar ad jobcentrets sædvanlige veje');
  });

  it('can be used by keyboard: queue → claim → write → send', async () => {
    fake.queued({ firstName: 'Ahmed', text: 'Hej' });
    const el = await mount();
    $(el, '#tab-queue').focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('claim-conversation-1');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'reply', 'focus did not move to the reply');
    await sendKeys({ type: 'Hej Ahmed' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => posts(fake, '/v1/chat/conversations/conversation-1/messages').length === 1);
    expect((posts(fake, '/v1/chat/conversations/conversation-1/messages')[0] as { text: string }).text).to.equal('Hej Ahmed');
    // Arrow keys move between the lists.
    $(el, '#tab-mine').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => root(el).activeElement?.id === 'tab-messages');
    expect(el.view).to.equal('messages');
  });

  it('says when the lists cannot load, and loads them on "Prøv igen"', async () => {
    fake.queued({ firstName: 'Ahmed' });
    fake.fail('GET /v1/chat/console', { status: 403, code: 'forbidden' });
    const el = await fixture<JuChatConsole>(html`<ju-chat-console api=${CONSOLE_API} .token=${CASEWORKER_TOKEN}></ju-chat-console>`);
    await waitUntil(() => root(el).querySelector('[part=error]'), 'no error shown');
    expect($(el, '[part=error]').textContent).to.contain('Du har ikke adgang');
    $(el, '[part=error] button').click();
    await waitUntil(() => root(el).querySelector('[part=queue-item]'), 'the retry did not load the queue');
  });

  it('keeps the open conversation when the host hands over a renewed token', async () => {
    fake.active({ firstName: 'Ahmed', text: 'Hej' });
    const el = await openConversation('conversation-1');
    el.token = 'caseworker-lone-renewed';
    await el.updateComplete;
    await waitUntil(() => fake.requests.some((request) => request.path === '/v1/events' && request.headers.get('Authorization') === 'Bearer caseworker-lone-renewed'), 'the event stream did not use the new token');
    expect(root(el).querySelector('#conversation-heading')?.textContent).to.contain('Ahmed');
  });

  it('asks to sign in without a token, and says when the api is missing', async () => {
    const signedOut = await fixture<JuChatConsole>(html`<ju-chat-console api=${CONSOLE_API}></ju-chat-console>`);
    expect($(signedOut, '[part=signed-out]').textContent).to.contain('Log ind som medarbejder');
    const noApi = await fixture<JuChatConsole>(html`<ju-chat-console .token=${CASEWORKER_TOKEN}></ju-chat-console>`);
    expect(root(noApi).querySelector('[part=config-error]')).not.to.equal(null);
  });
});
