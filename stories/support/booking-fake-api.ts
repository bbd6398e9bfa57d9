// Puts in-browser fake booking servers in front of `fetch` for stories. Each story render gets its own server
// and its own base URL, so stories (and the drafts the widget keeps per URL) never see each other.
import { FakeBookingServer, type FakeBookingServerOptions } from '../../packages/self-booking/test/support/fake-booking-server.js';

const servers = new Map<string, FakeBookingServer>();
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

/** A fresh fake server and the `api` URL that reaches it; `prepare` can seed bookings or failures. */
export function fakeBookingApi(options: FakeBookingServerOptions = {}, prepare: (server: FakeBookingServer) => void = () => undefined): string {
  routeFetchToFakes();
  const server = new FakeBookingServer(options);
  prepare(server);
  renders += 1;
  const base = `https://booking.fake.invalid/story-${String(renders)}/`;
  servers.set(base, server);
  return base;
}
