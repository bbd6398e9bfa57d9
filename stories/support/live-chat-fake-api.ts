// Fake chat servers for the <ju-live-chat> stories, one per story render (see fake-fetch-router.ts).
import { FakeChatServer, type FakeChatServerOptions } from '../../packages/live-chat/test/support/fake-chat-server.js';
import { mountFake, mountedFake } from './fake-fetch-router.js';

/** The signed-in citizen of the stories that start inside a conversation. */
export const STORY_CITIZEN_TOKEN = 'story-citizen';

/** A fresh fake chat server and the `api` URL that reaches it; `prepare` can seed a conversation or failures. */
export function fakeChatApi(options: FakeChatServerOptions = {}, prepare: (server: FakeChatServer) => void = () => undefined): string {
  const server = new FakeChatServer(options);
  prepare(server);
  return mountFake('chat.fake.invalid', server);
}

/** The server behind a story's `api` URL. */
export function fakeChatServer(api: string): FakeChatServer | undefined {
  const server = mountedFake(api);
  return server instanceof FakeChatServer ? server : undefined;
}

/** A signed-in citizen's conversation with Mette: a greeting, a question, an answer with a link. */
export function conversationWithMette(server: FakeChatServer): string {
  const entry = server.seedConversation({ citizenToken: STORY_CITIZEN_TOKEN, queuePosition: 2 });
  const { id } = entry.conversation;
  server.claim(id);
  server.addMessage(entry, { id: 'story-citizen-1', author: 'citizen', caseworker: null, text: 'Hej. Jeg har fået et job fra 1. marts. Hvad skal jeg gøre?', attachment: null });
  server.caseworkerSays(id, 'Tillykke med jobbet! Du skal melde dig ud på Jobnet den dag, du starter: https://job.jobnet.dk');
  server.caseworkerSays(id, 'Jeg har sendt dig vores folder om at starte i job.', { id: 'story-attachment', name: 'Start i job.pdf', type: 'application/pdf', size: 184_000 });
  return id;
}
