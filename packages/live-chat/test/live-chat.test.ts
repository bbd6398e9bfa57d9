import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JuLiveChat } from '../src/index.js';
import type { FakeChatServer } from './support/fake-chat-server.js';
import { $, $$, API, announced, freshServer, list, openChat, renderChat, startChat, stopServer, text, until, write } from './support/chat-helpers.js';

let server: FakeChatServer;

beforeEach(async () => {
  server = await freshServer();
});

afterEach(async () => {
  await stopServer();
});

describe('<ju-live-chat>: the launcher', () => {
  it('is a named button that loads nothing but itself until it is opened', async () => {
    const el = await renderChat();
    const button = $(el, 'button[part~="launcher"]');
    expect(button.textContent).to.contain('Skriv med os');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await aTimeout(50);
    expect(server.requests).to.have.length(0);
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(customElements.get('ju-chat-message-list')).to.equal(undefined);
  });

  it('opens a labelled modal dialog, moves focus in, closes on Esc and gives focus back to the launcher', async () => {
    const el = await renderChat();
    const opened = oneEvent(el, 'ju-chat-opened');
    $(el, 'button[part~="launcher"]').click();
    await opened;
    await until(el, 'dialog[open] .view-heading');
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('chat-title');
    expect($(el, '#chat-title').textContent).to.contain('Chat med jobcentret');
    await waitUntil(() => dialog.contains(el.shadowRoot!.activeElement), 'focus did not move into the dialog');
    expect(customElements.get('ju-chat-message-list')).to.not.equal(undefined);
    const closed = oneEvent(el, 'ju-chat-closed');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, 'button[part~="launcher"]'), 'focus did not return to the launcher');
    expect(dialog.open).to.equal(false);
  });

  it('renders the panel in place with mode="inline"', async () => {
    const el = await renderChat(html`<ju-live-chat api=${API} mode="inline"></ju-live-chat>`);
    await until(el, '.view-heading');
    expect(el.shadowRoot!.querySelector('button[part~="launcher"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect($(el, 'section[part~="panel"]').getAttribute('aria-labelledby')).to.equal('chat-title');
  });
});

describe('<ju-live-chat>: before the chat', () => {
  it('shows the opening hours in words and asks for topic and consent, with errors linked to their fields', async () => {
    const el = await renderChat();
    await openChat(el, 'input[name="topic"]');
    expect(text(el)).to.contain('mandag–torsdag 09.00–15.00');
    expect(text(el)).to.contain('fredag 09.00–13.00');
    $<HTMLButtonElement>(el, '.start-form button[type="submit"]').click();
    const summary = await until(el, '.error-summary');
    await waitUntil(() => el.shadowRoot!.activeElement === summary, 'focus did not move to the error summary');
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#field-topic', '#field-consent']);
    expect($(el, '#field-consent').getAttribute('aria-describedby')).to.contain('field-consent-error');
    expect($(el, '#field-consent').getAttribute('aria-invalid')).to.equal('true');
    links[1].click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('field-consent');
    expect(server.requests.filter((request) => request.method === 'POST')).to.have.length(0);
  });

  it('links the consent to the job centre\'s page and starts an anonymous chat with consent', async () => {
    const el = await renderChat();
    await openChat(el, 'input[name="topic"]');
    const link = $<HTMLAnchorElement>(el, '.consent a');
    expect(link.href).to.equal(server.status.consentUrl);
    expect(link.rel).to.equal('noopener noreferrer');
    await startChat(el);
    const create = server.requests.find((request) => request.method === 'POST' && request.path === '/v1/chat/conversations');
    expect(create?.body).to.include({ topicId: 'topic-job', mode: 'live', consent: true });
    expect(create?.headers.get('Idempotency-Key')).to.be.a('string');
  });

  it('skips consent and name when the host handed over a citizen token', async () => {
    const el = await renderChat(html`<ju-live-chat api=${API} .token=${'citizen-anna'}></ju-live-chat>`);
    await openChat(el, 'input[name="topic"]');
    expect(el.shadowRoot!.querySelector('#field-consent')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#field-first-name')).to.equal(null);
    $<HTMLInputElement>(el, 'input[name="topic"]').click();
    $<HTMLButtonElement>(el, '.start-form button[type="submit"]').click();
    await until(el, 'ju-chat-message-list');
    const create = server.requests.find((request) => request.method === 'POST' && request.path === '/v1/chat/conversations');
    expect(create?.body).to.not.have.property('consent');
    expect(create?.headers.get('Authorization')).to.equal('Bearer citizen-anna');
  });

  it('preselects the topic given in `topic`', async () => {
    const el = await renderChat(html`<ju-live-chat api=${API} topic="topic-meeting"></ju-live-chat>`);
    await openChat(el, 'input[name="topic"]');
    expect($$<HTMLInputElement>(el, 'input[name="topic"]').map((radio) => radio.checked)).to.deep.equal([false, false, true]);
  });

  it('outside opening hours offers "leave a message" and gives a receipt with id and time', async () => {
    server.status.availability = 'closed';
    server.status.nextOpening = '2026-12-01T08:00:00Z';
    const el = await renderChat();
    await openChat(el, '#field-message');
    expect(text(el)).to.contain('Chatten er lukket lige nu. Vi åbner igen');
    $<HTMLInputElement>(el, 'input[name="topic"]').click();
    $<HTMLInputElement>(el, '#field-consent').click();
    $<HTMLButtonElement>(el, '.start-form button[type="submit"]').click();
    await until(el, '#field-message-error');
    const field = $<HTMLTextAreaElement>(el, '#field-message');
    field.value = 'Jeg har brug for hjælp til mit CV.';
    field.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '.start-form button[type="submit"]').click();
    await until(el, '.receipt');
    const conversation = [...server.conversations.values()][0];
    expect(conversation.conversation.state).to.equal('left-message');
    expect(conversation.messages[0].text).to.equal('Jeg har brug for hjælp til mit CV.');
    expect(text(el)).to.contain(conversation.conversation.id);
    expect($(el, '.receipt time').getAttribute('datetime')).to.equal(conversation.conversation.createdAt);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.view-heading'));
  });
});

describe('<ju-live-chat>: waiting and chatting', () => {
  it('announces the place in the queue when it changes and offers "book a meeting instead"', async () => {
    const el = await renderChat();
    await startChat(el);
    expect($(el, '.queue h3').textContent).to.contain('Du er den næste i køen');
    const id = [...server.conversations.keys()][0];
    server.setQueuePosition(id, 3);
    await waitUntil(() => $(el, '.queue h3').textContent.includes('nummer 3'), 'the position did not update');
    await waitUntil(() => announced(el).includes('Du er nummer 3 i køen'), 'the position was not announced');
    const booking = oneEvent(el, 'ju-chat-request-booking');
    $$<HTMLButtonElement>(el, '.queue button')[1].click();
    expect((await booking).detail).to.deep.equal({ conversationId: id });
  });

  it('shows the caseworker by first name and team, and a message\'s states from sending to read', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    $<HTMLButtonElement>(el, '.queue button').focus();
    server.claim(id);
    await until(el, '.who');
    expect($(el, '.who').textContent).to.contain('Du skriver med Mette fra Team Jobsøgning');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'composer-text', 'focus did not move to the message field when Mette joined');
    await waitUntil(() => announced(el).includes('Du skriver med Mette'), 'her joining was not announced');
    const sent = oneEvent<CustomEvent<{ messageId: string }>>(el, 'ju-chat-message-sent');
    await write(el, 'Hej Mette');
    const { detail } = await sent;
    expect(server.conversations.get(id)?.messages.at(-1)?.id).to.equal(detail.messageId);
    await waitUntil(() => text(list(el)).includes('Sendt'), 'no "sent" state');
    server.caseworkerReads(id);
    await waitUntil(() => text(list(el)).includes('Læst'), 'no "read" state');
    expect($<HTMLTextAreaElement>(el, '#composer-text').value).to.equal('');
  });

  it('keeps a refused message with "try again", and sends it with the same id', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.fail(`POST /v1/chat/conversations/${id}/messages`, { status: 400, code: 'invalid-request' });
    await write(el, 'Første forsøg');
    await waitUntil(() => text(list(el)).includes('Ikke sendt'), 'no failed state');
    const retry = list(el).shadowRoot.querySelector<HTMLButtonElement>('.failed button')!;
    expect(retry.textContent).to.contain('Prøv igen');
    retry.click();
    await waitUntil(() => server.conversations.get(id)?.messages.some((message) => message.text === 'Første forsøg') === true, 'not sent on retry');
    const posts = server.requests.filter((request) => request.path.endsWith('/messages'));
    expect(new Set(posts.map((request) => (request.body as { id: string }).id)).size).to.equal(1);
  });

  it('Shift+Enter makes a new line instead of sending; an empty message is not sent', async () => {
    const el = await renderChat();
    await startChat(el);
    const field = $<HTMLTextAreaElement>(el, '#composer-text');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, composed: true, cancelable: true }));
    await write(el, '   ');
    expect($(el, '#composer-error').textContent).to.contain('Skriv en besked');
    expect(server.requests.filter((request) => request.path.endsWith('/messages'))).to.have.length(0);
  });

  it('announces new messages from the caseworker batched, with her name, and counts them on the badge while closed', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    await until(el, '.who');
    el.close();
    const unread = oneEvent<CustomEvent<{ count: number }>>(el, 'ju-chat-unread-changed');
    server.caseworkerSays(id, 'Hej, jeg hedder Mette.');
    server.caseworkerSays(id, 'Hvad kan jeg hjælpe med?');
    expect((await unread).detail.count).to.be.greaterThan(0);
    await waitUntil(() => announced(el).includes('2 nye beskeder fra Mette'), 'no batched announcement');
    expect(announced(el)).to.contain('Hej, jeg hedder Mette.');
    await waitUntil(() => $(el, '[part~="badge"]').textContent === '2', 'the badge does not say 2');
    expect($(el, 'button[part~="launcher"]').textContent).to.contain('2 nye beskeder');
    const cleared = oneEvent<CustomEvent<{ count: number }>>(el, 'ju-chat-unread-changed');
    await el.open();
    expect((await cleared).detail.count).to.equal(0);
    await waitUntil(() => server.requests.some((request) => request.path.endsWith('/read')), 'the read mark was not sent');
  });

  it('renders text as text and only http(s) addresses as links that open in a new window', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    server.caseworkerSays(id, '<img src=x onerror="window.hacked=1"> se https://jobnet.dk/cv. og javascript:alert(1)');
    await waitUntil(() => text(list(el)).includes('<img src=x'), 'the markup was not shown as text');
    const root = list(el).shadowRoot;
    expect(root.querySelector('.text img')).to.equal(null);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.text a')];
    expect(links.map((link) => link.href)).to.deep.equal(['https://jobnet.dk/cv']);
    expect(links[0].target).to.equal('_blank');
    expect(links[0].rel).to.equal('noopener noreferrer');
    expect(links[0].textContent).to.contain('åbner i et nyt vindue');
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('offers attachments as a download button, never loading an image by itself', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    server.files.set('attachment-x', { attachment: { id: 'attachment-x', name: 'kort.png', type: 'image/png', size: 2048 }, conversationId: id, blob: new Blob(['png'], { type: 'image/png' }) });
    server.caseworkerSays(id, 'Her er et kort', { id: 'attachment-x', name: 'kort.png', type: 'image/png', size: 2048 });
    await waitUntil(() => text(list(el)).includes('Hent kort.png'), 'no download button');
    expect(list(el).shadowRoot.querySelector('img')).to.equal(null);
    list(el).shadowRoot.querySelector<HTMLButtonElement>('.attachment button')!.click();
    await waitUntil(() => server.requests.some((request) => request.path.endsWith('/attachments/attachment-x')), 'not downloaded');
  });

  it('uploads an allowed file, then sends the message that refers to it', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    const input = $<HTMLInputElement>(el, '#composer-file');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4'], 'cv.pdf', { type: 'application/pdf' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await until(el, '.file');
    expect($(el, '.file').textContent).to.contain('cv.pdf');
    await write(el, 'Her er mit CV');
    await waitUntil(() => server.conversations.get(id)?.messages.some((message) => message.attachment?.name === 'cv.pdf') === true, 'no message with the file');
    const upload = server.requests.find((request) => request.path.endsWith('/attachments'));
    expect(upload?.headers.get('Content-Disposition')).to.equal("attachment; filename*=UTF-8''cv.pdf");
    expect(upload?.headers.get('Content-Type')).to.equal('application/pdf');
    await waitUntil(() => text(list(el)).includes('Hent cv.pdf'), 'the file is not shown');
  });

  it('refuses a file of the wrong type or size before uploading it', async () => {
    const el = await renderChat();
    await startChat(el);
    const input = $<HTMLInputElement>(el, '#composer-file');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'virus.exe', { type: 'application/x-msdownload' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await until(el, '#file-error');
    expect($(el, '#file-error').textContent).to.contain('Filen kan ikke sendes');
    await write(el, 'med fil');
    expect(server.requests.filter((request) => request.path.endsWith('/attachments'))).to.have.length(0);
  });
});

describe('<ju-live-chat>: after the chat', () => {
  it('ends, offers the transcript and takes a rating with a comment', async () => {
    const el = await renderChat();
    await startChat(el);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    await until(el, '.who');
    const ended = oneEvent(el, 'ju-chat-ended');
    $(el, '#end-ask').click();
    await until(el, '#end-yes');
    $(el, '#end-yes').click();
    expect((await ended).detail).to.deep.equal({ conversationId: id });
    await until(el, '.rating');
    $<HTMLButtonElement>(el, '.view-ended p .ju-button--secondary').click();
    await waitUntil(() => server.requests.some((request) => request.path.endsWith('/transcript')), 'no transcript request');
    expect(server.requests.find((request) => request.path.endsWith('/transcript'))?.headers.get('Authorization')).to.match(/^Bearer access-/);
    $<HTMLButtonElement>(el, '.rating button[type="submit"]').click();
    await until(el, '#rating-error');
    $<HTMLInputElement>(el, '#score-4').click();
    const comment = $<HTMLTextAreaElement>(el, '#rating-comment');
    comment.value = 'Hurtigt svar';
    comment.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '.rating button[type="submit"]').click();
    await until(el, '#rating-thanks');
    expect(server.conversations.get(id)?.rating).to.deep.equal({ score: 4, comment: 'Hurtigt svar' });
  });

  it('after a reload, resumes the conversation with its unsent draft', async () => {
    const first = await renderChat();
    await startChat(first);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    await write(first, 'Besked før genindlæsning');
    const field = $<HTMLTextAreaElement>(first, '#composer-text');
    field.value = 'Halvt skrevet';
    field.dispatchEvent(new Event('input'));
    await aTimeout(600);
    first.remove();
    const second = await fixture<JuLiveChat>(html`<ju-live-chat api=${API}></ju-live-chat>`);
    await second.open();
    await until(second, '#composer-text');
    await waitUntil(() => $<HTMLTextAreaElement>(second, '#composer-text').value === 'Halvt skrevet', 'the draft was not restored');
    await waitUntil(() => text(list(second)).includes('Besked før genindlæsning'), 'the conversation was not restored');
    expect(server.conversations.size).to.equal(1);
  });

  it('a signed-in citizen gets their conversation back from the server (on any device)', async () => {
    const { id } = server.seedConversation({ citizenToken: 'citizen-anna', state: 'active' }).conversation;
    server.caseworkerSays(id, 'Velkommen tilbage');
    const el = await renderChat(html`<ju-live-chat api=${API} .token=${'citizen-anna'}></ju-live-chat>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="badge"]')?.textContent === '1', 'no unread badge for the resumed conversation');
    await el.open();
    await until(el, '#composer-text');
    await waitUntil(() => text(list(el)).includes('Velkommen tilbage'), 'the conversation was not resumed');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'composer-text', 'focus did not go to the message field');
    expect(server.requests.some((request) => request.path === '/v1/chat/conversations/current')).to.equal(true);
    expect(el.shadowRoot!.querySelector('input[name="topic"]')).to.equal(null);
  });

  it('after a reload, waits for the host to hand the citizen token over again, keeping the draft', async () => {
    const first = await renderChat(html`<ju-live-chat api=${API} .token=${'citizen-anna'}></ju-live-chat>`);
    await startChat(first);
    const id = [...server.conversations.keys()][0];
    server.claim(id);
    const field = $<HTMLTextAreaElement>(first, '#composer-text');
    field.value = 'Skrevet før genindlæsning';
    field.dispatchEvent(new Event('input'));
    await aTimeout(600);
    first.remove();
    // The reloaded page renders the element before its own login has finished: no token yet.
    const second = await fixture<JuLiveChat>(html`<ju-live-chat api=${API}></ju-live-chat>`);
    await aTimeout(200);
    second.token = 'citizen-anna';
    await second.open();
    await until(second, '#composer-text');
    await waitUntil(() => $<HTMLTextAreaElement>(second, '#composer-text').value === 'Skrevet før genindlæsning', 'the draft was lost');
    expect(server.conversations.size).to.equal(1);
  });

  it('reset() forgets the conversation on this device and starts over', async () => {
    const el = await renderChat();
    await startChat(el);
    await el.reset();
    await until(el, 'input[name="topic"]');
    const again = await fixture<JuLiveChat>(html`<ju-live-chat api=${API}></ju-live-chat>`);
    await again.open();
    await until(again, 'input[name="topic"]');
  });
});
