// Whatever the citizen types comes out of the PDF exactly as typed: PDF syntax stays text, Danish and typographic
// characters survive, and characters the standard fonts cannot show are printed as "?" and reported.
import { expect } from '@open-wc/testing';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { renderCvPdf } from '../src/pdf/index.js';
import { createWinAnsiEncoder, pdfString } from '@jobunivers/core/pdf';
import { latin1, readPdf } from './pdf-read.js';

/** A CV whose custom section holds one item per line of `lines` (its title), one line each. */
function cvWithLines(lines: string[]): Cv {
  const cv = emptyCv();
  cv.custom = [{ ...newItem.customSection(), title: 'Noter', items: lines.map((title) => ({ ...newItem.customItem(), title })) }];
  return cv;
}

const INJECTIONS = [
  ') Tj ET BT /F2 99 Tf 50 50 Td (pwned',
  'a) Tj ET q 1 0 0 RG 20 w 0 0 m 595 842 l S Q BT (b',
  '\\) Tj ET \\',
  '\\\\) Tj (',
  '((( nested ))) and unbalanced ((',
  'endstream endobj 99 0 obj << /Type /Catalog >> endobj',
  'xref 0 1 trailer << /Root 99 0 R >> startxref 0 %%EOF',
  '<FEFF0041> /JavaScript (app.alert(1)) /OpenAction',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '\\n \\r \\t \\b \\f \\053 \\0',
];

describe('PDF text safety', () => {
  for (const template of ['ats', 'europass'] as const) {
    it(`prints PDF syntax typed by the citizen as the same text, and nothing else (${template})`, async () => {
      const result = await renderCvPdf(cvWithLines(INJECTIONS), { template, labels: 'da' });
      const pdf = await readPdf(result.bytes);
      expect(result.pages).to.equal(1);
      expect(result.unsupported).to.deep.equal([]);
      const lines = pdf.pages[0]?.items.map((item) => item.str) ?? [];
      expect(lines).to.deep.equal(['Noter', ...INJECTIONS, 'Side 1 af 1']);
      // The payloads tried a 99 pt font, a red rule across the page, new objects and an OpenAction: none exist.
      expect(Math.max(...(pdf.pages[0]?.items.map((item) => item.fontSize) ?? []))).to.be.below(14);
      const file = latin1(result.bytes);
      expect(file.match(/\d+ 0 obj/g)).to.have.length(7);
      expect(file).not.to.include('/OpenAction');
      expect(file).not.to.include('/JavaScript');
    });
  }

  it('escapes exactly the three characters that could end a PDF string', () => {
    expect(pdfString('a(b)c\\d')).to.equal('(a\\(b\\)c\\\\d)');
    expect(pdfString(') Tj ET')).to.equal('(\\) Tj ET)');
    expect(pdfString('\n\r')).to.equal('(\\012\\015)');
  });

  it('keeps Danish letters and the typographic characters WinAnsi has', async () => {
    const text = 'Æble Øl Åen æøå é ü ß ñ ç – — “citat” ‘enkelt’ • … € ™ ‰ Œ š Ÿ ƒ ½ ° © « »';
    const result = await renderCvPdf(cvWithLines([text]), { template: 'ats', labels: 'da' });
    expect(result.unsupported).to.deep.equal([]);
    expect((await readPdf(result.bytes)).text).to.include(text);
  });

  it('composes letters typed as a base letter and an accent (NFD) into ones the font has', async () => {
    const result = await renderCvPdf(cvWithLines(['Kierkega\u030Ard Rene\u0301']), { template: 'ats', labels: 'da' });
    expect(result.unsupported).to.deep.equal([]);
    expect((await readPdf(result.bytes)).text).to.include('Kierkegård René');
  });

  it('prints characters outside WinAnsi as "?" and reports each once, in order', async () => {
    const cv = cvWithLines(['Łukasz Żółć', 'مرحبا 😀', 'Ωmega ł']);
    cv.contact.name = 'Ιωάννης';
    const result = await renderCvPdf(cv, { template: 'europass', labels: 'en' });
    expect(result.unsupported).to.deep.equal(['Ι', 'ω', 'ά', 'ν', 'η', 'ς', 'Ł', 'Ż', 'ł', 'ć', 'م', 'ر', 'ح', 'ب', 'ا', '😀', 'Ω']);
    const pdf = await readPdf(result.bytes);
    expect(pdf.text).to.include('?ukasz ?ó??');
    expect(pdf.text).to.include('????? ?'); // one "?" per character the reader sees, emoji included
    expect(pdf.text).to.include('?mega ?');
  });

  it('reports nothing for a CV that fits, and the title may hold any script', async () => {
    const result = await renderCvPdf(cvWithLines(['Helt almindelig tekst']), { template: 'ats', labels: 'da', title: 'CV – Ιωάννης 😀' });
    expect(result.unsupported).to.deep.equal([]);
    expect((await readPdf(result.bytes)).info).to.include({ Title: 'CV – Ιωάννης 😀' });
  });

  it('turns typographic spaces and hyphens into plain ones and drops invisible characters', () => {
    const encoder = createWinAnsiEncoder();
    expect(encoder.encode('a\u2009b\u202fc\td\u2011e\u2212f\u00adg\u200bh\ufe0fi\u0007j')).to.equal('a b c d-e-fghij');
    expect([...encoder.unsupported]).to.deep.equal([]);
    // Windows-1252's 0x80–0x9F block, the one place WinAnsi is not Latin-1.
    const bytes = encoder.encode('€…–—“”•');
    expect(Array.from({ length: bytes.length }, (_, index) => bytes.charCodeAt(index))).to.deep.equal([0x80, 0x85, 0x96, 0x97, 0x93, 0x94, 0x95]);
  });
});
