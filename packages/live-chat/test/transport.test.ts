import { expect, waitUntil } from '@open-wc/testing';
import { deleteLocalStore, openLocalStore, type LocalStore } from '@jobunivers/core/store';
import { ChatConnection, type ChatStreamEvent } from '../src/transport/index.js';

const API = new URL('https://api.example.dk/');

interface Posted {
  path: string;
  body: Record<string, unknown> | undefined;
}

/** A conversation endpoint that answers POSTs as told and keeps one stream the test writes to. */
class FakeConversation {
  readonly posted: Posted[] = [];
  readonly streams: { headers: Headers; controller: ReadableStreamDefaultController<Uint8Array> }[] = [];
  /** What the next message POSTs answer: a status, or 'network' (the request never arrives). */
  readonly answers: (number | 'network')[] = [];
  seq = 0;
  readonly #original = window.fetch.bind(window);

  install(): void {
    window.fetch = (input, init = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const path = url.pathname.replace('/v1/chat/conversations/c-1/', '');
      if (path === 'events') {
        return Promise.resolve(new Response(new ReadableStream<Uint8Array>({
          start: (controller) => { this.streams.push({ headers: new Headers(init.headers), controller }); },
        }), { headers: { 'Content-Type': 'text/event-stream' } }));
      }
      const body = typeof init.body === 'string' ? JSON.parse(init.body) as Record<string, unknown> : undefined;
      if (path === 'messages') {
        const answer = this.answers.shift() ?? 201;
        if (answer === 'network') return Promise.reject(new TypeError('Failed to fetch'));
        this.posted.push({ path, body });
        if (answer >= 400) {
          const code = answer === 409 ? 'conversation-closed' : 'internal';
          return Promise.resolve(Response.json({ code, status: answer }, { status: answer, headers: { 'Content-Type': 'application/problem+json' } }));
        }
        this.seq += 1;
        return Promise.resolve(Response.json({ ...body, seq: this.seq, author: 'citizen', caseworker: null, attachment: null, sentAt: new Date().toISOString() }, { status: 201 }));
      }
      this.posted.push({ path, body });
      return Promise.resolve(new Response(null, { status: 204 }));
    };
  }

  restore(): void {
    window.fetch = this.#original;
  }

  /** Echoes a stored message on the open stream, as the server does. */
  echo(id: string, seq: number, author = 'citizen'): void {
    const data = { id, seq, author, caseworker: null, text: 'x', attachment: null, sentAt: new Date().toISOString() };
    const envelope = { id: seq, type: 'chat.message', occurredAt: data.sentAt, data };
    this.streams.at(-1)?.controller.enqueue(new TextEncoder().encode(`id: ${String(seq)}\nevent: chat.message\ndata: ${JSON.stringify(envelope)}\n\n`));
  }

  messagePosts(): Posted[] {
    return this.posted.filter((post) => post.path === 'messages');
  }
}

describe('ChatConnection (@jobunivers/live-chat/transport)', () => {
  let server: FakeConversation;
  let store: LocalStore<unknown>;
  const connections: ChatConnection[] = [];

  beforeEach(async () => {
    server = new FakeConversation();
    server.install();
    store = await openLocalStore('chat-transport-test');
  });

  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.stop();
    server.restore();
    store.close();
    await deleteLocalStore('chat-transport-test');
  });

  function connect(events: ChatStreamEvent[] = [], afterSeq = 0): ChatConnection {
    const connection = new ChatConnection({
      api: API, conversationId: 'c-1', token: () => 'token-1', store, afterSeq,
      onEvent: (event) => { events.push(event); }, onReset: () => undefined, onChange: () => undefined,
    });
    connections.push(connection);
    connection.start();
    return connection;
  }

  it('keeps a message on the device before sending, resends it with the same id after a reload, and drops it when the stream echoes it', async () => {
    server.answers.push('network', 'network', 'network');
    const first = connect();
    const message = await first.send('Hej, jeg har et spørgsmål');
    expect((await store.keys()).length, 'stored before send() resolved').to.equal(1);
    first.stop(); // the tab is closed while offline

    const events: ChatStreamEvent[] = [];
    const second = connect(events);
    await waitUntil(() => server.messagePosts().length === 1, 'the reloaded page did not resend', { timeout: 5000 });
    expect(server.messagePosts()[0]?.body).to.deep.equal({ id: message.id, text: 'Hej, jeg har et spørgsmål' });
    await waitUntil(() => second.outbox[0]?.state === 'sent');

    await waitUntil(() => server.streams.length >= 2);
    server.echo(message.id, 1);
    await waitUntil(() => events.length === 1);
    expect(second.outbox).to.have.length(0);
    expect(await store.keys()).to.have.length(0);
  });

  it('sends in the order written, one at a time, even when the first needs retries', async () => {
    server.answers.push('network', 503);
    const connection = connect();
    const one = await connection.send('1');
    const two = await connection.send('2');
    const three = await connection.send('3');
    connection.wake();
    await waitUntil(() => connection.outbox.every((item) => item.state === 'sent'), 'not all sent', { timeout: 8000 });
    const ids = server.messagePosts().filter((post) => post.body !== undefined).map((post) => post.body?.id);
    // Retries of the first happen before the second is ever tried.
    expect(ids.filter((id) => id === one.id).length).to.be.greaterThan(0);
    expect([...new Set(ids)]).to.deep.equal([one.id, two.id, three.id]);
  });

  it('marks a message the server refuses for good as failed, then sends it again on retry', async () => {
    server.answers.push(409);
    const connection = connect();
    const message = await connection.send('Sidste besked');
    await waitUntil(() => connection.outbox[0]?.state === 'failed');
    expect(connection.outbox[0]?.error).to.equal('conversation-closed');
    connection.retry(message.id);
    await waitUntil(() => connection.outbox[0]?.state === 'sent');
    expect(server.messagePosts().map((post) => post.body?.id)).to.deep.equal([message.id, message.id]);
  });

  it('resumes the stream after the last sequence number and never hands on a replayed event twice', async () => {
    const events: ChatStreamEvent[] = [];
    connect(events, 4);
    await waitUntil(() => server.streams.length === 1);
    expect(server.streams[0]?.headers.get('Last-Event-ID')).to.equal('4');
    server.echo('m-aaaaaaa5', 5, 'caseworker');
    server.echo('m-aaaaaaa5', 5, 'caseworker');
    server.echo('m-aaaaaaa6', 6, 'caseworker');
    await waitUntil(() => events.length === 2);
    server.streams[0]?.controller.error(new TypeError('network'));
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => server.streams.length === 2, 'did not reconnect when back online', { timeout: 2000 });
    expect(server.streams[1]?.headers.get('Last-Event-ID')).to.equal('6');
  });

  it('tells the server about reading once things settle, and about typing at most every 3 seconds', async () => {
    const connection = connect();
    connection.markRead(3);
    connection.markRead(7);
    connection.typing();
    connection.typing();
    await waitUntil(() => server.posted.some((post) => post.path === 'read'));
    expect(server.posted.filter((post) => post.path === 'read').map((post) => post.body)).to.deep.equal([{ through: 7 }]);
    expect(server.posted.filter((post) => post.path === 'typing')).to.have.length(1);
  });
});
