// Where the entry form's last keystrokes wait in localStorage as the page goes away (see form-rescue.ts). The shell
// needs only to know whether something waits there, and to delete it.
export const rescueKey = (storeName: string): string => `jobunivers-${storeName}:form`;

/** Whether a rescued draft waits (false where storage is refused). */
export function hasRescuedFormDraft(storeName: string): boolean {
  try {
    return localStorage.getItem(rescueKey(storeName)) !== null;
  } catch {
    return false;
  }
}

export function forgetRescuedFormDraft(storeName: string): void {
  try {
    localStorage.removeItem(rescueKey(storeName));
  } catch {
    // Nothing to forget where storage is refused.
  }
}
