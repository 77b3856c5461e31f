import { RetryButton } from './retry-button';

/** Shown while the background assembles a contact's context. */
export function LoadingState() {
  return (
    <p role="status" data-testid="state-loading" className="px-4 py-6 text-sm text-slate-500 dark:text-slate-400">
      Loading marketing context…
    </p>
  );
}

/** A participant Leadlight has no record of: say so, never invent data. */
export function UnknownContactState({ email }: { email: string }) {
  return (
    <div data-testid="state-unknown" className="px-4 py-6 text-sm text-slate-700 dark:text-slate-200">
      <p className="font-medium">No marketing record for {email}</p>
      <p className="mt-1 text-slate-500 dark:text-slate-400">
        This person is not in the cached data. They may be new, or use a different address in the CRM.
      </p>
    </div>
  );
}

/** No saved data for this contact while the CRM is left alone; the connection notice above says why. */
export function NotSavedState({ email }: { email: string }) {
  return (
    <div data-testid="state-not-saved" className="px-4 py-6 text-sm text-slate-700 dark:text-slate-200">
      <p className="font-medium">Nothing saved yet for {email}</p>
      <p className="mt-1 text-slate-500 dark:text-slate-400">Leadlight reads this contact once the connection works again.</p>
    </div>
  );
}

/** A failed request, with the reason and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" data-testid="state-error" className="px-4 py-6 text-sm text-red-700 dark:text-red-300">
      <p className="font-medium">Could not load marketing context</p>
      <p className="mt-1 break-words">{message}</p>
      <RetryButton onRetry={onRetry} />
    </div>
  );
}

/** The sidebar was opened on a page where no contact could be found. */
export function NoContactState() {
  return (
    <div data-testid="state-no-contact" className="px-4 py-6 text-sm text-slate-700 dark:text-slate-200">
      <p className="font-medium">No contact on this page</p>
      <p className="mt-1 text-slate-500 dark:text-slate-400">
        Open an email thread or a contact record, or select an email address, right-click and choose “Look up in Leadlight”.
      </p>
    </div>
  );
}

/** Cached data is shown; say when it is being refreshed or when the last refresh failed. */
export function RefreshNotice({ refreshing, error }: { refreshing?: boolean; error?: string }) {
  if (error) {
    return (
      <p
        role="status"
        data-testid="refresh-error"
        className="bg-amber-50 px-4 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      >
        Showing saved data: {error}
      </p>
    );
  }
  if (!refreshing) return null;
  return (
    <p role="status" className="px-4 py-1 text-xs text-slate-500 dark:text-slate-400">
      Checking for updates…
    </p>
  );
}
