import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlightDb } from '@/lib/db/database';
import { ensureSeeded } from '@/lib/db/ensure-seeded';
import { createHandlers, DEMO_SOURCE_NAME, dispatch } from '@/lib/messaging/handlers';
import type { MessageType, Responses } from '@/lib/messaging/protocol';
import { createCampaign, createContact, createFeedback, createPersona, createTouch } from '../factories';

// Ada was touched by the test webinar on 1 Mar 2026.
const dataset = () => ({
  contacts: [createContact()],
  campaigns: [createCampaign()],
  touches: [createTouch({ date: '2026-03-01T15:00:00.000Z' })],
  personas: [createPersona()],
});

const zone = process.env.TZ;
let db: LeadlightDb;
let send: <K extends MessageType>(type: K, data: unknown) => Promise<Responses[K]>;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new LeadlightDb(`report-handler-${crypto.randomUUID()}`);
  const handlers = createHandlers({ db, loadDemoData: dataset, now: () => new Date('2026-11-20T10:00:00.000Z') });
  send = (type, data) => dispatch(handlers, fakeBrowser.runtime.id, type, data, { id: fakeBrowser.runtime.id });
  await ensureSeeded(db, dataset, DEMO_SOURCE_NAME);
});
afterEach(async () => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
  await db.delete();
});

/** The report, once its copy for the next opening is written (after the answer), so none is written into a closed database. */
async function report(q: object) {
  const view = await send('getReport', q);
  await vi.waitFor(async () => expect(await send('getLastReport', q)).not.toBeNull());
  return view;
}

describe('getReport', () => {
  it('charts months on the calendar the period picker uses, the browser’s, with no SLA set', async () => {
    // A marketer in Los Angeles picks August and September: local midnights, UTC−7 in summer.
    process.env.TZ = 'America/Los_Angeles';
    await send('saveSettings', { source: 'import' });
    // 31 Aug, 8 pm in Los Angeles.
    await db.feedback.put(createFeedback({ createdAt: '2026-09-01T03:00:00.000Z' }));
    const view = await report({ dimension: 'campaign', from: '2026-08-01T07:00:00.000Z', to: '2026-10-01T07:00:00.000Z' });
    expect(view.slaByOwner).toBeNull();
    expect(view.trend.map((t) => t.series.map((p) => [p.bucketStart, p.verdicts]))).toEqual([
      [
        ['2026-08-01T07:00:00.000Z', 1],
        ['2026-09-01T07:00:00.000Z', 0],
      ],
    ]);
  });

  it('names the demo’s own today, which the page measures periods from, and no today for other data', async () => {
    const q = { dimension: 'campaign', from: '2026-01-01T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' };
    // README: the demo world stands still at 20 Nov 2026, 09:00 in London.
    expect((await report(q)).today).toBe('2026-11-20T09:00:00.000Z');
    await send('saveSettings', { source: 'import' });
    expect((await report(q)).today).toBeUndefined();
  });
});
