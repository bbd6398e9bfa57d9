// Long CVs: page breaks that lose nothing, "Side 1 af N" on every page, and no heading left alone at a page's foot.
import { expect } from '@open-wc/testing';
import { MARGIN, PAGE_WIDTH, TEXT_BOTTOM, paginate, row, type Row } from '@jobunivers/core/pdf';
import { renderCvPdf } from '../src/pdf/index.js';
import { completeCv, longCv } from './pdf-support.js';
import { readPdf } from './pdf-read.js';

const HEADINGS = {
  da: ['Profil', 'Jeg søger job som', 'Ansættelsesforhold', 'Erhvervserfaring', 'Uddannelse', 'Kurser og certifikater', 'Kompetencer', 'Sprog', 'Kørekort', 'Frivilligt arbejde', 'Referencer', 'Militærtjeneste'],
  en: ['Profile', 'Looking for work as', 'Employment preferences', 'Work experience', 'Education', 'Courses and certificates', 'Skills', 'Languages', 'Driving licence', 'Volunteer work', 'References', 'Militærtjeneste'],
};

describe('PDF pages', () => {
  for (const template of ['ats', 'europass'] as const) {
    it(`breaks a long CV into pages without losing or repeating a line (${template})`, async () => {
      const jobs = 24;
      const result = await renderCvPdf(longCv(jobs), { template, labels: 'da' });
      const pdf = await readPdf(result.bytes);
      expect(result.pages).to.be.greaterThan(3);
      expect(pdf.pages).to.have.length(result.pages);
      for (let job = 1; job <= jobs; job += 1) {
        for (const text of [`Stilling nummer ${String(job)}`, `Opgave nummer ${String(job)} løst til tiden`]) {
          expect(pdf.text.match(new RegExp(`${text}(?!\\d)`, 'g')), text).to.have.length(1);
        }
      }
      expect(pdf.text.match(/Ansvarlig for den daglige optælling af varer/g)).to.have.length(jobs);
    });

    for (const labels of ['da', 'en'] as const) {
      it(`numbers every page "${labels === 'da' ? 'Side i af n' : 'Page i of n'}" at its foot (${template})`, async () => {
        const result = await renderCvPdf(longCv(14), { template, labels });
        const pdf = await readPdf(result.bytes);
        expect(result.pages).to.be.greaterThan(1);
        for (const [index, page] of pdf.pages.entries()) {
          const footer = labels === 'da' ? `Side ${String(index + 1)} af ${String(result.pages)}` : `Page ${String(index + 1)} of ${String(result.pages)}`;
          const last = page.items.at(-1);
          expect(last?.str).to.equal(footer);
          // Below everything else on the page, inside the bottom margin, centred.
          expect(Math.min(...page.items.slice(0, -1).map((item) => item.y))).to.be.greaterThan(last?.y ?? Infinity);
          expect(last?.y).to.be.within(20, MARGIN);
          expect(Math.abs((last?.x ?? 0) + (last?.width ?? 0) / 2 - PAGE_WIDTH / 2)).to.be.lessThan(1);
        }
      });
    }

    it(`never leaves a heading as the last line of a page (${template})`, async () => {
      // Push the content down a line at a time, so every heading passes the foot of page 1 in one of the runs.
      let headingsStartingAPage = 0;
      for (let extraLines = 0; extraLines < 32; extraLines += 1) {
        const cv = completeCv();
        cv.profile.summary += '\nEn linje mere.'.repeat(extraLines);
        const pdf = await readPdf((await renderCvPdf(cv, { template, labels: 'da' })).bytes);
        for (const page of pdf.pages.slice(0, -1)) {
          const body = page.items.slice(0, -1).map((item) => item.str.trim());
          expect(HEADINGS.da, `last line of a page with ${String(extraLines)} extra lines`).not.to.include(body.at(-1));
          if (HEADINGS.da.includes(body[0] ?? '')) headingsStartingAPage += 1;
        }
      }
      // The runs did put headings at page breaks (they were moved to the next page rather than left behind).
      expect(headingsStartingAPage).to.be.greaterThan(5);
    });
  }
});

describe('PDF pagination', () => {
  const bottom = TEXT_BOTTOM;
  const usable = bottom - MARGIN;
  const rows = (count: number, height: number, before = 0): Row[] => Array.from({ length: count }, () => row(height, before));

  it('starts a new page when a row does not fit, and drops the space above the first row of a page', () => {
    const pages = paginate([...rows(7, 100), row(50, 20)]);
    expect(pages).to.have.length(2);
    expect(pages[0]).to.have.length(7);
    expect(pages[1]?.[0]?.top).to.equal(MARGIN);
  });

  it('moves a heading to the next page together with the row it belongs to', () => {
    const heading = row(18, 10, true);
    const pages = paginate([...rows(1, usable - 40), heading, row(30)]);
    expect(pages.map((page) => page.length)).to.deep.equal([1, 2]);
    expect(pages[1]?.[0]?.row).to.equal(heading);
  });

  it('keeps a heading where it is when it and its first row fit', () => {
    const pages = paginate([...rows(1, usable - 60), row(18, 10, true), row(30)]);
    expect(pages.map((page) => page.length)).to.deep.equal([3]);
  });

  it('breaks a chain of kept rows longer than a page instead of looping or overflowing', () => {
    const chain = Array.from({ length: 12 }, () => row(100, 0, true));
    const pages = paginate([row(10), ...chain, row(10)]);
    expect(pages.flat()).to.have.length(14);
    for (const page of pages) for (const placed of page) expect(placed.top + placed.row.height).to.be.at.most(bottom + 0.001);
  });
});
