import Papa from 'papaparse';
import type { RowPipeline } from './pipeline';

/** Characters per Papa chunk: ~2,000 typical rows, so progress moves and cancel is heard often. */
export const CSV_CHUNK_CHARS = 512 * 1024;

export type CsvChunkInfo = { rowsDone: number; charsDone: number; totalChars: number };

export type CsvRunOptions = {
  chunkSize?: number;
  /** Called after each chunk with Papa's parser, so the worker can pause, resume or abort it. */
  afterChunk?: (info: CsvChunkInfo, parser: Papa.Parser) => void;
};

const PAPA_ERRORS: Readonly<Record<string, string>> = {
  MissingQuotes: 'A quote in this row never closes (is the file cut off?)',
  InvalidQuotes: 'Malformed quotes',
};

type Parsed = Pick<Papa.ParseResult<string[]>, 'data' | 'errors'>;

/**
 * Streams CSV text through Papa in chunks into the pipeline. Papa's `header` and
 * `skipEmptyLines` modes are not used: they hide where each row started, and the
 * line number is what a user needs to fix a row. Blank lines are skipped here
 * instead, and quoted line breaks are counted so lines match the file.
 * Resolves with `aborted` when the caller aborted the parser.
 */
export function runCsv(text: string, pipeline: RowPipeline, options: CsvRunOptions = {}): Promise<{ aborted: boolean }> {
  let line = 1;
  let sawHeader = false;
  let failure: Error | undefined;
  /** Hands parsed rows to the pipeline with the file's line numbers, quoted line breaks counted. */
  const feed = ({ data, errors }: Parsed, newline: '\r' | '\n'): void => {
    const broken = new Map<number, string>();
    for (const e of errors) {
      const reason = PAPA_ERRORS[e.code];
      if (reason && e.row !== undefined) broken.set(e.row, reason);
    }
    data.forEach((cells, i) => {
      const start = line;
      for (const cell of cells) if (cell.includes(newline)) line += cell.split(newline).length - 1;
      line += 1;
      const reason = broken.get(i);
      if (reason) {
        pipeline.fail(start, reason);
        // A stray quote swallows every line up to the next quote, or to the end: those lines are
        // read again as rows of their own, so one bad row never takes the rest of the file with it.
        const swallowed = cells.find((c) => c.includes(newline));
        if (!swallowed) return;
        line = start + 1;
        return feed(Papa.parse<string[]>(swallowed.slice(swallowed.indexOf(newline) + 1), { header: false, newline }), newline);
      }
      if (cells.every((c) => c.trim() === '')) return pipeline.blank();
      if (!sawHeader) {
        sawHeader = true;
        return pipeline.header(cells);
      }
      pipeline.row(cells, start);
    });
  };
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text, {
      header: false,
      skipEmptyLines: false,
      chunkSize: options.chunkSize ?? CSV_CHUNK_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          feed(results, results.meta.linebreak === '\r' ? '\r' : '\n');
          options.afterChunk?.({ rowsDone: pipeline.stats.rowsDone, charsDone: results.meta.cursor, totalChars: text.length }, parser);
        } catch (e) {
          failure = e instanceof Error ? e : new Error(String(e));
          parser.abort();
        }
      },
      complete(results: Papa.ParseResult<string[]> | undefined) {
        if (failure) return reject(failure);
        // In chunk mode Papa hands `complete` nothing unless the parse was aborted.
        const aborted = !!results?.meta?.aborted;
        if (!aborted) pipeline.end();
        resolve({ aborted });
      },
      error(e: Error) {
        reject(e);
      },
    });
  });
}
