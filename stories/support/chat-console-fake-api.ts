// Fake chat servers with the console's endpoints for the console's stories, one per story render (see
// fake-fetch-router.ts).
import { FakeConsole } from '../../packages/live-chat/test/support/fake-console.js';
import { mountFake } from './fake-fetch-router.js';

export { CASEWORKER_TOKEN } from '../../packages/live-chat/test/support/fake-console.js';

/** A fresh fake console server and the `api` URL that reaches it; `prepare` seeds citizens and conversations. */
export function fakeConsoleApi(prepare: (server: FakeConsole) => void = () => undefined): string {
  const server = new FakeConsole();
  prepare(server);
  return mountFake('chat-console.fake.invalid', server);
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
