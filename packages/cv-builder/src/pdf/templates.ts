/**
 * The two templates, as rows for the paginator. Both write text in reading order, top to bottom (and label before
 * content), because extraction tools and screen readers read the content stream in that order.
 *
 * - `ats`: one column, plain bold headings, "Label: value" lines, no tables — what applicant-tracking systems parse.
 * - `europass`: labels and dates in a narrow left column, content on the right, a thin blue rule beside each
 *   heading, CEFR levels per skill as a small grid.
 */
import type { CvDocument, FieldEntry, ItemEntry, LevelTable } from './document.js';
import { MARGIN, PAGE_WIDTH, beside, block, labelled, ruleRow, type Color, type Row, type TextStyle, type Typesetter } from '@jobunivers/core/pdf';

/** #4D4D4D: 8.4:1 on white. */
const GREY: Color = [0.3, 0.3, 0.3];
/** #003399, the EU blue: 10.4:1 on white, so AA even for the 9 pt labels. */
const BLUE: Color = [0, 0.2, 0.6];

const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BODY: TextStyle = { size: 10, leading: 14 };
const BULLET_INDENT = 13;

/** Title, subtitle, paragraphs and bullets of an item, in a column at `x`. */
function itemRows(ts: Typesetter, item: ItemEntry, x: number, width: number, subtitle: string): Row[] {
  const rows = ts.paragraph([{ text: item.title, font: 1 }], x, width, { size: 10.5, leading: 15 });
  for (const title of rows) title.keepWithNext = true;
  rows.push(...ts.paragraph([{ text: subtitle }], x, width, { ...BODY, color: GREY }));
  for (const paragraph of item.paragraphs) {
    const lines = ts.text(paragraph, x, width, BODY, 3);
    if (lines[0]) lines[0].before = 3;
    rows.push(...lines);
  }
  for (const bullet of item.bullets) {
    const lines = ts.paragraph([{ text: bullet }], x + BULLET_INDENT, width - BULLET_INDENT, BODY);
    if (!lines.length) continue;
    const [first] = lines;
    first.before = 2;
    first.texts.unshift(...ts.paragraph([{ text: '•' }], x + 2, BULLET_INDENT, BODY).flatMap((line) => line.texts));
    rows.push(...lines);
  }
  return rows;
}

/** "Label: value" with a bold label; each line of the value after the first is a paragraph of its own. */
function fieldRows(ts: Typesetter, entry: FieldEntry, x: number, width: number): Row[] {
  const [first = '', ...rest] = entry.value.split(/\r\n?|\n/).filter((line) => line.trim());
  const label = entry.label.trim();
  const runs = label ? [{ text: first ? `${label}: ` : label, font: 1 as const }, { text: first }] : [{ text: first }];
  const more = ts.text(rest.join('\n'), x, width, BODY, 3);
  if (more[0]) more[0].before = 3;
  return [...ts.paragraph(runs, x, width, BODY), ...more];
}

export function atsRows(doc: CvDocument, ts: Typesetter): Row[] {
  const x = MARGIN;
  const rows: Row[] = [
    ...ts.paragraph([{ text: doc.name, font: 1 }], x, WIDTH, { size: 20, leading: 26 }),
    ...ts.paragraph([{ text: doc.headline }], x, WIDTH, { size: 12, leading: 17, color: GREY }),
  ];
  for (const [index, entry] of doc.contact.entries()) {
    const lines = fieldRows(ts, entry, x, WIDTH);
    if (lines[0] && index === 0) lines[0].before = 6;
    rows.push(...lines);
  }
  for (const section of doc.sections) {
    const heading = ts.paragraph([{ text: section.heading, font: 1 }], x, WIDTH, { size: 13, leading: 18 });
    for (const line of heading) line.keepWithNext = true;
    if (heading[0]) heading[0].before = 16;
    rows.push(...heading, ruleRow(x, x + WIDTH, 7, GREY, 0.5));
    for (const [index, entry] of section.entries.entries()) {
      if (entry.kind === 'table') continue; // ats writes per-skill levels as a line; buildDocument makes no table for it
      const lines = entry.kind === 'item' ? itemRows(ts, entry, x, WIDTH, [entry.subtitle, entry.when].filter(Boolean).join(' · ')) : fieldRows(ts, entry, x, WIDTH);
      if (lines[0] && index > 0) lines[0].before = entry.kind === 'item' ? 10 : 3;
      rows.push(...lines);
    }
  }
  return rows;
}

const LEFT_WIDTH = 122;
const RIGHT_X = MARGIN + LEFT_WIDTH + 14;
const RIGHT_WIDTH = PAGE_WIDTH - MARGIN - RIGHT_X;
const LABEL: TextStyle = { size: 9, leading: 14, color: BLUE, align: 'right' };

function levelGrid(ts: Typesetter, table: LevelTable): Row[] {
  const cellWidth = RIGHT_WIDTH / table.head.length;
  const cells = (texts: string[], style: TextStyle): Row => {
    const [merged] = beside(...texts.map((text, index) => [block(ts.paragraph([{ text }], RIGHT_X + index * cellWidth + 2, cellWidth - 4, { ...style, align: 'center' }))]));
    return merged;
  };
  const head = cells(table.head, { size: 8, leading: 10.5, font: 1, color: GREY });
  head.height += 4;
  head.keepWithNext = true;
  head.before = 6;
  head.rules.push({ x: RIGHT_X, to: RIGHT_X + RIGHT_WIDTH, dy: head.height - 1, width: 0.5, color: GREY });
  const rows = [head];
  for (const level of table.rows) {
    rows.push(...labelled(ts.paragraph([{ text: level.label }], MARGIN, LEFT_WIDTH, LABEL), [cells(level.cells, BODY)]));
  }
  const note = ts.paragraph([{ text: table.note }], RIGHT_X, RIGHT_WIDTH, { size: 7.5, leading: 10, color: GREY });
  if (note[0]) note[0].before = 3;
  return [...rows, ...note];
}

export function europassRows(doc: CvDocument, ts: Typesetter): Row[] {
  // The label's line height is its content's first line's, so the two share a baseline.
  const label = (text: string, content: Row[], style: TextStyle = LABEL): Row[] =>
    labelled(ts.paragraph([{ text }], MARGIN, LEFT_WIDTH, { ...style, leading: content[0]?.height ?? style.leading }), content);
  const rows: Row[] = [
    ...ts.paragraph([{ text: doc.name, font: 1 }], RIGHT_X, RIGHT_WIDTH, { size: 20, leading: 26, color: BLUE }),
    ...ts.paragraph([{ text: doc.headline }], RIGHT_X, RIGHT_WIDTH, { size: 12, leading: 17, color: GREY }),
  ];
  const field = (entry: FieldEntry, before: number): Row[] => {
    const lines = label(entry.label, fieldRows(ts, { ...entry, label: '' }, RIGHT_X, RIGHT_WIDTH));
    if (lines[0]) lines[0].before = before;
    return lines;
  };
  for (const [index, entry] of doc.contact.entries()) rows.push(...field(entry, index === 0 ? 8 : 1));
  for (const section of doc.sections) {
    const headingStyle: TextStyle = { ...LABEL, size: 10, leading: 16, font: 1 };
    const heading = label(section.heading, [ruleRow(RIGHT_X, RIGHT_X + RIGHT_WIDTH, 16, BLUE)], headingStyle);
    for (const line of heading) line.keepWithNext = true;
    if (heading[0]) heading[0].before = 18;
    rows.push(...heading);
    for (const [index, entry] of section.entries.entries()) {
      if (entry.kind === 'table') {
        rows.push(...levelGrid(ts, entry));
        continue;
      }
      if (entry.kind === 'field') {
        rows.push(...field(entry, index === 0 ? 2 : 4));
        continue;
      }
      const lines = label(entry.when, itemRows(ts, entry, RIGHT_X, RIGHT_WIDTH, entry.subtitle));
      if (lines[0]) lines[0].before = index === 0 ? 2 : 10;
      rows.push(...lines);
    }
  }
  return rows;
}
