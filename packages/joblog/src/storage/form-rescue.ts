// The last keystrokes in the entry form when the page goes away: Chromium may drop an IndexedDB write started on
// pagehide, so the form's draft is then also copied to localStorage (synchronously) and moved into IndexedDB on
// the next load. Only then, and only until it is there: localStorage is otherwise never used.
import type { FormDraft, JoblogStore } from './entry-store.js';
import { forgetRescuedFormDraft, rescueKey } from './rescue-key.js';

/** Copies `draft` to localStorage now; a full or refused storage is ignored (the IndexedDB write may still land). */
export function rescueFormDraft(storeName: string, draft: FormDraft): void {
  try {
    // The citizen's own words on their own device, for the moment between pagehide and the next load: without this
    // copy Chromium can lose the last keystrokes. settleFormDraft() deletes it then, reset() at logout.
    localStorage.setItem(rescueKey(storeName), JSON.stringify(draft));
  } catch {
    // Private mode or quota: nothing more can be done while the page goes away.
  }
}

/** A rescued draft, if there is one that can be read. */
function rescuedFormDraft(storeName: string): FormDraft | null {
  try {
    const value = JSON.parse(localStorage.getItem(rescueKey(storeName)) ?? 'null') as Partial<FormDraft> | null;
    const entry = value?.entry;
    if (typeof value?.savedAt !== 'string' || typeof entry?.id !== 'string' || typeof entry.title !== 'string') return null;
    return { entry, editing: value.editing === true, savedAt: value.savedAt };
  } catch {
    return null;
  }
}

/**
 * The draft to offer at load: the rescued one when it is newer than the store's (it is then written to the store),
 * else the store's. The rescued copy is deleted once that is settled.
 */
export async function settleFormDraft(store: JoblogStore, storeName: string, stored: FormDraft | null): Promise<FormDraft | null> {
  const rescued = rescuedFormDraft(storeName);
  let draft = stored;
  if (rescued !== null && (stored === null || rescued.savedAt >= stored.savedAt)) {
    await store.keepFormDraft(rescued);
    draft = rescued;
  }
  forgetRescuedFormDraft(storeName);
  return draft;
}
