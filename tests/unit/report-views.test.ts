import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlightDb } from '@/lib/db/database';
import { ensureSeeded } from '@/lib/db/ensure-seeded';
import { createHandlers, DEMO_SOURCE_NAME, dispatch } from '@/lib/messaging/handlers';
import type { MessageType, Responses } from '@/lib/messaging/protocol';
import { createCampaign, createContact, createPersona, createTouch } from '../factories';

// Ada was touched by the test webinar on 1 Mar 2026; nobody has judged her yet.
const dataset = () => ({
  contacts: [createContact()],
  campaigns: [createCampaign()],
  touches: [createTouch({ date: '2026-03-01T15:00:00.000Z' })],
  personas: [createPersona()],
});
const ADA_ROW = ['cmp-test', 'Test Webinar', 1, 0];

const QUESTION = { dimension: 'campaign', from: '2026-01-01T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' } as const;
const START = Date.parse('2026-11-20T10:00:00.000Z');

let db: LeadlightDb;
let clock: number;
let send: <K extends MessageType>(type: K, data: unknown) => Promise<Responses[K]>;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new LeadlightDb(`report-views-${crypto.randomUUID()}`);
  clock = START;
  const handlers = createHandlers({ db, loadDemoData: dataset, now: () => new Date(clock) });
  send = (type, data) => dispatch(handlers, fakeBrowser.runtime.id, type, data, { id: fakeBrowser.runtime.id });
  await ensureSeeded(db, dataset, DEMO_SOURCE_NAME);
});
afterEach(() => db.delete());

/** Computes the report and waits until its copy for the next opening is written (after the answer). */
async function computeAndKeep(q: object = QUESTION) {
  const fresh = await send('getReport', q);
  await vi.waitFor(async () => expect(await send('getLastReport', q)).not.toBeNull());
  return fresh;
}

const figures = (last: Responses['getLastReport']) => last?.view.rows.map((r) => [r.key, r.label, r.leadsTouched, r.verdicts]);

describe('the last report per question', () => {
  it('is none before any report was computed', async () => {
    expect(await send('getLastReport', QUESTION)).toBeNull();
  });

  it('is kept after getReport computed it, with the time it was computed, and returned for the same question', async () => {
    const fresh = await computeAndKeep();
    clock += 3_600_000;
    const last = await send('getLastReport', QUESTION);
    expect(last?.computedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(figures(last)).toEqual([ADA_ROW]);
    expect(last?.view).toEqual(fresh);
  });

  it('is not returned for another grouping, period, attribution model or "only mine"', async () => {
    await computeAndKeep();
    for (const other of [
      { ...QUESTION, dimension: 'source' },
      { ...QUESTION, from: '2026-02-01T00:00:00.000Z' },
      { ...QUESTION, to: '2026-11-22T00:00:00.000Z' },
      { ...QUESTION, model: 'first' },
      { ...QUESTION, onlyMine: true },
    ])
      expect(await send('getLastReport', other), JSON.stringify(other)).toBeNull();
    expect(figures(await send('getLastReport', { ...QUESTION, model: 'any', onlyMine: false }))).toEqual([ADA_ROW]);
  });

  it('stays while the same data grows: a verdict given since is shown by the fresh report, not hidden', async () => {
    await computeAndKeep();
    await send('submitLeadFeedback', { email: 'ada.lovelace@analytical.example', verdict: 'good', reasonId: 'active_project' });
    expect(figures(await send('getLastReport', QUESTION))).toEqual([ADA_ROW]);
  });

  it('is dropped once the data it came from is replaced: a demo reload, an import, another source', async () => {
    await computeAndKeep();
    clock += 60_000;
    await send('resetDemoData', {});
    expect(await send('getLastReport', QUESTION)).toBeNull();

    await computeAndKeep();
    await send('beginImport', { replace: true });
    await send(
      'importRecords',
      JSON.stringify({ contacts: [createContact({ email: 'grace@navy.example', name: 'Grace' })], campaigns: [], touches: [] }),
    );
    // Not yet recorded as the source: the import may still fail and leave the demo in place.
    expect(figures(await send('getLastReport', QUESTION))).toEqual([ADA_ROW]);
    clock += 60_000;
    await send('finishImport', { fileName: 'team.csv', rows: 1, replace: true });
    expect(await send('getLastReport', QUESTION)).toBeNull();

    await computeAndKeep();
    await send('saveSettings', { source: 'hubspot' });
    expect(await send('getLastReport', QUESTION)).toBeNull();
  });

  it('of data since replaced is deleted, not only hidden, once a report of the new data is kept', async () => {
    await computeAndKeep();
    await computeAndKeep({ ...QUESTION, dimension: 'source' });
    await send('finishImport', { fileName: 'team.csv', rows: 1, replace: true });
    expect(await db.reportViews.count()).toBe(2);
    await computeAndKeep({ ...QUESTION, dimension: 'persona' });
    expect(await db.reportViews.count()).toBe(1);
    expect(await send('getLastReport', { ...QUESTION, dimension: 'persona' })).not.toBeNull();
  });

  it('stays through a feed’s scheduled refresh, and is dropped for another feed', async () => {
    const feed = { url: 'https://feeds.example.com/leads.json', intervalMinutes: 60 };
    await send('saveSettings', { source: 'feed', feed });
    // As a feed sync records what the cache now holds.
    await db.meta.put({ key: 'source', name: 'Feed: feeds.example.com', loadedAt: '2026-11-20T09:00:00.000Z' });
    await computeAndKeep();
    await db.meta.put({ key: 'source', name: 'Feed: feeds.example.com', loadedAt: '2026-11-20T10:00:00.000Z' });
    expect(figures(await send('getLastReport', QUESTION))).toEqual([ADA_ROW]);
    await send('saveSettings', { feed: { ...feed, url: 'https://feeds.example.com/other-team.json' } });
    expect(await send('getLastReport', QUESTION)).toBeNull();
  });

  it('of "only mine" is dropped when the rep is someone else; the team’s stays', async () => {
    await send('saveSettings', { rep: { email: 'alex.rivera@brightwave.example' } });
    await computeAndKeep({ ...QUESTION, onlyMine: true });
    await computeAndKeep();
    await send('saveSettings', { rep: { email: 'sam.lee@brightwave.example' } });
    expect(await send('getLastReport', { ...QUESTION, onlyMine: true })).toBeNull();
    expect(figures(await send('getLastReport', QUESTION))).toEqual([ADA_ROW]);
  });

  it('of the team and of "only mine" stay side by side: they are views of the same data', async () => {
    await send('saveSettings', { rep: { email: 'alex.rivera@brightwave.example' } });
    await computeAndKeep();
    await computeAndKeep({ ...QUESTION, onlyMine: true });
    expect(figures(await send('getLastReport', QUESTION))).toEqual([ADA_ROW]);
    await computeAndKeep({ ...QUESTION, dimension: 'source', onlyMine: true });
    expect(await send('getLastReport', { ...QUESTION, onlyMine: true })).not.toBeNull();
    expect(await db.reportViews.count()).toBe(3);
    // Another rep's "only mine" is of other verdicts: once one is kept, the earlier rep's go.
    await send('saveSettings', { rep: { email: 'sam.lee@brightwave.example' } });
    await computeAndKeep({ ...QUESTION, onlyMine: true });
    expect(await db.reportViews.count()).toBe(2);
    expect(figures(await send('getLastReport', QUESTION))).toEqual([ADA_ROW]);
  });

  it('keeps the 8 most recently computed questions', async () => {
    const day = (d: number) => ({ ...QUESTION, from: new Date(Date.UTC(2026, 0, d)).toISOString() });
    for (let d = 1; d <= 10; d++) {
      clock += 60_000;
      await computeAndKeep(day(d));
    }
    expect(await db.reportViews.count()).toBe(8);
    expect(await send('getLastReport', day(1))).toBeNull();
    expect(await send('getLastReport', day(2))).toBeNull();
    for (let d = 3; d <= 10; d++) expect(await send('getLastReport', day(d)), `day ${d}`).not.toBeNull();
    // Asked again, the oldest comes back as the newest and the next oldest goes.
    clock += 60_000;
    await computeAndKeep(day(3));
    await computeAndKeep(day(1));
    expect(await send('getLastReport', day(3))).not.toBeNull();
    expect(await send('getLastReport', day(4))).toBeNull();
  });

  it('is not shown when it no longer fits the report’s shape (kept by an earlier version)', async () => {
    await computeAndKeep();
    const [row] = await db.reportViews.toArray();
    await db.reportViews.put({ ...row!, view: { rows: [{ key: 'cmp-test', label: 'Test Webinar' }], basis: 'old' } });
    expect(await send('getLastReport', QUESTION)).toBeNull();
  });

  it('is gone with everything else when all local data is deleted', async () => {
    await computeAndKeep();
    await send('deleteAllLocalData', { confirm: 'DELETE' });
    expect(await db.reportViews.count()).toBe(0);
  });
});
