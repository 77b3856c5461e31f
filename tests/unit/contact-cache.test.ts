import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evictLeastRecentlyViewed, getCachedContexts } from '@/lib/cache/contact-cache';
import type { Connector, ContactBundle } from '@/lib/connectors/connector';
import { ConnectorError } from '@/lib/connectors/errors';
import { LeadlightDb, searchTokens } from '@/lib/db/database';
import { createCampaign, createContact, createTouch } from '../factories';
import { putRow, storedTouches } from '../support/db-rows';

const ADA = 'ada.lovelace@analytical.example';
let db: LeadlightDb;
let clock: Date;
const now = () => clock;

function liveCrm(bundle: () => ContactBundle | null | Promise<ContactBundle | null>) {
  const fetchContact = vi.fn(async (_email: string) => bundle());
  return { connector: { id: 'hubspot', label: 'HubSpot', fetchContact } satisfies Connector, fetchContact };
}
const bundleFor = (over: Partial<ReturnType<typeof createContact>> = {}): ContactBundle => ({
  contact: createContact(over),
  campaigns: [createCampaign()],
  touches: [createTouch()],
});

beforeEach(() => {
  db = new LeadlightDb(`cache-${crypto.randomUUID()}`);
  clock = new Date('2026-11-20T10:00:00.000Z');
});
afterEach(() => db.delete());

describe('stale-while-revalidate contact cache', () => {
  it('fetches a contact it has never seen and keeps it', async () => {
    const crm = liveCrm(() => bundleFor());
    const [row] = await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    expect(row?.context?.contact.name).toBe('Ada Lovelace');
    expect(row?.context?.timeline).toHaveLength(1);
    expect((await db.contacts.get(ADA))?.fetchedAt).toBe(clock.toISOString());
  });

  it('answers from the cache while fresh, without calling the CRM', async () => {
    const crm = liveCrm(() => bundleFor());
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    clock = new Date(clock.getTime() + 30_000);
    const [row] = await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    expect(row?.refreshing).toBeUndefined();
    expect(crm.fetchContact).toHaveBeenCalledTimes(1);
  });

  it('shows stale data at once, refreshes in the background and reports the update', async () => {
    let title = 'VP Operations';
    const crm = liveCrm(() => bundleFor({ title }));
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    clock = new Date(clock.getTime() + 120_000);
    title = 'COO';
    const onUpdated = vi.fn();
    const [row] = await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now, onUpdated });
    expect(row).toMatchObject({ refreshing: true });
    expect(row?.context?.contact.title).toBe('VP Operations');
    await vi.waitFor(() => expect(onUpdated).toHaveBeenCalledWith(ADA));
    expect((await db.contacts.get(ADA))?.title).toBe('COO');
  });

  it("replaces the contact's touches with the CRM's answer, so a removed membership disappears", async () => {
    let touches = [createTouch({ id: 't-old' }), createTouch({ id: 't-kept' })];
    const crm = liveCrm(() => ({ ...bundleFor(), touches }));
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    touches = [createTouch({ id: 't-kept' }), createTouch({ id: 't-new' })];
    clock = new Date(clock.getTime() + 120_000);
    const onUpdated = vi.fn();
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now, onUpdated });
    await vi.waitFor(() => expect(onUpdated).toHaveBeenCalledWith(ADA));
    expect((await storedTouches(db)).map((t) => t.id)).toEqual(['t-kept', 't-new']);
  });

  it('keeps the cached view when a refresh fails, and reports the failure, never an update', async () => {
    let fail = false;
    const crm = liveCrm(() => {
      if (fail) throw new ConnectorError('invalid_response', 'HubSpot answered with data Leadlight does not understand.');
      return bundleFor();
    });
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    fail = true;
    clock = new Date(clock.getTime() + 120_000);
    const onUpdated = vi.fn();
    const onRefreshFailed = vi.fn();
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now, onUpdated, onRefreshFailed });
    await vi.waitFor(() => expect(onRefreshFailed).toHaveBeenCalledExactlyOnceWith(ADA));
    expect(onUpdated).not.toHaveBeenCalled();
    expect((await db.contacts.get(ADA))?.name).toBe('Ada Lovelace');
    expect((await db.meta.get(`refresh-error:${ADA}`))?.lastError).toMatch(/does not understand/);
  });

  it('after a failed refresh, answers the next asks from the cache with the reason and without calling the CRM', async () => {
    const crm = liveCrm(() => bundleFor());
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    crm.fetchContact.mockRejectedValue(new ConnectorError('server', 'HubSpot had a problem (HTTP 500).'));
    clock = new Date(clock.getTime() + 120_000);
    const onRefreshFailed = vi.fn();
    const ask = () => getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now, onRefreshFailed });
    await ask();
    await vi.waitFor(() => expect(onRefreshFailed).toHaveBeenCalledTimes(1));
    // The sidebar re-reads on that report, and keeps asking as the rep moves around.
    for (let i = 0; i < 5; i++) {
      const [row] = await ask();
      expect(row).toMatchObject({ error: 'HubSpot had a problem (HTTP 500).', context: { contact: { name: 'Ada Lovelace' } } });
      expect(row?.refreshing).toBeUndefined();
    }
    expect(crm.fetchContact).toHaveBeenCalledTimes(2);
    // The first wait is 30–60 s (1 min, jittered within its upper half); then one more try.
    clock = new Date(clock.getTime() + 60_001);
    await ask();
    await vi.waitFor(() => expect(onRefreshFailed).toHaveBeenCalledTimes(2));
    expect(crm.fetchContact).toHaveBeenCalledTimes(3);
  });

  it('reports a refresh the connection refused to send, so the re-read shows why instead of "checking for updates"', async () => {
    const crm = liveCrm(() => bundleFor());
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    // Another contact's refresh met a 503 a moment ago: the connection pauses, refusing calls unsent.
    const paused = new ConnectorError('server', 'HubSpot had a problem (HTTP 503). Leadlight tries again in 30 s.', { unsent: true });
    let open = true;
    const gate = { admit: vi.fn(), check: vi.fn(async () => (open ? null : paused)) };
    crm.fetchContact.mockImplementation(async () => {
      open = false;
      throw paused;
    });
    const connector = { ...crm.connector, gate };
    clock = new Date(clock.getTime() + 120_000);
    const onRefreshFailed = vi.fn();
    const ask = () => getCachedContexts([ADA], { db, connector, ttlMs: 60_000, maxContacts: 100, now, onRefreshFailed });
    expect((await ask())[0]).toMatchObject({ refreshing: true });
    await vi.waitFor(() => expect(onRefreshFailed).toHaveBeenCalledExactlyOnceWith(ADA));
    const [row] = await ask();
    expect(row).toMatchObject({ error: paused.message, context: { contact: { name: 'Ada Lovelace' } } });
    expect(row?.refreshing).toBeUndefined();
    expect(crm.fetchContact).toHaveBeenCalledTimes(2);
  });

  it('reports a failed first fetch as an error, not as an unknown contact', async () => {
    const crm = liveCrm(() => {
      throw new ConnectorError('scopes', 'The HubSpot private app needs the crm.objects.contacts.read scope.');
    });
    const [row] = await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    expect(row).toMatchObject({ context: null, error: 'The HubSpot private app needs the crm.objects.contacts.read scope.' });
  });

  it('asks the CRM once for a contact however many sidebars ask at once', async () => {
    const crm = liveCrm(() => bundleFor());
    await Promise.all(
      [1, 2, 3].map(() => getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now })),
    );
    expect(crm.fetchContact).toHaveBeenCalledTimes(1);
  });
});

describe('eviction', () => {
  it('drops the least recently viewed contacts and their touches beyond the cap', async () => {
    for (let i = 0; i < 5; i++) {
      const c = createContact({ email: `p${i}@x.example` });
      await putRow(db, c, {
        tokens: searchTokens(c),
        viewedAt: `2026-11-0${i + 1}T00:00:00.000Z`,
        touches: [createTouch({ email: c.email })],
      });
    }
    expect(await evictLeastRecentlyViewed(db, 3)).toBe(2);
    expect((await db.contacts.toCollection().primaryKeys()).sort()).toEqual(['p2@x.example', 'p3@x.example', 'p4@x.example']);
    expect((await storedTouches(db)).map((t) => t.email).sort()).toEqual(['p2@x.example', 'p3@x.example', 'p4@x.example']);
  });
});

describe('eviction at the cap', () => {
  const seed = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const c = createContact({ email: `p${i}@x.example` });
      await putRow(db, c, { tokens: searchTokens(c), fetchedAt: clock.toISOString(), viewedAt: `2026-11-0${i + 1}T00:00:00.000Z` });
    }
  };
  const kept = async () => (await db.contacts.toCollection().primaryKeys()).sort();

  it('keeps every contact below the cap and at exactly the cap', async () => {
    await seed(2);
    expect(await evictLeastRecentlyViewed(db, 3)).toBe(0);
    expect(await kept()).toEqual(['p0@x.example', 'p1@x.example']);
    await seed(3);
    expect(await evictLeastRecentlyViewed(db, 3)).toBe(0);
    expect(await kept()).toEqual(['p0@x.example', 'p1@x.example', 'p2@x.example']);
  });

  it('drops exactly the one least recently viewed at one over the cap', async () => {
    await seed(4);
    expect(await evictLeastRecentlyViewed(db, 3)).toBe(1);
    expect(await kept()).toEqual(['p1@x.example', 'p2@x.example', 'p3@x.example']);
  });

  it('neither counts nor drops rows an import added beside the CRM and nobody viewed, and keeps the contact just fetched', async () => {
    for (let i = 0; i < 5; i++) await putRow(db, createContact({ email: `imported${i}@x.example` }), { fetchedAt: clock.toISOString() });
    await seed(3);
    expect(await evictLeastRecentlyViewed(db, 4)).toBe(0);
    const crm = liveCrm(() => bundleFor({ email: ADA }));
    const [ada] = await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 3, now });
    expect(ada?.context?.contact.email).toBe(ADA);
    expect(await kept()).toEqual([
      ADA,
      ...['imported0', 'imported1', 'imported2', 'imported3', 'imported4'].map((p) => `${p}@x.example`),
      'p1@x.example',
      'p2@x.example',
    ]);
  });

  it('makes room for a newly looked-up contact by dropping the one viewed longest ago', async () => {
    await seed(3);
    const crm = liveCrm(() => bundleFor({ email: ADA }));
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 3, now });
    expect(await kept()).toEqual([ADA, 'p1@x.example', 'p2@x.example']);
  });
});

describe('recency bookkeeping', () => {
  it('records views for a live CRM cache, and writes nothing for bulk sources', async () => {
    const c = createContact();
    await putRow(db, c, { tokens: searchTokens(c), fetchedAt: clock.toISOString() });
    await getCachedContexts([ADA], { db, ttlMs: 60_000, maxContacts: 100, now });
    expect((await db.contacts.get(ADA))?.viewedAt).toBeUndefined();
    const crm = liveCrm(() => bundleFor());
    await getCachedContexts([ADA], { db, connector: crm.connector, ttlMs: 60_000, maxContacts: 100, now });
    expect((await db.contacts.get(ADA))?.viewedAt).toBe(clock.toISOString());
  });
});
