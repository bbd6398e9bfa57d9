// Puts fake chat servers in front of `fetch` for the <ju-live-chat> stories. Each story render gets its own server
// and its own base URL, so stories (and the conversation the widget keeps per URL) never see each other.
import { FakeChatServer, type FakeChatServerOptions } from '../../packages/live-chat/test/support/fake-chat-server.js';

/** The signed-in citizen of the stories that start inside a conversation. */
export const STORY_CITIZEN_TOKEN = 'story-citizen';

const servers = new Map<string, FakeChatServer>();
let renders = 0;

function routeFetchToFakes(): void {
  if (servers.size > 0) return;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    for (const [base, server] of servers) if (url.startsWith(base)) return server.fetch(input, init);
    return realFetch(input, init);
  };
}

/** A fresh fake chat server and the `api` URL that reaches it; `prepare` can seed a conversation or failures. */
export function fakeChatApi(options: FakeChatServerOptions = {}, prepare: (server: FakeChatServer) => void = () => undefined): string {
  routeFetchToFakes();
  const server = new FakeChatServer(options);
  prepare(server);
  renders += 1;
  const base = `https://chat.fake.invalid/story-${String(renders)}/`;
  servers.set(base, server);
  return base;
}

/** The server behind a story's `api` URL. */
export function fakeChatServer(api: string): FakeChatServer | undefined {
  return servers.get(api);
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
