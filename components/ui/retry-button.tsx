/** "Retry" under an error message, in the error's colours. */
export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button
      type="button"
      onClick={onRetry}
      className="mt-3 rounded border border-red-300 px-3 py-1 font-medium hover:bg-red-50 dark:border-red-700 dark:hover:bg-red-950"
    >
      Retry
    </button>
  );
}
