import dialogsDa from '../locales/dialogs.da.json';
import modelDialogsDa from '../locales/model-dialogs.da.json';
import { flattenStrings } from '../views/view-strings.js';
import { addDanishStrings } from './lazy-strings.js';

/**
 * Adds the dialogs' Danish strings, and the model's that only the dialogs use (field problems, CSV, duplicates,
 * insights): they come with the dialogs' code. The shell's own strings win where both have a key.
 */
export function addDialogStrings(): void {
  addDanishStrings('dialogs', { ...flattenStrings(modelDialogsDa), ...dialogsDa });
}
