export type HistoryKey = 'undo' | 'redo';

/**
 * Ctrl+Z (undo), Ctrl+Shift+Z and Ctrl+Y (redo); ⌘ instead of Ctrl on a Mac. Alt combinations are left alone
 * (AltGr on Danish keyboards types characters with Ctrl+Alt).
 */
export function historyKey(event: KeyboardEvent): HistoryKey | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return undefined;
}

/** The browser's own undo/redo of a text field (from its context menu or the Edit menu), as `beforeinput` says it. */
export function historyInput(event: InputEvent): HistoryKey | undefined {
  if (event.inputType === 'historyUndo') return 'undo';
  if (event.inputType === 'historyRedo') return 'redo';
  return undefined;
}
