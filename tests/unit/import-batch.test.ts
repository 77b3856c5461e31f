import { describe, expect, it } from 'vitest';
import type { Touch } from '@/lib/domain/campaign';
import { importBatch, ImportBatchSchema, type ImportBatch } from '@/lib/domain/import-batch';
import { fastParser } from '@/lib/domain/fast-parse';
import { unpackTouches } from '@/lib/domain/packed-touches';

const MAYA = 'maya.okafor@northwind-logistics.example';
const NOAH = 'noah.feld@quietpartners.example';

const touch = (over: Partial<Touch>): Touch => ({
  id: 'tch-00001',
  email: MAYA,
  campaignId: 'cmp-001',
  assetName: 'Live session',
  assetType: 'webinar',
  date: '2026-03-01T15:00:00.000Z',
  responseStatus: 'Attended',
  responded: true,
  ...over,
});

const parse = fastParser(ImportBatchSchema);
/** The batch as the background reads it: JSON text, then the schema. */
const receive = (batch: ImportBatch) => parse(JSON.parse(JSON.stringify(batch)));
/** Each person's touches as objects, from what the schema gave. */
const touchesOf = (batch: ImportBatch) => batch.touches.map(([email, packed]) => [email, unpackTouches(packed, email)]);
const issues = (batch: ImportBatch) => receive(batch).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('an import batch as the background receives it', () => {
  it('gives each person’s touches back as they were sent', () => {
    const sent = [touch({}), touch({ id: 'tch-00002', email: NOAH, responseStatus: undefined, responded: false })];
    delete sent[1]!.responseStatus;
    const read = receive(importBatch({ contacts: [], campaigns: [], touches: sent }));
    expect(read.success).toBe(true);
    expect(touchesOf(read.data!)).toStrictEqual([
      [MAYA, [sent[0]]],
      [NOAH, [sent[1]]],
    ]);
  });

  it('names a bad value by the touch’s place among the batch’s touches and its field', () => {
    const batch = importBatch({
      contacts: [],
      campaigns: [],
      touches: [touch({}), touch({ id: 'tch-00002', email: NOAH }), touch({ id: 'tch-00003', email: NOAH, date: '2026-02-30T00:00:00Z' })],
    });
    expect(issues(batch)).toEqual([expect.stringMatching(/^touches\.2\.date: /)]);
  });

  it('refuses a required field left out, a text index past the texts, and a responded flag other than 1 or 0', () => {
    const base = () => importBatch({ contacts: [], campaigns: [], touches: [touch({})] });
    const noId = base();
    noId.touches[0]![1].t[0] = -1;
    expect(issues(noId)).toEqual([expect.stringMatching(/^touches\.0\.id: /)]);
    const past = base();
    past.touches[0]![1].t[1] = 99;
    expect(issues(past)).toEqual([expect.stringMatching(/^touches\.0\.campaignId: /)]);
    const flag = base();
    flag.touches[0]![1].t[7] = 2;
    expect(issues(flag)).toEqual([expect.stringMatching(/^touches\.0\.responded: /)]);
    const short = base();
    short.touches[0]![1].t.pop();
    expect(receive(short).success).toBe(false);
  });

  it('trims a type as the touch schema does', () => {
    const read = receive(importBatch({ contacts: [], campaigns: [], touches: [touch({ assetType: '  Webinar ' })] }));
    expect(touchesOf(read.data!)).toStrictEqual([[MAYA, [touch({ assetType: 'Webinar' })]]]);
  });

  it('keeps a touch sent twice once, with its later values', () => {
    const batch = importBatch({ contacts: [], campaigns: [], touches: [touch({})] });
    // Packed by hand: a sender that did not merge repeats.
    batch.touches[0]![1] = {
      s: ['tch-00001', 'cmp-001', 'Live session', 'webinar', '2026-03-01T15:00:00.000Z', 'Attended', 'Opened'],
      t: [0, 1, 2, 3, -1, 4, 5, 1, 0, 1, 2, 3, -1, 4, 6, 0],
    };
    expect(touchesOf(receive(batch).data!)).toStrictEqual([[MAYA, [touch({ responseStatus: 'Opened', responded: false })]]]);
  });

  it('joins a person listed twice into one list, a touch in both kept once with its later values', () => {
    const batch = importBatch({ contacts: [], campaigns: [], touches: [touch({})] });
    const again = [touch({ responseStatus: 'Opened', responded: false }), touch({ id: 'tch-00002' })];
    batch.touches.push(importBatch({ contacts: [], campaigns: [], touches: again }).touches[0]!);
    expect(touchesOf(receive(batch).data!)).toStrictEqual([[MAYA, again]]);
  });

  it('stores no text that no touch uses', () => {
    const batch = importBatch({ contacts: [], campaigns: [], touches: [touch({})] });
    batch.touches[0]![1].s.push('x'.repeat(1500));
    const read = receive(batch).data!;
    expect(read.touches[0]![1].s).not.toContain('x'.repeat(1500));
    expect(touchesOf(read)).toStrictEqual([[MAYA, [touch({})]]]);
  });
});
