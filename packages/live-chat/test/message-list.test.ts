import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ChatMessage, ChatNote } from '@jobunivers/contract';
import { defineMessageList, MESSAGE_WINDOW, splitLinks, type JuChatMessageList } from '../src/message-list.js';
import type { OutgoingMessage } from '../src/transport/index.js';

defineMessageList();

const STAFF = { firstName: 'Mette', team: 'Team Jobsøgning' };
const t = (key: string, options: { count?: number; name?: string } = {}): string => `${key}${options.count === undefined ? '' : `:${String(options.count)}`}${options.name === undefined ? '' : ` ${options.name}`}`;

function messages(count: number, from = 1): ChatMessage[] {
  return Array.from({ length: count }, (_, index) => {
    const seq = from + index;
    const author = seq % 3 === 0 ? 'citizen' : 'caseworker';
    return { id: `message-${String(seq).padStart(6, '0')}`, seq, author, caseworker: author === 'caseworker' ? STAFF : null, text: `Besked nummer ${String(seq)}`, attachment: null, sentAt: new Date(Date.UTC(2026, 10, 27, 9, 0, seq)).toISOString() };
  });
}

async function renderList(items: ChatMessage[], outbox: OutgoingMessage[] = []): Promise<JuChatMessageList> {
  const el = await fixture<JuChatMessageList>(html`<ju-chat-message-list .messages=${items} .outbox=${outbox} .t=${t} label="Beskeder"></ju-chat-message-list>`);
  el.style.height = '300px';
  await el.updateComplete;
  return el;
}

function note(seq: number, text = `Note nummer ${String(seq)}`): ChatNote {
  return { id: `note-${String(seq).padStart(6, '0')}`, seq, author: { firstName: 'Jonas', team: 'Team Ydelser' }, text, createdAt: new Date(Date.UTC(2026, 10, 27, 9, 0, seq)).toISOString() };
}

/** Messages at the even sequence numbers 2, 4, … (notes take the odd ones). */
const evenMessages = (count: number): ChatMessage[] => messages(count).map((message, index) => ({ ...message, seq: 2 * (index + 1) }));

const items = (el: JuChatMessageList): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li')];
const log = (el: JuChatMessageList): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[role="log"]')!;

function countNodes(root: Node): number {
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) count += 1;
  return count;
}

describe('<ju-chat-message-list>', () => {
  it('is a named, focusable log of messages with author, time and state', async () => {
    const el = await renderList(messages(3));
    expect(log(el).getAttribute('aria-label')).to.equal('Beskeder');
    expect(log(el).tabIndex).to.equal(0);
    // Not a live region: the owner's announcer alone decides what is read out (new inbound messages, batched).
    expect(log(el).getAttribute('aria-live')).to.equal('off');
    const [first, , third] = items(el);
    expect(first.textContent).to.contain('list.caseworker');
    expect(first.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-27T09:00:01.000Z');
    expect(third.className).to.contain('own');
    expect(third.querySelector('.state')?.textContent).to.equal('list.sent');
    el.readThrough = 3;
    await el.updateComplete;
    expect(third.querySelector('.state')?.textContent).to.equal('list.read');
    await expect(el).to.be.accessible();
  });

  it('shows this device\'s unsent messages after the conversation with their state, and retry for failed ones', async () => {
    const outbox: OutgoingMessage[] = [
      { id: 'out-000001', text: 'Venter', attachment: null, writtenAt: new Date().toISOString(), state: 'queued' },
      { id: 'out-000002', text: 'Fejlede', attachment: null, writtenAt: new Date().toISOString(), state: 'failed', error: 'invalid-request' },
    ];
    const el = await renderList(messages(2), outbox);
    el.offline = true;
    await el.updateComplete;
    const rows = items(el);
    expect(rows).to.have.length(4);
    expect(rows[2].querySelector('.state')?.textContent).to.contain('list.waiting');
    let retried = '';
    el.addEventListener('ju-chat-retry', (event) => { retried = event.detail.messageId; });
    rows[3].querySelector<HTMLButtonElement>('button')!.click();
    expect(retried).to.equal('out-000002');
  });

  it('renders a window of the newest messages and grows it with "show earlier messages", keeping the reader\'s place', async () => {
    const el = await renderList(messages(250));
    expect(items(el)).to.have.length(MESSAGE_WINDOW);
    expect(items(el).at(-1)?.textContent).to.contain('Besked nummer 250');
    const earlier = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="earlier"]')!;
    expect(earlier.textContent).to.equal('list.earlier:100');
    earlier.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(2 * MESSAGE_WINDOW);
    expect(log(el).scrollTop).to.be.greaterThan(0);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="earlier"]')!.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(250);
    expect(el.shadowRoot!.querySelector('[part="earlier"]')).to.equal(null);
  });

  it('stays under 2,000 DOM nodes at 10,000 messages, and appending one touches one list item', async () => {
    const all = messages(10_000);
    const el = await renderList(all);
    expect(countNodes(el.shadowRoot!)).to.be.lessThan(2000);
    const before = items(el);
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => { changes.push(...records); });
    observer.observe(el.shadowRoot!.querySelector('ol')!, { childList: true });
    el.messages = [...all, ...messages(1, 10_001)];
    await el.updateComplete;
    changes.push(...observer.takeRecords());
    observer.disconnect();
    const added = changes.reduce((sum, record) => sum + record.addedNodes.length, 0);
    const removed = changes.reduce((sum, record) => sum + [...record.removedNodes].filter((node) => node instanceof HTMLLIElement).length, 0);
    expect(added).to.be.at.most(3); // the new <li> (and lit's marker comments)
    expect(removed).to.equal(1); // the oldest one leaves the window
    const after = items(el);
    expect(after[0]).to.equal(before[1]); // the same nodes, reused
    expect(after.at(-1)?.textContent).to.contain('Besked nummer 10001');
  });

  it('keeps the newest in view while the reader is at the bottom, and offers "jump to newest" when they scrolled up', async () => {
    const el = await renderList(messages(60));
    await waitUntil(() => log(el).scrollTop > 0, 'did not start at the newest message');
    el.messages = [...el.messages, ...messages(1, 61)];
    await el.updateComplete;
    const box = log(el);
    expect(box.scrollHeight - box.scrollTop - box.clientHeight).to.be.lessThan(24);
    box.scrollTop = 0;
    box.dispatchEvent(new Event('scroll'));
    el.messages = [...el.messages, ...messages(2, 62).map((message) => ({ ...message, author: 'caseworker' as const, caseworker: STAFF }))];
    await el.updateComplete;
    el.messages = [...el.messages, ...messages(1, 64).map((message) => ({ ...message, author: 'caseworker' as const, caseworker: STAFF }))];
    await el.updateComplete;
    const jump = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="jump"]')!;
    expect(jump.textContent).to.equal('list.jump:2');
    jump.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="jump"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(box);
  });

  it('tells its owner (not composed) when the reader scrolls back to the newest message', async () => {
    const el = await renderList(messages(60));
    await waitUntil(() => log(el).scrollTop > 0, 'did not start at the newest message');
    expect(el.atNewest).to.equal(true);
    let seen = 0;
    el.addEventListener('ju-chat-newest-seen', (event) => {
      expect(event.composed).to.equal(false);
      seen += 1;
    });
    const box = log(el);
    box.scrollTop = 0;
    box.dispatchEvent(new Event('scroll'));
    expect(el.atNewest).to.equal(false);
    expect(seen).to.equal(0);
    box.scrollTop = box.scrollHeight;
    box.dispatchEvent(new Event('scroll'));
    expect(el.atNewest).to.equal(true);
    expect(seen).to.equal(1);
  });
});

describe('<ju-chat-message-list> with internal notes', () => {
  async function renderWithNotes(side: 'citizen' | 'caseworker', items: ChatMessage[], notes: ChatNote[]): Promise<JuChatMessageList> {
    const el = await fixture<JuChatMessageList>(html`<ju-chat-message-list side=${side} .messages=${items} .notes=${notes} .t=${t} label="Samtale"></ju-chat-message-list>`);
    el.style.height = '300px';
    await el.updateComplete;
    return el;
  }

  it('shows notes to the caseworker among the messages in sequence order, labelled, with the author\'s first name', async () => {
    const el = await renderWithNotes('caseworker', evenMessages(3), [note(1, 'Har ringet før.'), note(5, 'Ring op i morgen.')]);
    const rows = items(el);
    expect(rows.map((row) => row.getAttribute('part'))).to.deep.equal(['note', 'message own', 'message own', 'note', 'message theirs']);
    const [first, , , fourth] = rows;
    expect(first.className).to.contain('note');
    expect(first.querySelector('.note-label')?.textContent).to.equal('list.note');
    expect(first.querySelector('.author')?.textContent).to.equal('Jonas');
    expect(first.querySelector('.text')?.textContent).to.equal('Har ringet før.');
    expect(fourth.textContent).to.contain('Ring op i morgen.').and.to.contain('list.note');
    expect(getComputedStyle(first).borderTopStyle).to.equal('dashed');
    await expect(el).to.be.accessible();
  });

  it('never renders notes on the citizen\'s side', async () => {
    const el = await renderWithNotes('citizen', evenMessages(3), [note(1, 'Hemmelig note'), note(3)]);
    expect(items(el)).to.have.length(3);
    expect(el.shadowRoot!.querySelector('[part="note"]')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Hemmelig note');
    expect(el.shadowRoot!.textContent).not.to.contain('list.note');
    expect(el.shadowRoot!.querySelector('[part="earlier"]')).to.equal(null);
  });

  it('counts notes in the window, and a new note touches one list item', async () => {
    const notes = Array.from({ length: 30 }, (_, index) => note(2 * index + 1)); // seq 1, 3, …, 59
    const el = await renderWithNotes('caseworker', evenMessages(90), notes); // seq 2, 4, …, 180
    expect(items(el)).to.have.length(MESSAGE_WINDOW);
    expect(el.shadowRoot!.querySelector('[part="earlier"]')?.textContent).to.equal('list.earlier:20');
    // The newest 100 of 120: seq 1–20 are left out, so the window starts at seq 21 (a note).
    const first = items(el)[0];
    expect(first.getAttribute('part')).to.equal('note');
    expect(first.textContent).to.contain('Note nummer 21');
    const before = items(el);
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => { changes.push(...records); });
    observer.observe(el.shadowRoot!.querySelector('ol')!, { childList: true });
    el.notes = [...notes, note(181, 'Den nyeste note')];
    await el.updateComplete;
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(changes.reduce((sum, record) => sum + [...record.removedNodes].filter((node) => node instanceof HTMLLIElement).length, 0)).to.equal(1);
    expect(changes.reduce((sum, record) => sum + [...record.addedNodes].filter((node) => node instanceof HTMLLIElement).length, 0)).to.equal(1);
    const after = items(el);
    expect(after[0]).to.equal(before[1]);
    expect(after.at(-1)?.textContent).to.contain('Den nyeste note');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="earlier"]')!.click();
    await el.updateComplete;
    expect(items(el)).to.have.length(121);
    expect(items(el)[0].textContent).to.contain('Note nummer 1');
  });
});

describe('splitLinks', () => {
  it('makes only http(s) addresses into links and keeps trailing punctuation as text', () => {
    expect(splitLinks('Se https://jobnet.dk/job?id=1, og http://a.dk.')).to.deep.equal([
      { kind: 'text', text: 'Se ' },
      { kind: 'link', text: 'https://jobnet.dk/job?id=1', href: 'https://jobnet.dk/job?id=1' },
      { kind: 'text', text: ', og ' },
      { kind: 'link', text: 'http://a.dk', href: 'http://a.dk/' },
      { kind: 'text', text: '.' },
    ]);
    expect(splitLinks('javascript:alert(1) data:text/html,x ftp://x.dk')).to.deep.equal([{ kind: 'text', text: 'javascript:alert(1) data:text/html,x ftp://x.dk' }]);
    expect(splitLinks('https://user:pw@evil.dk')).to.deep.equal([{ kind: 'text', text: 'https://user:pw@evil.dk' }]);
  });
});
