import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode, type Ref } from 'react';
import type { FeedbackInput } from '@/lib/domain/feedback';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import { ReasonsContext } from '../contact/reasons-context';
import type { Participant } from '@/lib/hosts/participants';
import { ConnectionNotice } from '../contact/connection-notice';
import { ContactContextView } from '../contact/contact-context-view';
import { ErrorState, LoadingState, NoContactState, NotSavedState, RefreshNotice, UnknownContactState } from '../ui/states';
import { ContactSwitcher, personStates } from './contact-switcher';
import type { SidebarApi } from './sidebar-api';
import { useConnection } from './use-connection';
import { useContactContexts } from './use-contact-contexts';

// 320 px is the narrowest layout the panel is designed and tested for.
export const SIDEBAR_WIDTH_PX = 320;

/** How much room the sidebar needs: the full panel, the collapsed tab, or none at all. */
export type SidebarLayout = 'panel' | 'tab' | 'none';

type Props = {
  api: SidebarApi;
  participants: Participant[];
  /** Shown as the author on nothing any more; kept so older callers compile. The background signs verdicts. */
  selfEmail?: string;
  /** Counts presses of the toggle shortcut; each odd change since mount toggles. */
  toggles?: number;
  /** Changes when the background refreshed a contact's data. */
  updated?: { email: string; seq: number };
  /** The rep's last context-menu lookup on the page: each new one (`seq`) shows that person, opened. */
  lookup?: { email: string; seq: number };
  onOpenChange?: (open: boolean) => void;
  onLayoutChange?: (layout: SidebarLayout) => void;
  /** The remembered open state when the caller already read it (avoids a flash of the wrong layout). */
  initialOpen?: boolean;
  /** The open state as last saved, in any tab: a change is followed. */
  openChoice?: boolean;
  /** Inside its own frame: panel and tab fill the frame instead of sitting at the page's edge. */
  framed?: boolean;
};

/** The panel at the right edge: collapsed it is a small tab, open it shows the selected contact. */
export function Sidebar(props: Props) {
  const { api, participants, toggles = 0, updated, lookup, onOpenChange, onLayoutChange, initialOpen, openChoice, framed } = props;
  const [open, setOpen] = useState(initialOpen ?? true);
  // Opened by the shortcut on a page where no contact was detected.
  const [summoned, setSummoned] = useState(false);
  const [reasons, setReasons] = useState<readonly ReasonDefinition[]>(FEEDBACK_REASONS);
  // The person the rep picked, or the record last put on screen. A ref, not state: holding the
  // view must not cost a second render (and the effects it flushes) before the contact paints.
  const held = useRef<string | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const select = useCallback((email: string) => {
    held.current = email;
    rerender();
  }, []);
  // A lookup is the rep asking for that person: it takes the view from whoever is held there,
  // in the render that lists them (no render in between shows the held contact again).
  const lookedUp = useRef<number | undefined>(undefined);
  if (lookup && lookup.seq !== lookedUp.current) {
    lookedUp.current = lookup.seq;
    held.current = lookup.email;
  }
  const emails = useMemo(() => participants.map((p) => p.email), [participants]);
  const { state, retry, refreshOne } = useContactContexts(api, emails);
  // Said once, above whichever contact is shown, instead of as every contact's error.
  const connection = useConnection(api, state);
  const connectionDown = !!connection && connection.health.state !== 'healthy';
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

  // Summoned means "opened where no one was on the page": once someone is, the list hides it again as usual.
  useEffect(() => {
    if (emails.length > 0) setSummoned(false);
  }, [emails.length]);

  // Collapsed or opened in another tab: this one follows (its own choice comes back here unchanged).
  useEffect(() => {
    if (openChoice !== undefined) setOpen(openChoice);
  }, [openChoice]);
  useEffect(() => {
    if (initialOpen === undefined) api.loadOpen().then(setOpen, () => undefined);
    api.getReasons?.().then(setReasons, () => undefined);
  }, [api, initialOpen]);
  const layout: SidebarLayout = emails.length > 0 ? (open ? 'panel' : 'tab') : summoned ? 'panel' : 'none';
  useEffect(() => void onOpenChange?.(layout === 'panel'), [layout, onOpenChange]);
  // Also runs for each new onLayoutChange: the frame passes one per page snapshot, to confirm each.
  useEffect(() => void onLayoutChange?.(layout), [layout, onLayoutChange]);

  // Keyboard users land on what replaced the control they used: the tab after collapsing, the panel after opening.
  const panelRef = useRef<HTMLElement>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  const lastLayout = useRef(layout);
  useEffect(() => {
    if (lastLayout.current === layout) return;
    const moved = lastLayout.current !== 'none' || layout === 'panel';
    lastLayout.current = layout;
    if (!moved || !panelRef.current?.ownerDocument.hasFocus()) return;
    if (layout === 'tab') tabRef.current?.focus();
    else if (layout === 'panel') panelRef.current?.focus();
  }, [layout]);

  useEffect(() => {
    if (updated) void refreshOne(updated.email).catch(() => undefined);
  }, [updated, refreshOne]);

  // From zero, not from the first value seen: a frame created by the shortcut must act on that press.
  const lastToggles = useRef(0);
  useEffect(() => {
    const pressed = toggles - lastToggles.current;
    lastToggles.current = toggles;
    if (pressed % 2 === 0) return;
    if (emails.length === 0) setSummoned((s) => !s);
    else
      setOpen((o) => {
        void api.saveOpen(!o);
        return !o;
      });
  }, [toggles, emails.length, api]);

  // Like the shortcut, a lookup opens a collapsed sidebar, and that is the rep's choice from now on.
  const lookupSeq = lookup?.seq;
  const openedFor = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (lookupSeq === undefined || openedFor.current === lookupSeq) return;
    openedFor.current = lookupSeq;
    if (open) return;
    setOpen(true);
    void api.saveOpen(true);
  }, [lookupSeq, open, api]);

  const states = useMemo(() => personStates(state, emails), [state, emails]);
  // Prefer someone we know about: a thread often includes assistants or new colleagues.
  const selected = held.current;
  const current = selected && emails.includes(selected) ? selected : (emails.find((e) => states.get(e) === 'record') ?? emails[0]);
  const entry = state.status === 'ready' && current ? state.contexts.get(current) : undefined;
  const context = entry?.context;
  // A record once on screen stays there until the rep picks someone else or it leaves the page:
  // a newcomer listed first (a compose puts new recipients first) must not take the view, and
  // the note being typed in it, when their read answers.
  useLayoutEffect(() => {
    if (context && current) held.current = current;
  }, [context, current]);

  const selectedRef = useRef<string | undefined>(current);
  selectedRef.current = current;

  if (emails.length === 0 || !current) {
    return summoned ? (
      <Panel onCollapse={() => setSummoned(false)} framed={framed} panelRef={panelRef}>
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
        ref={tabRef}
        onClick={toggle}
        data-testid="sidebar-tab"
        aria-label="Open Leadlight sidebar"
        className={`${framed ? 'fixed inset-0 w-full' : 'fixed top-1/3 right-0 z-[2147483646]'} rounded-l-md bg-sky-700 px-1.5 py-3 text-xs font-semibold text-white [writing-mode:vertical-rl]`}
      >
        Leadlight
      </button>
    );
  }

  return (
    <Panel onCollapse={toggle} framed={framed} panelRef={panelRef}>
      {participants.length > 1 && <ContactSwitcher participants={participants} selected={current} states={states} onSelect={select} />}
      <ConnectionNotice status={connection} onOpenSettings={api.openSettings} />
      {state.status === 'loading' || state.status === 'idle' || (state.status === 'ready' && !entry && state.pending) ? (
        <LoadingState />
      ) : state.status === 'error' ? (
        <ErrorState message={state.message} onRetry={retry} />
      ) : context ? (
        <ReasonsContext.Provider value={reasons}>
          <RefreshNotice refreshing={entry?.refreshing} error={connectionDown ? undefined : entry?.error} />
          <ContactContextView key={current} context={context} feedback={feedback} />
        </ReasonsContext.Provider>
      ) : entry?.error ? (
        connectionDown ? (
          <NotSavedState email={current} />
        ) : (
          <ErrorState message={entry.error} onRetry={retry} />
        )
      ) : (
        <UnknownContactState email={current} />
      )}
    </Panel>
  );
}

type PanelProps = { onCollapse: () => void; children: ReactNode; framed?: boolean; panelRef?: Ref<HTMLElement> };

/** The fixed frame at the right edge: title bar with a collapse button, scrolling body. */
function Panel({ onCollapse, children, framed, panelRef }: PanelProps) {
  return (
    <aside
      ref={panelRef}
      tabIndex={-1}
      data-testid="leadlight-sidebar"
      aria-label="Leadlight marketing context"
      style={{ width: framed ? '100%' : SIDEBAR_WIDTH_PX }}
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
