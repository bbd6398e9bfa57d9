// A Danish stemmer for the SQLite search index, written from the description of the Snowball Danish algorithm
// (snowballstem.org/algorithms/danish/stemmer.html), so SQLite finds "udfylder" ↔ "udfylde" ↔ "udfyldt" as
// PostgreSQL's `danish` configuration does. Input: one lower-case word.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'æ', 'å', 'ø']);
const S_ENDINGS = new Set(Array.from('abcdfghjklmnoprtvyzå'));

/** Step 1 suffixes, longest first so the first hit is the longest. */
const MAIN_SUFFIXES = [
  'erendes', 'erende', 'hedens', 'ethed', 'erede', 'heden', 'heder', 'endes', 'ernes', 'erens', 'erets',
  'ered', 'ende', 'erne', 'eren', 'erer', 'heds', 'enes', 'eres', 'eret', 'hed', 'ene', 'ere', 'ens', 'ers', 'ets',
  'en', 'er', 'es', 'et', 'e',
].sort((a, b) => b.length - a.length);
const CONSONANT_PAIRS = ['gd', 'dt', 'gt', 'kt'];
const OTHER_SUFFIXES = ['elig', 'løst', 'lig', 'els', 'ig'];

/** R1: after the first non-vowel that follows a vowel, with at least 3 letters before it. */
function regionOne(word: string): number {
  let index = 0;
  while (index < word.length && !VOWELS.has(word[index] ?? '')) index++;
  while (index < word.length && VOWELS.has(word[index] ?? '')) index++;
  if (index >= word.length) return word.length;
  const start = index + 1;
  return word.length < 3 ? word.length : Math.max(start, 3);
}

const inRegion = (word: string, suffix: string, r1: number): boolean => word.endsWith(suffix) && word.length - suffix.length >= r1;

function consonantPair(word: string, r1: number): string {
  return CONSONANT_PAIRS.some((pair) => inRegion(word, pair, r1)) ? word.slice(0, -1) : word;
}

export function danishStem(input: string): string {
  let word = input;
  const r1 = regionOne(word);
  // Step 1: the longest main suffix in R1; a final s only after a valid s-ending.
  const main = MAIN_SUFFIXES.find((suffix) => inRegion(word, suffix, r1));
  if (main !== undefined) word = word.slice(0, -main.length);
  else if (inRegion(word, 's', r1) && S_ENDINGS.has(word.at(-2) ?? '')) word = word.slice(0, -1);
  // Step 2: gd dt gt kt lose their last letter.
  word = consonantPair(word, r1);
  // Step 3: igst → ig; then ig lig elig els (and repeat step 2), løst → løs.
  if (word.endsWith('igst')) word = word.slice(0, -2);
  const other = OTHER_SUFFIXES.find((suffix) => inRegion(word, suffix, r1));
  if (other === 'løst') word = word.slice(0, -1);
  else if (other !== undefined) word = consonantPair(word.slice(0, -other.length), r1);
  // Step 4: undouble a final consonant in R1.
  const last = word.at(-1);
  if (last !== undefined && word.length - 1 >= r1 && !VOWELS.has(last) && word.at(-2) === last) word = word.slice(0, -1);
  return word;
}

/** Snowball's Danish stop words: they never match on their own. */
export const DANISH_STOP_WORDS: ReadonlySet<string> = new Set(`
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu
over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alt vil blev kunne ind når være dog noget
ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alle meget sit sine vor mod
disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan`.trim().split(/\s+/));

/** A short English list (PostgreSQL's `english` configuration drops these too). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(`
a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our she so
that the their them then there these they this to was we were what when where which who will with you your`.trim().split(/\s+/));
