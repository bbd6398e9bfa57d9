// How the joblog compares, searches and sorts text typed by people: "Føtex, Vejle" and "føtex vejle" are the same
// shop, "Müller" and "Muller" the same name — but "Får" is not "Far": æ, ø and å are letters of their own in
// Danish, not a, o and a with marks.

const PROTECTED_RING = '\u0001';
const MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Text folded for matching: lower case, any run of spaces or punctuation one space, marks dropped (é → e, ü → u),
 * but æ, ø and å kept; ä and ö become æ and ø (the same letters in Swedish and German names), and aa becomes å
 * ("Aarhus" is "Århus", as Danish dictionaries sort it).
 */
export function foldForMatch(text: string): string {
  const protectedText = text.normalize('NFC').toLocaleLowerCase('da')
    .replace(/å/g, PROTECTED_RING)
    .replace(/ä/g, 'æ')
    .replace(/ö/g, 'ø');
  return protectedText.normalize('NFKD').replace(MARKS, '')
    .replaceAll(PROTECTED_RING, 'å')
    .replace(/aa/g, 'å')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

const DANISH_LETTERS = /[æøå]/;

/**
 * Text to search in: its folded form and, when it has æ, ø or å, the forms a keyboard without them gives
 * ("koebenhavn", "kobenhavn"), so a search folded with `foldForMatch` finds "København" either way.
 */
export function searchText(text: string): string {
  const folded = foldForMatch(text);
  if (!DANISH_LETTERS.test(folded)) return folded;
  const transliterated = folded.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
  const plain = folded.replace(/æ/g, 'a').replace(/ø/g, 'o').replace(/å/g, 'a');
  return `${folded}\n${transliterated}\n${plain}`;
}

/** The words of a search, folded: every one must occur in an entry's `searchText` for it to match. */
export function searchWords(query: string): string[] {
  return foldForMatch(query).split(' ').filter((word) => word !== '');
}

/**
 * A key that sorts with plain `<` the way Danish does: a–z, then æ, ø, å (aa as å), marks ignored, numbers by value
 * ("Lager 2" before "Lager 10"). Made once per entry, so sorting 10,000 entries needs no collator.
 */
export function sortKey(text: string): string {
  return foldForMatch(text)
    .replace(/æ/g, '{')
    .replace(/ø/g, '|')
    .replace(/å/g, '}')
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(12, '0'));
}
