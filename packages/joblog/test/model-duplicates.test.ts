import { expect } from '@open-wc/testing';
import { duplicateMessage, findDuplicates, sameEntryKey } from '../src/model/duplicates.js';
import { foldForMatch, searchText, searchWords, sortKey } from '../src/model/text.js';
import { entry, randomEntries } from './model-fixtures.js';

describe('model: text folding', () => {
  it('ignores case, spaces, punctuation and marks', () => {
    expect(foldForMatch('  Føtex,   VEJLE ')).to.equal('føtex vejle');
    expect(foldForMatch('Müller & Søn A/S')).to.equal('muller søn a s');
    expect(foldForMatch('Café')).to.equal('cafe');
    expect(foldForMatch('Cafe\u0301')).to.equal('cafe'); // e + combining acute
  });

  it('keeps æ, ø and å apart from a, o and a — "Får" is not "Far"', () => {
    expect(foldForMatch('Får')).to.not.equal(foldForMatch('Far'));
    expect(foldForMatch('Søn')).to.not.equal(foldForMatch('Son'));
    expect(foldForMatch('Lærer')).to.not.equal(foldForMatch('Larer'));
    expect(foldForMatch('Ål')).to.equal('ål');
    expect(foldForMatch('A\u030Al')).to.equal('ål'); // å typed as a + combining ring
  });

  it('reads aa as å and Swedish/German ä, ö as æ, ø', () => {
    expect(foldForMatch('Aarhus')).to.equal(foldForMatch('Århus'));
    expect(foldForMatch('Malmö')).to.equal(foldForMatch('Malmø'));
    expect(foldForMatch('Bäck')).to.equal(foldForMatch('Bæck'));
  });

  it('lets a search without æ, ø, å find them ("kobenhavn", "koebenhavn")', () => {
    const haystack = searchText('København Ø');
    for (const query of ['København', 'kobenhavn', 'koebenhavn', 'KØBENHAVN']) {
      expect(searchWords(query).every((word) => haystack.includes(word)), query).to.equal(true);
    }
    expect(searchWords('  Salling   Group ')).to.deep.equal(['salling', 'group']);
  });

  it('sorts the Danish way with plain string comparison: æ, ø, å after z, aa as å, numbers by value', () => {
    const names = ['Århus', 'Zealand', 'Aalborg', 'Bilka', 'Ølstykke', 'Ærø', 'Éclair', 'Lager 10', 'Lager 2', 'abe'];
    const sorted = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    expect(sorted).to.deep.equal(['abe', 'Bilka', 'Éclair', 'Lager 2', 'Lager 10', 'Zealand', 'Ærø', 'Ølstykke', 'Aalborg', 'Århus']);
    const collator = new Intl.Collator('da', { numeric: true, sensitivity: 'base' });
    expect(sorted).to.deep.equal([...names].sort(collator.compare));
  });
});

describe('model: duplicates', () => {
  const original = entry({ title: 'Lagermedarbejder', employer: 'Salling Group A/S', postalCode: '8000', town: 'Aarhus C' });

  it('finds the same title, employer and postcode, however it is typed', () => {
    const typed = entry({ title: '  lagermedarbejder ', employer: 'SALLING GROUP A/S', postalCode: '8000', town: 'Århus C', date: '2026-04-01' });
    expect(findDuplicates([original], typed)).to.deep.equal([original]);
  });

  it('never reports the entry itself (editing a saved entry)', () => {
    expect(findDuplicates([original], { ...original, notes: 'rettet' })).to.deep.equal([]);
  });

  it('tells different places, titles, employers and types apart', () => {
    expect(findDuplicates([original], entry({ ...pick(original), postalCode: '7100' }))).to.deep.equal([]);
    expect(findDuplicates([original], entry({ ...pick(original), title: 'Lagerchef' }))).to.deep.equal([]);
    expect(findDuplicates([original], entry({ ...pick(original), employer: 'Coop' }))).to.deep.equal([]);
    expect(findDuplicates([original], entry({ ...pick(original), type: 'activity' }))).to.deep.equal([]);
    const farmer = entry({ title: 'Får', employer: 'Gård', postalCode: '', town: '' });
    expect(findDuplicates([farmer], entry({ title: 'Far', employer: 'Gard', postalCode: '', town: '' }))).to.deep.equal([]);
  });

  it('falls back on the town when a postcode is missing, and on nothing when both are', () => {
    const noPostcode = entry({ ...pick(original), postalCode: '', town: 'aarhus c' });
    expect(findDuplicates([original], noPostcode)).to.deep.equal([original]);
    expect(findDuplicates([original], entry({ ...pick(original), postalCode: '', town: 'Vejle' }))).to.deep.equal([]);
    expect(findDuplicates([original], entry({ ...pick(original), postalCode: '', town: '' }))).to.deep.equal([original]);
  });

  it('counts an activity as a duplicate only on the same date', () => {
    const fair = entry({ type: 'activity', title: 'Jobmesse i Vejle', employer: '', postalCode: '7100', date: '2026-03-10' });
    expect(findDuplicates([fair], entry({ type: 'activity', title: 'Jobmesse i Vejle', employer: '', postalCode: '7100', date: '2026-09-10' }))).to.deep.equal([]);
    const again = entry({ type: 'activity', title: 'jobmesse i vejle', employer: '', postalCode: '7100', date: '2026-03-10' });
    expect(findDuplicates([fair], again)).to.deep.equal([fair]);
    expect(duplicateMessage(again, [fair])).to.deep.equal({ key: 'duplicate.activity', params: {} });
  });

  it('asks about it with the number found', () => {
    const twice = [original, entry({ ...pick(original), date: '2026-02-01' })];
    const typed = entry(pick(original));
    expect(duplicateMessage(typed, findDuplicates(twice, typed))).to.deep.equal({ key: 'duplicate.application', params: { count: 2 } });
    expect(duplicateMessage(typed, [])).to.equal(null);
  });

  it('checks against 10,000 entries quickly', () => {
    const many = randomEntries(10_000, 3);
    const candidate = entry({ title: 'Lagermedarbejder', employer: 'Netto', postalCode: '7100' });
    const started = performance.now();
    findDuplicates(many, candidate);
    expect(performance.now() - started).to.be.below(200);
  });

  it('keys an import by title, employer, postcode and date', () => {
    expect(sameEntryKey(original)).to.equal(sameEntryKey(entry({ ...pick(original), title: 'LAGERMEDARBEJDER' })));
    expect(sameEntryKey(original)).to.not.equal(sameEntryKey(entry({ ...pick(original), date: '2026-03-03' })));
  });
});

/** The fields that make an entry "the same", without its id. */
function pick(from: ReturnType<typeof entry>): Partial<ReturnType<typeof entry>> {
  return { title: from.title, employer: from.employer, postalCode: from.postalCode, town: from.town, date: from.date, type: from.type };
}
