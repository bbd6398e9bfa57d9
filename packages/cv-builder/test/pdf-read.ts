// Reads a PDF back the way a viewer or an applicant-tracking system does: pdf.js's text extraction.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

// web-test-runner serves the repository root, so the worker module is reachable by its path.
GlobalWorkerOptions.workerSrc = '/node_modules/pdfjs-dist/build/pdf.worker.mjs';

export interface PdfTextItem {
  str: string;
  /** Left edge and baseline, in points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPageText {
  items: PdfTextItem[];
  /** The page's text in content order, line ends as spaces, runs of whitespace as one space. */
  text: string;
}

export interface ReadPdf {
  pages: PdfPageText[];
  /** All pages' text, joined like `text`. */
  text: string;
  info: Record<string, unknown>;
}

export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js transfers (detaches) the buffer it is given: give it a copy.
  const document = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ disableNormalization: true });
      const textItems = content.items.filter((item): item is TextItem => 'str' in item);
      pages.push({
        items: textItems.filter((item) => item.str.trim()).map((item) => ({
          str: item.str,
          x: Number(item.transform[4]),
          y: Number(item.transform[5]),
          width: item.width,
          fontSize: Math.hypot(Number(item.transform[0]), Number(item.transform[1])),
        })),
        text: squash(textItems.map((item) => `${item.str}${item.hasEOL ? '\n' : ''}`).join('')),
      });
    }
    const { info } = await document.getMetadata();
    return { pages, text: pages.map((page) => page.text).join(' '), info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}

/** The file as a string of bytes (one char per byte), for looking at its syntax. */
export const latin1 = (bytes: Uint8Array): string => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
