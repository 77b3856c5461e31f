import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_UNACKED, type FromWorker, type ToWorker } from '@/lib/import/worker-protocol';
import { requests } from '@/lib/messaging/requests';
import { generateImportCsv } from '../support/generate-import-csv';

// vi.waitFor gives up after 1 s by default; a busy CI machine is slow, not wrong.
const BUSY_MACHINE = { timeout: 20_000, interval: 50 };

/**
 * The worker module loaded in Node with a stand-in `self`, to check its
 * conversation with the page against real Papa: it pauses for acks, reports
 * progress, and aborts on cancel. (The browser-only part is `new Worker`.)
 */
let posted: FromWorker[];
let send: (m: ToWorker) => void;

beforeEach(async () => {
  vi.resetModules();
  posted = [];
  const self = { postMessage: (m: FromWorker) => posted.push(m), onmessage: null as null | ((e: { data: ToWorker }) => void) };
  vi.stubGlobal('self', self);
  await import('@/lib/import/parse.worker');
  send = (m) => self.onmessage?.({ data: m });
});

const of = <T extends FromWorker['type']>(type: T) => posted.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
const settle = () => new Promise((r) => setTimeout(r, 20));

async function inspect(csv: string, name = 'big.csv') {
  send({ type: 'inspect', file: new File([csv], name) });
  await vi.waitFor(() => expect(of('inspected').length + of('failed').length).toBe(1), BUSY_MACHINE);
}

describe('parse.worker', () => {
  // 45,000 rows (five batches) through the real worker code: generous timeouts, as a busy CI machine is slow, not wrong.
  it('inspects, then imports with at most MAX_UNACKED batches ahead of the page, until every row is out', { timeout: 60_000 }, async () => {
    await inspect(generateImportCsv(45_000));
    const [inspected] = of('inspected');
    expect(inspected).toMatchObject({ presetId: 'leadlight', format: 'csv', encoding: 'utf-8' });
    send({ type: 'start', mapping: inspected!.mapping, dayOrder: 'month-first' });
    await vi.waitFor(() => expect(of('batch')).toHaveLength(MAX_UNACKED), BUSY_MACHINE);
    await new Promise((r) => setTimeout(r, 300));
    // Without acks the worker stops rather than racing ahead.
    expect(of('batch')).toHaveLength(MAX_UNACKED);
    expect(of('done')).toHaveLength(0);
    for (let acked = 0; of('done').length === 0 && acked < 100; acked++) {
      send({ type: 'ack' });
      await settle();
    }
    expect(of('done')[0]).toEqual({ type: 'done', rowsDone: 45_000, validRows: 45_000, errorRows: 0, footerLines: 0, cancelled: false });
    expect(of('batch').reduce((n, b) => n + b.rows, 0)).toBe(45_000);
    // Each batch is text the background's importRecords request accepts as it is.
    expect(of('batch').map((b) => requests.importRecords.safeParse(b.json).success)).toEqual(of('batch').map(() => true));
    const progress = of('progress');
    expect(progress.at(-1)).toMatchObject({ rowsDone: 45_000, bytesDone: inspected!.totalBytes });
    expect(progress.map((p) => p.bytesDone)).toEqual([...progress.map((p) => p.bytesDone)].sort((a, b) => a - b));
  });

  it('stops parsing on cancel', { timeout: 30_000 }, async () => {
    await inspect(generateImportCsv(12_000));
    send({ type: 'start', mapping: of('inspected')[0]!.mapping, dayOrder: 'month-first' });
    await settle();
    send({ type: 'cancel' });
    await vi.waitFor(() => expect(of('done')).toHaveLength(1), BUSY_MACHINE);
    expect(of('done')[0]).toMatchObject({ cancelled: true });
    expect(of('done')[0]!.rowsDone).toBeLessThan(12_000);
    const sent = of('batch').length;
    send({ type: 'ack' });
    await settle();
    expect(of('batch')).toHaveLength(sent);
  });

  it('decodes Latin-1 and refuses binary files', async () => {
    // "Müller" as one Latin-1 byte for the ü, as Excel on Windows writes it.
    send({
      type: 'inspect',
      file: new File(
        [new Uint8Array([...'email,name\nx@y.example,M'].map((c) => c.charCodeAt(0)).concat([0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]))],
        'l1.csv',
      ),
    });
    await vi.waitFor(() => expect(of('inspected')).toHaveLength(1), BUSY_MACHINE);
    expect(of('inspected')[0]).toMatchObject({ encoding: 'windows-1252', sample: [['x@y.example', 'Müller']] });

    posted = [];
    send({ type: 'inspect', file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])], 'report.csv') });
    await vi.waitFor(() => expect(of('failed')).toHaveLength(1), BUSY_MACHINE);
    expect(of('failed')[0]?.reason).toMatch(/not a text file/);
  });
});
