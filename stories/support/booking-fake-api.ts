// In-browser fake booking servers for stories, one per story render (see fake-fetch-router.ts).
import { FakeBookingServer, type FakeBookingServerOptions } from '../../packages/self-booking/test/support/fake-booking-server.js';
import { mountFake } from './fake-fetch-router.js';

/** A fresh fake server and the `api` URL that reaches it; `prepare` can seed bookings or failures. */
export function fakeBookingApi(options: FakeBookingServerOptions = {}, prepare: (server: FakeBookingServer) => void = () => undefined): string {
  const server = new FakeBookingServer(options);
  prepare(server);
  return mountFake('booking.fake.invalid', server);
}
