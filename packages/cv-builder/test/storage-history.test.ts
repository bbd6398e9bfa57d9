import { expect } from '@open-wc/testing';
import { emptyCv, type Cv } from '../src/model/cv.js';
import { CvHistory } from '../src/storage/history.js';

/** A CV whose name is `name`, built as the shell builds states: a copy, never a mutation. */
const named = (from: Cv, name: string): Cv => ({ ...from, contact: { ...from.contact, name } });

/** A history on a clock the test moves by hand. */
function historyWithClock(options: { limit?: number; coalesceMs?: number } = {}): { history: CvHistory; tick: (ms: number) => void; start: Cv } {
  let now = 1000;
  const start = emptyCv();
  const history = new CvHistory(start, { ...options, now: () => now });
  return { history, tick: (ms) => { now += ms; }, start };
}

/** Types `text` into the name field one letter at a time, `gapMs` apart, as the shell would report it. */
function typeName(history: CvHistory, tick: (ms: number) => void, text: string, gapMs = 100, key = 'contact.name'): void {
  for (const letter of text) {
    tick(gapMs);
    history.apply(named(history.current, history.current.contact.name + letter), key);
  }
}

describe('CvHistory', () => {
  it('starts at the initial CV with nothing to undo or redo', () => {
    const { history, start } = historyWithClock();

    expect(history.current).to.equal(start);
    expect(history.canUndo).to.equal(false);
    expect(history.canRedo).to.equal(false);
    expect(history.undo()).to.equal(undefined);
    expect(history.redo()).to.equal(undefined);
  });

  it('undoes a word typed without pausing as one step, not letter by letter', () => {
    const { history, tick, start } = historyWithClock();
    typeName(history, tick, 'Amira');

    expect(history.current.contact.name).to.equal('Amira');
    expect(history.undoSteps).to.equal(1);
    expect(history.undo()).to.equal(start);
    expect(history.current.contact.name).to.equal('');
  });

  it('starts a new step after a pause longer than the coalescing window', () => {
    const { history, tick } = historyWithClock({ coalesceMs: 1500 });
    typeName(history, tick, 'Amira');
    tick(1600);
    typeName(history, tick, ' Hassan', 100);

    expect(history.undoSteps).to.equal(2);
    history.undo();
    expect(history.current.contact.name).to.equal('Amira');
    history.undo();
    expect(history.current.contact.name).to.equal('');
  });

  it('keeps merging while each change comes within the window of the one before (a long sentence is one step)', () => {
    const { history, tick } = historyWithClock({ coalesceMs: 1500 });
    typeName(history, tick, 'Lagermedarbejder med truckcertifikat', 1400);

    expect(history.undoSteps).to.equal(1);
  });

  it('starts a new step when another field is changed, even at once', () => {
    const { history, tick } = historyWithClock();
    typeName(history, tick, 'Amira');
    tick(10);
    history.apply({ ...history.current, contact: { ...history.current.contact, city: 'Vejle' } }, 'contact.city');
    tick(10);
    history.apply(named(history.current, 'Amira H'), 'contact.name');

    expect(history.undoSteps).to.equal(3);
    history.undo();
    expect(history.current.contact).to.include({ name: 'Amira', city: 'Vejle' });
    history.undo();
    expect(history.current.contact).to.include({ name: 'Amira', city: '' });
  });

  it('never merges changes without a coalesce key (moves, deletions, hides are steps of their own)', () => {
    const { history, tick } = historyWithClock();
    history.apply(named(history.current, 'A'));
    tick(1);
    history.apply(named(history.current, 'B'));

    expect(history.undoSteps).to.equal(2);
  });

  it('seal() ends a typing run, so the next change in the same field is a new step', () => {
    const { history, tick } = historyWithClock();
    typeName(history, tick, 'Amira');
    history.seal();
    typeName(history, tick, 'X');

    expect(history.undoSteps).to.equal(2);
  });

  it('redoes what was undone, in order, and returns the very states that were applied', () => {
    const { history, start } = historyWithClock();
    const first = named(start, 'Første');
    const second = named(first, 'Anden');
    history.apply(first);
    history.apply(second);

    expect(history.undo()).to.equal(first);
    expect(history.undo()).to.equal(start);
    expect(history.canRedo).to.equal(true);
    expect(history.redo()).to.equal(first);
    expect(history.redo()).to.equal(second);
    expect(history.canRedo).to.equal(false);
  });

  it('drops the redo branch when a new change is made after undo', () => {
    const { history, start } = historyWithClock();
    const first = named(start, 'Første');
    history.apply(first);
    history.apply(named(first, 'Anden'));
    history.undo();

    const branch = named(first, 'Gren');
    history.apply(branch);

    expect(history.canRedo).to.equal(false);
    expect(history.redo()).to.equal(undefined);
    expect(history.current).to.equal(branch);
    expect(history.undo()).to.equal(first);
  });

  it('does not merge typing after an undo into the step before it', () => {
    const { history, tick } = historyWithClock();
    typeName(history, tick, 'Ab');
    tick(1600);
    typeName(history, tick, 'cd');
    history.undo(); // back to "Ab"
    typeName(history, tick, 'x'); // same key, within the window of the last apply: still a new step

    expect(history.current.contact.name).to.equal('Abx');
    history.undo();
    expect(history.current.contact.name).to.equal('Ab');
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const { history, start } = historyWithClock({ limit: 5 });
    let state = start;
    for (let step = 1; step <= 8; step++) {
      state = named(state, `v${String(step)}`);
      history.apply(state);
    }

    expect(history.undoSteps).to.equal(5);
    let last: Cv | undefined;
    while (history.canUndo) last = history.undo();
    expect(last?.contact.name).to.equal('v3');
  });

  it('defaults to a bound of 200 steps', () => {
    const { history, start } = historyWithClock();
    let state = start;
    for (let step = 0; step < 250; step++) {
      state = named(state, String(step));
      history.apply(state);
    }

    expect(history.undoSteps).to.equal(200);
  });

  it('ignores applying the current state again (no empty undo step)', () => {
    const { history } = historyWithClock();
    history.apply(history.current);

    expect(history.canUndo).to.equal(false);
  });

  it('never changes a stored state', () => {
    const { history, tick, start } = historyWithClock();
    const snapshot = JSON.stringify(start);
    typeName(history, tick, 'Amira');
    history.undo();
    history.redo();
    history.apply(named(history.current, 'Ny'));

    expect(JSON.stringify(start)).to.equal(snapshot);
  });

  it('reset() starts over with no undo or redo', () => {
    const { history, tick } = historyWithClock();
    typeName(history, tick, 'Amira');
    history.undo();
    const fresh = named(emptyCv(), 'Fra kladden');
    history.reset(fresh);

    expect(history.current).to.equal(fresh);
    expect(history.canUndo).to.equal(false);
    expect(history.canRedo).to.equal(false);
  });
});
