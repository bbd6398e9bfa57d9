import { expect } from '@open-wc/testing';
import { itHasCompleteTranslations, type Strings } from '../../core/test/support/translation-checks.js';
import dialogsAr from '../src/locales/model-dialogs.ar.json';
import dialogsDa from '../src/locales/model-dialogs.da.json';
import dialogsEn from '../src/locales/model-dialogs.en.json';
import ar from '../src/locales/model.ar.json';
import da from '../src/locales/model.da.json';
import en from '../src/locales/model.en.json';
import { CSV_FIELDS, csvFieldKey, csvProblemMessage, csvSkipMessage, type CsvProblemCode } from '../src/model/csv.js';
import { DEFAULT_REQUIREMENT, EXEMPTION_REASONS, type Requirement } from '../src/model/entry.js';
import { computeInsights } from '../src/model/insights.js';
import { findReminders } from '../src/model/reminders.js';
import { readRequirement } from '../src/model/requirement.js';
import { VALIDATION_KEYS } from '../src/model/validate.js';
import { addDays, weekStart } from '../src/model/weeks.js';
import { entry, randomEntries } from './model-fixtures.js';

/** Nested locale objects as the namespace reads them: `{ requirement: { message: { none } } }` → `requirement.message.none`. */
function flatten(value: unknown, prefix = ''): Strings {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([key, item]) => flatten(item, prefix === '' ? key : `${prefix}.${key}`))) as Strings;
}

// model.*.json: what the first render says (the meter, the reminders); model-dialogs.*.json: the rest, which the
// widget loads with its dialogs. Together they are the model's strings.
const languages = { da: flatten({ ...da, ...dialogsDa }), en: flatten({ ...en, ...dialogsEn }), ar: flatten({ ...ar, ...dialogsAr }) };
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = new Set(Object.keys(languages.da).map((key) => key.replace(PLURAL, '')));
const expectKey = (key: string): void => {
  expect(baseKeys.has(key), key).to.equal(true);
};

const PROBLEM_CODES: CsvProblemCode[] = [
  'unclosed-quote', 'missing-title', 'missing-employer', 'missing-date', 'bad-date', 'future-date', 'too-long', 'unknown-type', 'unknown-status',
  'unknown-value', 'bad-deadline', 'bad-number', 'bad-postcode', 'bad-url', 'bad-history', 'bad-id', 'cv-without-id',
];

describe('model strings (da, en, ar)', () => {
  itHasCompleteTranslations(languages);

  it('has one top-level object per area', () => {
    expect(Object.keys(da)).to.deep.equal(['requirement', 'reminder']);
    expect(Object.keys(dialogsDa)).to.deep.equal(['duplicate', 'insight', 'csv', 'validate']);
    for (const [first, rest] of [[en, dialogsEn], [ar, dialogsAr]]) expect([Object.keys(first), Object.keys(rest)]).to.deep.equal([Object.keys(da), Object.keys(dialogsDa)]);
  });

  it('has a string for every message the requirement meter can give', () => {
    const rules: Requirement[] = [
      DEFAULT_REQUIREMENT, { ...DEFAULT_REQUIREMENT, perWeek: 0 }, { ...DEFAULT_REQUIREMENT, scale: 0.5 }, { ...DEFAULT_REQUIREMENT, perWeek: 2, activitiesCount: true },
      { ...DEFAULT_REQUIREMENT, averageOverWeeks: 1 }, { ...DEFAULT_REQUIREMENT, exemptWeeks: [{ week: '2026-W12', reason: 'holiday' }] },
      ...EXEMPTION_REASONS.map((reason) => ({ ...DEFAULT_REQUIREMENT, exemptWeeks: [{ week: '2026-W13', reason }] })),
    ];
    for (const rule of rules) {
      for (const count of [0, 1, 4, 12]) {
        const entries = Array.from({ length: count }, (_, index) => entry({ date: addDays(weekStart('2026-W10'), index * 2) }));
        const meter = readRequirement(entries, rule, '2026-03-26', { countFrom: '2026-03-02' });
        for (const message of [meter.message, ...meter.details]) expectKey(message.key);
        expectKey(`requirement.status.${meter.status}`);
      }
    }
    for (const reason of EXEMPTION_REASONS) expectKey(`requirement.reason.${reason}`);
  });

  it('has a string for every reminder, insight, problem and field', () => {
    const log = [
      entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-26' }), entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-27' }),
      entry({ status: 'saved', date: '2026-03-20', deadline: '2026-03-28' }), entry({ date: '2026-03-01' }),
    ];
    for (const reminder of findReminders(log, '2026-03-26', { requirement: DEFAULT_REQUIREMENT })) expectKey(reminder.key);
    expectKey('reminder.emptyWeekWithActivities');
    for (const entries of [[], log, randomEntries(300, 1)]) for (const message of computeInsights(entries, '2026-06-15').messages) expectKey(message.key);
    for (const key of ['insight.tooFewShort', 'insight.daysInStatus', 'insight.unknownSource', 'duplicate.application', 'duplicate.activity', 'duplicate.question']) expectKey(key);
    for (const code of PROBLEM_CODES) expectKey(csvProblemMessage({ row: 2, column: 'x', field: 'title', code, value: 'x', severity: 'error' }).key);
    for (const field of ['title', 'date'] as const) expectKey(csvProblemMessage({ row: 1, column: null, field, code: 'missing-column', value: '', severity: 'error' }).key);
    for (const reason of ['same-id', 'same-entry', 'repeated-in-file'] as const) expectKey(csvSkipMessage({ row: 2, reason, entryId: 'x' }).key);
    for (const field of CSV_FIELDS) expectKey(csvFieldKey(field));
    for (const key of ['csv.summary.imported', 'csv.summary.skipped', 'csv.summary.errors', 'csv.summary.warnings', 'csv.summary.nothing', 'csv.mapping.ignore']) expectKey(key);
    for (const key of Object.values(VALIDATION_KEYS)) expectKey(key);
  });

  it('never threatens: no "krav ikke opfyldt", sanctions or warnings of consequences in Danish', () => {
    for (const [key, text] of Object.entries(languages.da)) expect(text, key).to.not.match(/ikke opfyldt|sanktion|konsekvens|advarsel|mister|skal søge/i);
  });
});
