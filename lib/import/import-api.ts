import { sendMessage, type CacheStatus, type DataSummary, type ImportCounts } from '../messaging/protocol';
import type { ImportBatch } from './batcher';

/**
 * The three background calls an import makes. PageApi does not carry them (it
 * belongs to the popup too), so the options page builds this alongside it.
 */
export type ImportApi = {
  /** `replace` clears cached marketing data first; feedback is always kept. */
  begin: (replace: boolean) => Promise<void>;
  send: (batch: ImportBatch) => Promise<ImportCounts>;
  /** Records the import as the data source; `replace` says whether it replaced the data or was added to it. */
  finish: (fileName: string, rows: number, replace: boolean) => Promise<CacheStatus>;
  /** What the cache holds now, to say what replacing it would remove. */
  describeData: () => Promise<DataSummary>;
};

export function createImportApi(): ImportApi {
  return {
    begin: (replace) => sendMessage('beginImport', { replace }),
    send: (batch) => sendMessage('importRecords', batch),
    finish: (fileName, rows, replace) => sendMessage('finishImport', { fileName: fileName.slice(0, 300) || 'import', rows, replace }),
    describeData: () => sendMessage('getDataSummary', {}),
  };
}

/** The real parse worker. Vite bundles the worker because the URL is written out literally here. */
export function createParseWorker(): Worker {
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
}
