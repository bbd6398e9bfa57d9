import { openLocalStore, type LocalStore } from '@jobunivers/core/store';

let opening: Promise<LocalStore<unknown>> | undefined;

/** The player's store on this device (IndexedDB, or memory where refused), shared by every player on the page. */
export function deviceStore(): Promise<LocalStore<unknown>> {
  opening ??= openLocalStore<unknown>('video-player');
  return opening;
}
