import { isHiddenWithin } from './participants';

/** How one mail host's compose windows and their Send control look (see each host's selectors). */
export type SendSpec = {
  /** A compose window or inline reply. */
  composeRoot: string;
  /** The Send control inside one. */
  sendButton: string;
  /** The external recipients of one compose root (the rep and colleagues left out). */
  recipients: (root: Element, self: string | null) => string[];
  /** A little longer than the host lets a rep undo a send: a compose back within it was not sent. */
  undoMs: number;
};

export type WatchSendsOptions = {
  doc: Document;
  spec: SendSpec;
  /** The signed-in user's address, read when the rep sends. */
  self: () => string | null;
  signal: AbortSignal;
  /** A compose went out and was not undone: its recipients and the moment Send was pressed, told once the undo time is over. */
  onSent: (recipients: string[], at: Date) => void;
  /** A window still open this long after Send was refused (an invalid address, a cancelled send). */
  closeWithinMs?: number;
  pollMs?: number;
  /** How often a closed compose is looked for while it could still be undone. */
  undoPollMs?: number;
};

// The prompts a send can raise ("Send without a subject?"): answering one is part of sending.
const PROMPT = '[role="alertdialog"], [aria-modal="true"]';
const MODIFIERS = new Set(['Control', 'Meta', 'Shift', 'Alt']);

type Send = { root: Element; recipients: string[]; at: Date };

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Notices the rep sending a message: a click on Send or Ctrl/⌘+Enter inside a compose
 * window, followed by the window closing, which both Gmail and Outlook do at once. The
 * last Send pressed counts, with the recipients it had. Anything else the rep does while
 * the window is still open (Discard, an edit, leaving for another message) means that
 * Send was refused. A closed window is reported only once the host's undo time is over:
 * Undo brings the draft back, and then nothing is reported. Listeners and polling, no DOM observation.
 */
export function watchSends(options: WatchSendsOptions): void {
  const { doc, spec, self, signal, onSent, closeWithinMs = 10_000, pollMs = 250, undoPollMs = 1000 } = options;
  const pending = new Map<Element, Send>();
  const later = (ms: number, fn: () => void) => setTimeout(() => signal.aborted || fn(), ms);
  const isClosed = (root: Element) => !root.isConnected || isHiddenWithin(root);
  const openComposes = () =>
    [...doc.querySelectorAll(spec.composeRoot)].filter((r) => !isHiddenWithin(r) && r.querySelector(spec.sendButton));

  // Closed sends waiting out the undo time. The tab closing ends that time: nobody can press
  // Undo any more, and the host sends what it holds, so they are reported at once.
  const settling = new Set<Send>();
  const report = (send: Send) => settling.delete(send) && onSent(send.recipients, send.at);
  doc.defaultView?.addEventListener('pagehide', () => settling.forEach(report), { signal });

  const settle = (send: Send) => {
    pending.delete(send.root);
    settling.add(send);
    // Undo reopens the draft, as the same element or a new one, with its recipients; a window open already is another draft.
    const before = new Set(openComposes());
    const until = Date.now() + spec.undoMs;
    const check = () => {
      if (!settling.has(send)) return;
      if (openComposes().some((r) => !before.has(r) && sameSet(spec.recipients(r, self()), send.recipients)))
        return void settling.delete(send);
      if (Date.now() >= until) report(send);
      else later(undoPollMs, check);
    };
    later(undoPollMs, check);
  };

  const sendPressed = (root: Element) => {
    const recipients = spec.recipients(root, self());
    // Nobody outside to count, and an earlier Send from this window is overtaken.
    if (recipients.length === 0) return void pending.delete(root);
    const send = { root, recipients, at: new Date() };
    pending.set(root, send);
    const until = Date.now() + closeWithinMs;
    const check = () => {
      if (pending.get(root) !== send) return;
      if (isClosed(root)) settle(send);
      else if (Date.now() < until) later(pollMs, check);
      else pending.delete(root);
    };
    later(pollMs, check);
  };

  // With the window still open, the rep went back to the draft (Discard, an edit) or away from it
  // (another message, which closes an Outlook draft too): that Send did not go through. A prompt
  // the send raised, or another compose window, leaves it pending.
  const otherAction = (target: Element) => {
    for (const send of pending.values()) {
      // A window already closed went out; what the rep does next has nothing to do with it.
      if (isClosed(send.root)) settle(send);
      else if (target.closest(PROMPT)?.contains(send.root) === false) continue;
      else if (send.root.contains(target) || !target.closest(spec.composeRoot)) pending.delete(send.root);
    }
  };

  const act = (target: Element, sendRoot: Element | null | undefined) => (sendRoot ? sendPressed(sendRoot) : otherAction(target));
  const listen = { capture: true, passive: true, signal };
  doc.addEventListener(
    'click',
    (e) => e.target instanceof Element && act(e.target, e.target.closest(spec.sendButton)?.closest(spec.composeRoot)),
    listen,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!(e.target instanceof Element) || MODIFIERS.has(e.key)) return;
      act(e.target, e.key === 'Enter' && (e.ctrlKey || e.metaKey) ? e.target.closest(spec.composeRoot) : null);
    },
    listen,
  );
}
