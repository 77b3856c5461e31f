import type { CacheStatus } from '../messaging/protocol';
import { defaultDayOrder, type DayOrder } from './day-order';
import type { ColumnMapping, ImportField, RowError, RowWarning } from './fields';
import type { ImportApi } from './import-api';
import type { Inspection } from './import-text';
import { mappingFor, presetById, type PresetId } from './presets';
import type { FromWorker, WorkerLike } from './worker-protocol';

export type ImportPhase = 'idle' | 'reading' | 'ready' | 'importing' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export type ImportState = {
  phase: ImportPhase;
  fileName: string;
  inspection: Inspection | null;
  encoding: string;
  presetId: PresetId | null;
  mapping: ColumnMapping;
  /** How dates such as 03/04/2026 are read: the file's own when it proves one, else the browser language's, else chosen. */
  dayOrder: DayOrder;
  /** Parsed so far, of the file's bytes. */
  bytesDone: number;
  totalBytes: number;
  /** Data rows the parser has read so far (footer lines aside). */
  rowsParsed: number;
  /** The file's data rows, once the parser has read them all. */
  rowsTotal: number | null;
  /** Rows the background has stored. */
  imported: number;
  rowsPerSecond: number;
  /** The first MAX_KEPT_ERRORS row errors; errorCount has them all. */
  errors: RowError[];
  errorCount: number;
  /** The first MAX_KEPT_ERRORS values left empty in kept rows; warningCount has them all. */
  warnings: RowWarning[];
  warningCount: number;
  /** Whether this import cleared the cached data first. */
  replace: boolean;
  /** Why the whole import stopped, for phase 'failed'. */
  failure: string | null;
  status: CacheStatus | null;
};

/** Batches on their way to the background at once (see pump). */
export const MAX_IN_FLIGHT = 2;

/** How often, at most, the page hears of progress while rows are being imported. */
export const NOTIFY_EVERY_MS = 250;

/** Row errors kept for display; a file of 50,000 bad rows should not eat the page's memory. */
export const MAX_KEPT_ERRORS = 1000;

const INITIAL: ImportState = {
  phase: 'idle',
  fileName: '',
  inspection: null,
  encoding: '',
  presetId: null,
  mapping: {},
  dayOrder: 'month-first',
  bytesDone: 0,
  totalBytes: 0,
  rowsParsed: 0,
  rowsTotal: null,
  imported: 0,
  rowsPerSecond: 0,
  errors: [],
  errorCount: 0,
  warnings: [],
  warningCount: 0,
  replace: false,
  failure: null,
  status: null,
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One file's import, seen from the options page: the worker parses, this relays
 * its batches (JSON text, never parsed here) to the background, at most
 * MAX_IN_FLIGHT at once, and acks each so the worker never runs far ahead.
 * Framework-free; the panel renders `state` through useSyncExternalStore.
 */
export class ImportSession {
  state: ImportState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private worker: WorkerLike | null = null;
  private queue: { json: string; rows: number }[] = [];
  private inFlight = 0;
  private beginning: Promise<void> | null = null;
  private parsed = false;
  private startedAt = 0;
  private finishing = false;
  private begun = false;
  /** Why the background refused a batch: the import stops once the batches still on their way are answered. */
  private refused: string | null = null;
  /** Bumped when a session ends, so a send still in flight from it stops touching the next. */
  private generation = 0;
  /** A notification held back while importing (see set). */
  private held: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly importer: ImportApi,
    private readonly createWorker: () => WorkerLike,
    private readonly now: () => number = () => performance.now(),
    private readonly language: () => string = () => globalThis.navigator?.language ?? 'en-US',
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  /**
   * Tells listeners of a change. While rows are being imported, progress changes a few
   * hundred times per million rows and each render costs the page a style, layout and
   * paint, on the cores the parse and the writes need: those are told at most every
   * NOTIFY_EVERY_MS. A change of phase is told at once, with anything held back.
   */
  private set(patch: Partial<ImportState>) {
    const phaseChanged = patch.phase !== undefined && patch.phase !== this.state.phase;
    this.state = { ...this.state, ...patch };
    if (phaseChanged || this.state.phase !== 'importing') return this.notify();
    this.held ??= setTimeout(() => this.notify(), NOTIFY_EVERY_MS);
  }

  private notify() {
    if (this.held !== undefined) clearTimeout(this.held);
    this.held = undefined;
    for (const l of this.listeners) l();
  }

  open(file: File): void {
    this.reset();
    this.set({ ...INITIAL, phase: 'reading', fileName: file.name, totalBytes: file.size });
    const worker = this.createWorker();
    this.worker = worker;
    worker.onmessage = (e) => this.onMessage(e.data);
    worker.onerror = (e) => this.fail(`The file reader stopped: ${e.message || 'unknown error'}`);
    worker.postMessage({ type: 'inspect', file });
  }

  choosePreset(id: PresetId): void {
    this.set({ presetId: id, mapping: mappingFor(presetById(id), this.state.inspection?.headers ?? []) });
  }

  mapField(field: ImportField, column: string): void {
    const mapping = { ...this.state.mapping };
    if (column) mapping[field] = column;
    else delete mapping[field];
    this.set({ mapping });
  }

  chooseDayOrder(order: DayOrder): void {
    if (this.state.phase === 'ready') this.set({ dayOrder: order });
  }

  async start(replace: boolean): Promise<void> {
    if (this.state.phase !== 'ready' || !this.worker) return;
    this.set({ phase: 'importing', replace });
    this.startedAt = this.now();
    this.begun = false;
    this.beginning = null;
    this.worker?.postMessage({ type: 'start', mapping: this.state.mapping, dayOrder: this.state.dayOrder });
  }

  /** Stops parsing; the batches already on their way are stored, later ones are dropped. */
  cancel(): void {
    if (this.state.phase !== 'importing') return;
    this.queue = [];
    this.worker?.postMessage({ type: 'cancel' });
    this.set({ phase: 'cancelling' });
    this.pump();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.queue = [];
    this.parsed = false;
    this.inFlight = 0;
    this.generation += 1;
  }

  /** A new file resets everything, including a finished import's summary. */
  private reset() {
    this.dispose();
    this.finishing = false;
    this.begun = false;
    this.beginning = null;
    this.refused = null;
  }

  private onMessage(m: FromWorker) {
    switch (m.type) {
      case 'inspected': {
        const { type: _t, fileName: _f, totalBytes, encoding, ...inspection } = m;
        const dayOrder = inspection.dates.order ?? defaultDayOrder(this.language());
        return this.set({
          phase: 'ready',
          inspection,
          encoding,
          totalBytes,
          presetId: inspection.presetId,
          mapping: inspection.mapping,
          dayOrder,
        });
      }
      case 'progress':
        return this.set({ bytesDone: m.bytesDone, totalBytes: m.totalBytes, rowsParsed: m.rowsDone });
      case 'rowErrors': {
        const room = MAX_KEPT_ERRORS - this.state.errors.length;
        const errors = room > 0 ? [...this.state.errors, ...m.errors.slice(0, room)] : this.state.errors;
        return this.set({ errors, errorCount: this.state.errorCount + m.errors.length });
      }
      case 'rowWarnings': {
        const room = MAX_KEPT_ERRORS - this.state.warnings.length;
        const warnings = room > 0 ? [...this.state.warnings, ...m.warnings.slice(0, room)] : this.state.warnings;
        return this.set({ warnings, warningCount: this.state.warningCount + m.warnings.length });
      }
      case 'batch':
        if (this.state.phase !== 'importing') return;
        this.queue.push({ json: m.json, rows: m.rows });
        return this.pump();
      case 'done':
        this.parsed = true;
        this.set({ rowsTotal: m.rowsDone, rowsParsed: m.rowsDone });
        return this.pump();
      case 'failed':
        return this.fail(m.reason);
    }
  }

  /**
   * Sends queued batches, at most MAX_IN_FLIGHT at once: while the background
   * writes one batch (IndexedDB works in the browser process) it can already
   * check the next, instead of waiting idle for the page. Batches arrive and are
   * written in the order sent, so later rows still win.
   */
  private pump(): void {
    if (this.refused !== null) {
      // Counted once every batch sent is answered: one stored while another was refused counts too.
      const stored = this.state.imported.toLocaleString('en-US');
      if (this.inFlight === 0) this.fail(`Import stopped: ${this.refused}. ${stored} rows were imported before that.`);
      return;
    }
    const generation = this.generation;
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.inFlight += 1;
      void this.sendOne(next, generation);
    }
    const { phase } = this.state;
    if (this.inFlight === 0 && this.queue.length === 0 && ((phase === 'importing' && this.parsed) || phase === 'cancelling'))
      void this.finish();
  }

  private async sendOne(next: { json: string; rows: number }, generation: number): Promise<void> {
    try {
      // Old data is only cleared once there is a valid row to replace it with: a file
      // that turns out to be all errors (or is cancelled early) leaves the cache as it was.
      this.beginning ??= this.importer.begin(this.state.replace).then(() => {
        this.begun = true;
      });
      await this.beginning;
      await this.importer.send(next.json);
    } catch (e) {
      if (generation !== this.generation) return;
      this.refused ??= message(e);
      this.queue = [];
      this.inFlight -= 1;
      // fail() records what was stored as the data source, once the other batch sent is answered.
      return this.pump();
    }
    if (generation !== this.generation) return;
    const imported = this.state.imported + next.rows;
    const seconds = (this.now() - this.startedAt) / 1000;
    this.set({ imported, rowsPerSecond: seconds > 0 ? Math.round(imported / seconds) : 0 });
    this.worker?.postMessage({ type: 'ack' });
    this.inFlight -= 1;
    this.pump();
  }

  private async finish(): Promise<void> {
    if (this.finishing) return;
    this.finishing = true;
    const cancelled = this.state.phase === 'cancelling';
    // A cancelled import replaced nothing: the data it was to replace stays, beside the rows it stored.
    const replaced = this.state.replace && !cancelled;
    this.dispose();
    try {
      // Nothing stored: the cache's source stays what it was.
      const status = this.begun ? await this.importer.finish(this.state.fileName, this.state.imported, replaced) : null;
      this.set({
        phase: cancelled ? 'cancelled' : 'done',
        status,
        replace: replaced,
        bytesDone: cancelled ? this.state.bytesDone : this.state.totalBytes,
      });
    } catch (e) {
      this.fail(`The rows were stored, but the import could not be recorded: ${message(e)}`);
    }
  }

  private fail(reason: string) {
    // Rows already stored stay, and so does the data a replacing import was to replace: the
    // import is recorded as added to it, so the data source names this file beside the old one.
    if (this.begun && this.state.imported > 0)
      void this.importer.finish(this.state.fileName, this.state.imported, false).catch(() => undefined);
    this.begun = false;
    this.dispose();
    this.set({ phase: 'failed', failure: reason, replace: false });
  }
}
