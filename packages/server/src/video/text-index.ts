// Words of the search index, the same on both databases: tokens are runs of letters and digits; Danish text is
// stemmed (./danish-stemmer.ts) and English text lower-cased, stop words dropped. Search marks are computed here,
// not by the database, so SQLite and PostgreSQL highlight the same words.
import { danishStem, DANISH_STOP_WORDS, ENGLISH_STOP_WORDS } from './danish-stemmer.js';

export interface Token {
  word: string;
  from: number;
  to: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Runs of letters and digits with their UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) tokens.push({ word: match[0], from: match.index, to: match.index + match[0].length });
  return tokens;
}

/** A word as the index stores it for a text in `language`, or `undefined` for a stop word. */
export function indexTerm(word: string, language: string): string | undefined {
  const lower = word.toLocaleLowerCase(language === 'da' ? 'da' : 'en');
  if (language === 'da') return DANISH_STOP_WORDS.has(lower) ? undefined : danishStem(lower);
  if (language === 'en') return ENGLISH_STOP_WORDS.has(lower) ? undefined : lower;
  return lower;
}

/** The index terms of a text, space-separated (what the SQLite FTS table holds). */
export function indexTerms(text: string, language: string): string {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token.word, language);
    if (term !== undefined) terms.push(term);
  }
  return terms.join(' ');
}

export interface SearchTerms {
  /** The query's words (lower-case, no stop words): for PostgreSQL's own parsers. */
  words: string[];
  /** Every term a text may hold for a query word: its Danish stem and the word itself. */
  terms: string[];
}

/** At most this many words of a query count (the rest are ignored). */
const MAX_QUERY_WORDS = 20;

export function searchTerms(q: string): SearchTerms {
  const words: string[] = [];
  for (const { word } of tokenize(q)) {
    const lower = word.toLocaleLowerCase('da');
    if (DANISH_STOP_WORDS.has(lower) || ENGLISH_STOP_WORDS.has(lower) || words.includes(lower)) continue;
    words.push(lower);
    if (words.length === MAX_QUERY_WORDS) break;
  }
  const terms = new Set<string>();
  for (const word of words) {
    terms.add(danishStem(word));
    terms.add(word);
  }
  return { words, terms: [...terms] };
}

/** Ranges `[from, to)` of the words in `text` whose index term is one of `terms`. */
export function markTerms(text: string, language: string, terms: readonly string[]): [number, number][] {
  const wanted = new Set(terms);
  const marks: [number, number][] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token.word, language);
    if (term !== undefined && wanted.has(term)) marks.push([token.from, token.to]);
  }
  return marks;
}
