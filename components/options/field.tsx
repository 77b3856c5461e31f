import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** The options page's text input and select style. */
export const CONTROL =
  'mt-1 block w-full max-w-md rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/** A label, the control it names and a hint the control is described by; the control is rendered with their ids. */
export function Labelled({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string | undefined;
  children: (ids: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="mt-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, ...(hint ? { 'aria-describedby': hintId } : {}) })}
      {hint && (
        <p id={hintId} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A labelled text input in the options page's style. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Labelled label={label} hint={hint}>
      {(ids) => <input {...ids} {...input} className={CONTROL} />}
    </Labelled>
  );
}

/** Success or error line under a form. */
export function ActionResult({ error, done }: { error: string | null; done: string | null }) {
  if (error)
    return (
      <p role="alert" className="mt-2 text-sm whitespace-pre-line text-red-700 dark:text-red-300">
        {error}
      </p>
    );
  if (done)
    return (
      <p role="status" className="mt-2 text-sm text-emerald-700 dark:text-emerald-300">
        {done}
      </p>
    );
  return null;
}

export const BUTTON = 'mt-2 mr-2 rounded border border-slate-400 px-3 py-1 text-sm disabled:opacity-50';
