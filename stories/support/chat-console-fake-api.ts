// Puts fake chat servers (with the console's endpoints) in front of `fetch` for the console's stories. Each story
// render gets its own server and base URL, so stories never see each other's conversations or unsent messages.
import { FakeConsole } from '../../packages/live-chat/test/support/fake-console.js';

export { CASEWORKER_TOKEN } from '../../packages/live-chat/test/support/fake-console.js';

const servers = new Map<string, FakeConsole>();
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

/** A fresh fake console server and the `api` URL that reaches it; `prepare` seeds citizens and conversations. */
export function fakeConsoleApi(prepare: (server: FakeConsole) => void = () => undefined): string {
  routeFetchToFakes();
  const server = new FakeConsole();
  prepare(server);
  renders += 1;
  const base = `https://chat-console.fake.invalid/story-${String(renders)}/`;
  servers.set(base, server);
  return base;
}

/** A queue of three citizens (one anonymous), two own conversations (one unread) and a left message. */
export function busyDay(server: FakeConsole): void {
  server.queued({ firstName: 'Ahmed', language: 'ar', minutesAgo: 6, text: 'مرحبا، لدي سؤال عن خطة العمل.' });
  server.queued({ firstName: null, topicId: 'topic-benefits', minutesAgo: 2, text: 'Hvornår bliver dagpengene udbetalt?' });
  server.queued({ firstName: 'Sara', signedIn: true, topicId: 'topic-meeting', text: 'Kan jeg flytte mit møde?' });
  const { id } = server.active({ firstName: 'Mette', signedIn: true, text: 'Hej, jeg har fået et job fra 1. marts. Hvad skal jeg gøre?' }).conversation;
  server.caseworkerSays(id, 'Tillykke! Du skal melde dig ud på Jobnet den dag, du starter.');
  server.citizenSays(id, 'Skal jeg også sige det til a-kassen?');
  server.noteFrom(id, 'Borgeren starter som lagermedarbejder. Husk at lukke jobplanen.');
  server.active({ firstName: 'Jonas', topicId: 'topic-meeting', text: 'Tak for hjælpen.' });
  server.leftMessage({ firstName: 'Lise', text: 'Ring mig op efter kl. 12, tak. Det handler om min aktivering.' });
}
