// The JSON Resume export against the official schema (@jsonresume/schema 1.2.1, compiled with ajv + ajv-formats)
// and against the contract's `JsonResume` schema the server checks uploads with. Runs in Node, because ajv is a
// CommonJS package the browser test runner cannot load:
//   node --conditions=source --import tsx --test packages/cv-builder/test/model-schema.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { JsonResume as ContractJsonResume } from '@jobunivers/contract';
import { emptyCv, fromJsonResume, isEmail, isWebAddress, toJsonResume } from '../src/model/index.js';
import { randomCv } from './support/random-cv.js';
import { EMAILS, WEB_ADDRESSES } from './support/random-cv.js';

const require = createRequire(import.meta.url);
const addFormats = /** @type {(ajv: Ajv) => Ajv} */ (/** @type {unknown} */ (addFormatsModule.default ?? addFormatsModule));
const readJson = (path) => JSON.parse(readFileSync(require.resolve(path), 'utf8'));
const officialSchema = readJson('@jsonresume/schema/schema.json');
const sample = readJson('@jsonresume/schema/sample.resume.json');

// `strict: false`: the official schema uses `additionalItems` beside a single `items` schema, which strict mode refuses.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validateOfficial = ajv.compile(officialSchema);
/** The schema with its `$id`s removed: TypeBox repeats a shared sub-schema (with its `$id`) at every use. */
const withoutIds = (value) =>
  Array.isArray(value) ? value.map(withoutIds) : typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== '$id').map(([key, item]) => [key, withoutIds(item)])) : value;
const validateContract = addFormats(new Ajv({ allErrors: true, strict: false })).compile(withoutIds(ContractJsonResume));

const RUNS = 400;
const REPLAY_SEED = process.env.SEED === undefined ? undefined : Number(process.env.SEED);
const baseSeed = REPLAY_SEED ?? Math.floor(Math.random() * 2 ** 31);

function assertValid(validate, document, what) {
  assert.ok(validate(document), `${what}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

describe('JSON Resume export and the official schema', () => {
  it('the official sample is valid (the validator works)', () => {
    assertValid(validateOfficial, sample, 'sample');
    assert.equal(validateOfficial({ basics: { email: 'not an address' }, work: [{ startDate: 'Sommer 2019', url: 'www.x.dk' }] }), false);
  });

  it(`exports ${String(RUNS)} random CVs (with XSS-looking text, bad addresses and odd dates) as valid JSON Resume (seeds from ${String(baseSeed)}; replay with SEED=<seed>)`, () => {
    for (let run = 0; run < RUNS; run++) {
      const seed = (baseSeed + run) >>> 0;
      const document = toJsonResume(randomCv(seed));
      assertValid(validateOfficial, document, `seed ${String(seed)}, official schema`);
      assertValid(validateContract, document, `seed ${String(seed)}, contract schema`);
    }
  });

  it('exports an empty CV as valid JSON Resume', () => {
    assertValid(validateOfficial, toJsonResume(emptyCv()), 'empty CV');
  });

  it('puts a web address or e-mail address into the standard part only when the schema accepts it', () => {
    const formatValid = (format, value) => ajv.validate({ type: 'string', format }, value);
    for (const address of WEB_ADDRESSES.filter((value) => value !== '')) {
      if (isWebAddress(address)) assert.ok(formatValid('uri', address), `${address} is accepted by us but not by format: uri`);
    }
    for (const email of EMAILS.filter((value) => value !== '')) assert.equal(isEmail(email), formatValid('email', email), email);
  });

  it('reads the official sample and writes it back valid, with its own fields unchanged', () => {
    const result = fromJsonResume(sample);
    assert.ok(result.ok);
    assert.deepEqual(result.warnings, []);
    const document = toJsonResume(result.cv);
    assertValid(validateOfficial, document, 'sample written back');
    const standard = Object.fromEntries(Object.entries(document).filter(([key]) => key !== 'x-jobunivers'));
    assert.deepEqual(standard, sample);
  });
});
