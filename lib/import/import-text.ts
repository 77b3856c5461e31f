import Papa from 'papaparse';
import type { ImportBatch } from './batcher';
import { runCsv, type CsvRunOptions } from './csv-run';
import { findDayOrder, type DayOrder, type DayOrderFinding } from './day-order';
import { uniqueHeaders, type ColumnMapping, type RowError, type RowWarning } from './fields';
import { feedIntoPipeline, readJson } from './json-input';
import { RowPipeline, type PipelineStats } from './pipeline';
import { detectPreset, type PresetId } from './presets';

export type ImportFormat = 'csv' | 'json-rows' | 'json-feed';

/** What the user sees before importing: the header row, a sample and the detected preset. */
export type Inspection = {
  format: ImportFormat;
  headers: string[];
  /** Up to SAMPLE_ROWS raw data rows, cells in header order. */
  sample: string[][];
  presetId: PresetId | null;
  mapping: ColumnMapping;
  /** What the file's dates such as 03/04/2026 say about their order. */
  dates: DayOrderFinding;
};

export const SAMPLE_ROWS = 10;

/** Characters of a cell the preview carries: it shows a glimpse, and a 5 MB cell must not travel whole. */
export const SAMPLE_CELL_CHARS = 200;
const clipCells = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (c.length > SAMPLE_CELL_CHARS ? `${c.slice(0, SAMPLE_CELL_CHARS)}…` : c)));

function isJson(fileName: string, text: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  if (/\.csv$/i.test(fileName)) return false;
  return /^\s*[[{]/.test(text);
}

export function inspectText(text: string, fileName: string): Inspection {
  if (isJson(fileName, text)) {
    const json = readJson(text);
    // Leadlight's feed writes ISO dates only.
    if (json.kind === 'feed')
      return {
        format: 'json-feed',
        headers: [],
        sample: [],
        presetId: null,
        mapping: {},
        dates: { order: null, seen: false, mixed: false, example: null },
      };
    const headers = uniqueHeaders(json.headers);
    const { preset, mapping } = detectPreset(headers);
    const sample = clipCells(json.rows.slice(0, SAMPLE_ROWS));
    return { format: 'json-rows', headers, sample, presetId: preset.id, mapping, dates: findDayOrder(text) };
  }
  // Papa stops after `preview` rows, so a huge file costs no more than its first lines.
  const { data } = Papa.parse<string[]>(text, { header: false, preview: SAMPLE_ROWS * 5 + 1 });
  const [headers = [], ...rows] = data.filter((r) => r.some((c) => c.trim() !== ''));
  const trimmed = uniqueHeaders(headers);
  if (trimmed.length < 2) throw new Error('This does not look like a CSV file: the first line has fewer than two columns.');
  const { preset, mapping } = detectPreset(trimmed);
  return {
    format: 'csv',
    headers: trimmed,
    sample: clipCells(rows.slice(0, SAMPLE_ROWS)),
    presetId: preset.id,
    mapping,
    dates: findDayOrder(text),
  };
}

export type ImportTextOptions = CsvRunOptions & {
  mapping?: ColumnMapping;
  batchRows?: number;
  dayOrder?: DayOrder;
  onBatch: (batch: ImportBatch, rows: number) => void;
  /** Row errors, delivered after each chunk. */
  onErrors?: (errors: RowError[]) => void;
  /** Values left empty in rows that were kept, delivered after each chunk. */
  onWarnings?: (warnings: RowWarning[]) => void;
};

/**
 * Runs a whole file's text through the pipeline. The worker passes `afterChunk`
 * to report progress and to pause for the background; tests call it directly.
 */
export async function importText(
  text: string,
  fileName: string,
  options: ImportTextOptions,
): Promise<{ stats: PipelineStats; aborted: boolean }> {
  const pipeline = new RowPipeline({
    mapping: options.mapping,
    batchRows: options.batchRows,
    dayOrder: options.dayOrder,
    onBatch: options.onBatch,
  });
  const drain = () => {
    const errors = pipeline.takeErrors();
    if (errors.length) options.onErrors?.(errors);
    const warnings = pipeline.takeWarnings();
    if (warnings.length) options.onWarnings?.(warnings);
  };
  if (!isJson(fileName, text)) {
    const { aborted } = await runCsv(text, pipeline, {
      chunkSize: options.chunkSize,
      afterChunk: (info, parser) => {
        drain();
        options.afterChunk?.(info, parser);
      },
    });
    drain();
    return { stats: pipeline.stats, aborted };
  }
  const json = readJson(text);
  if (json.kind === 'feed') {
    feedIntoPipeline(json, pipeline);
  } else {
    pipeline.header(json.headers);
    json.rows.forEach((cells, i) => pipeline.row(cells, i + 1));
    pipeline.end();
  }
  drain();
  return { stats: pipeline.stats, aborted: false };
}
