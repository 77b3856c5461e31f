import type { DayOrder } from './day-order';
import type { ColumnMapping, RowError, RowWarning } from './fields';
import type { Inspection } from './import-text';

/**
 * Messages between the options page and lib/import/parse.worker.ts. One worker
 * handles one file: inspect it, then import it once.
 *
 * The worker posts at most MAX_UNACKED batches ahead of the page and then pauses
 * Papa until the page acks one, so a slow background never makes either side
 * buffer the whole file.
 */
export type ToWorker =
  /** Read and decode the file; answers `inspected` or `failed`. */
  | { type: 'inspect'; file: File }
  /** Import the inspected file with this mapping and order of dates (both ignored for the JSON feed shape). */
  | { type: 'start'; mapping: ColumnMapping; dayOrder: DayOrder }
  /** The page has stored one batch. */
  | { type: 'ack' }
  /** Abort Papa; the worker answers `done` with `cancelled: true`. */
  | { type: 'cancel' };

export type FromWorker =
  | ({ type: 'inspected'; fileName: string; totalBytes: number; encoding: string } & Inspection)
  | { type: 'progress'; rowsDone: number; bytesDone: number; totalBytes: number }
  /** One ImportBatch as JSON text: the page relays it to the background as is (see the importRecords request). */
  | { type: 'batch'; json: string; rows: number }
  | { type: 'rowErrors'; errors: RowError[] }
  /** Values left empty in rows that were kept. */
  | { type: 'rowWarnings'; warnings: RowWarning[] }
  | { type: 'done'; rowsDone: number; validRows: number; errorRows: number; footerLines: number; cancelled: boolean }
  /** The file cannot be imported at all (not text, not JSON, no header). */
  | { type: 'failed'; reason: string };

/** One more than the page sends at once, so a parsed batch is ready when a slot frees. */
export const MAX_UNACKED = 3;

/** The slice of Worker the page uses; tests pass a fake. */
export type WorkerLike = {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};
