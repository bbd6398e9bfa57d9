import type { ReactiveControllerHost } from 'lit';
import { EventStream } from '@jobunivers/core/event-stream';

/**
 * The caseworker's event stream, narrowed to `chat.console-changed`: `onChange` gets the conversation id that
 * changed, or `null` for "reload everything" (the queue as a whole, or a `reset`).
 */
export class ConsoleLive extends EventStream {
  constructor(host: ReactiveControllerHost, options: { url: () => URL | undefined; token: () => string | undefined; onChange: (conversationId: string | null) => void }) {
    super(host, {
      url: options.url,
      token: options.token,
      onEvent: (type, data) => {
        if (type === undefined) options.onChange(null);
        else if (type === 'chat.console-changed') {
          const id = (data as { conversationId?: unknown } | undefined)?.conversationId;
          options.onChange(typeof id === 'string' ? id : null);
        }
      },
    });
  }
}
