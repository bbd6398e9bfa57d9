import { expect } from '@open-wc/testing';
import type { JoblogEntry } from '../src/model/entry.js';
import type { EntrySyncState, OutboxItem } from '../src/storage/sync-records.js';
import { mergeServerChanges, sameEntry, type ServerChange } from '../src/sync/merge.js';
import { sampleEntry } from './support/sync-fake-joblog-server.js';

const ID = 'entry-1';
const base = sampleEntry({ id: ID, notes: 'fælles udgangspunkt' });
const mine = { ...base, notes: 'ændret her' };
const theirs = { ...base, notes: 'ændret på telefonen' };
const mark = (kind: OutboxItem['kind']): OutboxItem => ({ id: ID, kind, seq: 1, stamp: 'stamp-1' });

/** This browser's side in shorthand. */
type Local =
  | 'unknown' // nothing here
  | 'synced' // `base` at version 2, nothing to send
  | 'edited' // `mine`, based on version 2, a put waiting
  | 'edited-same' // changed here to exactly what the server now has
  | 'deleted' // deleted here, based on version 2, a delete waiting
  | 'new'; // created here, never sent (no version), a put waiting

function local(kind: Local): EntrySyncState {
  switch (kind) {
    case 'unknown': return { id: ID, entry: null, version: null, pending: null, conflict: null };
    case 'synced': return { id: ID, entry: base, version: 2, pending: null, conflict: null };
    case 'edited': return { id: ID, entry: mine, version: 2, pending: mark('put'), conflict: null };
    case 'edited-same': return { id: ID, entry: theirs, version: 2, pending: mark('put'), conflict: null };
    case 'deleted': return { id: ID, entry: null, version: 2, pending: mark('delete'), conflict: null };
    case 'new': return { id: ID, entry: mine, version: null, pending: mark('put'), conflict: null };
  }
}

const changed = (entry: JoblogEntry | null, version: number): ServerChange => ({ id: ID, entry, version });

interface Row {
  local: Local;
  server: ServerChange;
  /** The state written, or `unchanged` when nothing is written. */
  expect: 'unchanged' | Omit<EntrySyncState, 'id'>;
  taken?: 'put' | 'removed';
  conflict?: true;
  settled?: true;
}

const rows: [string, Row][] = [
  ['unknown here, new on the server → taken', { local: 'unknown', server: changed(theirs, 1), expect: { entry: theirs, version: 1, pending: null, conflict: null }, taken: 'put' }],
  ['unknown here, a tombstone → nothing', { local: 'unknown', server: changed(null, 4), expect: 'unchanged' }],
  ['synced, changed on the server → taken', { local: 'synced', server: changed(theirs, 3), expect: { entry: theirs, version: 3, pending: null, conflict: null }, taken: 'put' }],
  ['synced, deleted on the server → removed here', { local: 'synced', server: changed(null, 3), expect: { entry: null, version: null, pending: null, conflict: null }, taken: 'removed' }],
  ['synced, the same version again (our own push coming back) → nothing', { local: 'synced', server: changed(base, 2), expect: 'unchanged' }],
  ['synced, an older version → nothing', { local: 'synced', server: changed(theirs, 1), expect: 'unchanged' }],
  ['edited here, unchanged there (same version) → stays to be pushed', { local: 'edited', server: changed(base, 2), expect: 'unchanged' }],
  ['edited here, changed there → conflict, both kept', { local: 'edited', server: changed(theirs, 3), expect: { entry: mine, version: 2, pending: mark('put'), conflict: { entry: theirs, version: 3 } }, conflict: true }],
  ['edited here, deleted there → conflict (theirs: deleted)', { local: 'edited', server: changed(null, 3), expect: { entry: mine, version: 2, pending: mark('put'), conflict: { entry: null, version: 3 } }, conflict: true }],
  ['edited here to what the server has now → settled', { local: 'edited-same', server: changed(theirs, 3), expect: { entry: theirs, version: 3, pending: null, conflict: null }, settled: true }],
  ['deleted here, changed there → conflict (mine: deleted)', { local: 'deleted', server: changed(theirs, 3), expect: { entry: null, version: 2, pending: mark('delete'), conflict: { entry: theirs, version: 3 } }, conflict: true }],
  ['deleted here and there → settled, forgotten', { local: 'deleted', server: changed(null, 3), expect: { entry: null, version: null, pending: null, conflict: null }, settled: true }],
  ['deleted here, unchanged there → stays to be deleted', { local: 'deleted', server: changed(base, 2), expect: 'unchanged' }],
  ['new here, and the server has the same (a create whose answer was lost) → settled', { local: 'new', server: changed(mine, 1), expect: { entry: mine, version: 1, pending: null, conflict: null }, settled: true }],
  ['new here, the server has another entry with this id → conflict', { local: 'new', server: changed(theirs, 1), expect: { entry: mine, version: null, pending: mark('put'), conflict: { entry: theirs, version: 1 } }, conflict: true }],
];

describe('mergeServerChanges', () => {
  for (const [name, row] of rows) {
    it(name, () => {
      const before = local(row.local);
      const result = mergeServerChanges(new Map([[ID, before]]), [row.server]);

      if (row.expect === 'unchanged') {
        expect(result.states).to.deep.equal([]);
      } else {
        expect(result.states).to.deep.equal([{ id: ID, ...row.expect }]);
      }
      expect(result.taken).to.deep.equal({
        put: row.taken === 'put' ? [row.server.entry] : [],
        removed: row.taken === 'removed' ? [ID] : [],
      });
      if (row.conflict) {
        const state = local(row.local);
        expect(result.conflicts).to.deep.equal([{ id: ID, mine: state.entry, theirs: row.server.entry, version: row.server.version }]);
      } else {
        expect(result.conflicts).to.deep.equal([]);
      }
      expect(result.settled).to.deep.equal(row.settled ? [ID] : []);
    });
  }

  it('an id missing from the local map counts as unknown here', () => {
    const result = mergeServerChanges(new Map(), [changed(theirs, 1)]);
    expect(result.taken.put).to.deep.equal([theirs]);
  });

  it('takes changes in order: a later change of the same id wins', () => {
    const result = mergeServerChanges(new Map([[ID, local('synced')]]), [changed(theirs, 3), changed(null, 4)]);
    expect(result.states).to.deep.equal([{ id: ID, entry: null, version: null, pending: null, conflict: null }]);
    expect(result.taken).to.deep.equal({ put: [], removed: [ID] });
  });

  it('an open conflict is updated by a newer server copy, and settled when the server comes to agree', () => {
    const open = mergeServerChanges(new Map([[ID, local('edited')]]), [changed(theirs, 3)]).states[0];
    expect(open.conflict).to.deep.equal({ entry: theirs, version: 3 });

    const newer = { ...theirs, notes: 'igen på telefonen' };
    const updated = mergeServerChanges(new Map([[ID, open]]), [changed(newer, 4)]);
    expect(updated.states[0]?.conflict).to.deep.equal({ entry: newer, version: 4 });
    expect(updated.conflicts.map((conflict) => conflict.version)).to.deep.equal([4]);

    expect(mergeServerChanges(new Map([[ID, updated.states[0]]]), [changed(newer, 4)]).states).to.deep.equal([], 'the same copy again changes nothing');

    const agreed = mergeServerChanges(new Map([[ID, updated.states[0]]]), [changed(mine, 5)]);
    expect(agreed.states).to.deep.equal([{ id: ID, entry: mine, version: 5, pending: null, conflict: null }]);
    expect(agreed.settled).to.deep.equal([ID]);
  });

  it('leaves ids it was not given alone and merges many at once', () => {
    const other = sampleEntry();
    const untouched = sampleEntry();
    const states = new Map<string, EntrySyncState>([
      [ID, local('edited')],
      [untouched.id, { id: untouched.id, entry: untouched, version: 1, pending: null, conflict: null }],
    ]);
    const result = mergeServerChanges(states, [changed(theirs, 3), { id: other.id, entry: other, version: 1 }]);
    expect(result.states.map((state) => state.id)).to.deep.equal([ID, other.id]);
    expect(result.taken.put).to.deep.equal([other]);
    expect(result.conflicts.map((conflict) => conflict.id)).to.deep.equal([ID]);
  });

  it('does not change its input', () => {
    const before = local('edited');
    const copy = structuredClone(before);
    mergeServerChanges(new Map([[ID, before]]), [changed(theirs, 3)]);
    expect(before).to.deep.equal(copy);
  });

  it('sameEntry compares content: key order and the server\'s version do not matter, every field does', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as JoblogEntry;
    expect(sameEntry(base, reordered)).to.equal(true);
    expect(sameEntry(base, { ...base, version: 7 } as JoblogEntry)).to.equal(true);
    expect(sameEntry(base, { ...base, history: [...base.history, { status: 'closed', outcome: 'rejected', on: '2026-12-01' }] })).to.equal(false);
    expect(sameEntry(base, { ...base, cv: null })).to.equal(false);
    expect(sameEntry(base, { ...base, hoursPerWeek: 37 })).to.equal(false);
  });
});
