import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FeedbackInput } from '@/lib/domain/feedback';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import { ReasonsContext } from '../contact/reasons-context';
import type { Participant } from '@/lib/hosts/participants';
import { ContactContextView } from '../contact/contact-context-view';
import { ErrorState, LoadingState, NoContactState, RefreshNotice, UnknownContactState } from '../ui/states';
import { ContactSwitcher } from './contact-switcher';
import type { SidebarApi } from './sidebar-api';
import { useContactContexts } from './use-contact-contexts';

// 320 px is the narrowest layout the panel is designed and tested for.
export const SIDEBAR_WIDTH_PX = 320;

type Props = {
  api: SidebarApi;
  participants: Participant[];
  selfEmail?: string;
  /** Changes each time the user presses the toggle shortcut. */
  toggles?: number;
  /** Changes when the background refreshed a contact's data. */
  updated?: { email: string; seq: number };
  onOpenChange?: (open: boolean) => void;
};

/** The panel at the right edge: collapsed it is a small tab, open it shows the selected contact. */
export function Sidebar({ api, participants, selfEmail, toggles = 0, updated, onOpenChange }: Props) {
  const [open, setOpen] = useState(true);
  // Opened by the shortcut on a page where no contact was detected.
  const [summoned, setSummoned] = useState(false);
  const [reasons, setReasons] = useState<readonly ReasonDefinition[]>(FEEDBACK_REASONS);
  const [selected, setSelected] = useState<string | null>(null);
  const emails = useMemo(() => participants.map((p) => p.email), [participants]);
  const { state, retry, refreshOne } = useContactContexts(api, emails);
  // Feedback changes the contact's "last verdict": re-read it so switching away and back shows it.
  const feedback = useMemo(
    () => ({
      submit: async (input: FeedbackInput) => {
        const stored = await api.submit(input);
        void refreshOne(input.email).catch(() => undefined);
        return stored;
      },
      undo: async (id: string) => {
        await api.undo(id);
        if (selectedRef.current) void refreshOne(selectedRef.current).catch(() => undefined);
      },
    }),
    [api, refreshOne],
  );

  useEffect(() => {
    api.loadOpen().then(setOpen, () => undefined);
    api.getReasons?.().then(setReasons, () => undefined);
  }, [api]);
  useEffect(() => onOpenChange?.(emails.length > 0 ? open : summoned), [open, summoned, emails.length, onOpenChange]);

  useEffect(() => {
    if (updated) void refreshOne(updated.email).catch(() => undefined);
  }, [updated, refreshOne]);

  const lastToggles = useRef(toggles);
  useEffect(() => {
    if (toggles === lastToggles.current) return;
    lastToggles.current = toggles;
    if (emails.length === 0) setSummoned((s) => !s);
    else
      setOpen((o) => {
        void api.saveOpen(!o);
        return !o;
      });
  }, [toggles, emails.length, api]);

  const known = useMemo(
    () => new Set(state.status === 'ready' ? [...state.contexts].filter(([, c]) => c.context).map(([e]) => e) : []),
    [state],
  );
  // Prefer someone we know about: a thread often includes assistants or new colleagues.
  const current = selected && emails.includes(selected) ? selected : (emails.find((e) => known.has(e)) ?? emails[0]);

  const selectedRef = useRef<string | undefined>(current);
  selectedRef.current = current;

  if (emails.length === 0 || !current) {
    return summoned ? (
      <Panel onCollapse={() => setSummoned(false)}>
        <NoContactState />
      </Panel>
    ) : null;
  }
  const toggle = () => {
    setOpen(!open);
    void api.saveOpen(!open);
  };

  if (!open) {
    return (
      <button
        type="button"
        onClick={toggle}
        data-testid="sidebar-tab"
        aria-label="Open Leadlight sidebar"
        className="fixed top-1/3 right-0 z-[2147483646] rounded-l-md bg-sky-700 px-1.5 py-3 text-xs font-semibold text-white [writing-mode:vertical-rl]"
      >
        Leadlight
      </button>
    );
  }

  const entry = state.status === 'ready' ? state.contexts.get(current) : undefined;
  const context = entry?.context;
  return (
    <Panel onCollapse={toggle}>
      {participants.length > 1 && <ContactSwitcher participants={participants} selected={current} known={known} onSelect={setSelected} />}
      {state.status === 'loading' || state.status === 'idle' ? (
        <LoadingState />
      ) : state.status === 'error' ? (
        <ErrorState message={state.message} onRetry={retry} />
      ) : context ? (
        <ReasonsContext.Provider value={reasons}>
          <RefreshNotice refreshing={entry?.refreshing} error={entry?.error} />
          <ContactContextView key={current} context={context} author={selfEmail} feedback={feedback} />
        </ReasonsContext.Provider>
      ) : entry?.error ? (
        <ErrorState message={entry.error} onRetry={retry} />
      ) : (
        <UnknownContactState email={current} />
      )}
    </Panel>
  );
}

/** The fixed frame at the right edge: title bar with a collapse button, scrolling body. */
function Panel({ onCollapse, children }: { onCollapse: () => void; children: ReactNode }) {
  return (
    <aside
      data-testid="leadlight-sidebar"
      aria-label="Leadlight marketing context"
      style={{ width: SIDEBAR_WIDTH_PX }}
      className="fixed top-0 right-0 z-[2147483646] flex h-full max-w-full flex-col border-l border-slate-200 bg-white font-sans text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between bg-sky-700 px-4 py-2 text-white">
        <span className="text-sm font-semibold">Leadlight</span>
        <button type="button" onClick={onCollapse} aria-label="Collapse Leadlight sidebar" className="rounded px-2 text-lg leading-none">
          ›
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
    </aside>
  );
}
