/**
 * `@jobunivers/core/pdf`: a small PDF writer for widgets that export documents (the CV, the joblog report).
 * Real, selectable text in the standard Helvetica fonts (WinAnsiEncoding: Danish, English and most Latin
 * text), wrapped by the fonts' glyph widths, broken into A4 pages, compressed with the browser's own
 * CompressionStream. A separate entry: widgets load it with `import()` only when the citizen exports.
 */
export { textWidth, type FontId } from './font-metrics.js';
export { createWinAnsiEncoder, pdfString, pdfTextString, type WinAnsiEncoder } from './win-ansi.js';
export {
  BLACK,
  FOOTER_TOP,
  MARGIN,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  TEXT_BOTTOM,
  Typesetter,
  beside,
  block,
  contentStream,
  labelled,
  paginate,
  row,
  ruleRow,
  type Color,
  type Placed,
  type Row,
  type Run,
  type TextStyle,
} from './layout.js';
export { writePdf, type PdfFile } from './writer.js';
