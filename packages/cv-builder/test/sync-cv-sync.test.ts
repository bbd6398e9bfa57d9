import { expect } from '@open-wc/testing';
import { ApiClient, ApiError } from '@jobunivers/core';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { toJsonResume } from '../src/model/json-resume.js';
import { CvSync, CvSyncError, cvHash, etagRevision, isOffline } from '../src/sync/cv-sync.js';
import { FakeCvServer } from './support/sync-fake-cv-server.js';

const named = (name: string, from: Cv = emptyCv()): Cv => ({ ...from, contact: { ...from.contact, name } });

function cvWithWork(name: string, employer: string): Cv {
  const cv = named(name);
  return { ...cv, work: { hidden: false, items: [{ ...newItem.work(), position: 'Lagermedarbejder', employer, start: '2019-03', end: 'present' }] } };
}

/** A sync over a fake server; `retries: 1` with a 1 ms backoff, so a retried PUT happens quickly. */
function setUp(token = 'citizen-amira'): { server: FakeCvServer; sync: CvSync } {
  const server = new FakeCvServer();
  const client = new ApiClient({ baseUrl: 'https://api.example.dk/', token, fetch: server.fetch, retries: 1, retryDelay: 1 });
  return { server, sync: new CvSync(client) };
}

function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => { Reflect.deleteProperty(navigator, 'onLine'); };
}

describe('CvSync', () => {
  afterEach(() => { Reflect.deleteProperty(navigator, 'onLine'); });

  describe('pull', () => {
    it('answers null when the citizen has no CV on the server', async () => {
      const { sync } = setUp();
      expect(await sync.pull()).to.equal(null);
    });

    it('gives back the CV that was pushed, equal to the original, with its ETag', async () => {
      const { server, sync } = setUp();
      const cv = cvWithWork('Amira Hassan', 'Bilka');
      await sync.push(cv, null);

      const remote = await sync.pull();
      expect(remote?.etag).to.equal('"1"');
      expect(remote?.cv).to.deep.equal(cv);
      expect(server.requestsTo('GET', '/v1/me/cv')[0]?.headers.get('Authorization')).to.equal('Bearer citizen-amira');
    });

    it('rejects with CvSyncError when the server holds something that is not a CV', async () => {
      const { server, sync } = setUp();
      server.saveFromAnotherDevice('ikke et CV');

      let error: unknown;
      try {
        await sync.pull();
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(CvSyncError);
      expect((error as CvSyncError).code).to.equal('invalid-remote');
      expect((error as Error).message).not.to.include('ikke et CV');
    });

    it('rejects with an offline ApiError when the device is offline', async () => {
      const { server, sync } = setUp();
      goOffline();

      let error: unknown;
      try {
        await sync.pull();
      } catch (caught) {
        error = caught;
      }
      expect(isOffline(error)).to.equal(true);
      expect(server.requests).to.have.length(0);
    });
  });

  describe('push', () => {
    it('creates the first copy with If-None-Match: * and answers its ETag and content hash', async () => {
      const { server, sync } = setUp();
      const cv = cvWithWork('Amira Hassan', 'Bilka');
      const result = await sync.push(cv, null);

      expect(result).to.deep.equal({ ok: true, etag: '"1"', hash: cvHash(cv) });
      const put = server.requestsTo('PUT', '/v1/me/cv')[0];
      expect(put.headers.get('If-None-Match')).to.equal('*');
      expect(put.headers.get('If-Match')).to.equal(null);
      expect(server.storedDocument).to.deep.equal(toJsonResume(cv));
    });

    it('updates with If-Match: the ETag it was based on', async () => {
      const { server, sync } = setUp();
      const first = await sync.push(named('Amira'), null);
      const second = await sync.push(named('Amira Hassan'), first.ok ? first.etag : null);

      expect(second).to.include({ ok: true, etag: '"2"' });
      const puts = server.requestsTo('PUT', '/v1/me/cv');
      expect(puts[1]?.headers.get('If-Match')).to.equal('"1"');
      expect(puts[1]?.headers.get('If-None-Match')).to.equal(null);
      expect((server.storedDocument as { basics?: { name?: string } }).basics?.name).to.equal('Amira Hassan');
    });

    it('on 412 returns the server\'s copy as a conflict and never overwrites it', async () => {
      const { server, sync } = setUp();
      const base = await sync.push(named('Amira'), null);
      const fromPhone = cvWithWork('Amira (fra telefonen)', 'Netto');
      server.saveFromAnotherDevice(toJsonResume(fromPhone));

      const result = await sync.push(cvWithWork('Amira (fra computeren)', 'Bilka'), base.ok ? base.etag : null);

      expect(result.ok).to.equal(false);
      expect(!result.ok && result.reason).to.equal('conflict');
      if (!result.ok && result.reason === 'conflict') {
        expect(result.conflict.etag).to.equal('"2"');
        expect(result.conflict.cv).to.deep.equal(fromPhone);
      }
      expect(server.storedDocument).to.deep.equal(toJsonResume(fromPhone));
      expect(server.version).to.equal(2);
    });

    it('a first upload where the server already has a CV (another device) is a conflict, not an overwrite', async () => {
      const { server, sync } = setUp();
      const fromPhone = named('Fra telefonen');
      server.saveFromAnotherDevice(toJsonResume(fromPhone));

      const result = await sync.push(named('Fra computeren'), null);

      expect(result).to.deep.equal({ ok: false, reason: 'conflict', conflict: { cv: fromPhone, etag: '"1"' } });
      expect(server.storedDocument).to.deep.equal(toJsonResume(fromPhone));
    });

    it('is not a conflict when the server already holds the same content (a retried PUT whose answer was lost)', async () => {
      const { server, sync } = setUp();
      const base = await sync.push(named('Amira'), null);
      const cv = cvWithWork('Amira Hassan', 'Bilka');
      server.fail('PUT /v1/me/cv', 'lost-response'); // saved as "2", but the answer never arrives; the client retries with "1"

      const result = await sync.push(cv, base.ok ? base.etag : null);

      expect(result).to.deep.equal({ ok: true, etag: '"2"', hash: cvHash(cv) });
      expect(server.requestsTo('PUT', '/v1/me/cv').map((request) => request.status)).to.deep.equal([200, 200, 412]);
      expect(server.version).to.equal(2);
    });

    it('answers remote-deleted when the server copy it was based on is gone, and creates nothing', async () => {
      const { server, sync } = setUp();
      const base = await sync.push(named('Amira'), null);
      await sync.deleteRemote();

      const result = await sync.push(named('Amira Hassan'), base.ok ? base.etag : null);

      expect(result).to.deep.equal({ ok: false, reason: 'remote-deleted' });
      expect(server.document).to.equal(undefined);
    });

    it('never sends a PUT without a precondition, so the server never answers 428', async () => {
      const { server, sync } = setUp();
      let etag: string | null = null;
      for (const name of ['A', 'AB', 'ABC']) {
        const result = await sync.push(named(name), etag);
        etag = result.ok ? result.etag : etag;
      }
      server.saveFromAnotherDevice(toJsonResume(named('Andet')));
      await sync.push(named('ABCD'), etag);
      await sync.deleteRemote();
      await sync.push(named('Igen'), null);

      const puts = server.requestsTo('PUT', '/v1/me/cv');
      expect(puts).to.have.length(5);
      for (const put of puts) {
        const preconditions = [put.headers.get('If-Match'), put.headers.get('If-None-Match')].filter((value) => value !== null);
        expect(preconditions).to.have.length(1);
      }
      expect(server.requests.some((request) => request.status === 428)).to.equal(false);
    });

    it('reports offline without sending anything when the device is offline, and pushes once it is back', async () => {
      const { server, sync } = setUp();
      const cv = named('Skrevet i toget');
      const backOnline = goOffline();

      expect(await sync.push(cv, null)).to.deep.equal({ ok: false, reason: 'offline' });
      expect(server.requests).to.have.length(0);

      backOnline();
      expect(await sync.push(cv, null)).to.include({ ok: true, etag: '"1"' });
    });

    it('reports offline when the server cannot be reached, and nothing changes on the server', async () => {
      const { server, sync } = setUp();
      server.fail('PUT /v1/me/cv', 'network');
      server.fail('PUT /v1/me/cv', 'network');

      expect(await sync.push(named('A'), null)).to.deep.equal({ ok: false, reason: 'offline' });
      expect(server.document).to.equal(undefined);
    });

    it('reports offline when the connection drops while fetching the server copy after a 412', async () => {
      const { server, sync } = setUp();
      server.saveFromAnotherDevice(toJsonResume(named('Andet')));
      server.fail('GET /v1/me/cv', 'network');
      server.fail('GET /v1/me/cv', 'network');

      expect(await sync.push(named('A'), null)).to.deep.equal({ ok: false, reason: 'offline' });
    });

    it('rejects with the ApiError for other failures (e.g. the token is no longer valid)', async () => {
      const { sync } = setUp('expired');
      let error: unknown;
      try {
        await sync.push(named('A'), null);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).status).to.equal(401);
    });
  });

  describe('sharing with the job centre', () => {
    it('is not shared at first; sharing needs a CV on the server', async () => {
      const { sync } = setUp();
      expect(await sync.shareStatus()).to.deep.equal({ shared: false, sharedAt: null });

      let error: unknown;
      try {
        await sync.share();
      } catch (caught) {
        error = caught;
      }
      expect((error as ApiError).status).to.equal(404);
    });

    it('shares with consent, and withdraws it', async () => {
      const { server, sync } = setUp();
      await sync.push(named('Amira'), null);

      const shared = await sync.share();
      expect(shared.shared).to.equal(true);
      expect(Date.parse(shared.sharedAt ?? '')).to.be.closeTo(Date.now(), 5000);
      expect(server.requestsTo('PUT', '/v1/me/cv/share')[0]?.body).to.deep.equal({ consent: true });
      expect(await sync.shareStatus()).to.deep.equal(shared);

      expect(await sync.unshare()).to.deep.equal({ shared: false, sharedAt: null });
      expect(await sync.shareStatus()).to.deep.equal({ shared: false, sharedAt: null });
    });

    it('deleting the server copy ends the share too; deleting again is fine; the draft is for the caller to keep', async () => {
      const { server, sync } = setUp();
      await sync.push(named('Amira'), null);
      await sync.share();

      await sync.deleteRemote();
      await sync.deleteRemote();

      expect(await sync.pull()).to.equal(null);
      expect(await sync.shareStatus()).to.deep.equal({ shared: false, sharedAt: null });
      expect(server.requestsTo('DELETE', '/v1/me/cv')).to.have.length(2);
    });
  });

  it('etagRevision reads the server\'s version number for ju-cv-saved', () => {
    expect(etagRevision('"3"')).to.equal(3);
    expect(etagRevision('W/"12"')).to.equal(12);
    expect(etagRevision('"abc"')).to.equal(undefined);
  });
});
