import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { beginImport, finishImport, upsertRecords } from '@/lib/db/import-repository';
import { ImportBatchSchema } from '@/lib/domain/import-batch';
import type { ImportApi } from '@/lib/import/import-api';
import { inspectText } from '@/lib/import/import-text';
import { ImportSession } from '@/lib/import/import-session';
import type { FromWorker, WorkerLike } from '@/lib/import/worker-protocol';

/**
 * An import as the options page runs it, against the background's real repository:
 * what a replacing import that stops part-way leaves in the data.
 */
let db: LeadlightDb;
beforeEach(async () => {
  db = new LeadlightDb(`session-${crypto.randomUUID()}`);
  await beginImport(db, true);
  await upsertRecords(
    db,
    ImportBatchSchema.parse({ contacts: [{ email: 'old1@x.example' }, { email: 'old2@x.example' }], campaigns: [], touches: [] }),
  );
  await finishImport(db, 'old.csv', new Date('2026-11-01T00:00:00Z'), true);
});
afterEach(() => db.delete());

const CSV = 'email,first name\nnew1@x.example,Ada\nnew2@x.example,Grace\n';
const batch = (email: string) => JSON.stringify({ contacts: [{ email }], campaigns: [], touches: [] });
const settle = () => new Promise((r) => setTimeout(r, 50));

/** A session whose worker the test drives, and an importer that answers each batch when the test says. */
function run(answer: (sent: number) => Promise<void>) {
  let worker!: WorkerLike;
  let sent = 0;
  const importer: ImportApi = {
    begin: (replace) => beginImport(db, replace),
    send: async (json) => {
      const n = ++sent;
      await answer(n);
      return upsertRecords(db, ImportBatchSchema.parse(JSON.parse(json)));
    },
    finish: async (fileName, _rows, replace) => {
      await finishImport(db, fileName, new Date('2026-11-20T00:00:00Z'), replace);
      return { sourceName: fileName, dataAsOf: null, contactCount: 0, unsentFeedback: 0 };
    },
    describeData: async () => {
      throw new Error('not asked');
    },
  };
  const session = new ImportSession(importer, () => (worker = { onmessage: null, onerror: null, postMessage() {}, terminate() {} }));
  const emit = (m: FromWorker) => worker.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  session.open(new File([CSV], 'new.csv'));
  emit({ type: 'inspected', fileName: 'new.csv', totalBytes: CSV.length, encoding: 'utf-8', ...inspectText(CSV, 'new.csv') });
  return { session, emit };
}
const stored = async () => (await db.contacts.toCollection().primaryKeys()).sort();
const sourceName = async () => (await db.meta.get('source'))?.name;

describe('a replacing import that stops part-way', () => {
  it('keeps the data it was to replace when the background refuses a batch, and counts a batch stored meanwhile', async () => {
    let release!: () => void;
    const firstHeld = new Promise<void>((r) => (release = r));
    const { session, emit } = run(async (n) => {
      if (n === 1) await firstHeld;
      if (n === 2) throw new Error('batch refused');
    });
    await session.start(true);
    emit({ type: 'batch', json: batch('new1@x.example'), rows: 1 });
    emit({ type: 'batch', json: batch('new2@x.example'), rows: 1 });
    await settle();
    // The second batch was refused while the first was still being stored.
    release();
    await settle();
    expect(session.state.phase).toBe('failed');
    expect(session.state.failure).toBe('Import stopped: batch refused. 1 rows were imported before that.');
    expect(await stored()).toEqual(['new1@x.example', 'old1@x.example', 'old2@x.example']);
    expect(await sourceName()).toBe('Import: old.csv, new.csv');
  });

  it('keeps it too when the rep cancels', async () => {
    const { session, emit } = run(async () => undefined);
    await session.start(true);
    emit({ type: 'batch', json: batch('new1@x.example'), rows: 1 });
    await settle();
    session.cancel();
    emit({ type: 'done', rowsDone: 1, validRows: 1, errorRows: 0, footerLines: 0, cancelled: true });
    await settle();
    expect(session.state.phase).toBe('cancelled');
    expect(session.state.replace).toBe(false);
    expect(await stored()).toEqual(['new1@x.example', 'old1@x.example', 'old2@x.example']);
  });
});
