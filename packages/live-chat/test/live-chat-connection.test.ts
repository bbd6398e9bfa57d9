import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { FakeChatServer } from './support/fake-chat-server.js';
import { $, $$, announced, freshServer, list, renderChat, startChat, stopServer, text, until, write } from './support/chat-helpers.js';

let server: FakeChatServer;
let online = true;

// The device's network state, as the browser reports it.
Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });

function goOffline(): void {
  online = false;
  window.dispatchEvent(new Event('offline'));
}

function goOnline(): void {
  online = true;
  window.dispatchEvent(new Event('online'));
}

beforeEach(async () => {
  online = true;
  server = await freshServer();
});

afterEach(async () => {
  online = true;
  await stopServer();
});

describe('<ju-live-chat>: a flaky connection', () => {
  it('says the citizen is offline, keeps what they write waiting, and sends it in order when they are back', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    await until(el, '.who');
    goOffline();
    server.fail(`POST /v1/chat/conversations/${id}/messages`, 'network', true);
    await until(el, '.link.offline');
    expect($(el, '.link.offline').textContent).to.contain('Du er offline. Dine beskeder venter her');
    await waitUntil(() => announced(el).includes('Du er offline'), 'going offline was not announced');
    await write(el, 'Først');
    await write(el, 'Så');
    await waitUntil(() => $$(list(el), '.pending').length === 2, 'the messages are not waiting');
    expect(text(list(el))).to.contain('Venter på forbindelse');
    server.failures.clear();
    goOnline();
    await waitUntil(() => (server.conversations.get(id)?.messages.filter((message) => message.author === 'citizen').length ?? 0) === 2, 'not sent when back online', { timeout: 6000 });
    expect(server.conversations.get(id)?.messages.filter((message) => message.author === 'citizen').map((message) => message.text)).to.deep.equal(['Først', 'Så']);
    await waitUntil(() => el.shadowRoot!.querySelector('.link') === null, 'still says offline');
  });

  it('says it is reconnecting when the stream drops, and shows what was missed once it is back', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    await until(el, '.who');
    await waitUntil(() => server.openStreams(id) === 1, 'no stream');
    server.dropStreams(id);
    await until(el, '.link');
    expect($(el, '.link').textContent).to.contain('Vi forbinder igen');
    server.caseworkerSays(id, 'Er du der stadig?');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => text(list(el)).includes('Er du der stadig?'), 'the missed message did not arrive', { timeout: 6000 });
    const lastEventIds = server.requests.filter((request) => request.path.endsWith('/events')).map((request) => request.headers.get('Last-Event-ID'));
    expect(lastEventIds.at(-1)).to.match(/^\d+$/);
  });

  it('announces typing once per burst, not on every signal', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    await until(el, '.who');
    await aTimeout(300);
    const region = el.shadowRoot!.querySelector('[data-ju-announcer="polite"]')!;
    const spoken: string[] = [];
    const observer = new MutationObserver(() => { spoken.push(region.textContent); });
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    server.caseworkerTyping(id);
    await aTimeout(300);
    server.caseworkerTyping(id);
    await aTimeout(300);
    server.caseworkerTyping(id);
    await aTimeout(300);
    observer.disconnect();
    expect(spoken.filter((line) => line.includes('Mette skriver'))).to.have.length(1);
    expect(list(el).shadowRoot.querySelector('.typing')?.textContent).to.equal('Mette skriver …');
  });

  it('"leave a message instead" leaves the queue and keeps what the citizen had written', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    const field = $<HTMLTextAreaElement>(el, '#composer-text');
    field.value = 'Jeg kan ikke vente';
    field.dispatchEvent(new Event('input'));
    $$<HTMLButtonElement>(el, '.queue button')[0].click();
    await until(el, '#field-message');
    expect(server.conversations.get(id)?.conversation.state).to.equal('closed');
    expect($<HTMLTextAreaElement>(el, '#field-message').value).to.equal('Jeg kan ikke vente');
    expect($$<HTMLInputElement>(el, 'input[name="topic"]')[0].checked).to.equal(true);
  });

  it('a conversation that no longer exists says so and offers a new one', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.conversations.delete(id);
    server.dropStreams(id);
    window.dispatchEvent(new Event('online'));
    await until(el, '.view-gone .view-heading', 'no "gone" view');
    expect(text(el)).to.contain('Samtalen findes ikke længere');
  });
});
