import { expect } from '@open-wc/testing';
import type { JoblogEntry } from '../src/model/entry.js';
import {
  csvProblemMessage, csvSummary, detectMapping, entriesToCsv, importCsv, neutraliseFormula, parseCsv, parseDate, restoreFormula, type CsvImportOptions,
} from '../src/model/csv.js';
import { entry, randomEntries } from './model-fixtures.js';

const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T10:00:00.000Z');
let ids = 0;
const options = (more: Partial<CsvImportOptions> = {}): CsvImportOptions => ({ now: NOW, today: TODAY, newId: () => `new-${String(++ids)}`, ...more });
const lines = (csv: string): string[] => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('model: CSV export', () => {
  const job = entry({
    id: 'job-1', title: 'Kok', employer: 'Café Åen; Vejle', postalCode: '7100', town: 'Vejle', hoursPerWeek: 37.5, date: '2026-03-02',
    status: 'closed', outcome: 'rejected', notes: 'Sagde "nej tak"\nmen venligt',
    history: [{ status: 'applied', outcome: null, on: '2026-03-02' }, { status: 'interview', outcome: null, on: '2026-03-12' }, { status: 'closed', outcome: 'rejected', on: '2026-03-20' }],
    cv: { versionId: 'cv-7', name: 'CV til køkken' },
  });

  it('writes UTF-8 with a BOM, ; between cells and CRLF rows, for Danish Excel', () => {
    const csv = entriesToCsv([job]);
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(lines(csv)[0]).to.equal('Id;Type;Titel;Arbejdsgiver;Postnr.;By;Timer pr. uge;Opslået eller uopfordret;Ansøgningsform;Aktivitetstype;Fundet via;Link til opslag;Dato;Ansøgningsfrist;Status;Resultat;Historik;Noter;CV-version (id);CV sendt;Oprettet;Opdateret');
  });

  it('writes every field in Danish words, a decimal comma, and the history as one readable cell', () => {
    const row = parseCsv(entriesToCsv([job])).rows[1] ?? [];
    expect(row).to.deep.equal([
      'job-1', 'Ansøgning', 'Kok', 'Café Åen; Vejle', '7100', 'Vejle', '37,5', 'Opslået stilling', 'Skriftlig', '', 'Jobnet', '', '2026-03-02', '',
      'Afsluttet', 'Afslag', '2026-03-02 Søgt → 2026-03-12 Samtale → 2026-03-20 Afsluttet: Afslag', 'Sagde "nej tak"\nmen venligt', 'cv-7', 'CV til køkken',
      '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z',
    ]);
    expect(entriesToCsv([job])).to.include('"Sagde ""nej tak""\nmen venligt"');
  });

  it('writes English headers and words, with , and a decimal point when asked', () => {
    const csv = entriesToCsv([job], { language: 'en', separator: ',' });
    expect(lines(csv)[0]?.startsWith('Id,Type,Title,Employer,Postcode,Town,Hours per week,')).to.equal(true);
    const row = parseCsv(csv).rows[1] ?? [];
    expect([row[1], row[6], row[14], row[15], row[16]]).to.deep.equal(['Application', '37.5', 'Closed', 'Rejected', '2026-03-02 Applied → 2026-03-12 Interview → 2026-03-20 Closed: Rejected']);
  });

  it('neutralises spreadsheet formulas in every cell: = + - @ tab and CR get a leading apostrophe', () => {
    for (const text of ['=1+1', '+45 12 34', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text), JSON.stringify(text)).to.equal(`'${text}`);
    for (const text of ['Kok', "'hej", '1=1', ' =1']) expect(neutraliseFormula(text)).to.equal(text);
    const evil = entry({ title: '=HYPERLINK("http://evil.example","klik")', employer: '@SUM(A1)', notes: '+cmd|\' /C calc\'!A0' });
    const row = parseCsv(entriesToCsv([evil])).rows[1] ?? [];
    expect(row[2]).to.equal('\'=HYPERLINK("http://evil.example","klik")');
    expect(row[3]).to.equal("'@SUM(A1)");
    expect(row[17]?.startsWith("'+cmd")).to.equal(true);
    for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), cell).to.equal(false);
  });

  it('takes exactly the added apostrophe off on import, so text already starting with one survives', () => {
    for (const text of ['=1', "'=1", "''=1", "'hej", 'hej']) expect(restoreFormula(neutraliseFormula(text))).to.equal(text);
  });
});

describe('model: CSV parsing', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes (RFC 4180)', () => {
    const parsed = parseCsv('a;b;c\r\n"x;y";"say ""hi""";"line 1\r\nline 2"\r\n');
    expect(parsed.rows).to.deep.equal([['a', 'b', 'c'], ['x;y', 'say "hi"', 'line 1\r\nline 2']]);
    expect(parsed.unclosedQuoteRow).to.equal(null);
  });

  it('detects ; , or tab from the header, skips the BOM and accepts LF or CR rows', () => {
    expect(parseCsv('\uFEFFa,b\n1,2').rows).to.deep.equal([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a;b\n1;2,5').separator).to.equal(';');
    expect(parseCsv('"a,b";c;d\r1;2;3').rows).to.deep.equal([['a,b', 'c', 'd'], ['1', '2', '3']]);
    expect(parseCsv('a\tb\tc\n1\t2\t3').rows[1]).to.deep.equal(['1', '2', '3']);
    expect(parseCsv('a,b,c\n1,"2,5",3').rows[1]).to.deep.equal(['1', '2,5', '3']);
  });

  it('keeps empty cells and does not invent a row after the last line break', () => {
    expect(parseCsv('a;b;c\r\n;;\r\n').rows).to.deep.equal([['a', 'b', 'c'], ['', '', '']]);
    expect(parseCsv('').rows).to.deep.equal([]);
  });

  it('says where a quote was never closed', () => {
    const parsed = parseCsv('a;b\r\n1;2\r\n"open;3\r\n4;5');
    expect(parsed.unclosedQuoteRow).to.equal(3);
    expect(parsed.rows[2]).to.deep.equal(['open;3\r\n4;5']);
  });
});

describe('model: CSV import', () => {
  it('maps our own headers in Danish and English, and names other tools use', () => {
    expect(detectMapping(['Titel', 'Arbejdsgiver', 'Postnr.', 'Dato', 'Ansøgningsfrist', 'Status'])).to.deep.equal(['title', 'employer', 'postalCode', 'date', 'deadline', 'status']);
    expect(detectMapping(['Title', 'Employer', 'Postcode', 'Date', 'How applied', 'Notes'])).to.deep.equal(['title', 'employer', 'postalCode', 'date', 'method', 'notes']);
    expect(detectMapping(['Stillingsbetegnelse', 'Virksomhed', 'Postnr. og by', 'Ansøgningsdato', 'Frist', 'Bemærkninger', 'Sidst ændret'])).to.deep.equal(['title', 'employer', 'place', 'date', 'deadline', 'notes', 'updatedAt']);
    expect(detectMapping(['Titel', 'Jobtitel', 'Farve'])).to.deep.equal(['title', null, null]);
  });

  it('imports a Jobnet-style sheet: Danish dates, "7100 Vejle", statuses like "Afslag"', () => {
    const csv = 'Stillingsbetegnelse;Virksomhed;Postnr. og by;Ansøgningsdato;Status;Timer\r\n'
      + 'Lagermedarbejder;Salling Group;8000 Aarhus C;02-03-2026;Søgt;37\r\n'
      + 'Kok;Café Åen;7100 Vejle;5.3.2026;Afslag;32,5\r\n'
      + 'Chauffør;DSV;DK-6700 Esbjerg;2026-03-06;Til samtale;\r\n';
    const result = importCsv(csv, [], options());
    expect(result.problems).to.deep.equal([]);
    expect(result.entries.map((item) => [item.title, item.postalCode, item.town, item.date, item.status, item.outcome, item.hoursPerWeek])).to.deep.equal([
      ['Lagermedarbejder', '8000', 'Aarhus C', '2026-03-02', 'applied', null, 37],
      ['Kok', '7100', 'Vejle', '2026-03-05', 'closed', 'rejected', 32.5],
      ['Chauffør', '6700', 'Esbjerg', '2026-03-06', 'interview', null, null],
    ]);
    expect(result.entries[1]?.history).to.deep.equal([{ status: 'closed', outcome: 'rejected', on: '2026-03-05' }]);
    expect(csvSummary(result)).to.deep.equal([{ key: 'csv.summary.imported', params: { count: 3 } }]);
  });

  it('reads dates as people write them, and nothing that is not a real date', () => {
    expect(['2026-03-24', '24-03-2026', '24.03.2026', '24/3/2026', '1-2-26', '2026-03-24 00:00:00', '2026-3-4'].map(parseDate))
      .to.deep.equal(['2026-03-24', '2026-03-24', '2026-03-24', '2026-03-24', '2026-02-01', '2026-03-24', '2026-03-04']);
    expect(['31-02-2026', '2026-13-01', 'i går', '03/24/2026', ''].map(parseDate)).to.deep.equal([null, null, null, null, null]);
  });

  it('explains each row it cannot import: row, column, code and what the cell said', () => {
    const csv = 'Titel;Arbejdsgiver;Dato;Status\r\n'
      + 'Kok;Café Åen;31-02-2026;Søgt\r\n'
      + ';Netto;01-03-2026;Søgt\r\n'
      + '"Tømrer\r\n(to linjer)";Byg A/S;01-03-2026;Venter\r\n'
      + 'Smed;;01-03-2026;Søgt\r\n'
      + 'Maler;Farve ApS;01-12-2026;Søgt\r\n'
      + 'Gartner;Have ApS;01-12-2026;Gemt\r\n';
    const result = importCsv(csv, [], options());
    expect(result.problems.map(({ row, column, code, value, severity }) => ({ row, column, code, value, severity }))).to.deep.equal([
      { row: 2, column: 'Dato', code: 'bad-date', value: '31-02-2026', severity: 'error' },
      { row: 3, column: 'Titel', code: 'missing-title', value: '', severity: 'error' },
      { row: 4, column: 'Status', code: 'unknown-status', value: 'Venter', severity: 'error' },
      { row: 5, column: 'Arbejdsgiver', code: 'missing-employer', value: '', severity: 'error' },
      { row: 6, column: 'Dato', code: 'future-date', value: '01-12-2026', severity: 'error' },
    ]);
    expect(result.entries.map((item) => item.title)).to.deep.equal(['Gartner']); // saved for later may be dated ahead
    expect(csvProblemMessage(result.problems[0])).to.deep.equal({ key: 'csv.problem.bad-date', params: { row: 2, column: 'Dato', value: '31-02-2026' } });
    expect(csvSummary(result)).to.deep.equal([{ key: 'csv.summary.imported', params: { count: 1 } }, { key: 'csv.summary.errors', params: { count: 5 } }]);
  });

  it('imports rows with smaller problems without the bad value, and says so', () => {
    const csv = 'Titel;Arbejdsgiver;Dato;Postnr.;Link;Timer pr. uge;Ansøgningsform;Id;Frist\r\n'
      + 'Kok;Café;01-03-2026;71;javascript:alert(1);90;Brevdue;ikke et id!;snart\r\n'
      + 'Kok;Netto;02-03-2026;7100;www.jobnet.dk/job/1;37 timer;Telefonisk;;5-4-2026\r\n';
    const result = importCsv(csv, [], options());
    expect(result.problems.map(({ row, column, code, severity }) => [row, column, code, severity])).to.deep.equal([
      [2, 'Postnr.', 'bad-postcode', 'warning'], [2, 'Link', 'bad-url', 'warning'], [2, 'Timer pr. uge', 'bad-number', 'warning'],
      [2, 'Ansøgningsform', 'unknown-value', 'warning'], [2, 'Id', 'bad-id', 'warning'], [2, 'Frist', 'bad-deadline', 'warning'],
    ]);
    const [first, second] = result.entries;
    expect([first.postalCode, first.sourceUrl, first.hoursPerWeek, first.method, first.deadline, first.id.startsWith('new-')]).to.deep.equal(['', '', null, null, null, true]);
    expect([second.sourceUrl, second.hoursPerWeek, second.method, second.deadline]).to.deep.equal(['https://www.jobnet.dk/job/1', 37, 'phone', '2026-04-05']);
    expect(csvSummary(result)).to.deep.include({ key: 'csv.summary.warnings', params: { count: 1 } });
  });

  it('imports nothing without a title or date column, and says which is missing', () => {
    const result = importCsv('Navn;Hvornår\r\nKok;01-03-2026\r\n', [], options());
    expect(result.missingFields).to.deep.equal(['title', 'date']);
    expect(result.entries).to.deep.equal([]);
    expect(result.problems.map((problem) => csvProblemMessage(problem).key)).to.deep.equal(['csv.problem.missing-column.title', 'csv.problem.missing-column.date']);
    const chosen = importCsv('Navn;Hvornår\r\nKok;01-03-2026\r\n', [], options({ mapping: ['title', 'date'] }));
    // The employer is not in the file at all: the problem names no column.
    expect(chosen.problems).to.deep.equal([{ row: 2, column: null, field: 'employer', code: 'missing-employer', value: '', severity: 'error' }]);
    const asActivity = importCsv('Navn;Hvornår;Slags\r\nJobmesse;01-03-2026;Aktivitet\r\n', [], options({ mapping: ['title', 'date', 'type'] }));
    expect(asActivity.entries.map((item) => [item.type, item.title, item.status])).to.deep.equal([['activity', 'Jobmesse', 'closed']]);
  });

  it('never imports anything twice: same id, same job on the same date, or the same row again in the file', () => {
    const existing = entry({ id: 'kept-1', title: 'Kok', employer: 'Café Åen', postalCode: '7100', date: '2026-03-02' });
    const csv = 'Id;Titel;Arbejdsgiver;Postnr.;Dato\r\n'
      + 'kept-1;Noget helt andet;X;1000;01-03-2026\r\n'
      + ';KOK;café  åen;7100;02-03-2026\r\n'
      + ';Kok;Café Åen;7100;03-03-2026\r\n'
      + ';Kok;Café Åen;7100;03-03-2026\r\n'
      + 'new-id;Tømrer;Byg;8000;04-03-2026\r\n'
      + 'new-id;Tømrer igen;Byg;8000;05-03-2026\r\n';
    const result = importCsv(csv, [existing], options());
    expect(result.skipped.map(({ row, reason }) => [row, reason])).to.deep.equal([[2, 'same-id'], [3, 'same-entry'], [5, 'repeated-in-file'], [7, 'repeated-in-file']]);
    expect(result.skipped[0]?.entryId).to.equal('kept-1');
    expect(result.entries.map((item) => [item.title, item.date])).to.deep.equal([['Kok', '2026-03-03'], ['Tømrer', '2026-03-04']]);
    expect(csvSummary(result)).to.deep.equal([{ key: 'csv.summary.imported', params: { count: 2 } }, { key: 'csv.summary.skipped', params: { count: 4 } }]);
  });

  it('round-trips random joblogs exactly: entries → CSV → import → the same entries (da ; and en ,)', () => {
    const entries = uniqueTitles(randomEntries(400, 2024, TODAY));
    for (const [language, separator] of [['da', ';'], ['en', ',']] as const) {
      const csv = entriesToCsv(entries, { language, separator });
      const result = importCsv(csv, [], options());
      expect(result.problems, language).to.deep.equal([]);
      expect(result.skipped, language).to.deep.equal([]);
      expect(result.entries.length, language).to.equal(entries.length);
      result.entries.forEach((item, index) => {
        expect(item, `${language} row ${String(index + 2)}`).to.deep.equal(entries[index]);
      });
      // The same file again: every row is already there.
      const again = importCsv(csv, result.entries, options());
      expect(again.entries, language).to.deep.equal([]);
      expect(again.skipped.every((skip) => skip.reason === 'same-id'), language).to.equal(true);
    }
  });

  it('round-trips through a tab-separated copy from a spreadsheet too', () => {
    const entries = uniqueTitles(randomEntries(50, 9, TODAY));
    const result = importCsv(entriesToCsv(entries, { separator: '\t' }), [], options());
    expect(result.entries).to.deep.equal(entries);
  });
});

/** Random logs may hold the same job twice on one day; a round trip needs every entry distinct. */
function uniqueTitles(entries: JoblogEntry[]): JoblogEntry[] {
  return entries.map((item, index) => ({ ...item, title: `${item.title} #${String(index)}` }));
}
