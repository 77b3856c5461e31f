import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export const INPUT =
  'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-800 dark:aria-[invalid=true]:border-red-400';

/** A labelled input whose error, when there is one, is announced with it. */
export function CheckedInput({
  label,
  error,
  hint,
  className = '',
  ...input
}: { label: ReactNode; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`mt-2 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} {...input} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} className={INPUT} />
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id?: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-0.5 text-xs text-red-700 dark:text-red-300">
      {error}
    </p>
  );
}
