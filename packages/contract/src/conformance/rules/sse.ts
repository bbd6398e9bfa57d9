/** Live updates: `GET /v1/events` as Server-Sent Events, read with `fetch` and the bearer header. */
import { check, fail, precondition, sleep, type RuleContext, type RuleGroup } from '../context.js';
import { expectProblem, expectSchema, isRecord } from '../http.js';
import { actor, createNotification, type NotificationDoc } from '../notifications.js';
import { EventStream, type SseEvent } from '../sse.js';

const needs = ['citizen', 'caseworker'] as const;
/** How long the suite lets a new stream settle before it creates the event it waits for. */
const SETTLE_MS = 300;

async function openStream(ctx: RuleContext, who: 'citizen' | 'otherCitizen', lastEventId?: string): Promise<EventStream> {
  ctx.step(`GET /v1/events as the ${who === 'citizen' ? 'citizen' : 'other citizen'}${lastEventId === undefined ? '' : ` with Last-Event-ID: ${lastEventId}`}`);
  const stream = await EventStream.open(ctx, actor(ctx.suite, who), lastEventId === undefined ? {} : { lastEventId });
  if (!stream.isEventStream) fail(`expected 200 text/event-stream, got ${stream.describe()}`);
  await sleep(SETTLE_MS, ctx.signal);
  return stream;
}

function notificationId(event: SseEvent): string | undefined {
  const json = event.json;
  return isRecord(json) && isRecord(json.data) && typeof json.data.id === 'string' ? json.data.id : undefined;
}

function about(notification: NotificationDoc): (event: SseEvent) => boolean {
  return (event) => event.event === 'notification.created' && notificationId(event) === notification.id;
}

type EnvelopeSchema = 'NotificationCreatedEvent' | 'BookingChangedEvent' | 'BookingDeskChangedEvent' | 'ResetEvent';

/** The schema of an event replayed from the citizen's history: by its `event:` line (the stream carries every type). */
function schemaOf(event: SseEvent): EnvelopeSchema {
  if (event.event === 'booking.changed') return 'BookingChangedEvent';
  if (event.event === 'booking.desk-changed') return 'BookingDeskChangedEvent';
  if (event.event === 'reset') return 'ResetEvent';
  return 'NotificationCreatedEvent';
}

/** The envelope rules: an `id:` line of digits equal to the data's `id`, `event:` equal to its `type`, the schema. */
function expectEnvelope(event: SseEvent, schema: EnvelopeSchema): bigint {
  if (event.id === undefined) fail(`the ${event.event} event has no id: line`);
  if (!/^\d+$/.test(event.id)) fail(`the ${event.event} event's id ${JSON.stringify(event.id)} is not a sequence number`);
  if (event.json === undefined) fail(`the ${event.event} event's data is not JSON: ${event.data.slice(0, 80)}`);
  expectSchema(event.json, schema, `the ${event.event} event's data`);
  const envelope = event.json as { id: number; type: string };
  check(String(envelope.id) === event.id, `the event's id: line is ${event.id} but its data says id ${String(envelope.id)}`);
  check(envelope.type === event.event, `the event's event: line is ${event.event} but its data says type ${envelope.type}`);
  return BigInt(event.id);
}

async function createWhileWatching(ctx: RuleContext, stream: EventStream, label: string): Promise<[NotificationDoc, SseEvent]> {
  const created = await precondition('create a notification', () => createNotification(ctx, label));
  ctx.step(`wait for notification.created about ${created.id}`);
  const event = await stream.waitFor(about(created), Math.max(2000, ctx.timeoutMs / 3), `the notification.created event about ${created.id}`);
  return [created, event];
}

export const sse: RuleGroup = {
  name: 'sse',
  title: 'Live updates (Server-Sent Events)',
  rules: [
    {
      id: 'sse.requires-auth',
      title: 'GET /v1/events without a token → 401 unauthenticated',
      async run(ctx) {
        ctx.step('GET /v1/events without Authorization');
        const stream = await EventStream.open(ctx, undefined, { anonymous: true });
        stream.close();
        if (stream.isEventStream) fail('GET /v1/events without a token answered an event stream');
        const res = { method: 'GET', path: '/v1/events', status: stream.status, headers: stream.headers, text: stream.text, contentType: stream.contentType, body: parse(stream.text) };
        expectProblem(res, 401, 'unauthenticated', { wwwAuthenticate: 'none' });
      },
    },
    {
      id: 'sse.live-event',
      title: 'a notification created after connecting arrives as event: notification.created with an id: and the envelope {id, type, occurredAt, data}',
      needs: [...needs],
      async run(ctx) {
        const stream = await openStream(ctx, 'citizen');
        try {
          const [created, event] = await createWhileWatching(ctx, stream, 'live event');
          expectEnvelope(event, 'NotificationCreatedEvent');
          const data = (event.json as { data: NotificationDoc }).data;
          check(data.title === created.title && data.citizenId === created.citizenId, 'the event\'s data is not the created notification');
          const copies = stream.events.filter(about(created)).length;
          check(copies === 1, `the event arrived ${String(copies)} times`);
        } finally {
          stream.close();
        }
      },
    },
    {
      id: 'sse.isolation',
      title: 'another citizen\'s stream does not carry the citizen\'s events',
      needs: ['citizen', 'otherCitizen', 'caseworker'],
      async run(ctx) {
        const mine = await openStream(ctx, 'citizen');
        const theirs = await openStream(ctx, 'otherCitizen');
        try {
          const [created] = await createWhileWatching(ctx, mine, 'isolation (stream)');
          await sleep(500, ctx.signal);
          const leaked = theirs.events.filter((event) => notificationId(event) === created.id || event.data.includes(created.id));
          check(leaked.length === 0, `the other citizen's stream received the citizen's notification ${created.id}`);
        } finally {
          mine.close();
          theirs.close();
        }
      },
    },
    {
      id: 'sse.resume',
      title: 'reconnecting with Last-Event-ID gets exactly the events after it, in order and once, then live ones',
      needs: [...needs],
      async run(ctx) {
        const first = await openStream(ctx, 'citizen');
        let a: [NotificationDoc, SseEvent];
        let b: [NotificationDoc, SseEvent];
        try {
          a = await createWhileWatching(ctx, first, 'resume A');
          b = await createWhileWatching(ctx, first, 'resume B');
        } finally {
          first.close();
        }
        const lastId = expectEnvelope(a[1], 'NotificationCreatedEvent');
        expectEnvelope(b[1], 'NotificationCreatedEvent');
        // Two more while disconnected: the server must keep them for the reconnect.
        const c = await precondition('create a notification while disconnected', () => createNotification(ctx, 'resume C (while disconnected)'));
        const d = await precondition('create a notification while disconnected', () => createNotification(ctx, 'resume D (while disconnected)'));
        const second = await openStream(ctx, 'citizen', a[1].id);
        try {
          ctx.step('wait for the replay of B, C and D');
          await second.waitFor(about(d), Math.max(2000, ctx.timeoutMs / 3), `the replayed event about D (${d.id})`);
          const [e] = await createWhileWatching(ctx, second, 'resume E (live after the replay)');
          await sleep(300, ctx.signal);
          const events = second.events;
          const reset = events.find((event) => event.event === 'reset');
          check(reset === undefined, `the server sent event: reset for Last-Event-ID ${String(lastId)}, which is only seconds old`);
          let previous = lastId;
          for (const event of events) {
            if (event.id === undefined) fail(`an event ${event.event} after the reconnect has no id: line`);
            const id = expectEnvelope(event, schemaOf(event));
            check(id > lastId, `event ${String(id)} was sent after a reconnect with Last-Event-ID: ${String(lastId)} (only later events may come)`);
            check(id > previous, `event ${String(id)} came after event ${String(previous)}: not in order, or twice`);
            previous = id;
          }
          const order = [b[0], c, d, e].map((notification) => events.findIndex(about(notification)));
          const names = ['B', 'C', 'D', 'E'];
          order.forEach((index, position) => { check(index !== -1, `the event about ${names[position] ?? '?'} did not arrive after the reconnect`); });
          check(order.every((index, position) => position === 0 || index > (order[position - 1] ?? Infinity)), 'the events about B, C, D and E did not arrive in order');
          check(!events.some(about(a[0])), 'the event about A (the Last-Event-ID itself) was sent again');
        } finally {
          second.close();
        }
      },
    },
    {
      id: 'sse.stale-last-event-id',
      title: 'Last-Event-ID: 0 (older than anything kept) → either a replay in order or event: reset with its envelope, as the contract allows',
      needs: [...needs],
      async run(ctx) {
        await precondition('create a notification so the citizen has an event', () => createNotification(ctx, 'stale Last-Event-ID'));
        const stream = await openStream(ctx, 'citizen', '0');
        try {
          ctx.step('wait for the first event');
          const firstEvent = await stream.waitFor((event) => event.event !== 'message' || event.id !== undefined, Math.max(2000, ctx.timeoutMs / 3), 'a replayed event or event: reset');
          if (firstEvent.event === 'reset') {
            expectEnvelope(firstEvent, 'ResetEvent');
            ctx.note('the server answered event: reset');
            return;
          }
          await sleep(300, ctx.signal);
          let previous = 0n;
          for (const event of stream.events) {
            const id = expectEnvelope(event, schemaOf(event));
            check(id > previous, `replayed event ${String(id)} came after ${String(previous)}`);
            previous = id;
          }
          ctx.note(`the server replayed ${String(stream.events.length)} kept events`);
        } finally {
          stream.close();
        }
      },
    },
  ],
};

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
