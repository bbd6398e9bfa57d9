import { expect } from '@open-wc/testing';
import { emptyCv, type Cv } from '../src/model/cv.js';
import { contentHash, cvHash, decideSync, type SyncDecision } from '../src/sync/cv-sync.js';
import { jsonResumeHash } from '../src/sync/content-hash.js';
import type { SyncState } from '../src/storage/draft-store.js';

const named = (name: string): Cv => ({ ...emptyCv(), contact: { ...emptyCv().contact, name } });

// The CVs of the story: what both sides agreed on at the last sync, and what each side may have done since.
const synced = named('Amira Hassan');
const editedHere = named('Amira Hassan (rettet på computeren)');
const editedThere = named('Amira Hassan (rettet på telefonen)');
const blank = emptyCv();

const never: SyncState = { etag: null, syncedHash: null };
const afterSync: SyncState = { etag: '"4"', syncedHash: cvHash(synced), shared: true };
const remote = (cv: Cv, etag = '"4"') => ({ cv, etag });

interface Row {
  when: string;
  local: Cv | undefined;
  state: SyncState;
  remote: { cv: Cv; etag: string } | null;
  expected: SyncDecision;
}

const rows: Row[] = [
  // Never synced from this browser.
  { when: 'no draft, nothing on the server', local: undefined, state: never, remote: null, expected: { action: 'nothing', syncState: never } },
  { when: 'a blank draft, nothing on the server', local: blank, state: never, remote: null, expected: { action: 'nothing', syncState: never } },
  { when: 'a written draft, nothing on the server', local: editedHere, state: never, remote: null, expected: { action: 'push', etag: null } },
  {
    when: 'no draft, the server has a CV (a new device)', local: undefined, state: never, remote: remote(editedThere, '"7"'),
    expected: { action: 'take-remote', remote: remote(editedThere, '"7"'), syncState: { etag: '"7"', syncedHash: cvHash(editedThere) } },
  },
  {
    when: 'a blank draft, the server has a CV', local: blank, state: never, remote: remote(editedThere, '"7"'),
    expected: { action: 'take-remote', remote: remote(editedThere, '"7"'), syncState: { etag: '"7"', syncedHash: cvHash(editedThere) } },
  },
  {
    when: 'a written draft, and the server has another CV', local: editedHere, state: never, remote: remote(editedThere, '"7"'),
    expected: { action: 'conflict', remote: remote(editedThere, '"7"') },
  },
  {
    when: 'a written draft equal to the server\'s CV', local: named('Amira Hassan'), state: never, remote: remote(synced, '"7"'),
    expected: { action: 'nothing', syncState: { etag: '"7"', syncedHash: cvHash(synced) } },
  },
  // Synced before.
  { when: 'nothing changed anywhere', local: synced, state: afterSync, remote: remote(synced), expected: { action: 'nothing', syncState: afterSync } },
  { when: 'changed here only', local: editedHere, state: afterSync, remote: remote(synced), expected: { action: 'push', etag: '"4"' } },
  {
    when: 'changed on the other device only', local: synced, state: afterSync, remote: remote(editedThere, '"5"'),
    expected: { action: 'take-remote', remote: remote(editedThere, '"5"'), syncState: { etag: '"5"', syncedHash: cvHash(editedThere), shared: true } },
  },
  { when: 'changed on both', local: editedHere, state: afterSync, remote: remote(editedThere, '"5"'), expected: { action: 'conflict', remote: remote(editedThere, '"5"') } },
  {
    when: 'changed on both to the same content', local: editedThere, state: afterSync, remote: remote(editedThere, '"5"'),
    expected: { action: 'nothing', syncState: { etag: '"5"', syncedHash: cvHash(editedThere), shared: true } },
  },
  {
    when: 'changed here, and the server has a new ETag for unchanged content', local: editedHere, state: afterSync, remote: remote(synced, '"5"'),
    expected: { action: 'push', etag: '"5"' },
  },
  { when: 'everything deleted here (a change), and changed there', local: blank, state: afterSync, remote: remote(editedThere, '"5"'), expected: { action: 'conflict', remote: remote(editedThere, '"5"') } },
  { when: 'the server copy was deleted elsewhere', local: synced, state: afterSync, remote: null, expected: { action: 'remote-deleted' } },
  { when: 'the server copy was deleted elsewhere, and changed here', local: editedHere, state: afterSync, remote: null, expected: { action: 'remote-deleted' } },
];

describe('decideSync', () => {
  for (const row of rows) {
    it(`${row.when} → ${row.expected.action}`, () => {
      expect(decideSync(row.local, row.state, row.remote)).to.deep.equal(row.expected);
    });
  }

  it('reads nothing but its arguments and changes none of them', () => {
    const state = { ...afterSync };
    const before = JSON.stringify([editedHere, state]);
    decideSync(editedHere, state, remote(editedThere, '"5"'));
    expect(JSON.stringify([editedHere, state])).to.equal(before);
  });
});

describe('content hash', () => {
  it('is the same for the same content, whatever the key order', () => {
    expect(contentHash({ a: 1, b: { c: [1, 2], d: 'x' } })).to.equal(contentHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(contentHash({ a: 1, b: undefined })).to.equal(contentHash({ a: 1 }));
  });

  it('changes with any change of content, however small', () => {
    const hashes = new Set([
      contentHash({ name: 'Amira' }),
      contentHash({ name: 'Amira ' }),
      contentHash({ name: 'amira' }),
      contentHash({ name: ['Amira'] }),
      contentHash({ navn: 'Amira' }),
      contentHash({ list: [1, 2] }),
      contentHash({ list: [2, 1] }),
      contentHash({ value: 1 }),
      contentHash({ value: '1' }),
      contentHash({ value: null }),
    ]);
    expect(hashes.size).to.equal(10);
    expect(contentHash({ x: 'æøå' })).to.match(/^[0-9a-f]{16}$/);
  });

  it('gives 10 000 different short texts 10 000 different hashes', () => {
    const hashes = new Set<string>();
    for (let index = 0; index < 10_000; index++) hashes.add(contentHash({ text: `Erfaring ${String(index)}` }));
    expect(hashes.size).to.equal(10_000);
  });

  it('cvHash tells CVs apart and ignores meta.lastModified', () => {
    expect(cvHash(named('A'))).to.equal(cvHash(named('A')));
    expect(cvHash(named('A'))).not.to.equal(cvHash(named('B')));
    expect(jsonResumeHash({ basics: { name: 'A' }, meta: { lastModified: '2026-01-01T10:00:00Z', version: 'v1' } }))
      .to.equal(jsonResumeHash({ basics: { name: 'A' }, meta: { lastModified: '2026-02-02T10:00:00Z', version: 'v1' } }));
    expect(jsonResumeHash({ basics: { name: 'A' }, meta: { lastModified: '2026-01-01T10:00:00Z' } })).to.equal(jsonResumeHash({ basics: { name: 'A' } }));
    expect(jsonResumeHash({ meta: { version: 'v1' } })).not.to.equal(jsonResumeHash({ meta: { version: 'v2' } }));
  });
});
