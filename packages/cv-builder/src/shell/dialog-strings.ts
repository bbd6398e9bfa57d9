import { addDanishStrings } from '../locales/register.js';
import dialogsDa from '../locales/dialogs.da.json';
import previewDa from '../locales/preview.da.json';

let added = false;

/**
 * The Danish strings of the parts that load on demand (dialogs, the preview pane, sync) travel with them, so the
 * first load stays small. English and Arabic load whole when needed. A host's own wording is never overwritten.
 */
export function addDialogStrings(): void {
  if (added) return;
  added = true;
  addDanishStrings(previewDa, dialogsDa);
}
