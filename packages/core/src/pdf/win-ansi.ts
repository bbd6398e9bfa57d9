/**
 * Unicode → WinAnsiEncoding (Windows-1252 as PDF defines it), the encoding the standard fonts Helvetica and
 * Helvetica-Bold show. Text comes out as a "byte string": one char per byte, char codes 0–255.
 */

/** Windows-1252's 0x80–0x9F block: the Unicode code point of each byte (0 = not used). */
const HIGH_BLOCK = [
  0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178,
];
const FROM_UNICODE = new Map<number, number>(HIGH_BLOCK.flatMap((codePoint, index) => (codePoint ? [[codePoint, 0x80 + index] as const] : [])));

/** Invisible: soft hyphen, zero-width spaces and joiners, direction marks, variation selectors, byte-order mark. */
const invisible = (code: number): boolean =>
  code === 0xad || (code >= 0x200b && code <= 0x200f) || code === 0x2060 || (code >= 0xfe00 && code <= 0xfe0f) || code === 0xfeff;
/** Shown as a plain space / hyphen: the typographic variants a phone or word processor puts in. */
const SPACE_LIKE = /[\t\u2000-\u200a\u202f\u205f\u3000]/u;
const HYPHEN_LIKE = /[\u2010\u2011\u2212]/u;

export interface WinAnsiEncoder {
  /** The text as WinAnsi bytes; a character the fonts cannot show becomes `?` and is remembered. */
  encode(text: string): string;
  /** Every character that became `?`, once each, in the order first met. */
  readonly unsupported: Set<string>;
}

export function createWinAnsiEncoder(): WinAnsiEncoder {
  const unsupported = new Set<string>();
  const encode = (text: string): string => {
    let out = '';
    // NFC first, so "e" + combining acute (as macOS and some keyboards type it) becomes "é", which we can show.
    for (const char of text.normalize('NFC')) {
      const code = char.codePointAt(0) ?? 0;
      if (code >= 0x20 && code < 0x7f) out += char;
      else if (code >= 0xa0 && code <= 0xff && code !== 0xad) out += char;
      else if (FROM_UNICODE.has(code)) out += String.fromCharCode(FROM_UNICODE.get(code) ?? 0x3f);
      else if (SPACE_LIKE.test(char)) out += ' ';
      else if (HYPHEN_LIKE.test(char)) out += '-';
      // Control characters (including line breaks: the layout splits paragraphs before encoding) are dropped.
      else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || invisible(code)) continue;
      else {
        unsupported.add(char);
        out += '?';
      }
    }
    return out;
  };
  return { encode, unsupported };
}

/**
 * A PDF literal string holding `bytes`: `(`, `)` and `\` escaped, so user text can never end the string and
 * become PDF syntax; control bytes written as octal escapes (they cannot occur after `encode`, but cost nothing).
 */
export function pdfString(bytes: string): string {
  // eslint-disable-next-line no-control-regex -- control bytes are exactly what this escapes
  return `(${bytes.replace(/[()\\]/g, '\\$&').replace(/[\x00-\x1f]/g, (char) => `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`)})`;
}

/** A PDF text string for the document information (title): UTF-16BE with a byte-order mark, as hex, so any script fits. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}
