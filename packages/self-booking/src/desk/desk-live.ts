import type { ReactiveControllerHost } from 'lit';
import { EventStream } from '@jobunivers/core/event-stream';
import type { DeskChange } from './types.js';

export interface LiveUpdatesOptions {
  /** The absolute URL of `GET /v1/events`, or `undefined` while no api is configured. */
  url: () => URL | undefined;
  token: () => string | undefined;
  /** A desk change arrived (`booking.desk-changed`), or `undefined` when everything should be reloaded (`reset`). */
  onChange: (change: DeskChange | undefined) => void;
}

const KINDS: readonly string[] = ['booking', 'help-request', 'receipt'];

/** The caseworker's event stream, narrowed to what the desk acts on: `booking.desk-changed` and `reset`. */
export class LiveUpdates extends EventStream {
  constructor(host: ReactiveControllerHost, options: LiveUpdatesOptions) {
    super(host, {
      url: options.url,
      token: options.token,
      onEvent: (type, data) => {
        if (type === undefined) {
          options.onChange(undefined);
          return;
        }
        if (type !== 'booking.desk-changed') return;
        const change = data as Partial<DeskChange> | undefined;
        options.onChange(change?.kind !== undefined && KINDS.includes(change.kind) ? { kind: change.kind, id: change.id ?? '' } : undefined);
      },
    });
  }
}
