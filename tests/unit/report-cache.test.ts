import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { cachedForReport, holdReportCache } from '@/lib/db/report-cache';
import { loadReportData } from '@/lib/db/report-source';
import { createContact, createTouch } from '../factories';
import { putRow } from '../support/db-rows';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`report-cache-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const counting = () => {
  let reads = 0;
  return { read: async () => ++reads, reads: () => reads };
};

describe('cachedForReport', () => {
  it('reads once while nothing is written', async () => {
    const c = counting();
    expect(await cachedForReport(db, 'records', c.read)).toBe(1);
    expect(await cachedForReport(db, 'records', c.read)).toBe(1);
    expect(c.reads()).toBe(1);
  });

  it('reads again after a write to any table the report reads', async () => {
    for (const write of [
      () => putRow(db, createContact(), { touches: [createTouch()] }),
      () =>
        db.teamVerdicts.put({
          id: 'v1',
          email: 'a@b.example',
          verdict: 'good',
          author: 'rep',
          createdAt: '2026-03-01T00:00:00.000Z',
          origin: 'file',
          kind: 'quality',
        }),
      () => db.settings.put({ key: 'sla', value: {} }),
    ]) {
      const c = counting();
      await cachedForReport(db, 'k', c.read);
      await write();
      await cachedForReport(db, 'k', c.read);
      expect(c.reads()).toBe(2);
      // The next round starts from an empty cache.
      await db.campaigns.clear();
    }
  });

  it('keeps its reads when only feed rows are staged', async () => {
    const c = counting();
    await cachedForReport(db, 'k', c.read);
    await db.feedStaging.put({ key: 'x' } as never);
    await cachedForReport(db, 'k', c.read);
    expect(c.reads()).toBe(1);
  });

  it('keeps its reads when a computed report is kept for the next opening', async () => {
    const c = counting();
    await cachedForReport(db, 'k', c.read);
    await db.reportViews.put({ key: 'campaign|any|false|a|b', computedAt: '2026-11-20T10:00:00.000Z', stamp: 's', view: {} });
    await cachedForReport(db, 'k', c.read);
    expect(c.reads()).toBe(1);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const read = async () => {
      if (fail) throw new Error('IndexedDB closed');
      return 'rows';
    };
    await expect(cachedForReport(db, 'k', read)).rejects.toThrow('IndexedDB closed');
    fail = false;
    expect(await cachedForReport(db, 'k', read)).toBe('rows');
  });

  it('lets go after five idle minutes, unless the report page is still in view', async () => {
    vi.useFakeTimers();
    const c = counting();
    await cachedForReport(db, 'k', c.read);
    vi.advanceTimersByTime(4 * 60_000);
    holdReportCache(db);
    vi.advanceTimersByTime(4 * 60_000);
    await cachedForReport(db, 'k', c.read);
    expect(c.reads()).toBe(1);
    vi.advanceTimersByTime(5 * 60_000);
    await cachedForReport(db, 'k', c.read);
    expect(c.reads()).toBe(2);
  });

  it('reads every time on a database that does not watch its writes', async () => {
    const bare = new Dexie(`bare-${crypto.randomUUID()}`);
    const c = counting();
    await cachedForReport(bare, 'k', c.read);
    await cachedForReport(bare, 'k', c.read);
    expect(c.reads()).toBe(2);
  });
});

describe('loadReportData', () => {
  it('answers a second report from memory, and sees a contact written since', async () => {
    await putRow(db, createContact({ email: 'ada@acme.example' }), { touches: [createTouch({ email: 'ada@acme.example' })] });
    const first = await loadReportData(db);
    expect(first.data.contacts.map((c) => c.email)).toEqual(['ada@acme.example']);
    expect((await loadReportData(db)).data.contacts).toBe(first.data.contacts);
    await putRow(db, createContact({ email: 'ben@acme.example' }), { touches: [createTouch({ email: 'ben@acme.example' })] });
    const after = await loadReportData(db);
    expect(after.data.contacts.map((c) => c.email).sort()).toEqual(['ada@acme.example', 'ben@acme.example']);
    expect(after.data.touches.map((t) => t.email).sort()).toEqual(['ada@acme.example', 'ben@acme.example']);
  });
});
