import dialogsDa from '../locales/dialogs.da.json';
import modelDa from '../locales/model.da.json';
import { flattenStrings } from '../views/view-strings.js';
import { addDanishStrings } from './lazy-strings.js';

/**
 * Adds the dialogs' Danish strings, and the model's (field problems, CSV, duplicates, insights), which only the
 * dialogs use: they come with the dialogs' code. The shell's own strings win where both have a key.
 */
export function addDialogStrings(): void {
  addDanishStrings('dialogs', { ...flattenStrings(modelDa), ...dialogsDa });
}
