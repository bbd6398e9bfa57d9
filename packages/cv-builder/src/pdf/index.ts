/**
 * The PDF export: our own small PDF writer, loaded only when the citizen exports (`import('./pdf/index.js')`).
 * Real, selectable text in the standard fonts Helvetica and Helvetica-Bold (WinAnsiEncoding: Danish, English and
 * most Latin text); characters outside it are printed as `?` and reported, so the caller can offer the print
 * stylesheet instead. Not a tagged PDF: the text is written in reading order, which is what extraction and
 * applicant-tracking systems use.
 */
import type { Cv } from '../model/cv.js';
import { buildDocument } from './document.js';
import { PDF_LABELS, type PdfLabelLanguage } from './labels.js';
import { FOOTER_TOP, MARGIN, PAGE_WIDTH, Typesetter, contentStream, paginate, createWinAnsiEncoder, writePdf } from '@jobunivers/core/pdf';
import { atsRows, europassRows } from './templates.js';

export type CvPdfTemplate = 'ats' | 'europass';

export interface CvPdfOptions {
  /** `ats`: one column for applicant-tracking systems; `europass`: labels in a left column, Europass look. */
  template: CvPdfTemplate;
  /** The language of the printed labels ("Erhvervserfaring" / "Work experience"), months and page numbers. */
  labels: PdfLabelLanguage;
  /** The document title viewers show; default "<name> – CV". */
  title?: string;
  /** When the PDF was made (`/CreationDate`); default now. The same CV and date give the same bytes. */
  date?: Date;
}

export interface CvPdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Characters the standard fonts cannot show (replaced by '?'); empty when everything fit. */
  unsupported: string[];
}

export async function renderCvPdf(cv: Cv, options: CvPdfOptions): Promise<CvPdfResult> {
  const labels = PDF_LABELS[options.labels];
  const encoder = createWinAnsiEncoder();
  const typesetter = new Typesetter(encoder);
  const europass = options.template === 'europass';
  const document = buildDocument(cv, labels, europass);
  const pages = paginate((europass ? europassRows : atsRows)(document, typesetter));
  const streams = pages.map((placed, index) => {
    const footer = typesetter.paragraph([{ text: labels.page(index + 1, pages.length) }], MARGIN, PAGE_WIDTH - 2 * MARGIN, {
      size: 8.5,
      leading: 12,
      color: [0.3, 0.3, 0.3],
      align: 'center',
    });
    return contentStream([...placed, ...footer.map((row) => ({ row, top: FOOTER_TOP }))]);
  });
  const bytes = await writePdf({
    title: options.title?.trim() || (document.name ? `${document.name} – CV` : 'CV'),
    lang: labels.lang,
    created: options.date ?? new Date(),
    pages: streams,
  });
  return { bytes, pages: pages.length, unsupported: [...encoder.unsupported] };
}
