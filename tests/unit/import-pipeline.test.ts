import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportBatchSchema } from '@/lib/domain/import-batch';
import { packedCount, unpackTouches } from '@/lib/domain/packed-touches';
import type { ImportBatch } from '@/lib/import/batcher';
import { decodeText, detectEncoding, looksBinary } from '@/lib/import/encoding';
import type { RowError, RowWarning } from '@/lib/import/fields';
import { importText, inspectText } from '@/lib/import/import-text';
import { RowPipeline } from '@/lib/import/pipeline';
import { generateImportCsv } from '../support/generate-import-csv';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const text = (name: string) => decodeText(fixture(name)).text;

/** Runs a file through the same code the worker runs, collecting what it would post. */
async function run(name: string, content = text(name), options: { chunkSize?: number } = {}) {
  const batches: ImportBatch[] = [];
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  const { stats, aborted } = await importText(content, name, {
    ...options,
    onBatch: (b) => batches.push(b),
    onErrors: (e) => errors.push(...e),
    onWarnings: (w) => warnings.push(...w),
  });
  const all = {
    contacts: batches.flatMap((b) => b.contacts),
    campaigns: batches.flatMap((b) => b.campaigns),
    touches: batches.flatMap((b) => b.touches.flatMap(([email, packed]) => unpackTouches(packed, email))),
  };
  return { stats, aborted, errors, warnings, batches, ...all };
}

describe('Leadlight CSV', () => {
  it('keeps every row with an identity and reports the rest by file line, counting blank and quoted line breaks', async () => {
    const r = await run('leadlight-sample.csv');
    expect(r.stats).toEqual({ rowsDone: 7, validRows: 6, errorRows: 1, footerLines: 0 });
    expect(r.errors).toEqual([{ line: 5, reason: 'Invalid email “not-an-email”' }]);
    // Sofia's touch has an unreadable date: the touch is left out, Sofia is kept.
    expect(r.warnings).toEqual([{ line: 8, column: 'date', reason: 'unreadable date “31st Dec 2025”; the campaign touch was left out' }]);
    expect(r.touches).toHaveLength(5);
    expect(new Set(r.contacts.map((c) => c.email)).size).toBe(5);
    expect(r.contacts.find((c) => c.email.startsWith('maya'))).toMatchObject({ lifecycleStage: 'mql', companySize: 1200, score: 78 });
  });

  it('finds the same lines whatever the chunk size', async () => {
    const r = await run('leadlight-sample.csv', undefined, { chunkSize: 64 });
    expect(r.errors.map((e) => e.line)).toEqual([5]);
    expect(r.warnings.map((w) => w.line)).toEqual([8]);
    expect(r.stats.validRows).toBe(6);
  });

  it("sends a person's last activity once, though each of their rows repeats it", async () => {
    const csv = [
      'Email,Campaign,Asset,Date,Last activity',
      'maya.okafor@northwind.example,Webinar A,Live session,2026-11-02,2026-11-24',
      'maya.okafor@northwind.example,Webinar B,Live session,2026-11-09,2026-11-24',
      'maya.okafor@northwind.example,Webinar C,Live session,2026-11-16,2026-11-24',
      'tom.becker@alder.example,Webinar A,Live session,2026-11-02,2026-11-20',
    ].join('\n');
    const r = await run('activity.csv', csv);
    expect(r.touches.filter((t) => t.assetName === 'Last activity').map((t) => [t.email, t.date])).toEqual([
      ['maya.okafor@northwind.example', '2026-11-24T00:00:00.000Z'],
      ['tom.becker@alder.example', '2026-11-20T00:00:00.000Z'],
    ]);
    expect(r.touches).toHaveLength(6);
  });

  it("never gives a row the previous row's values: a short row's missing cells are empty", async () => {
    const csv = ['Email,First name,Title,Company', 'maya@northwind.example,Maya,VP Operations,Northwind', 'tom@alder.example,Tom'].join(
      '\n',
    );
    const r = await run('short.csv', csv);
    expect(r.contacts).toEqual([
      { email: 'maya@northwind.example', name: 'Maya', title: 'VP Operations', company: 'Northwind' },
      { email: 'tom@alder.example', name: 'Tom' },
    ]);
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
    expect(r.stats).toEqual({ rowsDone: 7, validRows: 7, errorRows: 0, footerLines: 2 });
    const jordan = r.contacts.find((c) => c.email === 'jordan.lee@unknown-startup.example');
    expect(jordan).toMatchObject({
      name: 'Jordan Lee',
      title: 'Founder',
      company: 'Unknown Startup',
      originalSource: { channel: 'Webinar', category: 'webinar' },
    });
    const jordanTouches = r.touches.filter((t) => t.email === jordan?.email);
    expect(jordanTouches).toHaveLength(2);
    expect(jordanTouches.find((t) => t.responded)).toMatchObject({ date: '2026-11-04T00:00:00.000Z', responseStatus: 'Registered' });
    // The campaign type as the report wrote it, grouped as an event.
    expect(r.campaigns.find((c) => c.name === 'Logistics Leaders Forum Chicago 2025')).toMatchObject({
      type: 'Trade Show',
      category: 'event',
    });
  });
});

describe('batches', () => {
  it('stay within what the background takes when every row names a new campaign', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `person${i % 100}@corvidretail.example,Campaign ${i},2026-03-12`);
    const r = await run('campaigns.csv', `email,campaign,date\n${rows.join('\n')}\n`);
    expect(r.campaigns).toHaveLength(6000);
    expect(r.touches).toHaveLength(6000);
    for (const batch of r.batches) expect(ImportBatchSchema.safeParse(batch).success).toBe(true);
  });
});

describe('Salesforce report footers', () => {
  type Expected = { stats: object; errors: RowError[]; contacts: string[] };
  const expected = JSON.parse(text('salesforce-report-footer.expected.json')) as Expected;

  it('ignores the whole footer and the total rows, and still reports a real row without an email', async () => {
    const r = await run('salesforce-report-footer.csv');
    expect(r.stats).toEqual(expected.stats);
    expect(r.errors).toEqual(expected.errors);
    expect([...new Set(r.contacts.map((c) => c.email))]).toEqual(expected.contacts);
  });

  it('reads one-cell rows after a blank line as data when more data follows them', async () => {
    const csv = 'email,first name\nmaya.okafor@northwind-logistics.example,Maya\n\nDaniel Kim\ndaniel.kim@helixbio.example,Daniel\n';
    const r = await run('mid-file.csv', csv);
    expect(r.errors).toEqual([{ line: 4, reason: 'Invalid email “Daniel Kim”' }]);
    expect(r.stats).toMatchObject({ validRows: 2, footerLines: 0 });
  });

  it('recognises the footer lines in the spellings Salesforce has used', async () => {
    const footer = [
      'Copyright © 2000-2025 salesforce.com, inc. All rights reserved.',
      'Copyright (c) 2000-2017 salesforce.com, inc. All rights reserved.',
      'Confidential Information - Do Not Distribute',
      'Generated By:  Jamie Chen  3/4/2026, 10:02 AM',
      'Generated By:  alex.rivera@brightwave.example  11/18/2026 9:14 AM',
      'Filtered By:  Type equals Webinar',
      'Filtered By:  Email contains @corvidretail.example',
      'Grand Totals (12,345 records)',
    ];
    const csv = `email,first name\nmaya.okafor@northwind-logistics.example,Maya\n${footer.map((l) => `"${l}"`).join('\n')}\n`;
    const r = await run('footer.csv', csv);
    expect(r.errors).toEqual([]);
    expect(r.stats).toMatchObject({ validRows: 1, footerLines: footer.length });
    // Recognised anywhere, each by itself: followed by data, a line not recognised would be reported as a row.
    const within = `email,first name\n${footer.map((l) => `"${l}"\nmaya.okafor@northwind-logistics.example,Maya`).join('\n')}\n`;
    const mid = await run('footer.csv', within);
    expect(mid.errors).toEqual([]);
    expect(mid.stats).toMatchObject({ validRows: footer.length, footerLines: footer.length });
  });
});

describe('values that cannot be read', () => {
  type Expected = { stats: object; warnings: RowWarning[]; touches: string[]; daniel: Record<string, unknown> };
  const expected = JSON.parse(text('optional-values.expected.json')) as Expected;

  it('keeps each row, leaves the value empty and names its line and column', async () => {
    const r = await run('optional-values.csv');
    expect(r.stats).toEqual(expected.stats);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(expected.warnings);
    expect(r.touches.map((t) => t.email)).toEqual(expected.touches);
    const daniel = r.contacts.find((c) => c.email === 'daniel.kim@helixbio.example')!;
    for (const [field, value] of Object.entries(expected.daniel)) {
      if (value === null) expect(daniel).not.toHaveProperty(field);
      else expect(r.touches.find((t) => t.email === daniel.email)).toHaveProperty(field, value);
    }
    expect(r.contacts.find((c) => c.email.startsWith('maya'))?.originalSource).toEqual({ channel: 'paid_search', category: 'paid_search' });
  });

  it('never echoes a huge cell whole: a 5 MB value makes a short message', async () => {
    const huge = 'x'.repeat(5_000_000);
    const csv = `email,first name,score,mql date\n${huge}@x.example,Ann,1\nann@x.example,Ann,${huge},${huge}\n`;
    const r = await run('huge.csv', csv);
    const messages = [...r.errors.map((e) => e.reason), ...r.warnings.map((w) => w.reason + w.column)];
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(m.length).toBeLessThan(200);
    expect(r.errors[0]?.reason).toMatch(/^Invalid email “x{60}…” \(5,000,010 characters\)$/);
  });

  it('previews a huge cell cut short', () => {
    const i = inspectText(`email,name\na@x.example,${'y'.repeat(5_000_000)}\n`, 'huge.csv');
    expect(i.sample[0]?.[1]?.length).toBeLessThanOrEqual(201);
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
      leadStatus: 'Open',
      score: 78,
      owner: 'Alex Rivera',
      handoffAt: '2026-11-18T09:00:00.000Z',
      originalSource: {
        channel: 'Paid Search',
        category: 'paid_search',
        detail: 'google / logistics-bi',
        date: '2025-08-05T14:12:00.000Z',
      },
      latestSource: {
        channel: 'Email Marketing',
        category: 'email',
        detail: 'Winter Peak Readiness Webinar',
        date: '2026-11-04T08:05:00.000Z',
      },
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
    expect(r.errors).toEqual([{ line: 4, reason: expect.stringContaining('never closes') }]);
  });

  it('reads the rows a stray quote swallowed as rows of their own, losing only the row with the quote', async () => {
    const valid = Array.from({ length: 50 }, (_, i) => `person${i}@corvidretail.example,Person ${i},Corvid`);
    const unclosed = await run('stray.csv', `Email,Name,Company\na@x.example,Ann,"Acme\n${valid.join('\n')}\n`);
    expect(unclosed.stats.validRows).toBe(50);
    expect(unclosed.errors).toEqual([{ line: 2, reason: expect.stringContaining('never closes') }]);
    // The same when the file is read in small chunks, as a large file is.
    const chunked = await run('stray.csv', `Email,Name,Company\na@x.example,Ann,"Acme\n${valid.join('\n')}\n`, { chunkSize: 64 });
    expect(chunked.stats.validRows).toBe(50);
    expect(chunked.errors).toEqual(unclosed.errors);
    // Closed by the next quote in the file, a later row's: the lines between are read again too, and
    // the row whose quote it took is reported as well (fixing the first quote fixes both).
    const closedLater = await run(
      'stray.csv',
      'Email,Name,Company\na@x.example,Ann,"Acme\nb@x.example,Bob,Beta\nc@x.example,Cy,Cyan\nd@x.example,Di,"Delta"\ne@x.example,Eve,Echo\n',
    );
    expect(closedLater.errors.map((e) => e.line)).toEqual([2, 5]);
    expect(closedLater.contacts.map((c) => c.email)).toEqual(expect.arrayContaining(['b@x.example', 'c@x.example', 'e@x.example']));
    // Line numbers still match the file after the rows read again.
    const late = await run('stray.csv', 'Email,Name,Company\na@x.example,Ann,"Acme\nb@x.example,Bob,Beta\nnot-an-email,Zed,Zeta\n');
    expect(late.errors).toEqual([
      { line: 2, reason: expect.stringContaining('never closes') },
      { line: 4, reason: 'Invalid email “not-an-email”' },
    ]);
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
    expect(r.stats).toEqual({ rowsDone: 100_000, validRows: 100_000, errorRows: 0, footerLines: 0 });
    expect(r.touches).toHaveLength(100_000);
    expect(new Set(r.contacts.map((c) => c.email)).size).toBe(20_000);
    expect(
      r.batches.every(
        (b) => b.contacts.length <= 5000 && b.touches.reduce((n, [, p]) => n + packedCount(p), 0) <= 20000 && b.campaigns.length <= 5000,
      ),
    ).toBe(true);
  }, 120_000);
});

describe('row errors', () => {
  it('keeps a reason to 300 characters, whatever produced it', () => {
    const pipeline = new RowPipeline({ onBatch: () => undefined });
    pipeline.fail(7, `Malformed row: ${'x'.repeat(5_000_000)}`);
    const [error] = pipeline.takeErrors();
    expect(error!.line).toBe(7);
    expect(error!.reason.length).toBeLessThanOrEqual(300);
    expect(error!.reason.startsWith('Malformed row: xxx')).toBe(true);
  });
});

describe('header rows with repeated or blank names', () => {
  // A report with the Lead's and the Contact's Email under one label, and a column with no header.
  const csv = 'First Name,Email,Email,,Campaign Name\nMaya,,maya.okafor@northwind-logistics.example,VIP,Q3 Webinar\n';

  it('names every column so each can be chosen: the second of a name numbered, a blank one by position', () => {
    expect(inspectText(csv, 'members.csv').headers).toEqual(['First Name', 'Email', 'Email (2)', '(column 4)', 'Campaign Name']);
  });

  it('imports from the column the mapping chose, the repeated one included', async () => {
    const batches: ImportBatch[] = [];
    const mapping = { email: 'Email (2)', firstName: 'First Name', campaign: 'Campaign Name', title: '(column 4)' };
    const { stats } = await importText(csv, 'members.csv', { mapping, onBatch: (b) => batches.push(b) });
    expect(stats).toMatchObject({ validRows: 1, errorRows: 0 });
    expect(batches.flatMap((b) => b.contacts)).toEqual([
      expect.objectContaining({ email: 'maya.okafor@northwind-logistics.example', name: 'Maya', title: 'VIP' }),
    ]);
  });
});
