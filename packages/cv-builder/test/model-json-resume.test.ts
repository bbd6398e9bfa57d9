import { expect } from '@open-wc/testing';
import { emptyCv, newItem, type Cv, type LanguageItem } from '../src/model/cv.js';
import { derivedFluency, fromJsonResume, JSON_RESUME_SCHEMA_URL, toJsonResume } from '../src/model/index.js';

/** Lars's CV, as the editor would hold it. */
function larsCv(): Cv {
  const cv = emptyCv();
  cv.contact = {
    ...cv.contact,
    name: 'Lars Østergård',
    headline: 'Lagermedarbejder med truckcertifikat',
    email: 'lars@eksempel.dk',
    phone: '+45 20 00 00 01',
    address: 'Vestergade 1',
    postalCode: '7100',
    city: 'Vejle',
    url: 'https://lars.eksempel.dk',
    profiles: [{ ...newItem.profiles(), id: 'p1', network: 'LinkedIn', username: 'lars', url: 'https://www.linkedin.com/in/lars' }],
  };
  cv.profile.summary = 'Stabil og glad for at arbejde i team.';
  cv.jobTitles.items = [{ ...newItem.jobTitles(), id: 'j1', title: 'Lagermedarbejder' }];
  cv.work.items = [
    { ...newItem.work(), id: 'w1', position: 'Lagermedarbejder', employer: 'Bilka Vejle', location: 'Vejle', start: '2019-03', end: 'present', summary: 'Plukning og truck.', highlights: ['Truck B', 'Nøgleansvar'] },
    { ...newItem.work(), id: 'w2', position: 'Pakker', employer: 'PostNord', start: '2016-01', end: '2019-02' },
    { ...newItem.work(), id: 'w3', hidden: true, position: 'Avisbud', employer: 'Jysk Fynske Medier', start: '2010-05', end: '' },
  ];
  cv.education.items = [{ ...newItem.education(), id: 'e1', institution: 'Campus Vejle', area: 'Lager og logistik', studyType: 'Erhvervsuddannelse', level: 'vocational', start: '2014-08', end: '2016-01', courses: ['Truck'] }];
  cv.certificates.items = [{ ...newItem.certificates(), id: 'c1', name: 'Førstehjælp', kind: 'licence', issuer: 'Dansk Røde Kors', date: '2023-05', expires: '2025-05' }];
  cv.skills.items = [{ ...newItem.skills(), id: 's1', name: 'Truckkørsel', level: 'Erfaren', keywords: ['Reachtruck'] }];
  cv.languages.items = [
    { ...newItem.languages(), id: 'l1', language: 'Dansk', native: true },
    { ...newItem.languages(), id: 'l2', language: 'Engelsk', level: 'B2' },
  ];
  cv.references.items = [{ ...newItem.references(), id: 'r1', name: 'Mette Hansen', relation: 'Leder, Bilka', contact: '+45 30 00 00 02', reference: 'Altid til at stole på.' }];
  cv.drivingLicences.categories = ['B', 'C'];
  cv.conditions = { hidden: false, hours: ['full-time'], types: ['permanent'], availableFrom: '', area: 'Trekantområdet' };
  return cv;
}

describe('toJsonResume', () => {
  it('writes the standard JSON Resume fields other tools show', () => {
    const document = toJsonResume(larsCv());

    expect(document.$schema).to.equal(JSON_RESUME_SCHEMA_URL);
    expect(document.basics).to.deep.equal({
      name: 'Lars Østergård',
      label: 'Lagermedarbejder med truckcertifikat',
      email: 'lars@eksempel.dk',
      phone: '+45 20 00 00 01',
      url: 'https://lars.eksempel.dk',
      summary: 'Stabil og glad for at arbejde i team.',
      location: { address: 'Vestergade 1', postalCode: '7100', city: 'Vejle', countryCode: 'DK' },
      profiles: [{ network: 'LinkedIn', username: 'lars', url: 'https://www.linkedin.com/in/lars' }],
    });
    expect(document.work).to.deep.equal([
      { name: 'Bilka Vejle', position: 'Lagermedarbejder', location: 'Vejle', startDate: '2019-03', summary: 'Plukning og truck.', highlights: ['Truck B', 'Nøgleansvar'] },
      { name: 'PostNord', position: 'Pakker', startDate: '2016-01', endDate: '2019-02' },
    ]);
    expect(document.education).to.deep.equal([
      { institution: 'Campus Vejle', area: 'Lager og logistik', studyType: 'Erhvervsuddannelse', startDate: '2014-08', endDate: '2016-01', courses: ['Truck'] },
    ]);
    expect(document.certificates).to.deep.equal([{ name: 'Førstehjælp', issuer: 'Dansk Røde Kors', date: '2023-05' }]);
    expect(document.skills).to.deep.equal([{ name: 'Truckkørsel', level: 'Erfaren', keywords: ['Reachtruck'] }]);
    expect(document.languages).to.deep.equal([
      { language: 'Dansk', fluency: 'Modersmål' },
      { language: 'Engelsk', fluency: 'B2' },
    ]);
    expect(document.references).to.deep.equal([{ name: 'Mette Hansen', reference: 'Altid til at stole på.' }]);
  });

  it('keeps what JSON Resume has no place for under x-jobunivers', () => {
    const extension = toJsonResume(larsCv())['x-jobunivers'];

    expect(extension?.version).to.equal(1);
    expect(extension?.jobTitles).to.deep.equal({ hidden: false, items: [{ id: 'j1', hidden: false, title: 'Lagermedarbejder', escoUri: '' }] });
    expect(extension?.conditions).to.deep.equal({ hidden: false, hours: ['full-time'], types: ['permanent'], availableFrom: '', area: 'Trekantområdet' });
    expect(extension?.drivingLicences).to.deep.equal({ hidden: false, categories: ['B', 'C'], note: '' });
    expect(extension?.sections.work?.items.map((item) => item.id)).to.deep.equal(['w1', 'w2', 'w3']);
    expect(extension?.sections.work?.items[0]?.present).to.equal(true);
    expect(extension?.sections.education?.items[0]?.level).to.equal('vocational');
    expect(extension?.sections.certificates?.items[0]).to.include({ kind: 'licence', expires: '2025-05' });
    expect(extension?.sections.languages?.items[0]).to.include({ native: true, derivedFluency: true });
    expect(extension?.sections.references?.items[0]).to.include({ relation: 'Leder, Bilka', contact: '+45 30 00 00 02' });
  });

  it('leaves hidden items and hidden sections out of the standard part, but keeps them', () => {
    const cv = larsCv();
    cv.skills.hidden = true;
    cv.profile.hidden = true;
    const document = toJsonResume(cv);

    expect(JSON.stringify(document.work)).to.not.include('Avisbud');
    expect(document.skills).to.equal(undefined);
    expect(document.basics?.summary).to.equal(undefined);
    const extension = document['x-jobunivers'];
    expect(extension?.sections.work?.items[2]).to.deep.include({ id: 'w3', hidden: true, item: { name: 'Jysk Fynske Medier', position: 'Avisbud', startDate: '2010-05' } });
    expect(extension?.sections.skills?.hidden).to.equal(true);
    expect(extension?.sections.skills?.items[0]?.item).to.deep.equal({ name: 'Truckkørsel', level: 'Erfaren', keywords: ['Reachtruck'] });
    expect(extension?.profile).to.deep.equal({ hidden: true, summary: 'Stabil og glad for at arbejde i team.' });
    expect(fromJsonResume(document)).to.deep.include({ ok: true, cv });
  });

  it('tells "nu" from no end date', () => {
    const document = toJsonResume(larsCv());
    const entries = document['x-jobunivers']?.sections.work?.items ?? [];

    expect(document.work?.[0]?.endDate).to.equal(undefined);
    expect(entries[0]?.present).to.equal(true);
    expect(entries[2]?.present).to.equal(undefined);
    const back = fromJsonResume(document);
    expect(back.ok && back.cv.work.items.map((item) => item.end)).to.deep.equal(['present', '2019-02', '']);
  });

  it('writes addresses the official schema would reject under x-jobunivers, exactly as typed', () => {
    const cv = larsCv();
    cv.contact.email = 'lars@';
    cv.contact.url = 'www.lars.dk';
    cv.work.items[0].url = 'javascript:alert(1)';
    cv.work.items[1].start = 'Sommer 2019';
    const document = toJsonResume(cv);

    expect(document.basics).to.not.have.property('email');
    expect(document.basics).to.not.have.property('url');
    expect(document['x-jobunivers']?.contact).to.deep.equal({ raw: { email: 'lars@', url: 'www.lars.dk' } });
    expect(document.work?.[0]).to.not.have.property('url');
    expect(document.work?.[1]).to.not.have.property('startDate');
    expect(document['x-jobunivers']?.sections.work?.items[0]?.raw).to.deep.equal({ url: 'javascript:alert(1)' });
    expect(document['x-jobunivers']?.sections.work?.items[1]?.raw).to.deep.equal({ startDate: 'Sommer 2019' });
    expect(fromJsonResume(document)).to.deep.include({ ok: true, cv });
  });

  it('writes other tools\' fields back unchanged, at the top, in basics and in items', () => {
    const cv = larsCv();
    cv.extra = { projects: [{ name: 'Lagerrobot' }], meta: { version: 'v1.0.0' }, basics: { image: 'https://eksempel.dk/lars.jpg', location: { region: 'Syddanmark' } } };
    cv.work.items[0].extra = { description: 'Supermarked', 'x-rating': 5 };
    const document = toJsonResume(cv);

    expect(document['projects']).to.deep.equal([{ name: 'Lagerrobot' }]);
    expect(document['meta']).to.deep.equal({ version: 'v1.0.0' });
    expect(document.basics?.image).to.equal('https://eksempel.dk/lars.jpg');
    expect(document.basics?.location?.region).to.equal('Syddanmark');
    expect(document.work?.[0]).to.include({ description: 'Supermarked', 'x-rating': 5, name: 'Bilka Vejle' });
  });

  it('does not share objects with the CV, so changing the document never changes the CV', () => {
    const cv = larsCv();
    cv.extra = { projects: [{ name: 'Lagerrobot' }] };
    const document = toJsonResume(cv);
    (document['projects'] as { name: string }[])[0].name = 'Ændret';
    document.work![0].highlights!.push('Ændret');

    expect(cv.extra['projects']).to.deep.equal([{ name: 'Lagerrobot' }]);
    expect(cv.work.items[0]?.highlights).to.deep.equal(['Truck B', 'Nøgleansvar']);
  });

  it('keeps the whole date another tool wrote while the month is unchanged', () => {
    const result = fromJsonResume({ work: [{ name: 'Hooli', startDate: '2013-12-01', endDate: '2014-12-31' }] });
    if (!result.ok) throw new Error('import failed');
    expect(result.cv.work.items[0]).to.include({ start: '2013-12', end: '2014-12' });
    expect(toJsonResume(result.cv).work?.[0]).to.include({ startDate: '2013-12-01', endDate: '2014-12-31' });

    result.cv.work.items[0].start = '2014-01';
    expect(toJsonResume(result.cv).work?.[0]?.startDate).to.equal('2014-01');
  });

  it('derives a readable fluency from CEFR levels when the citizen wrote none', () => {
    const language = (fields: Partial<LanguageItem>): LanguageItem => ({ ...newItem.languages(), language: 'Arabisk', ...fields });
    const skills = { listening: 'C1', reading: 'B1', spokenInteraction: 'C1', spokenProduction: '', writing: 'B2' } as const;

    expect(derivedFluency(language({ native: true }))).to.equal('Modersmål');
    expect(derivedFluency(language({ native: true }), 'en')).to.equal('Native speaker');
    expect(derivedFluency(language({ native: true }), 'ar')).to.equal('اللغة الأم');
    expect(derivedFluency(language({ level: 'C1' }))).to.equal('C1');
    expect(derivedFluency(language({ perSkill: true, skills }))).to.equal('B1–C1');
    expect(derivedFluency(language({}))).to.equal('');

    const cv = emptyCv();
    cv.languages.items = [language({ level: 'C1', fluency: 'Flydende' }), language({ native: true })];
    const document = toJsonResume(cv, { language: 'en' });
    expect(document.languages?.map((item) => item.fluency)).to.deep.equal(['Flydende', 'Native speaker']);
    expect(fromJsonResume(document)).to.deep.include({ ok: true, cv });
  });

  it('leaves empty fields and empty sections out', () => {
    const document = toJsonResume(emptyCv());
    expect(Object.keys(document)).to.deep.equal(['$schema', 'basics', 'x-jobunivers']);
    expect(document.basics).to.deep.equal({ location: { countryCode: 'DK' } });
  });
});
