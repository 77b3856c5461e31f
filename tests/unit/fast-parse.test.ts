import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignSchema, TouchSchema } from '@/lib/domain/campaign';
import { ContactSchema } from '@/lib/domain/contact';
import { fastParser } from '@/lib/domain/fast-parse';
import { importBatch } from '@/lib/domain/import-batch';
import { requests } from '@/lib/messaging/requests';

const hostile = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/hostile/records.json'), 'utf8')) as {
  contacts: Record<string, unknown>[];
  campaigns: Record<string, unknown>[];
  touches: Record<string, unknown>[];
};

const TOUCH = {
  id: 'tch-1',
  email: 'maya.okafor@northwind.example',
  campaignId: 'cmp-1',
  assetName: 'Live session',
  assetType: 'Webinar',
  assetCategory: 'webinar',
  date: '2026-03-01T15:00:00.000Z',
  responseStatus: 'Attended',
  responded: true,
};

/** Values that break one field or another: wrong types, blanks, padding, case, lengths, impossible dates. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  '  ',
  ' Attended ',
  'x'.repeat(301),
  5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -3,
  2.5,
  true,
  {},
  [],
  'MAYA.OKAFOR@NORTHWIND.EXAMPLE',
  'not an email',
  '2026-02-30T00:00:00Z',
  '2026-03-01T16:00:00+01:00',
  'javascript:alert(1)',
  'https://brightwave.example/register',
];

/** Every record with one field replaced by each odd value, one removed, and one unknown field added. */
function variants(record: Record<string, unknown>): unknown[] {
  const out: unknown[] = [record, { ...record, unexpected: 'kept out' }, null, [], 'text'];
  for (const key of Object.keys(record)) {
    const { [key]: _removed, ...without } = record;
    out.push(without);
    for (const v of ODD_VALUES) out.push({ ...record, [key]: v });
  }
  return out;
}

describe('fastParser', () => {
  it.each([
    ['TouchSchema', TouchSchema, [TOUCH, ...hostile.touches]],
    ['ContactSchema', ContactSchema, hostile.contacts],
    ['CampaignSchema', CampaignSchema, hostile.campaigns],
  ] as const)('answers as %s.safeParse does, for valid records and every one-field change of them', (_name, schema, records) => {
    const parse = fastParser(schema);
    for (const value of records.flatMap((r) => variants(r as Record<string, unknown>))) {
      expect(parse(value)).toStrictEqual(schema.safeParse(value));
    }
  });

  it('trims picklist values, lowercases the email and leaves unknown fields out, as the schema says', () => {
    const result = fastParser(TouchSchema)({ ...TOUCH, email: 'Maya.Okafor@Northwind.example', responseStatus: ' Attended ', extra: 1 });
    expect(result).toEqual({ success: true, data: { ...TOUCH, email: 'maya.okafor@northwind.example' } });
  });

  it('rejects with zod’s own issues, naming the field', () => {
    const result = fastParser(TouchSchema)({ ...TOUCH, date: '2026-02-30T00:00:00Z' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['date']]);
  });

  it('keeps a strict object strict and applies a default', () => {
    expect(fastParser(requests.getCacheStatus)({ extra: true }).success).toBe(false);
    expect(fastParser(requests.getSalesforceFields)({ object: 'Lead' })).toEqual({ success: true, data: { object: 'Lead', fresh: false } });
  });

  it('checks an import batch (JSON text) as the importRecords schema does, its size limits included', () => {
    const parse = fastParser(requests.importRecords);
    const text = (batch: object) => JSON.stringify(batch);
    const records = hostile as unknown as Parameters<typeof importBatch>[0];
    const batch = importBatch(records);
    expect(parse(text(batch))).toStrictEqual(requests.importRecords.safeParse(text(batch)));
    expect(parse(text(batch)).success).toBe(true);
    const tooMany = importBatch({ ...records, touches: Array.from({ length: 20_001 }, (_, i) => ({ ...TOUCH, id: `tch-${i}` })) });
    expect(parse(text(tooMany)).success).toBe(false);
    // `responded` travels as 1 or 0.
    const odd = importBatch({ ...records, touches: [TOUCH] });
    odd.touches[0]![1].t[7] = 2;
    expect(parse(text(odd)).success).toBe(false);
    expect(parse('{"contacts":').success).toBe(false);
    expect(parse(batch).success).toBe(false);
  });
});
