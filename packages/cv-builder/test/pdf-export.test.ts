// The PDF says what the CV says: every visible field, in both templates and both label languages, read back with
// pdf.js (what viewers and many applicant-tracking systems use); nothing hidden; sections in the editor's order.
import { expect } from '@open-wc/testing';
import { emptyCv, newItem } from '../src/model/cv.js';
import { renderCvPdf, type CvPdfOptions } from '../src/pdf/index.js';
import { HIDDEN_TEXTS, completeCv } from './pdf-support.js';
import { readPdf, squash, type ReadPdf } from './pdf-read.js';

const DATE = new Date('2025-01-02T03:04:05Z');

/** What the citizen typed into `completeCv()` and left visible, as it must read in the PDF. */
const USER_TEXTS = [
  'Åse Søndergaard Østergård',
  'Lagermedarbejder med truckcertifikat',
  'Vestergade 12, 2. th., 7100 Vejle',
  '+45 12 34 56 78',
  'aase@example.dk',
  'https://aase.example.dk',
  'LinkedIn',
  'https://www.linkedin.com/in/aase-s',
  'Stabil og mødestabil lagermedarbejder med 8 års erfaring fra pluk, pak og varemodtagelse.',
  'Jeg er god til at holde orden og trives i et travlt team.',
  'Lagermedarbejder, Truckfører',
  'Vejle og op til 40 km',
  'Lagermedarbejder',
  'Bilka Vejle, Vejle',
  'Pluk og pak af varer til butikken, varemodtagelse og optælling.',
  'Oplærte 6 nye kolleger i pluk med håndscanner',
  'Reducerede fejlpluk med 30 % på et år',
  'Pakkeriarbejder',
  'Dansk Frugt A/S, Kolding',
  'Sortering og pakning af frugt på samlebånd.',
  'Erhvervsuddannelse, Lager og logistik',
  'EUC Syd',
  '10,2',
  'Lagerstyring, Arbejdsmiljø',
  'Vejle Østre Skole',
  'Truckcertifikat B',
  'AMU Syd',
  'Førstehjælp',
  'Dansk Førstehjælpsråd',
  'Håndscanner og lagerstyring',
  'Erfaren – SAP, Consignor',
  'Ordentlighed',
  'Dansk',
  'Engelsk',
  'B2',
  'Tysk',
  'Svensk',
  'Forstår det meste',
  'B, C1, C1E',
  'Eget køretøj',
  'Holdleder, U10',
  'Vejle Boldklub',
  'Træning hver tirsdag.',
  'Arrangerede sommerstævne for 200 børn',
  'Karin Holm',
  'Tidligere leder, Bilka Vejle',
  '+45 87 65 43 21',
  '“Åse er den mest pålidelige medarbejder, jeg har haft.”',
  'Værnepligt',
  'Hæren, Fredericia',
  'Logistikuddannelse.',
];

const LABELS = {
  da: {
    headings: ['Profil', 'Jeg søger job som', 'Ansættelsesforhold', 'Erhvervserfaring', 'Uddannelse', 'Kurser og certifikater', 'Kompetencer', 'Sprog', 'Kørekort', 'Frivilligt arbejde', 'Referencer', 'Militærtjeneste'],
    texts: [
      'mar. 2019 – nu', 'aug. 2016 – feb. 2019', 'aug. 2014 – jun. 2016', 'aug. 2004 – jun. 2014', 'apr. 2017', 'jan. 2024', 'Gyldig til jan. 2026',
      'sep. 2021', 'feb. 2014 – jun. 2014', 'Arbejdstid', 'Fuldtid, Deltid', 'Ansættelse', 'Fast stilling, Fleksjob', 'Kan starte', 'feb. 2025',
      'Arbejdsområde', 'Karakter: 10,2', 'Fag: Lagerstyring, Arbejdsmiljø', 'Folkeskole', 'Modersmål', 'Kategorier', 'Adresse', 'Telefon', 'E-mail',
    ],
    perSkill: ['Lytte', 'Læse', 'Samtale', 'Mundtlig fremstilling', 'Skrive'],
    lang: 'da-DK',
  },
  en: {
    headings: ['Profile', 'Looking for work as', 'Employment preferences', 'Work experience', 'Education', 'Courses and certificates', 'Skills', 'Languages', 'Driving licence', 'Volunteer work', 'References', 'Militærtjeneste'],
    texts: [
      'Mar 2019 – present', 'Aug 2016 – Feb 2019', 'Aug 2014 – Jun 2016', 'Aug 2004 – Jun 2014', 'Apr 2017', 'Jan 2024', 'Valid until Jan 2026',
      'Sep 2021', 'Feb 2014 – Jun 2014', 'Working hours', 'Full-time, Part-time', 'Employment', 'Permanent, Flexjob', 'Available from', 'Feb 2025',
      'Area', 'Grade: 10,2', 'Subjects: Lagerstyring, Arbejdsmiljø', 'Primary and lower secondary school', 'Mother tongue', 'Categories', 'Address',
      'Phone', 'Email', 'Denmark',
    ],
    perSkill: ['Listening', 'Reading', 'Spoken interaction', 'Spoken production', 'Writing'],
    lang: 'en-GB',
  },
} as const;

const missing = (pdf: ReadPdf, texts: readonly string[]): string[] => texts.filter((text) => !pdf.text.includes(squash(text)));

for (const template of ['ats', 'europass'] as const) {
  for (const labels of ['da', 'en'] as const) {
    describe(`PDF export, ${template} template, ${labels} labels`, () => {
      const options: CvPdfOptions = { template, labels, date: DATE };
      const expected = LABELS[labels];

      it('prints every visible field of the CV as selectable text', async () => {
        const pdf = await readPdf((await renderCvPdf(completeCv(), options)).bytes);
        expect(missing(pdf, USER_TEXTS)).to.deep.equal([]);
        expect(missing(pdf, expected.texts)).to.deep.equal([]);
      });

      it('leaves hidden items, hidden sections and hidden profiles out', async () => {
        const pdf = await readPdf((await renderCvPdf(completeCv(), options)).bytes);
        expect(HIDDEN_TEXTS.filter((text) => pdf.text.includes(text))).to.deep.equal([]);
      });

      it('writes the section headings in the editor\'s order, each once', async () => {
        const pdf = await readPdf((await renderCvPdf(completeCv(), options)).bytes);
        const items = pdf.pages.flatMap((page) => page.items.map((item) => item.str.trim()));
        const positions = expected.headings.map((heading) => items.indexOf(heading));
        expect(positions.every((position) => position >= 0), `headings missing: ${String(positions)}`).to.equal(true);
        expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);
        for (const heading of expected.headings) expect(items.filter((item) => item === heading), heading).to.have.length(1);
      });

      it('shows CEFR levels per skill: a grid in europass, a line in ats', async () => {
        const pdf = await readPdf((await renderCvPdf(completeCv(), options)).bytes);
        const [listening, reading, interaction, production, writing] = expected.perSkill;
        if (template === 'europass') {
          expect(pdf.text).to.include(squash(`${expected.perSkill.join(' ')} Tysk B1 B1 A2 A2 A1`));
        } else {
          expect(pdf.text).to.include(`Tysk: ${listening} B1, ${reading} B1, ${interaction} A2, ${production} A2, ${writing} A1`);
        }
      });

      it('gives the document its language and title', async () => {
        const pdf = await readPdf((await renderCvPdf(completeCv(), options)).bytes);
        expect(pdf.info).to.include({ Language: expected.lang, Title: 'Åse Søndergaard Østergård – CV', Producer: 'Jobunivers', CreationDate: 'D:20250102030405Z' });
        const titled = await readPdf((await renderCvPdf(completeCv(), { ...options, title: 'Mit CV (lager) \\ 2025' })).bytes);
        expect(titled.info).to.include({ Title: 'Mit CV (lager) \\ 2025' });
      });
    });
  }
}

describe('PDF export of hidden sections', () => {
  const SECTIONS = ['profile', 'jobTitles', 'conditions', 'work', 'education', 'certificates', 'skills', 'languages', 'drivingLicences', 'volunteer', 'references'] as const;
  for (const template of ['ats', 'europass'] as const) {
    it(`leaves out each section the citizen hid, and only that one (${template})`, async () => {
      for (const [index, key] of SECTIONS.entries()) {
        const cv = completeCv();
        cv[key].hidden = true;
        const pdf = await readPdf((await renderCvPdf(cv, { template, labels: 'da' })).bytes);
        const headings = pdf.pages.flatMap((page) => page.items.map((item) => item.str.trim())).filter((text) => LABELS.da.headings.includes(text as never));
        expect(headings, key).to.deep.equal(LABELS.da.headings.filter((_, position) => position !== index));
      }
    });
  }
});

describe('PDF export of a sparse CV', () => {
  it('prints an empty CV as one page with only its page number', async () => {
    const result = await renderCvPdf(emptyCv(), { template: 'ats', labels: 'da' });
    const pdf = await readPdf(result.bytes);
    expect(result.pages).to.equal(1);
    expect(pdf.text).to.equal('Side 1 af 1');
    expect(pdf.info).to.include({ Title: 'CV' });
  });

  it('leaves out sections whose items are all blank, and blank items among filled ones', async () => {
    const cv = emptyCv();
    cv.contact.name = 'Bo Berg';
    cv.work.items = [newItem.work(), { ...newItem.work(), employer: 'Netto' }, newItem.work()];
    cv.education.items = [newItem.education()];
    cv.skills.items = [newItem.skills()];
    for (const template of ['ats', 'europass'] as const) {
      const pdf = await readPdf((await renderCvPdf(cv, { template, labels: 'da' })).bytes);
      expect(pdf.text).to.include('Erhvervserfaring');
      expect(pdf.text).to.include('Netto');
      expect(pdf.text).not.to.include('Uddannelse');
      expect(pdf.text).not.to.include('Kompetencer');
      expect(pdf.text).not.to.include('Ansættelsesforhold');
      expect(pdf.pages[0]?.items.map((item) => item.str.trim()), template).to.deep.equal(['Bo Berg', 'Erhvervserfaring', 'Netto', 'Side 1 af 1']);
    }
  });

  it('prints "Kan starte: Straks" when conditions are given without a start month, and periods with only one end', async () => {
    const cv = emptyCv();
    cv.conditions.hours = ['part-time'];
    cv.work.items = [
      { ...newItem.work(), position: 'Kok', start: '2020-05' },
      { ...newItem.work(), position: 'Opvasker', end: '2019-12' },
      { ...newItem.work(), position: 'Tjener', end: 'present' },
    ];
    const pdf = await readPdf((await renderCvPdf(cv, { template: 'ats', labels: 'da' })).bytes);
    expect(pdf.text).to.include('Kan starte: Straks');
    expect(pdf.text).to.include('Kok maj 2020');
    expect(pdf.text).to.include('Opvasker – dec. 2019');
    expect(pdf.text).to.include('Tjener – nu');
  });
});
