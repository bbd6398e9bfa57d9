/**
 * Live chat, caseworker side ("the console", docs/contract.md "Live chat"): the console and presence, canned
 * replies, claiming (the database decides when two caseworkers claim at once), internal notes that never reach
 * the citizen, and `chat.console-changed` on the caseworker's own `GET /v1/events`.
 */
import type { ChatConsole, ChatMessage, ChatNote, Conversation } from '../../schemas/index.js';
import { check, fail, sleep, type RuleGroup } from '../context.js';
import {
  activeConversation, claim, cleanupChat, colleague, CONSOLE, conversationPath, eventWait, eventWith, liveConversation, makeAvailable, messageId, openChatStream, postMessage,
  putPresence, readConsole, readConversation, requireChat, requireLive,
} from '../chat.js';
import { describe, expectJson, expectProblem, expectSchema, isRecord, send, type Res } from '../http.js';
import { actor } from '../notifications.js';
import { EventStream } from '../sse.js';

export const chatConsole: RuleGroup = {
  name: 'chat-console',
  title: 'Live chat (the job centre\'s console)',
  cleanup: (suite, signal) => cleanupChat(suite, signal, 'chat-console'),
  rules: [
    {
      id: 'chat-console.citizen-forbidden',
      title: 'a citizen token on GET /v1/chat/console, PUT …/console/presence and GET /v1/chat/canned-replies → 403 forbidden',
      needs: ['citizen'],
      async run(ctx) {
        await requireChat(ctx);
        const citizen = actor(ctx.suite, 'citizen');
        for (const path of [CONSOLE, '/v1/chat/canned-replies']) {
          ctx.step(`GET ${path} as the citizen`);
          expectProblem(await send(ctx, 'GET', path, { as: citizen }), 403, 'forbidden');
        }
        expectProblem(await putPresence(ctx, citizen, 'available', 3), 403, 'forbidden');
      },
    },
    {
      id: 'chat-console.console',
      title: 'GET /v1/chat/console → 200 ChatConsole; PUT …/presence → 200 ChatConsole with the new presence and maxChats (put back at the end); GET /v1/chat/canned-replies → 200 CannedReplyList',
      needs: ['caseworker'],
      async run(ctx) {
        await requireChat(ctx);
        const caseworker = actor(ctx.suite, 'caseworker');
        await makeAvailable(ctx, caseworker);
        const away = expectJson(await putPresence(ctx, caseworker, 'away', 3), 200, 'ChatConsole') as ChatConsole;
        check(away.presence === 'away' && away.maxChats === 3, `PUT /v1/chat/console/presence {away, 3} answered presence ${away.presence}, maxChats ${String(away.maxChats)}`);
        const read = await readConsole(ctx, caseworker);
        check(read.presence === 'away' && read.maxChats === 3, `GET ${CONSOLE} after the PUT says presence ${read.presence}, maxChats ${String(read.maxChats)}`);
        await makeAvailable(ctx, caseworker);
        ctx.step('GET /v1/chat/canned-replies');
        expectJson(await send(ctx, 'GET', '/v1/chat/canned-replies', { as: caseworker }), 200, 'CannedReplyList');
      },
    },
    {
      id: 'chat-console.claim-race',
      title: 'two caseworkers claim one queued conversation at once → exactly one 200 (active, with the winner) and one 409 already-claimed',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await liveConversation(ctx);
        const id = live.conversation.id;
        const second = await colleague(ctx, id);
        ctx.step(`POST ${conversationPath(id, '/claim')} as ${live.caseworker.id} and ${second.id} at once`);
        const [mine, theirs] = await Promise.all([claim(ctx, live.caseworker, id), claim(ctx, second, id)]);
        const answers: [Res, string][] = [[mine, live.caseworker.firstName], [theirs, second.firstName]];
        const won = answers.filter(([res]) => res.status === 200);
        if (won.length !== 1) fail(`${String(won.length)} of the 2 concurrent claims succeeded (${describe(mine)}; ${describe(theirs)}); exactly one caseworker may get the conversation`);
        const lost = answers.find(([res]) => res.status !== 200);
        if (lost !== undefined) expectProblem(lost[0], 409, 'already-claimed');
        const [winner, winnerName] = won[0] ?? fail('no winner');
        const conversation = expectJson(winner, 200, 'Conversation') as Conversation;
        check(conversation.state === 'active' && conversation.caseworker?.firstName === winnerName, `the winning claim answered state ${conversation.state}, caseworker ${JSON.stringify(conversation.caseworker)}; expected active with ${winnerName}`);
        const read = await readConversation(ctx, live.token, id);
        check(read.caseworker?.firstName === winnerName, `the citizen sees caseworker ${JSON.stringify(read.caseworker)}, expected ${winnerName} (who won the claim)`);
      },
    },
    {
      id: 'chat-console.transfer',
      title: 'POST …/transfer to a colleague → 200, the colleague has it; its note reaches the colleague\'s stream as chat.note, never the citizen\'s; the colleague may write, the former caseworker no longer (403)',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await liveConversation(ctx);
        const id = live.conversation.id;
        const second = await colleague(ctx, id);
        ctx.step(`POST ${conversationPath(id, '/claim')} as ${live.caseworker.id}`);
        expectJson(await claim(ctx, live.caseworker, id), 200, 'Conversation');
        const note = `Conformance ${ctx.suite.runId}: over to you (internal)`;
        const path = conversationPath(id, '/transfer');
        ctx.step(`POST ${path} to ${second.id}`);
        const moved = expectJson(await send(ctx, 'POST', path, { as: live.caseworker, json: { to: { caseworkerId: second.id }, note } }), 200, 'Conversation') as Conversation;
        check(moved.state === 'active' && moved.caseworker?.firstName === second.firstName, `POST ${path} answered state ${moved.state}, caseworker ${JSON.stringify(moved.caseworker)}; expected active with ${second.firstName}`);
        const staffStream = await openChatStream(ctx, second, id, '0');
        const citizenStream = await openChatStream(ctx, live.token, id, '0');
        try {
          await staffStream.waitFor((event) => event.event === 'chat.note' && event.data.includes(note), eventWait(ctx), `the transfer note on ${second.id}'s stream`);
          const hello = { id: messageId(), text: `Conformance ${ctx.suite.runId}: hello from ${second.firstName}` };
          const written = expectJson(await postMessage(ctx, second, id, hello), 201, 'ChatMessage') as ChatMessage;
          check(written.author === 'caseworker' && written.caseworker?.firstName === second.firstName, `the colleague's message has author ${written.author}, caseworker ${JSON.stringify(written.caseworker)}`);
          await citizenStream.waitFor(eventWith('chat.message', hello.id), eventWait(ctx), 'the colleague\'s message on the citizen\'s stream');
          const leaked = citizenStream.events.filter((event) => event.event === 'chat.note' || event.data.includes(note));
          check(leaked.length === 0, `the citizen's stream carried the transfer note (${leaked.map((event) => `event: ${event.event}, id: ${event.id ?? '-'}`).join('; ')})`);
          const former = await postMessage(ctx, live.caseworker, id, { id: messageId(), text: 'Conformance: not mine any more' });
          if (former.status === 201) fail(`after the transfer the former caseworker ${live.caseworker.id} could still write in the conversation (→ 201); expected 403 forbidden`);
          expectProblem(former, 403, 'forbidden');
        } finally {
          staffStream.close();
          citizenStream.close();
        }
      },
    },
    {
      id: 'chat-console.notes-private',
      title: 'POST …/notes → 201; the note reaches the caseworker\'s conversation stream as chat.note, never the citizen\'s (not live, not replayed)',
      needs: ['caseworker'],
      async run(ctx) {
        const live = await activeConversation(ctx);
        const id = live.conversation.id;
        const citizenStream = await openChatStream(ctx, live.token, id, '0');
        const staffStream = await openChatStream(ctx, live.caseworker, id, '0');
        let replay: EventStream | undefined;
        try {
          const note = { id: messageId(), text: `Conformance ${ctx.suite.runId}: an internal note` };
          ctx.step(`POST ${conversationPath(id, '/notes')}`);
          const created = expectJson(await send(ctx, 'POST', conversationPath(id, '/notes'), { as: live.caseworker, json: note }), 201) as ChatNote;
          check(created.id === note.id && created.text === note.text, `POST ${conversationPath(id, '/notes')} answered id ${created.id}, text ${JSON.stringify(created.text)}`);
          const seen = await staffStream.waitFor(eventWith('chat.note', note.id), eventWait(ctx), 'the chat.note on the caseworker\'s stream');
          expectSchema(seen.json, 'ChatNoteEvent', 'the chat.note event');
          // A citizen message after the note: once it arrived, the note would have arrived before it.
          const after = { id: messageId(), text: `Conformance ${ctx.suite.runId}: after the note` };
          expectJson(await postMessage(ctx, live.token, id, after), 201, 'ChatMessage');
          await citizenStream.waitFor(eventWith('chat.message', after.id), eventWait(ctx), 'the citizen\'s message on the citizen\'s stream');
          replay = await openChatStream(ctx, live.token, id, '0');
          await replay.waitFor(eventWith('chat.message', after.id), eventWait(ctx), 'the citizen\'s message on a replayed citizen stream');
          for (const [what, stream] of [['live', citizenStream], ['replayed from Last-Event-ID: 0', replay]] as const) {
            const leaked = stream.events.filter((event) => event.event === 'chat.note' || event.data.includes(note.text));
            check(leaked.length === 0, `the citizen's stream (${what}) carried the internal note (${leaked.map((event) => `event: ${event.event}, id: ${event.id ?? '-'}`).join('; ')})`);
          }
        } finally {
          citizenStream.close();
          staffStream.close();
          replay?.close();
        }
      },
    },
    {
      id: 'chat-console.console-changed',
      title: 'a new queued conversation → chat.console-changed (ChatConsoleChangedEvent with its conversationId) on the caseworker\'s GET /v1/events',
      needs: ['caseworker'],
      async run(ctx) {
        const { caseworker } = await requireLive(ctx);
        ctx.step('GET /v1/events as the caseworker');
        const stream = await EventStream.open(ctx, caseworker);
        if (!stream.isEventStream) fail(`GET /v1/events as the caseworker: expected 200 text/event-stream, got ${stream.describe()}`);
        try {
          await sleep(200, ctx.signal);
          const live = await liveConversation(ctx);
          const id = live.conversation.id;
          ctx.step(`wait for chat.console-changed about ${id}`);
          const event = await stream.waitFor(
            (candidate) => candidate.event === 'chat.console-changed' && isRecord(candidate.json) && isRecord(candidate.json.data) && candidate.json.data.conversationId === id,
            eventWait(ctx),
            `chat.console-changed with conversationId ${id}`,
          );
          expectSchema(event.json, 'ChatConsoleChangedEvent', 'the chat.console-changed event');
        } finally {
          stream.close();
        }
      },
    },
  ],
};
