import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { DateOrderChoice } from '@/components/options/date-order-choice';
import { ImportPanel } from '@/components/options/import-panel';
import type { ImportBatch } from '@/lib/import/batcher';
import type { ImportApi } from '@/lib/import/import-api';
import { importText, inspectText } from '@/lib/import/import-text';
import type { FromWorker, ToWorker, WorkerLike } from '@/lib/import/worker-protocol';
import type { PageApi } from '@/lib/messaging/page-client';
import type { CacheStatus, DataSummary } from '@/lib/messaging/protocol';
import { createContact } from '../factories';
import { deferred } from './fakes';
import { unpackTouches } from '@/lib/domain/packed-touches';

const fixture = (name: string) => readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/import', name), 'utf8');
const SAMPLE = fixture('leadlight-sample.csv');
const STATUS: CacheStatus = {
  sourceName: 'Import: leadlight-sample.csv',
  dataAsOf: '2026-11-20T10:00:00.000Z',
  contactCount: 4,
  unsentFeedback: 0,
};

const DEMO: DataSummary = {
  sourceName: 'Demo data (Brightwave Analytics)',
  demo: true,
  contacts: 600,
  touches: 4100,
  campaigns: 18,
  feedback: 3,
};
const IMPORTED: DataSummary = {
  sourceName: 'Import: q3-members.csv',
  demo: false,
  contacts: 1234,
  touches: 9876,
  campaigns: 45,
  feedback: 12,
};

function fakeImporter(summary: DataSummary = DEMO) {
  return {
    begin: vi.fn(async (_replace: boolean) => undefined),
    send: vi.fn(async (json: string) => {
      const b = JSON.parse(json) as ImportBatch;
      return { contacts: b.contacts.length, campaigns: b.campaigns.length, touches: b.touches.length };
    }),
    finish: vi.fn(async (_fileName: string, _rows: number, _replace: boolean) => STATUS),
    describeData: vi.fn(async () => summary),
  } satisfies ImportApi;
}

/**
 * A worker the test drives by hand: it answers `inspect` with the real inspection
 * of the file (so preview and presets are real) and otherwise records messages.
 */
function scriptedWorker() {
  const received: ToWorker[] = [];
  const worker: WorkerLike & { emit: (m: FromWorker) => void; received: ToWorker[]; terminated: boolean } = {
    received,
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(m) {
      received.push(m);
      if (m.type === 'inspect') {
        void m.file
          .text()
          .then((text) =>
            this.emit({
              type: 'inspected',
              fileName: m.file.name,
              totalBytes: m.file.size,
              encoding: 'utf-8',
              ...inspectText(text, m.file.name),
            }),
          )
          .catch((e: Error) => this.emit({ type: 'failed', reason: e.message }));
      }
    },
    terminate() {
      this.terminated = true;
    },
    emit(m) {
      act(() => this.onmessage?.({ data: m } as MessageEvent<FromWorker>));
    },
  };
  return worker;
}

/** A worker that runs the real pipeline in-thread, as parse.worker.ts does in its own thread. */
function pipelineWorker(): WorkerLike {
  let file: File;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(m) {
      const post = (out: FromWorker) => setTimeout(() => worker.onmessage?.({ data: out } as MessageEvent<FromWorker>));
      if (m.type === 'inspect') {
        file = m.file;
        void file
          .text()
          .then((text) =>
            post({ type: 'inspected', fileName: file.name, totalBytes: file.size, encoding: 'utf-8', ...inspectText(text, file.name) }),
          );
      }
      if (m.type === 'start') {
        void file.text().then(async (text) => {
          const { stats } = await importText(text, file.name, {
            mapping: m.mapping,
            dayOrder: m.dayOrder,
            onBatch: (batch, rows) => post({ type: 'batch', json: JSON.stringify(batch), rows }),
            onErrors: (errors) => post({ type: 'rowErrors', errors }),
            onWarnings: (warnings) => post({ type: 'rowWarnings', warnings }),
          });
          post({ type: 'done', ...stats, cancelled: false });
        });
      }
    },
    terminate() {},
  };
  return worker;
}

async function chooseFile(name = 'leadlight-sample.csv', content = SAMPLE) {
  await userEvent.upload(screen.getByLabelText('CSV or JSON file'), new File([content], name, { type: 'text/csv' }));
}

const fakeSettingsApi = () => ({ saveSettings: vi.fn(async (_patch: object) => ({}) as Awaited<ReturnType<PageApi['saveSettings']>>) });

/** A batch of n contacts, as JSON text the way the worker sends it. */
const batch = (n: number): string =>
  JSON.stringify({
    contacts: Array.from({ length: n }, (_, i) => createContact({ email: `p${i}@x.example` })),
    campaigns: [],
    touches: [],
  } satisfies ImportBatch);
const sent = (json: string) => JSON.parse(json) as ImportBatch;

describe('ImportPanel', () => {
  it('shows the detected preset, the mapping and a preview of the first rows', { timeout: 20_000 }, async () => {
    const worker = scriptedWorker();
    const { container } = render(<ImportPanel importer={fakeImporter()} createWorker={() => worker} />);
    await chooseFile();

    expect(await screen.findByTestId('import-detected')).toHaveTextContent('Detected: Leadlight CSV');
    expect(screen.getByLabelText('Column preset')).toHaveValue('leadlight');
    const preview = screen.getByTestId('import-preview');
    // One line per mapped field, one column per sample row.
    expect(
      within(preview)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Leadlight field', 'Column in the file', 'Row 1', 'Row 2', 'Row 3']);
    expect(within(preview).getByRole('rowheader', { name: 'Campaign' })).toBeInTheDocument();
    expect(within(preview).getByRole('rowheader', { name: 'Email' }).closest('tr')).toHaveTextContent(
      'Emailemailmaya.okafor@northwind-logistics.example',
    );

    // Unmapping a field drops it from the preview; a preset re-maps everything.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Campaign' }), '');
    expect(within(screen.getByTestId('import-preview')).queryByRole('rowheader', { name: 'Campaign' })).toBeNull();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Campaign' }), 'campaign');
    expect(within(screen.getByTestId('import-preview')).getByRole('rowheader', { name: 'Campaign' })).toBeInTheDocument();

    expect(await screen.findByRole('checkbox', { name: 'Replace the demo data' })).toBeChecked();
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('sends at most two batches at once, in order, acks each and shows progress', async () => {
    const worker = scriptedWorker();
    const importer = fakeImporter();
    const api = fakeSettingsApi();
    const first = deferred<{ contacts: number; campaigns: number; touches: number }>();
    const second = deferred<{ contacts: number; campaigns: number; touches: number }>();
    importer.send.mockImplementationOnce(() => first.promise);
    render(<ImportPanel api={api} importer={importer} createWorker={() => worker} />);
    await chooseFile();
    await screen.findByTestId('import-preview');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Replace the demo data' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    await waitFor(() => expect(worker.received.at(-1)).toMatchObject({ type: 'start', mapping: { email: 'email', campaign: 'campaign' } }));
    // Nothing is cleared or written before the first valid rows exist.
    expect(importer.begin).not.toHaveBeenCalled();
    worker.emit({ type: 'progress', rowsDone: 2000, bytesDone: 500, totalBytes: 1000 });
    // Half the file is read but nothing is stored yet: progress counts rows written.
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '0');

    importer.send.mockImplementationOnce(() => second.promise);
    worker.emit({ type: 'batch', json: batch(3), rows: 3 });
    worker.emit({ type: 'batch', json: batch(2), rows: 2 });
    worker.emit({ type: 'batch', json: batch(1), rows: 1 });
    // Two go out at once, in order; the third waits for a free slot.
    await waitFor(() => expect(importer.send).toHaveBeenCalledTimes(2));
    expect(importer.send.mock.calls.map(([b]) => sent(b).contacts.length)).toEqual([3, 2]);
    expect(importer.begin).toHaveBeenCalledExactlyOnceWith(false);
    expect(worker.received.filter((m) => m.type === 'ack')).toHaveLength(0);
    await act(async () => first.resolve({ contacts: 3, campaigns: 0, touches: 0 }));
    await waitFor(() => expect(importer.send).toHaveBeenCalledTimes(3));
    await act(async () => second.resolve({ contacts: 2, campaigns: 0, touches: 0 }));
    await waitFor(() => expect(worker.received.filter((m) => m.type === 'ack')).toHaveLength(3));
    // Progress reaches the page within a quarter second, not on every change.
    await waitFor(() =>
      expect(screen.getByTestId('import-summary')).toHaveTextContent(/6 rows imported \(6 of about 4,000 done\) · [\d,]+ rows\/s/),
    );

    worker.emit({ type: 'rowErrors', errors: [{ line: 9, reason: 'Invalid email “x”' }] });
    worker.emit({ type: 'done', rowsDone: 7, validRows: 6, errorRows: 1, footerLines: 0, cancelled: false });
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('Imported 6 rows · 1 row skipped'));
    expect(importer.finish).toHaveBeenCalledWith('leadlight-sample.csv', 6, false);
    expect(worker.terminated).toBe(true);
    // Added on top of the current data, the current source stays in charge.
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('cancel stops the worker, keeps what was stored and drops what was not', async () => {
    const worker = scriptedWorker();
    const importer = fakeImporter();
    const onImported = vi.fn();
    const inFlight = deferred<{ contacts: number; campaigns: number; touches: number }>();
    importer.send.mockImplementationOnce(() => inFlight.promise);
    render(<ImportPanel importer={importer} createWorker={() => worker} onImported={onImported} />);
    await chooseFile();
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await waitFor(() => expect(worker.received.at(-1)?.type).toBe('start'));

    const second = deferred<{ contacts: number; campaigns: number; touches: number }>();
    importer.send.mockImplementationOnce(() => second.promise);
    worker.emit({ type: 'batch', json: batch(4), rows: 4 });
    worker.emit({ type: 'batch', json: batch(3), rows: 3 });
    worker.emit({ type: 'batch', json: batch(4), rows: 4 });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.received.at(-1)).toEqual({ type: 'cancel' });
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();

    await act(async () => inFlight.resolve({ contacts: 4, campaigns: 0, touches: 0 }));
    await act(async () => second.resolve({ contacts: 3, campaigns: 0, touches: 0 }));
    await waitFor(() =>
      expect(screen.getByTestId('import-summary')).toHaveTextContent('Import cancelled. 7 rows imported before that were kept'),
    );
    // The two on their way were stored; the one still waiting was dropped.
    expect(importer.send).toHaveBeenCalledTimes(2);
    // Cancelled, it replaced nothing: recorded as added to the data it was to replace, which stays.
    expect(importer.finish).toHaveBeenCalledWith('leadlight-sample.csv', 7, false);
    expect(worker.terminated).toBe(true);
    expect(onImported).toHaveBeenCalledWith(STATUS);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('imports a real file end to end and lists the skipped rows and the values left empty, with their lines', async () => {
    const importer = fakeImporter();
    const api = fakeSettingsApi();
    const onImported = vi.fn();
    render(<ImportPanel api={api} importer={importer} createWorker={pipelineWorker} onImported={onImported} />);
    await chooseFile();
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }));

    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('Imported 6 rows · 1 row skipped'));
    expect(importer.begin).toHaveBeenCalledWith(true);
    // It replaced the cache, so it becomes the source in use (no feed sync overwrites it).
    expect(api.saveSettings).toHaveBeenCalledWith({ source: 'import' });
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(STATUS));
    expect(
      importer.send.mock.calls.flatMap(([b]) => sent(b).touches.flatMap(([email, packed]) => unpackTouches(packed, email))),
    ).toHaveLength(5);
    const errors = screen.getByTestId('import-errors');
    await userEvent.click(within(errors).getByText('1 row skipped: show why'));
    expect(
      within(errors)
        .getAllByTestId('import-error')
        .map((li) => li.textContent),
    ).toEqual(['Line 5: Invalid email “not-an-email”']);
    const warnings = screen.getByTestId('import-warnings');
    await userEvent.click(within(warnings).getByText(/1 value could not be read and was left empty; the rows were kept/));
    expect(within(warnings).getByTestId('import-warning')).toHaveTextContent(
      'Line 8, column “date”: unreadable date “31st Dec 2025”; the campaign touch was left out',
    );
  });

  it('reads an en_GB report day first, says why, and imports with the order chosen', async () => {
    const gb = fixture('salesforce-campaign-members-en-gb.csv');
    const expected = JSON.parse(fixture('salesforce-campaign-members-en-gb.expected.json')) as { touches: { date: string }[] };
    const importer = fakeImporter();
    render(<ImportPanel api={fakeSettingsApi()} importer={importer} createWorker={pipelineWorker} />);
    await chooseFile('members-gb.csv', gb);
    const question = await screen.findByTestId('import-date-order');
    expect(within(question).getByText('Dates such as 12/08/2025 are written')).toBeInTheDocument();
    expect(within(question).getByRole('radio', { name: 'Day first (12/08/2025 is Aug 12, 2025)' })).toBeChecked();
    expect(within(question).getByRole('radio', { name: 'Month first (12/08/2025 is Dec 8, 2025)' })).not.toBeChecked();
    expect(question).toHaveTextContent('Read from the file: some of its dates only make sense this way.');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('Imported 7 rows'));
    const dates = importer.send.mock.calls.flatMap(([b]) => sent(b).touches.flatMap(([email, packed]) => unpackTouches(packed, email)));
    expect(dates.map((t) => t.date).sort()).toEqual(expected.touches.map((t) => t.date).sort());
  });

  it('asks about dates either order reads, following the browser language until the rep chooses', async () => {
    const worker = scriptedWorker();
    render(<ImportPanel api={fakeSettingsApi()} importer={fakeImporter()} createWorker={() => worker} />);
    await chooseFile('ambiguous.csv', 'email,campaign,date\nmaya.okafor@northwind-logistics.example,Q3 Webinar,03/04/2026\n');
    const question = await screen.findByTestId('import-date-order');
    // jsdom's language is en-US.
    expect(within(question).getByRole('radio', { name: 'Month first (03/04/2026 is Mar 4, 2026)' })).toBeChecked();
    expect(question).toHaveTextContent('Every date in the file fits either order');
    await userEvent.click(within(question).getByRole('radio', { name: 'Day first (03/04/2026 is Apr 3, 2026)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(worker.received.at(-1)).toMatchObject({ type: 'start', dayOrder: 'day-first' }));
  });

  it('does not ask about dates when the file has no slash dates', async () => {
    render(<ImportPanel api={fakeSettingsApi()} importer={fakeImporter()} createWorker={() => scriptedWorker()} />);
    await chooseFile('iso.csv', 'email,campaign,date\nmaya.okafor@northwind-logistics.example,Q3 Webinar,2026-03-04\n');
    await screen.findByTestId('import-preview');
    expect(screen.queryByTestId('import-date-order')).toBeNull();
  });

  it('a file with no valid row clears nothing and leaves the data source as it was', async () => {
    const worker = scriptedWorker();
    const importer = fakeImporter();
    render(<ImportPanel api={fakeSettingsApi()} importer={importer} createWorker={() => worker} />);
    await chooseFile();
    await screen.findByTestId('import-preview');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(worker.received.at(-1)).toMatchObject({ type: 'start' }));
    worker.emit({
      type: 'rowErrors',
      errors: [
        { line: 2, reason: 'Invalid email “x”' },
        { line: 3, reason: 'Invalid email “y”' },
      ],
    });
    worker.emit({ type: 'done', rowsDone: 2, validRows: 0, errorRows: 2, footerLines: 0, cancelled: false });
    await screen.findByText(/Invalid email “x”/);
    expect(importer.begin).not.toHaveBeenCalled();
    expect(importer.send).not.toHaveBeenCalled();
    expect(importer.finish).not.toHaveBeenCalled();
  });

  it('caps the error list and says how many there are', async () => {
    const worker = scriptedWorker();
    render(<ImportPanel importer={fakeImporter()} createWorker={() => worker} />);
    await chooseFile();
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await waitFor(() => expect(worker.received.at(-1)?.type).toBe('start'));
    worker.emit({ type: 'rowErrors', errors: Array.from({ length: 250 }, (_, i) => ({ line: i + 2, reason: 'No email' })) });
    worker.emit({ type: 'done', rowsDone: 250, validRows: 0, errorRows: 250, footerLines: 0, cancelled: false });
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('Imported 0 rows · 250 rows skipped'));
    expect(screen.getAllByTestId('import-error')).toHaveLength(100);
    expect(screen.getByTestId('import-errors')).toHaveTextContent('Showing the first 100 of 250.');
  });

  it('explains a file that cannot be imported', async () => {
    const worker = scriptedWorker();
    render(<ImportPanel importer={fakeImporter()} createWorker={() => worker} />);
    await chooseFile('notes.csv', 'Call Maya back on Tuesday\n');
    expect(await screen.findByRole('alert')).toHaveTextContent('This does not look like a CSV file');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(worker.terminated).toBe(true);
  });

  it('shows a JSON feed without a mapping editor', async () => {
    const feed = fixture('feed.json');
    render(<ImportPanel importer={fakeImporter()} createWorker={pipelineWorker} />);
    await chooseFile('feed.json', feed);
    expect(await screen.findByText(/Leadlight feed/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Column preset')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('Imported 6 rows · 2 rows skipped'));
    await userEvent.click(screen.getByText('2 rows skipped: show why'));
    expect(screen.getAllByTestId('import-error')[0]).toHaveTextContent(/^Item 3: contacts\[2\] email/);
  });

  it('moves the bar by rows stored, not by bytes read', async () => {
    const worker = scriptedWorker();
    const importer = fakeImporter();
    const second = deferred<{ contacts: number; campaigns: number; touches: number }>();
    importer.send
      .mockImplementationOnce(async () => ({ contacts: 0, campaigns: 0, touches: 0 }))
      .mockImplementationOnce(() => second.promise);
    render(<ImportPanel importer={importer} createWorker={() => worker} />);
    await chooseFile();
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await waitFor(() => expect(worker.received.at(-1)?.type).toBe('start'));
    const bar = () => screen.getByRole('progressbar', { name: 'Import progress' });

    // The parser has read the whole file (10,000 rows) while the background has stored 2,000.
    worker.emit({ type: 'progress', rowsDone: 10_000, bytesDone: 1000, totalBytes: 1000 });
    worker.emit({ type: 'batch', json: batch(3), rows: 2000 });
    worker.emit({ type: 'batch', json: batch(3), rows: 2000 });
    worker.emit({ type: 'done', rowsDone: 10_000, validRows: 10_000, errorRows: 0, footerLines: 0, cancelled: false });
    await waitFor(() => expect(bar()).toHaveAttribute('aria-valuenow', '20'));
    expect(bar()).toHaveAttribute('aria-valuetext', '20%: 2,000 of 10,000 rows stored or skipped');
    await act(async () => second.resolve({ contacts: 3, campaigns: 0, touches: 0 }));
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('Imported 4,000 rows'));
  });

  it('names the chosen file beside the button, also after switching tabs away and back', async () => {
    const worker = scriptedWorker();
    const importer = fakeImporter();
    const createWorker = () => worker;
    const { unmount } = render(<ImportPanel importer={importer} createWorker={createWorker} />);
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('No file chosen');
    await chooseFile();
    await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-file-name')).toHaveTextContent(/^leadlight-sample\.csv \(\d+ KB\)$/);
    unmount();
    render(<ImportPanel importer={importer} createWorker={createWorker} />);
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('leadlight-sample.csv');
  });

  it('says what the checkbox would replace when the current data is an import', async () => {
    render(<ImportPanel importer={fakeImporter(IMPORTED)} createWorker={() => scriptedWorker()} />);
    await chooseFile();
    expect(
      await screen.findByRole('checkbox', { name: 'Replace the current data (Import: q3-members.csv, 1,234 contacts)' }),
    ).toBeChecked();
    expect(screen.queryByRole('checkbox', { name: /demo data/ })).toBeNull();
  });

  it('asks before replacing an import, says what will be lost, and replaces only once confirmed', async () => {
    const worker = scriptedWorker();
    const importer = fakeImporter(IMPORTED);
    render(<ImportPanel importer={importer} createWorker={() => worker} />);
    await chooseFile();
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the current data?' });
    expect(within(dialog).getByTestId('replace-detail')).toHaveTextContent(
      'This removes 1,234 contacts, 9,876 campaign touches and 45 campaigns from “Import: q3-members.csv” in this browser. The 12 verdicts you have given are kept.',
    );
    expect(worker.received.some((m) => m.type === 'start')).toBe(false);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(worker.received.some((m) => m.type === 'start')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace and import' }));
    await waitFor(() => expect(worker.received.at(-1)?.type).toBe('start'));
    worker.emit({ type: 'batch', json: batch(2), rows: 2 });
    await waitFor(() => expect(importer.begin).toHaveBeenCalledExactlyOnceWith(true));
  });

  it('adds to an import without asking when Replace is unticked', async () => {
    const worker = scriptedWorker();
    render(<ImportPanel importer={fakeImporter(IMPORTED)} createWorker={() => worker} />);
    await chooseFile();
    await userEvent.click(await screen.findByRole('checkbox', { name: /Replace the current data/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(worker.received.at(-1)?.type).toBe('start'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('DateOrderChoice', () => {
  it('says when only the first part of a large file was read for the order', () => {
    render(
      <DateOrderChoice
        dates={{ order: null, seen: true, mixed: false, example: '03/04/2026', partial: true }}
        value="month-first"
        onChange={() => undefined}
      />,
    );
    expect(screen.getByTestId('import-date-order')).toHaveTextContent(
      'Every date in the first part of this large file fits either order, so this follows your browser’s language: check one against your CRM.',
    );
  });
});
