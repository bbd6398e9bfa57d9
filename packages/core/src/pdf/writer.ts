/**
 * The PDF file itself (PDF 1.7): catalog, page tree, the two standard fonts, document information, one page
 * object and content stream per page, and the cross-reference table with the byte offset of every object.
 */
import { PAGE_HEIGHT, PAGE_WIDTH } from './layout.js';
import { pdfString, pdfTextString } from './win-ansi.js';

export interface PdfFile {
  /** Shown by viewers instead of the file name (`/DisplayDocTitle`). */
  title: string;
  /** BCP 47, e.g. `da-DK`. */
  lang: string;
  created: Date;
  /** One content stream per page, one char per byte. */
  pages: string[];
}

/** One char per byte (every char code is below 256). */
function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/** zlib-wrapped deflate (what /FlateDecode reads) by the browser's own CompressionStream; undefined where there is none. */
async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array | undefined> {
  if (typeof CompressionStream !== 'function') return undefined;
  const compressed = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}

/** `D:YYYYMMDDHHmmSSZ` in UTC. */
const pdfDate = (date: Date): string => `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** A file identifier from the content: the same CV exported twice gives the same bytes. */
function fileId(parts: string[]): string {
  let hex = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let hash = seed;
    for (const part of parts) {
      for (let index = 0; index < part.length; index += 1) hash = Math.imul(hash ^ part.charCodeAt(index), 0x01000193);
    }
    hex += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return `<${hex}>`;
}

export async function writePdf(file: PdfFile): Promise<Uint8Array> {
  const streams = await Promise.all(file.pages.map(async (content) => {
    const raw = bytesOf(content);
    const packed = await deflate(raw);
    return packed ? { data: packed, filter: ' /Filter /FlateDecode' } : { data: raw, filter: '' };
  }));
  const pageIds = file.pages.map((_, index) => 6 + index * 2);
  const objects: (string | [string, Uint8Array])[] = [
    `<< /Type /Catalog /Pages 2 0 R /Lang ${pdfString(file.lang)} /ViewerPreferences << /DisplayDocTitle true >> >>`,
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${String(id)} 0 R`).join(' ')}] /Count ${String(pageIds.length)}` +
      ` /MediaBox [0 0 ${String(PAGE_WIDTH)} ${String(PAGE_HEIGHT)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Title ${pdfTextString(file.title)} /Producer (Jobunivers) /CreationDate (${pdfDate(file.created)}) >>`,
  ];
  for (const [index, stream] of streams.entries()) {
    objects.push(`<< /Type /Page /Parent 2 0 R /Contents ${String(7 + index * 2)} 0 R >>`);
    objects.push([`<< /Length ${String(stream.data.length)}${stream.filter} >>\nstream\n`, stream.data]);
  }

  const chunks: Uint8Array[] = [];
  let length = 0;
  const write = (chunk: string | Uint8Array): void => {
    const bytes = typeof chunk === 'string' ? bytesOf(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };
  // The second line's bytes above 127 tell transfer tools the file is binary.
  write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(length);
    write(`${String(index + 1)} 0 obj\n`);
    if (typeof object === 'string') write(`${object}\nendobj\n`);
    else {
      write(object[0]);
      write(object[1]);
      write('\nendstream\nendobj\n');
    }
  }
  const xref = length;
  const id = fileId([file.title, pdfDate(file.created), ...file.pages]);
  write(
    `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}` +
      `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R /Info 5 0 R /ID [${id}${id}] >>\nstartxref\n${String(xref)}\n%%EOF\n`,
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
