import { addDanishStrings } from '../locales/register.js';
import checksDa from '../locales/checks.da.json';
import problemsDa from '../locales/model-problems.da.json';

let added = false;

/**
 * The Danish messages for problems with fields and with imported files, and "Tjek mit CV"'s own, travel with the
 * checks and the import dialog, which load on demand. English and Arabic load whole when needed.
 */
export function addCheckStrings(): void {
  if (added) return;
  added = true;
  addDanishStrings(problemsDa, checksDa);
}
