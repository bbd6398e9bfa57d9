import { expect } from '@open-wc/testing';
import { LIST_SECTION_KEYS, type Cv } from '../src/model/cv.js';
import { cvEquals, fromJsonResume, parseCvFile, toJsonResume, type ImportResult, type JsonResume } from '../src/model/index.js';
import { randomCv } from './support/random-cv.js';

/** To replay a failure, put the seed it printed here (instead of `undefined`). */
const REPLAY_SEED = undefined as number | undefined;
const RUNS = 400;
const baseSeed = REPLAY_SEED ?? Math.floor(Math.random() * 2 ** 31);

function imported(result: ImportResult, seed: number): Cv {
  if (!result.ok) throw new Error(`seed ${String(seed)}: import failed: ${JSON.stringify(result.problems)}`);
  return result.cv;
}

/** Runs `check` on RUNS random CVs; a failure names the seed that makes it. */
function forRandomCvs(check: (cv: Cv, seed: number) => void): void {
  for (let run = 0; run < RUNS; run++) {
    const seed = (baseSeed + run) >>> 0;
    const cv = randomCv(seed);
    try {
      check(cv, seed);
    } catch (error) {
      throw new Error(`Failed for seed ${String(seed)} (replay: REPLAY_SEED = ${String(seed)} in model-round-trip.test.ts): ${String(error)}`, { cause: error });
    }
  }
}

describe('JSON Resume round trip (property test)', () => {
  it(`gives back the very same CV for ${String(RUNS)} random CVs (seeds from ${String(baseSeed)})`, () => {
    forRandomCvs((cv, seed) => {
      const back = imported(fromJsonResume(toJsonResume(cv)), seed);
      expect(back).to.deep.equal(cv);
      expect(cvEquals(back, cv)).to.equal(true);
    });
  });

  it('survives being written to a file and read again, with the same text', () => {
    forRandomCvs((cv, seed) => {
      const text = JSON.stringify(toJsonResume(cv), null, 2);
      const back = imported(parseCvFile(text), seed);
      expect(back).to.deep.equal(cv);
      expect(JSON.stringify(toJsonResume(back), null, 2)).to.equal(text);
    });
  });

  it('puts only visible items of visible sections into the standard arrays', () => {
    forRandomCvs((cv) => {
      const document: JsonResume = toJsonResume(cv);
      const standardKeys = { work: 'work', education: 'education', certificates: 'certificates', skills: 'skills', languages: 'languages', volunteer: 'volunteer', references: 'references' } as const;
      for (const key of LIST_SECTION_KEYS) {
        if (key === 'jobTitles') continue;
        const section = cv[key];
        const visible = section.hidden ? 0 : section.items.filter((item) => !item.hidden).length;
        expect(document[standardKeys[key]]?.length ?? 0, key).to.equal(visible);
      }
      expect(document.basics?.profiles?.length ?? 0).to.equal(cv.contact.profiles.filter((item) => !item.hidden).length);
      expect(document.basics?.summary).to.equal(cv.profile.hidden || cv.profile.summary === '' ? undefined : cv.profile.summary);
    });
  });

  it('never changes the prototype of anything, even with "__proto__" keys in the file', () => {
    forRandomCvs((cv, seed) => {
      imported(parseCvFile(JSON.stringify(toJsonResume(cv))), seed);
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    });
  });
});
