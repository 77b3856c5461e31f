/// <reference lib="webworker" />
import type Papa from 'papaparse';
import { z } from 'zod';
import { decodeText, looksBinary } from './encoding';
import type { DayOrder } from './day-order';
import type { ColumnMapping } from './fields';
import { importText, inspectText } from './import-text';
import { MAX_UNACKED, type FromWorker, type ToWorker } from './worker-protocol';

// Extension CSP forbids eval; jitless keeps zod from even probing for it.
z.config({ jitless: true });

declare const self: DedicatedWorkerGlobalScope;

const post = (m: FromWorker) => self.postMessage(m);

let file: { name: string; size: number; text: string } | null = null;
let parser: Papa.Parser | null = null;
let unacked = 0;
let paused = false;
let cancelled = false;

/** Resume Papa once the page has room again; a timer tick lets a pending `cancel` in first. */
function maybeResume() {
  if (!paused || unacked >= MAX_UNACKED || cancelled) return;
  paused = false;
  setTimeout(() => !cancelled && parser?.resume(), 0);
}

async function inspect(f: File) {
  // The whole file is decoded up front: Papa's own File reader slices bytes and
  // would break a UTF-8 character that straddles two slices, and the encoding
  // check needs the bytes anyway. Parsing and sending still go chunk by chunk.
  const bytes = new Uint8Array(await f.arrayBuffer());
  if (looksBinary(bytes)) throw new Error('This is not a text file. Export or save it as CSV (UTF-8) and try again.');
  const { text, encoding } = decodeText(bytes);
  file = { name: f.name, size: f.size, text };
  post({ type: 'inspected', fileName: f.name, totalBytes: f.size, encoding, ...inspectText(text, f.name) });
}

async function start(mapping: ColumnMapping, dayOrder: DayOrder) {
  if (!file) throw new Error('No file inspected');
  const { text, name, size } = file;
  const { stats, aborted } = await importText(text, name, {
    mapping,
    dayOrder,
    onBatch: (batch, rows) => {
      unacked += 1;
      post({ type: 'batch', json: JSON.stringify(batch), rows });
    },
    onErrors: (errors) => post({ type: 'rowErrors', errors }),
    onWarnings: (warnings) => post({ type: 'rowWarnings', warnings }),
    afterChunk: ({ rowsDone, charsDone, totalChars }, p) => {
      parser = p;
      // Papa counts characters; scaled to the file's bytes it is close enough for a progress bar.
      post({ type: 'progress', rowsDone, bytesDone: Math.round((charsDone / Math.max(totalChars, 1)) * size), totalBytes: size });
      // Always yield between chunks, so `cancel` and `ack` messages get through.
      p.pause();
      paused = true;
      maybeResume();
    },
  });
  post({ type: 'progress', rowsDone: stats.rowsDone, bytesDone: size, totalBytes: size });
  post({ type: 'done', ...stats, cancelled: aborted || cancelled });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  const fail = (e: unknown) => post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) });
  switch (m.type) {
    case 'inspect':
      return void inspect(m.file).catch(fail);
    case 'start':
      return void start(m.mapping, m.dayOrder).catch(fail);
    case 'ack':
      unacked = Math.max(0, unacked - 1);
      return maybeResume();
    case 'cancel':
      cancelled = true;
      return parser?.abort();
  }
};
