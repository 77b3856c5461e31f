import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlightDb } from '@/lib/db/database';
import { importBatch } from '@/lib/domain/import-batch';
import { packTouches } from '@/lib/domain/packed-touches';
import { createHandlers } from '@/lib/messaging/handlers';
import { postRequest, type PostedReply } from '@/lib/messaging/post-request';
import { listenForPostedRequests, type PostedEvent } from '@/lib/messaging/posted-requests';
import { createContact, createTouch } from '../factories';
import { touchIds } from '../support/db-rows';

const OWN = 'chrome-extension://leadlight-test-id';
const OPTIONS = `${OWN}/options.html`;

let db: LeadlightDb;
let deliver: (event: PostedEvent) => void;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LeadlightDb(`posted-${crypto.randomUUID()}`);
  const handlers = createHandlers({ db, loadDemoData: () => ({ contacts: [], campaigns: [], touches: [], personas: [] }) });
  listenForPostedRequests(
    { addEventListener: (_type, listener) => (deliver = listener) },
    handlers,
    Promise.resolve(),
    'leadlight-test-id',
    () => [OWN],
  );
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const batch = JSON.stringify(
  importBatch({
    contacts: [createContact({ email: 'grace.hopper@navy.example' })],
    campaigns: [],
    touches: [createTouch({ id: 'tch-grace', email: 'grace.hopper@navy.example' })],
  }),
);

/** Posts as a page would, and resolves with the background's answer (or 'no answer' when it gives none). */
async function post(data: unknown, from: { origin?: string; url?: string } = {}): Promise<PostedReply | 'no answer'> {
  const { port1, port2 } = new MessageChannel();
  const answered = new Promise<PostedReply>((resolve) => (port1.onmessage = (e: MessageEvent<PostedReply>) => resolve(e.data)));
  let done: Promise<unknown> = Promise.resolve();
  const waitUntil = (p: Promise<unknown>) => {
    done = p;
  };
  deliver({ origin: from.origin ?? OWN, source: { url: from.url ?? OPTIONS }, data, ports: [port2], waitUntil });
  await done;
  const reply = await Promise.race([answered, new Promise<'no answer'>((r) => setTimeout(() => r('no answer'), 50))]);
  port1.close();
  return reply;
}

describe('requests posted to the service worker', () => {
  it('stores an import batch from one of Leadlight’s pages, answering with the counts', async () => {
    expect(await post({ type: 'importRecords', data: batch })).toEqual({ res: { contacts: 1, campaigns: 0, touches: 1 } });
    expect(touchIds(await db.contacts.get('grace.hopper@navy.example'))).toEqual(['tch-grace']);
  });

  it('checks the batch as a runtime message is checked, and stores nothing that fails', async () => {
    const reply = await post({ type: 'importRecords', data: batch.replace('tch-grace', '') });
    expect(reply).toMatchObject({ err: expect.stringMatching(/^Invalid importRecords: .*touches\[0\]\.id/s) as unknown });
    expect(await db.contacts.count()).toBe(0);
  });

  it('accepts only the requests meant to be posted', async () => {
    await db.contacts.put({ ...createContact({ email: 'ada@x.example' }), touches: packTouches([]) });
    expect(await post({ type: 'deleteAllLocalData', data: { confirm: 'DELETE' } })).toEqual({
      err: 'deleteAllLocalData is not accepted this way',
    });
    expect(await db.contacts.count()).toBe(1);
  });

  it('does not answer anything but Leadlight’s own pages', async () => {
    expect(await post({ type: 'importRecords', data: batch }, { origin: 'https://evil.example', url: 'https://evil.example/' })).toBe(
      'no answer',
    );
    expect(await post({ type: 'importRecords', data: batch }, { url: 'https://evil.example/' })).toBe('no answer');
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('postRequest', () => {
  it('leaves the request to runtime messaging when no service worker controls the page', () => {
    vi.stubGlobal('navigator', { serviceWorker: { controller: null } });
    expect(postRequest('importRecords', batch)).toBeNull();
  });

  it('posts to the controlling service worker and settles with its answer', async () => {
    const posted: unknown[] = [];
    const controller = {
      postMessage(message: { type: string; data: unknown }, [port]: [MessagePort]) {
        posted.push(message);
        port.postMessage(message.data === 'bad' ? { err: 'Invalid importRecords' } : { res: { contacts: 1, campaigns: 0, touches: 1 } });
      },
    };
    vi.stubGlobal('navigator', { serviceWorker: { controller } });
    await expect(postRequest('importRecords', batch)).resolves.toEqual({ contacts: 1, campaigns: 0, touches: 1 });
    await expect(postRequest('importRecords', 'bad')).rejects.toThrow('Invalid importRecords');
    expect(posted).toEqual([
      { type: 'importRecords', data: batch },
      { type: 'importRecords', data: 'bad' },
    ]);
  });
});
