import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportBatch } from '@/lib/import/batcher';
import { decodeText, detectEncoding, looksBinary } from '@/lib/import/encoding';
import type { RowError } from '@/lib/import/fields';
import { importText, inspectText } from '@/lib/import/import-text';
import { generateImportCsv } from '../support/generate-import-csv';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const text = (name: string) => decodeText(fixture(name)).text;

/** Runs a file through the same code the worker runs, collecting what it would post. */
async function run(name: string, content = text(name), options: { chunkSize?: number } = {}) {
  const batches: ImportBatch[] = [];
  const errors: RowError[] = [];
  const { stats, aborted } = await importText(content, name, {
    ...options,
    onBatch: (b) => batches.push(b),
    onErrors: (e) => errors.push(...e),
  });
  const all = {
    contacts: batches.flatMap((b) => b.contacts),
    campaigns: batches.flatMap((b) => b.campaigns),
    touches: batches.flatMap((b) => b.touches),
  };
  return { stats, aborted, errors, batches, ...all };
}

describe('Leadlight CSV', () => {
  it('keeps every valid row and reports the bad ones by file line, counting blank and quoted line breaks', async () => {
    const r = await run('leadlight-sample.csv');
    expect(r.stats).toEqual({ rowsDone: 7, validRows: 5, errorRows: 2 });
    expect(r.errors).toEqual([
      { line: 5, reason: 'Invalid email “not-an-email”' },
      { line: 8, reason: 'Unreadable date in “date”: 31/12/2025' },
    ]);
    expect(r.touches).toHaveLength(5);
    expect(new Set(r.contacts.map((c) => c.email)).size).toBe(4);
    expect(r.contacts.find((c) => c.email.startsWith('maya'))).toMatchObject({ lifecycleStage: 'mql', companySize: 1200, score: 78 });
  });

  it('finds the same lines whatever the chunk size', async () => {
    const r = await run('leadlight-sample.csv', undefined, { chunkSize: 64 });
    expect(r.errors.map((e) => e.line)).toEqual([5, 8]);
    expect(r.stats.validRows).toBe(5);
  });

  it('inspects the header, a sample and the preset', () => {
    const i = inspectText(text('leadlight-sample.csv'), 'leadlight-sample.csv');
    expect(i).toMatchObject({ format: 'csv', presetId: 'leadlight' });
    expect(i.headers[0]).toBe('email');
    expect(i.sample).toHaveLength(7);
    expect(i.mapping.asset).toBe('asset');
  });
});

describe('Salesforce campaign member report', () => {
  it('imports members as touches, the new contact included, and skips the legal footer', async () => {
    const r = await run('salesforce-campaign-members.csv');
    expect(r.errors).toEqual([]);
    expect(r.stats).toEqual({ rowsDone: 7, validRows: 7, errorRows: 0 });
    const jordan = r.contacts.find((c) => c.email === 'jordan.lee@unknown-startup.example');
    expect(jordan).toMatchObject({
      name: 'Jordan Lee',
      title: 'Founder',
      company: 'Unknown Startup',
      originalSource: { channel: 'webinar' },
    });
    const jordanTouches = r.touches.filter((t) => t.email === jordan?.email);
    expect(jordanTouches).toHaveLength(2);
    expect(jordanTouches.find((t) => t.responded)).toMatchObject({ date: '2026-11-04T00:00:00.000Z', responseStatus: 'Registered' });
    expect(r.campaigns.find((c) => c.name === 'Logistics Leaders Forum Chicago 2025')?.type).toBe('event');
  });
});

describe('HubSpot contact export', () => {
  it('imports contacts only, with sources and the MQL date', async () => {
    const r = await run('hubspot-contacts.csv');
    expect(r.touches).toEqual([]);
    expect(r.stats.validRows).toBe(4);
    expect(r.errors).toEqual([{ line: 6, reason: 'Invalid email “lena.vogel@”' }]);
    expect(r.contacts[0]).toMatchObject({
      email: 'maya.okafor@northwind-logistics.example',
      lifecycleStage: 'mql',
      leadStatus: 'open',
      score: 78,
      owner: 'Alex Rivera',
      handoffAt: '2026-11-18T09:00:00.000Z',
      originalSource: { channel: 'paid_search', detail: 'google / logistics-bi', date: '2025-08-05T14:12:00.000Z' },
      latestSource: { channel: 'email', detail: 'Winter Peak Readiness Webinar', date: '2026-11-04T08:05:00.000Z' },
    });
    expect(r.contacts.find((c) => c.email === 'zoe.muller@tessel.example')?.name).toBe('Zoë Müller');
  });
});

describe('JSON', () => {
  it('imports the feed shape, filling missing ids and reporting bad records by position', async () => {
    const r = await run('feed.json');
    expect(r.contacts.map((c) => c.email)).toEqual(['jordan.lee@unknown-startup.example', 'maya.okafor@northwind-logistics.example']);
    expect(r.campaigns.map((c) => c.id)).toEqual(['cmp-018', expect.stringMatching(/^imp-founder-office-hours-/)]);
    expect(r.touches.map((t) => t.email)).toEqual(['jordan.lee@unknown-startup.example', 'jordan.lee@unknown-startup.example']);
    expect(r.errors).toEqual([
      { line: 3, reason: expect.stringContaining('contacts[2] email') },
      { line: 3, reason: expect.stringContaining('touches[2] date') },
    ]);
    expect(inspectText(text('feed.json'), 'feed.json').format).toBe('json-feed');
  });

  it('maps an array of row objects like CSV columns', async () => {
    const rows = JSON.stringify([
      {
        Email: 'maya.okafor@northwind-logistics.example',
        'First Name': 'Maya',
        'Lifecycle Stage': 'Customer',
        'HubSpot Score': 90,
        'Record ID': 1,
      },
      { Email: 'nope', 'First Name': 'Nope' },
    ]);
    const i = inspectText(rows, 'contacts.json');
    expect(i).toMatchObject({ format: 'json-rows', presetId: 'hubspot' });
    const r = await run('contacts.json', rows);
    expect(r.contacts).toEqual([{ email: 'maya.okafor@northwind-logistics.example', name: 'Maya', lifecycleStage: 'customer', score: 90 }]);
    expect(r.errors).toEqual([{ line: 2, reason: 'Invalid email “nope”' }]);
  });

  it('refuses JSON that is neither shape, clearly', () => {
    expect(() => inspectText('{"people": []}', 'x.json')).toThrow(/array of rows or an object with contacts/);
    expect(() => inspectText('{"contacts": [', 'x.json')).toThrow(/not valid JSON/);
  });
});

describe('damaged and foreign files', () => {
  it('keeps the rows before a quote that never closes and reports the truncated row', async () => {
    const r = await run('corrupt.csv');
    expect(r.stats.validRows).toBe(2);
    expect(r.errors).toEqual([{ line: 4, reason: expect.stringContaining('quoted value never ends') }]);
  });

  it('decodes a Latin-1 (Windows-1252) file instead of mangling accents', async () => {
    const bytes = fixture('latin1.csv');
    expect(detectEncoding(bytes)).toBe('windows-1252');
    expect(detectEncoding(fixture('hubspot-contacts.csv'))).toBe('utf-8');
    const r = await run('latin1.csv');
    expect(r.errors).toEqual([]);
    expect(r.contacts.map((c) => c.name)).toEqual(['Jürgen Müller', 'Françoise Lefèvre']);
    expect(r.contacts[0]?.company).toBe('Müller Logistik GmbH');
  });

  it('says a binary file is not text rather than importing garbage', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe(true);
    expect(looksBinary(fixture('latin1.csv'))).toBe(false);
  });

  it('refuses a file with no header row', () => {
    expect(() => inspectText('just one line of prose\n', 'notes.csv')).toThrow(/fewer than two columns/);
  });
});

describe('volume', () => {
  it('maps 100,000 generated rows into batches', async () => {
    const csv = generateImportCsv(100_000);
    const started = performance.now();
    const r = await run('big.csv', csv);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `import pipeline: 100,000 rows in ${seconds.toFixed(2)} s = ${Math.round(100_000 / seconds).toLocaleString('en-US')} rows/s`,
    );
    expect(r.errors).toEqual([]);
    expect(r.stats).toEqual({ rowsDone: 100_000, validRows: 100_000, errorRows: 0 });
    expect(r.touches).toHaveLength(100_000);
    expect(new Set(r.contacts.map((c) => c.email)).size).toBe(20_000);
    expect(r.batches.every((b) => b.contacts.length <= 5000 && b.touches.length <= 20000 && b.campaigns.length <= 5000)).toBe(true);
  }, 120_000);
});
