import { useEffect, useRef, useState } from 'react';
import type { ContactContext } from '@/lib/domain/contact-context';
import type { PageApi } from '@/lib/messaging/page-client';
import type { CacheStatus, ConnectionStatus } from '@/lib/messaging/protocol';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import { ConnectionNotice } from '../contact/connection-notice';
import { ContactContextView } from '../contact/contact-context-view';
import { ReasonsContext } from '../contact/reasons-context';
import { formatDateTime } from '../format';
import { UnknownContactState } from '../ui/states';
import { ContactSearch } from './contact-search';
import { RepQueueList } from './rep-queue-list';
import type { RepQueue } from '@/lib/team/rep-queue';
import { errorMessage } from '../ui/error-message';
import { BrandMark } from '../ui/brand-mark';

/** What the popup asks of the background. */
export type PopupApi = Pick<PageApi, 'getStatus' | 'search' | 'getContext' | 'submit' | 'undo' | 'openOptions'> &
  Partial<Pick<PageApi, 'getReasons' | 'getConnection' | 'getQueue'>>;

/**
 * Where the verdicts given in this browser are: waiting for the CRM, or kept here
 * because no CRM is connected. "Not yet sent" alone read as a fault.
 */
function FeedbackDelivery({ status }: { status: CacheStatus }) {
  const local = status.localFeedback ?? 0;
  if (status.unsentFeedback === 0 && local === 0) return null;
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-300">Feedback</dt>
      <dd data-testid="feedback-delivery">
        {status.unsentFeedback > 0 && (
          <span data-testid="unsent-count" className="block">
            {status.unsentFeedback} waiting to reach the CRM
          </span>
        )}
        {local > 0 && (
          <span data-testid="local-feedback" className="block">
            {local} kept in this browser{status.crmConnected ? '' : '; no CRM connected'}
          </span>
        )}
      </dd>
    </>
  );
}

/** Toolbar popup: data freshness, unsent feedback, and a lookup of any cached contact. */
export function PopupApp({ api }: { api: PopupApi }) {
  const [status, setStatus] = useState<CacheStatus | null>(null);
  const [picked, setPicked] = useState<{ email: string; context: ContactContext | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = (e: unknown) => setError(errorMessage(e));

  const [reasons, setReasons] = useState<readonly ReasonDefinition[]>(FEEDBACK_REASONS);
  const [connection, setConnection] = useState<ConnectionStatus>(null);
  const [queue, setQueue] = useState<RepQueue | null>(null);
  useEffect(() => {
    api.getQueue?.().then(setQueue, () => undefined);
    api.getStatus().then(setStatus, fail);
    api.getReasons?.().then(setReasons, () => undefined);
    api.getConnection?.().then(setConnection, () => undefined);
  }, [api]);

  // The contact picked last wins: an earlier, slower lookup answering after it must not
  // replace it, and have the rep judge someone they did not choose.
  const lastPick = useRef('');
  const open = (email: string) => {
    lastPick.current = email;
    api.getContext(email).then((context) => lastPick.current === email && setPicked({ email, context }), fail);
  };

  return (
    <main className="w-[360px] bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="flex items-center justify-between bg-sky-700 px-4 py-2 text-white">
        <h1 className="flex items-center gap-1.5 text-sm font-semibold">
          <BrandMark size={20} />
          Leadlight
        </h1>
        <span className="flex gap-3">
          <a href="/report.html" target="_blank" rel="noopener" className="text-xs underline">
            Report
          </a>
          <button type="button" onClick={api.openOptions} className="text-xs underline">
            Settings &amp; feedback
          </button>
        </span>
      </header>
      <ConnectionNotice status={connection} onOpenSettings={api.openOptions} />
      {status && (
        <dl data-testid="cache-status" className="grid grid-cols-2 gap-x-2 px-4 py-2 text-xs">
          <dt className="text-slate-600 dark:text-slate-300">Data source</dt>
          <dd data-testid="source-name">{status.sourceName}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Data as of</dt>
          <dd>{formatDateTime(status.dataAsOf) || 'never'}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Contacts cached</dt>
          <dd>{status.contactCount.toLocaleString('en-US')}</dd>
          <FeedbackDelivery status={status} />
        </dl>
      )}
      {error && (
        <p role="alert" className="px-4 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {queue && <RepQueueList queue={queue} onOpen={open} />}
      <ContactSearch search={api.search} onPick={open} />
      {picked &&
        (picked.context ? (
          <ReasonsContext.Provider value={reasons}>
            <ContactContextView key={picked.email} context={picked.context} feedback={api} />
          </ReasonsContext.Provider>
        ) : (
          <UnknownContactState email={picked.email} />
        ))}
    </main>
  );
}
