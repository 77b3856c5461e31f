import { isHiddenWithin } from './participants';

/** How one mail host's compose windows and their Send control look (see each host's selectors). */
export type SendSpec = {
  /** A compose window or inline reply. */
  composeRoot: string;
  /** The Send control inside one. */
  sendButton: string;
  /** The external recipients of one compose root (the rep and colleagues left out). */
  recipients: (root: Element, self: string | null) => string[];
};

export type WatchSendsOptions = {
  doc: Document;
  spec: SendSpec;
  /** The signed-in user's address, read when the rep sends. */
  self: () => string | null;
  signal: AbortSignal;
  /** A compose went out: its recipients and the moment Send was pressed. */
  onSent: (recipients: string[], at: Date) => void;
  /** A window still open this long after Send was refused (an invalid address, a cancelled send). */
  closeWithinMs?: number;
  pollMs?: number;
};

/**
 * Notices the rep sending a message: a click on Send or Ctrl/⌘+Enter inside a
 * compose window, followed by the window closing, which both Gmail and Outlook do
 * once a message is on its way. Recipients are read at the moment of sending;
 * a window that stays open reports nothing. Two listeners, no DOM observation.
 */
export function watchSends({ doc, spec, self, signal, onSent, closeWithinMs = 10_000, pollMs = 250 }: WatchSendsOptions): void {
  const watching = new WeakSet<Element>();
  const intent = (target: EventTarget | null, viaButton: boolean) => {
    if (!(target instanceof Element)) return;
    const root = (viaButton ? target.closest(spec.sendButton) : target)?.closest(spec.composeRoot);
    if (!root || watching.has(root)) return;
    const recipients = spec.recipients(root, self());
    if (recipients.length === 0) return;
    watching.add(root);
    const at = new Date();
    const until = Date.now() + closeWithinMs;
    const check = () => {
      if (signal.aborted) return;
      if (!root.isConnected || isHiddenWithin(root)) {
        watching.delete(root);
        onSent(recipients, at);
      } else if (Date.now() < until) setTimeout(check, pollMs);
      else watching.delete(root);
    };
    setTimeout(check, pollMs);
  };
  const options = { capture: true, passive: true, signal };
  doc.addEventListener('click', (e) => intent(e.target, true), options);
  doc.addEventListener('keydown', (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && intent(e.target, false), options);
}
