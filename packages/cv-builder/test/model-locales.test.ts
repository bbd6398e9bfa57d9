import { expect } from '@open-wc/testing';
import { itHasCompleteTranslations, itKeepsPartsApart, joinParts, type Strings } from '../../core/test/support/translation-checks.js';
import ar from '../src/locales/model.ar.json';
import completenessDa from '../src/locales/model-completeness.da.json';
import completenessFoldedDa from '../src/locales/model-completeness-folded.da.json';
import problemsDa from '../src/locales/model-problems.da.json';
import en from '../src/locales/model.en.json';
import { REQUIRED_CHECKS, SUGGESTED_CHECKS, PROBLEM_KEYS, checkCompleteness, emptyCv, fromJsonResume, newItem, type ImportIssueCode } from '../src/model/index.js';

/** Nested locale objects as i18next reads them: `{ problem: { email } }` → `problem.email`. */
function flatten(value: unknown, prefix = ''): Strings {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([key, item]) => flatten(item, prefix === '' ? key : `${prefix}.${key}`))) as Strings;
}

// Danish in parts: the completeness panel's inline, its folded texts with the help, problems and import messages
// with the checks and the import dialog. English and Arabic are whole.
const danishParts = [flatten(completenessDa), flatten(completenessFoldedDa), flatten(problemsDa)];
const languages = { da: joinParts(danishParts), en: flatten(en), ar: flatten(ar) };

const IMPORT_CODES: ImportIssueCode[] = [
  'not-json', 'empty', 'too-large', 'not-an-object', 'not-a-resume', 'type', 'unreadable',
  'date', 'date-year', 'url', 'email', 'coerced', 'extension', 'extension-version', 'extension-mismatch',
];

describe('model strings (da, en, ar)', () => {
  itKeepsPartsApart(danishParts);
  itHasCompleteTranslations(languages);

  it('has one top-level object per area', () => {
    expect(Object.keys(en)).to.deep.equal(['problem', 'import', 'completeness']);
    expect(Object.keys(problemsDa)).to.deep.equal(['problem', 'import']);
    expect(Object.keys(completenessDa)).to.deep.equal(['completeness']);
  });

  it('ships inline only what the completeness panel shows unfolded', () => {
    const inline = Object.keys(flatten(completenessDa));
    expect(inline.filter((key) => key.startsWith('completeness.done.'))).to.deep.equal([]);
    for (const check of SUGGESTED_CHECKS) expect(inline, check).not.to.include(`completeness.todo.${check}`);
    for (const check of REQUIRED_CHECKS) expect(inline, check).to.include.members([`completeness.label.${check}`, `completeness.todo.${check}`]);
  });

  it('has a Danish message for every problem, import issue and completeness item the model answers with', () => {
    const keys = [...Object.values(PROBLEM_KEYS), ...IMPORT_CODES.map((code) => `import.${code}`)];
    for (const check of [...REQUIRED_CHECKS, ...SUGGESTED_CHECKS]) {
      keys.push(`completeness.label.${check}`, `completeness.todo.${check}`, `completeness.done.${check}`);
      if (check !== 'contact') keys.push(`completeness.hidden.${check}`);
    }
    for (const key of keys) expect(languages.da, key).to.have.property(key);
  });

  it('uses only keys that exist, for any state of the CV', () => {
    const cv = emptyCv();
    cv.jobTitles.items = [{ ...newItem.jobTitles(), title: 'Lager', hidden: true }];
    for (const item of [...checkCompleteness(cv).required, ...checkCompleteness(cv).suggestions]) {
      expect(languages.da, item.key).to.have.property(item.key);
      expect(languages.da, item.label).to.have.property(item.label);
    }
    const result = fromJsonResume({ work: [{ startDate: 2019 }] });
    for (const warning of result.ok ? result.warnings : []) expect(languages.da).to.have.property(`import.${warning.code}`);
  });
});
