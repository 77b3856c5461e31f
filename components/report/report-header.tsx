import { useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import { downloadText } from '../ui/download';
import { errorMessage } from '../ui/error-message';
import { toDayInput } from './period';

/**
 * "leadlight-feedback-alex.rivera-2026-11-20.csv": the rep's address before the @ tells
 * apart the files reps export on the same day, which a marketer then merges together.
 */
function feedbackFileName(rep: string | undefined, day: string): string {
  const local = rep?.includes('@') ? rep.slice(0, rep.lastIndexOf('@')) : '';
  // Only characters every file system keeps in a name.
  const who = local
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `leadlight-feedback-${who ? `${who}-` : ''}${day}.csv`;
}

const buttonClass =
  'rounded border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/**
 * The report's title, where its figures come from, and its two downloads: the table
 * shown (`table`, absent while there is none to give) and every verdict as CSV.
 */
export function ReportHeader({
  basis,
  table,
  waitingForFresh,
  getFeedbackCsv,
  rep,
  now,
}: {
  basis: string | undefined;
  table: (() => void) | undefined;
  /** The table shown is the last kept report, not yet brought up to date. */
  waitingForFresh: boolean;
  getFeedbackCsv: PageApi['getFeedbackCsv'];
  /** The address of the rep whose browser this is, when known: it names the feedback file. */
  rep: string | undefined;
  now: () => Date;
}) {
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const downloadFeedback = () => {
    setExporting(true);
    setExportError(null);
    getFeedbackCsv()
      .then(
        (csv) => downloadText(feedbackFileName(rep, toDayInput(now())), csv),
        (e: unknown) => setExportError(errorMessage(e)),
      )
      .finally(() => setExporting(false));
  };

  return (
    <>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Lead-quality report</h1>
          {basis && (
            <p data-testid="report-basis" className="mt-1 text-sm text-slate-600 dark:text-slate-300">
              <span className="font-medium text-slate-800 dark:text-slate-100">Data basis:</span> {basis}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={table}
            disabled={!table}
            // A file outlives the label saying how old its figures are: it waits for the fresh report.
            title={waitingForFresh ? 'The table can be downloaded once the report is up to date' : undefined}
            className={buttonClass}
          >
            Download table as CSV
          </button>
          <button type="button" onClick={downloadFeedback} disabled={exporting} className={buttonClass}>
            Download all feedback as CSV
          </button>
        </div>
      </header>
      {exportError && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          Could not export the feedback: {exportError}
        </p>
      )}
    </>
  );
}
