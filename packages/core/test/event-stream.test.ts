import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { EventStream } from '../src/event-stream.js';

/** A fake `GET /v1/events`: each connection is a stream the test writes to or cuts. */
class FakeEvents {
  readonly connections: { headers: Headers; controller: ReadableStreamDefaultController<Uint8Array> }[] = [];
  status = 200;
  readonly #original = window.fetch.bind(window);

  install(): void {
    window.fetch = (_input, init = {}) => {
      if (this.status !== 200) return Promise.resolve(new Response('{}', { status: this.status, headers: { 'Content-Type': 'application/problem+json' } }));
      const headers = new Headers(init.headers);
      return Promise.resolve(new Response(new ReadableStream<Uint8Array>({ start: (controller) => { this.connections.push({ headers, controller }); } }), {
        headers: { 'Content-Type': 'text/event-stream' },
      }));
    };
  }

  restore(): void {
    window.fetch = this.#original;
  }

  send(id: number, type: string, data: unknown): void {
    this.connections.at(-1)?.controller.enqueue(new TextEncoder().encode(`id: ${String(id)}\nevent: ${type}\ndata: ${JSON.stringify({ type, data })}\n\n`));
  }

  /** The connection drops (server restart, network gone). */
  cut(): void {
    this.connections.at(-1)?.controller.error(new TypeError('network'));
  }
}

function host(): ReactiveControllerHost {
  return { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true) };
}

describe('EventStream (@jobunivers/core/event-stream)', () => {
  let events: FakeEvents;
  let stream: EventStream | undefined;

  beforeEach(() => {
    events = new FakeEvents();
    events.install();
  });

  afterEach(() => {
    stream?.hostDisconnected();
    events.restore();
  });

  function open(received: [string | undefined, unknown][]): EventStream {
    stream = new EventStream(host(), {
      url: () => new URL('https://api.example.dk/v1/events'),
      token: () => 'token-1',
      onEvent: (type, data) => { received.push([type, data]); },
    });
    stream.hostConnected();
    return stream;
  }

  it('sends the token as a header (never in the URL), delivers events, and resumes with Last-Event-ID after a cut', async () => {
    const received: [string | undefined, unknown][] = [];
    open(received);
    await waitUntil(() => events.connections.length === 1);
    expect(events.connections[0]?.headers.get('Authorization')).to.equal('Bearer token-1');
    events.send(7, 'booking.changed', { id: 'b-1' });
    await waitUntil(() => received.length === 1);
    expect(received[0]).to.deep.equal(['booking.changed', { id: 'b-1' }]);

    events.cut();
    window.dispatchEvent(new Event('online')); // back online: no need to wait out the pause
    await waitUntil(() => events.connections.length === 2, 'did not reconnect at once when back online', { timeout: 1500 });
    expect(events.connections[1]?.headers.get('Last-Event-ID')).to.equal('7');
  });

  it('reconnects at once when the page becomes visible or comes back from the back-forward cache', async () => {
    open([]);
    await waitUntil(() => events.connections.length === 1);
    events.cut();
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.dispatchEvent(new Event('pageshow'));
    await waitUntil(() => events.connections.length === 2, 'no reconnect on pageshow', { timeout: 1500 });
    events.cut();
    await new Promise((resolve) => setTimeout(resolve, 50));
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => events.connections.length === 3, 'no reconnect on visibilitychange', { timeout: 1500 });
  });

  it('says "reload everything" on reset, and stops for a 401 instead of retrying', async () => {
    const received: [string | undefined, unknown][] = [];
    const opened = open(received);
    await waitUntil(() => events.connections.length === 1);
    events.connections[0]?.controller.enqueue(new TextEncoder().encode('event: reset\ndata: {}\n\n'));
    await waitUntil(() => received.length === 1);
    expect(received[0]).to.deep.equal([undefined, undefined]);

    events.status = 401;
    events.cut();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => opened.state === 'off', 'kept retrying after 401', { timeout: 1500 });
    expect(events.connections).to.have.length(1);
  });
});
