// The file is a well-formed PDF 1.7 that any reader can open: header, objects at the offsets the cross-reference
// table says, trailer, compressed content streams, standard fonts with WinAnsiEncoding, and text set to real widths.
import { expect } from '@open-wc/testing';
import { emptyCv, newItem } from '../src/model/cv.js';
import { textWidth, MARGIN, PAGE_WIDTH, createWinAnsiEncoder } from '@jobunivers/core/pdf';
import { renderCvPdf } from '../src/pdf/index.js';
import { completeCv, longCv } from './pdf-support.js';
import { latin1, readPdf } from './pdf-read.js';

const DATE = new Date('2025-01-02T03:04:05Z');

describe('PDF file structure', () => {
  for (const template of ['ats', 'europass'] as const) {
    it(`has a cross-reference table whose every offset points at its object (${template})`, async () => {
      const result = await renderCvPdf(longCv(12), { template, labels: 'da', date: DATE });
      const file = latin1(result.bytes);
      expect(file.startsWith('%PDF-1.7\n%')).to.equal(true);
      expect(file.endsWith('%%EOF\n')).to.equal(true);
      const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)?.[1]);
      expect(file.slice(startxref, startxref + 5)).to.equal('xref\n');
      const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(file.slice(startxref)) ?? [];
      expect(Number(first)).to.equal(0);
      const objects = Number(count);
      expect(objects).to.equal(6 + 2 * result.pages);
      const table = file.slice(startxref).split('\n').slice(2, 2 + objects);
      expect(table[0]).to.equal('0000000000 65535 f ');
      for (let number = 1; number < objects; number += 1) {
        const entry = table[number] ?? '';
        expect(entry, `xref entry ${String(number)}`).to.match(/^\d{10} 00000 n $/);
        const offset = Number(entry.slice(0, 10));
        expect(file.slice(offset, offset + `${String(number)} 0 obj\n`.length), `object ${String(number)}`).to.equal(`${String(number)} 0 obj\n`);
      }
      expect(file).to.match(new RegExp(`trailer\\n<< /Size ${String(objects)} /Root 1 0 R /Info 5 0 R /ID \\[<[0-9a-f]{32}><[0-9a-f]{32}>\\] >>\\nstartxref`));
    });
  }

  it('declares its language, shows its title, and uses the standard fonts with WinAnsiEncoding', async () => {
    const file = latin1((await renderCvPdf(completeCv(), { template: 'europass', labels: 'en' })).bytes);
    expect(file).to.include('/Type /Catalog /Pages 2 0 R /Lang (en-GB) /ViewerPreferences << /DisplayDocTitle true >>');
    expect(file).to.include('/BaseFont /Helvetica /Encoding /WinAnsiEncoding');
    expect(file).to.include('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding');
    expect(file).to.include('/MediaBox [0 0 595.28 841.89]');
  });

  it('compresses every content stream with FlateDecode, with stream lengths that match', async () => {
    const result = await renderCvPdf(longCv(12), { template: 'ats', labels: 'da' });
    const file = latin1(result.bytes);
    const streams = [...file.matchAll(/<< \/Length (\d+) \/Filter \/FlateDecode >>\nstream\n/g)];
    expect(streams).to.have.length(result.pages);
    for (const stream of streams) {
      const start = stream.index + stream[0].length;
      expect(file.slice(start + Number(stream[1]), start + Number(stream[1]) + 10)).to.equal('\nendstream');
    }
  });

  it('writes plain streams that readers open just the same where CompressionStream is missing', async () => {
    const cv = completeCv();
    const compressed = await readPdf((await renderCvPdf(cv, { template: 'ats', labels: 'da' })).bytes);
    const original = Object.getOwnPropertyDescriptor(globalThis, 'CompressionStream');
    Object.defineProperty(globalThis, 'CompressionStream', { value: undefined, configurable: true, writable: true });
    try {
      const result = await renderCvPdf(cv, { template: 'ats', labels: 'da' });
      const file = latin1(result.bytes);
      expect(file).not.to.include('/FlateDecode');
      expect(file).to.include('BT ');
      expect((await readPdf(result.bytes)).text).to.equal(compressed.text);
    } finally {
      if (original) Object.defineProperty(globalThis, 'CompressionStream', original);
    }
  });

  it('gives the same bytes for the same CV and date', async () => {
    const cv = completeCv();
    const a = await renderCvPdf(cv, { template: 'europass', labels: 'da', date: DATE });
    const b = await renderCvPdf(structuredClone(cv), { template: 'europass', labels: 'da', date: DATE });
    expect(latin1(a.bytes)).to.equal(latin1(b.bytes));
  });
});

describe('PDF text layout', () => {
  const summary =
    'Jeg har arbejdet med pluk, pak, varemodtagelse og forsendelse i mange år, og jeg kan lide et job, hvor der sker noget. ' +
    'Jeg er vant til at køre truck, tage ansvar for nye kolleger og holde styr på lageret, også når der er travlt før jul. ' +
    'Jeg møder til tiden, siger til, når noget kan gøres bedre, og hjælper gerne til, hvor der mangler hænder.';
  const longWord = `https://example.dk/${'meget-lang-adresse-uden-mellemrum-'.repeat(8)}slut`;

  for (const template of ['ats', 'europass'] as const) {
    it(`wraps text by the fonts' real widths inside the margins (${template})`, async () => {
      const cv = emptyCv();
      cv.profile.summary = summary;
      cv.work.items = [{ ...newItem.work(), position: 'Lagermedarbejder', summary: longWord }];
      const pdf = await readPdf((await renderCvPdf(cv, { template, labels: 'da' })).bytes);
      const items = pdf.pages.flatMap((page) => page.items);
      const right = PAGE_WIDTH - MARGIN;
      for (const item of items) {
        expect(item.x, item.str).to.be.at.least(MARGIN - 0.01);
        expect(item.x + item.width, item.str).to.be.at.most(right + 0.01);
      }
      // The summary's lines: pdf.js measures them as we do, and each line is as full as it can be.
      const words = summary.split(' ');
      const lines = items.filter((item) => summary.includes(item.str.trim()) && item.str.trim().length > 3);
      expect(lines.map((line) => line.str.trim()).join(' ')).to.equal(summary);
      const encoder = createWinAnsiEncoder();
      let used = 0;
      for (const line of lines.slice(0, -1)) {
        const text = line.str.trim();
        expect(line.width).to.be.closeTo(textWidth(encoder.encode(text), 0, 10), 0.05);
        used += text.split(' ').length;
        const next = ` ${words[used] ?? ''}`;
        expect(line.x + line.width + textWidth(encoder.encode(next), 0, 10), `"${text}" could take "${next}"`).to.be.greaterThan(right);
      }
      // A word longer than the line is broken between characters rather than running off the page.
      const broken = items.filter((item) => longWord.includes(item.str) && item.str.length > 5);
      expect(broken.length).to.be.greaterThan(1);
      expect(broken.map((item) => item.str).join('')).to.equal(longWord);
    });
  }
});
