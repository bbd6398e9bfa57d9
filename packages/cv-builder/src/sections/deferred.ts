// The section code nobody needs before the editor is on screen, in one chunk that loads right after the first
// render (`load-deferred.ts`): what the list buttons and drag handles do, the list of countries, and the lists of
// the sections fewest citizens fill in (volunteer work, references, own sections), with the Danish strings only
// they use (English and Arabic load whole anyway).
export { add, dragLeave, dragOver, dragStart, drop, remove, step, toggleHidden } from './list-tools.js';
export { countries } from './countries.js';
export { customList } from './custom.js';
export { referencesList } from './references.js';
export { volunteerList } from './volunteer.js';
export { default as danishStrings } from '../locales/sections-later.da.json';
