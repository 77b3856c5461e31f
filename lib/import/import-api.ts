import { sendMessage, type CacheStatus, type ImportCounts } from '../messaging/protocol';
import type { ImportBatch } from './batcher';

/**
 * The three background calls an import makes. PageApi does not carry them (it
 * belongs to the popup too), so the options page builds this alongside it.
 */
export type ImportApi = {
  /** `replace` clears cached marketing data first; feedback is always kept. */
  begin: (replace: boolean) => Promise<void>;
  send: (batch: ImportBatch) => Promise<ImportCounts>;
  finish: (fileName: string, rows: number) => Promise<CacheStatus>;
};

export function createImportApi(): ImportApi {
  return {
    begin: (replace) => sendMessage('beginImport', { replace }),
    send: (batch) => sendMessage('importRecords', batch),
    finish: (fileName, rows) => sendMessage('finishImport', { fileName: fileName.slice(0, 300) || 'import', rows }),
  };
}

/** The real parse worker. Vite bundles the worker because the URL is written out literally here. */
export function createParseWorker(): Worker {
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
}
