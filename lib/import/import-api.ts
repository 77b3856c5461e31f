import { postRequest } from '../messaging/post-request';
import { sendMessage, type CacheStatus, type DataSummary, type ImportCounts } from '../messaging/protocol';

/**
 * The three background calls an import makes. PageApi does not carry them (it
 * belongs to the popup too), so the options page builds this alongside it.
 */
export type ImportApi = {
  /** `replace` clears cached marketing data first; feedback is always kept. */
  begin: (replace: boolean) => Promise<void>;
  /** One ImportBatch as JSON text, as the parse worker wrote it. */
  send: (batchJson: string) => Promise<ImportCounts>;
  /** Records the import as the data source; `replace` says whether it replaced the data or was added to it. */
  finish: (fileName: string, rows: number, replace: boolean) => Promise<CacheStatus>;
  /** What the cache holds now, to say what replacing it would remove. */
  describeData: () => Promise<DataSummary>;
};

export function createImportApi(): ImportApi {
  return {
    begin: (replace) => sendMessage('beginImport', { replace }),
    send: (batchJson) => postRequest('importRecords', batchJson) ?? sendMessage('importRecords', batchJson),
    finish: (fileName, rows, replace) => sendMessage('finishImport', { fileName: fileName.slice(0, 300) || 'import', rows, replace }),
    describeData: () => sendMessage('getDataSummary', {}),
  };
}

/** The real parse worker. Vite bundles the worker because the URL is written out literally here. */
export function createParseWorker(): Worker {
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
}
