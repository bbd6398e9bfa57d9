/**
 * Typesetting: text wrapped by real glyph widths into rows, rows broken into A4 pages, pages written as PDF
 * content streams. Rows are the unit of page breaking; a row marked `keepWithNext` (a heading, an item's title)
 * never ends a page, so a heading is never left alone at the bottom.
 */
import { textWidth, type FontId } from './font-metrics.js';
import { pdfString, type WinAnsiEncoder } from './win-ansi.js';

/** A4 in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 56.69; // 20 mm
/** Where the text area ends, above the page number. */
export const TEXT_BOTTOM = PAGE_HEIGHT - 62;
/** Where the page number's row goes: below the text area. */
export const FOOTER_TOP = PAGE_HEIGHT - 42;

/** An sRGB colour, each channel 0–1. */
export type Color = readonly [number, number, number];
export const BLACK: Color = [0, 0, 0];

export interface Run {
  text: string;
  font?: FontId;
}

/** Text on one line: segments already encoded to WinAnsi, drawn one after another from `x`. */
interface TextOp {
  x: number;
  /** Baseline, down from the row's top. */
  dy: number;
  size: number;
  color: Color;
  segments: { font: FontId; bytes: string }[];
}

/** A horizontal rule. */
interface RuleOp {
  x: number;
  to: number;
  dy: number;
  width: number;
  color: Color;
}

export interface Row {
  height: number;
  /** Space above the row; dropped at the top of a page. */
  before: number;
  keepWithNext: boolean;
  texts: TextOp[];
  rules: RuleOp[];
}

export interface TextStyle {
  size: number;
  /** Line height. */
  leading: number;
  font?: FontId;
  color?: Color;
  align?: 'left' | 'right' | 'center';
}

export const row = (height: number, before = 0, keepWithNext = false): Row => ({ height, before, keepWithNext, texts: [], rules: [] });

/** Measures and encodes text for one document; remembers the characters the fonts cannot show. */
export class Typesetter {
  constructor(private readonly encoder: WinAnsiEncoder) {}

  /**
   * `runs` as one paragraph wrapped into `width` points, one row per line. Runs of whitespace become one space;
   * lines break at spaces, and a word longer than the whole line (a long URL) is broken between characters.
   */
  paragraph(runs: Run[], x: number, width: number, style: TextStyle): Row[] {
    const { size, leading, color = BLACK, align = 'left' } = style;
    // Words as segments (a word may change font mid-way: "**Engelsk**: B2"), each knowing whether a space precedes it.
    const words: { space: boolean; segments: { font: FontId; bytes: string }[] }[] = [];
    let pendingSpace = false;
    for (const run of runs) {
      const font = run.font ?? style.font ?? 0;
      for (const [index, piece] of this.encoder.encode(run.text).split(/ +/).entries()) {
        if (index > 0) pendingSpace = true;
        if (!piece) continue;
        const last = words.at(-1);
        if (last && !pendingSpace && index === 0) last.segments.push({ font, bytes: piece });
        else words.push({ space: pendingSpace && words.length > 0, segments: [{ font, bytes: piece }] });
        pendingSpace = false;
      }
    }
    const widthOf = (segments: { font: FontId; bytes: string }[]): number => segments.reduce((sum, segment) => sum + textWidth(segment.bytes, segment.font, size), 0);
    const lines: { font: FontId; bytes: string }[][] = [];
    let line: { font: FontId; bytes: string }[] = [];
    let used = 0;
    const flush = (): void => {
      if (line.length) lines.push(line);
      line = [];
      used = 0;
    };
    const append = (segments: { font: FontId; bytes: string }[]): void => {
      for (const segment of segments) {
        const previous = line.at(-1);
        if (previous?.font === segment.font) previous.bytes += segment.bytes;
        else line.push({ ...segment });
      }
    };
    for (const word of words) {
      const firstFont = word.segments[0]?.font ?? 0;
      const space = line.length && word.space ? textWidth(' ', firstFont, size) : 0;
      const wordWidth = widthOf(word.segments);
      if (used + space + wordWidth <= width) {
        if (space) append([{ font: firstFont, bytes: ' ' }]);
        append(word.segments);
        used += space + wordWidth;
        continue;
      }
      flush();
      if (wordWidth <= width) {
        append(word.segments);
        used = wordWidth;
        continue;
      }
      for (const segment of word.segments) {
        for (const char of segment.bytes) {
          const charWidth = textWidth(char, segment.font, size);
          if (used + charWidth > width && line.length) flush();
          append([{ font: segment.font, bytes: char }]);
          used += charWidth;
        }
      }
    }
    flush();
    return lines.map((segments) => {
      const lineWidth = widthOf(segments);
      const left = align === 'right' ? x + width - lineWidth : align === 'center' ? x + (width - lineWidth) / 2 : x;
      const line = row(leading);
      // Centre the x-height band in the line box.
      line.texts.push({ x: left, dy: leading / 2 + size * 0.35, size, color, segments });
      return line;
    });
  }

  /** Plain text with line breaks: a paragraph per line, `gap` points between them. */
  text(text: string, x: number, width: number, style: TextStyle, gap = 0): Row[] {
    return text.split(/\r\n?|\n/).filter((line) => line.trim()).flatMap((line, index) => {
      const rows = this.paragraph([{ text: line }], x, width, style);
      if (rows[0] && index > 0) rows[0].before = gap;
      return rows;
    });
  }
}

/** A thin horizontal rule as a row of its own. */
export function ruleRow(x: number, to: number, height: number, color: Color, width = 0.75, before = 0): Row {
  const rule = row(height, before, true);
  rule.rules.push({ x, to, dy: height / 2, width, color });
  return rule;
}

/** Columns side by side: the n-th rows of each become one row (so a label starts level with its content). */
export function beside(...columns: Row[][]): Row[] {
  const rows: Row[] = [];
  for (let index = 0; index < Math.max(...columns.map((column) => column.length)); index += 1) {
    const parts = columns.flatMap((column) => column[index] ?? []);
    const merged = row(Math.max(...parts.map((part) => part.height)), Math.max(...parts.map((part) => part.before)), parts.some((part) => part.keepWithNext));
    for (const part of parts) {
      merged.texts.push(...part.texts);
      merged.rules.push(...part.rules);
    }
    rows.push(merged);
  }
  return rows;
}

/**
 * A label in a left column beside content rows: the label's lines are written first (so they read as one piece)
 * level with the first content row, and the content rows they reach down to are kept on the same page.
 */
export function labelled(label: Row[], content: Row[]): Row[] {
  if (!label.length) return content;
  const labelBlock = block(label);
  const rows = content.length ? [...content] : [row(0)];
  let covered = 0;
  for (let index = 0; covered < labelBlock.height; index += 1) {
    const current = rows[index] ?? row(labelBlock.height - covered);
    rows[index] = current;
    covered += (index > 0 ? current.before : 0) + current.height;
    if (covered < labelBlock.height) current.keepWithNext = true;
  }
  const [first] = rows;
  rows[0] = { ...first, texts: [...labelBlock.texts, ...first.texts], rules: [...labelBlock.rules, ...first.rules] };
  return rows;
}

/** Several rows as one that is never split (a table row, a bullet's first line with its bullet). */
export function block(rows: Row[], before = 0, keepWithNext = false): Row {
  const joinedRow = row(0, before, keepWithNext);
  for (const [index, part] of rows.entries()) {
    if (index > 0) joinedRow.height += part.before;
    const offset = joinedRow.height;
    joinedRow.texts.push(...part.texts.map((text) => ({ ...text, dy: text.dy + offset })));
    joinedRow.rules.push(...part.rules.map((rule) => ({ ...rule, dy: rule.dy + offset })));
    joinedRow.height += part.height;
  }
  return joinedRow;
}

/** A placed row: its top, down from the top of the page. */
export interface Placed {
  row: Row;
  top: number;
}

/**
 * Breaks rows into pages. A row that does not fit starts a new page; so does a row whose chain of
 * `keepWithNext` followers (plus the first row after them) does not fit, unless that chain is longer than a page.
 */
export function paginate(rows: Row[]): Placed[][] {
  const usable = TEXT_BOTTOM - MARGIN;
  const pages: Placed[][] = [[]];
  let y = MARGIN;
  for (const [index, current] of rows.entries()) {
    const atTop = y === MARGIN;
    let needed = (atTop ? 0 : current.before) + current.height;
    const own = needed;
    for (let next = index; rows[next]?.keepWithNext && next + 1 < rows.length; next += 1) {
      const follower = rows[next + 1];
      needed += follower.before + follower.height;
    }
    if (!atTop && (y + own > TEXT_BOTTOM || (y + needed > TEXT_BOTTOM && needed - own + current.height <= usable))) {
      pages.push([]);
      y = MARGIN;
    } else if (!atTop) {
      y += current.before;
    }
    pages.at(-1)?.push({ row: current, top: y });
    y += current.height;
  }
  return pages;
}

const number = (value: number): string => String(Math.round(value * 100) / 100);
const colorOperands = (color: Color): string => color.map(number).join(' ');

/** A page's content stream: the placed rows in reading order (rules first, then text). */
export function contentStream(placed: Placed[]): string {
  const out: string[] = [];
  let fill = '';
  for (const { row: current, top } of placed) {
    for (const rule of current.rules) {
      const y = number(PAGE_HEIGHT - top - rule.dy);
      out.push(`${colorOperands(rule.color)} RG ${number(rule.width)} w ${number(rule.x)} ${y} m ${number(rule.to)} ${y} l S`);
    }
    for (const text of current.texts) {
      const color = colorOperands(text.color);
      if (color !== fill) out.push(`${color} rg`);
      fill = color;
      const shows = text.segments.map((segment) => `/F${String(segment.font + 1)} ${number(text.size)} Tf ${pdfString(segment.bytes)} Tj`);
      out.push(`BT ${number(text.x)} ${number(PAGE_HEIGHT - top - text.dy)} Td ${shows.join(' ')} ET`);
    }
  }
  return out.join('\n');
}
