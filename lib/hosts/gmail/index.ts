import type { HostDetection, HostModule } from '../host-module';
import { detectGmailCompose, detectGmailThread, detectSelfEmail } from './detect';
import { GMAIL_SELECTORS } from './selectors';
import { threadScopeOfView, viewOf } from './thread-scope';

/**
 * Gmail: the people of the open thread plus everyone being written to. Compose
 * recipients come first, because the person a rep is writing to is who they are
 * thinking about.
 */
export const gmailHost: HostModule = {
  id: 'gmail',
  label: 'Gmail',
  matches: ['https://mail.google.com/*'],
  selectors: GMAIL_SELECTORS,
  detect(doc: Document, url: URL): HostDetection {
    const self = detectSelfEmail(doc);
    const thread = detectGmailThread(doc, url, self);
    const compose = detectGmailCompose(doc, self);
    const seen = new Set(compose.map((p) => p.email));
    const participants = [...compose, ...(thread?.participants ?? []).filter((p) => !seen.has(p.email))];
    return { recordId: thread?.threadId ?? null, participants, selfEmail: self ?? undefined, messages: thread?.messages ?? [] };
  },
  isRelevant: isGmailMutationRelevant,
  sends: {
    composeRoot: GMAIL_SELECTORS.composeRoot.selector,
    sendButton: GMAIL_SELECTORS.sendButton.selector,
    recipients: (root, self) => detectGmailCompose(root, self).map((p) => p.email),
    // Undo Send lasts 5 to 30 s, as the user sets it; the draft then takes a moment to reopen.
    undoMs: 35_000,
  },
};

// Threads render in the main pane; compose windows are dialogs outside it.
const REGIONS = `${GMAIL_SELECTORS.main.selector}, [role="dialog"]`;
// Anything that can change who is on screen: a person marker, a thread subject, a
// compose window or chip. Typing indicators, images and menus carry none of these.
const MARKERS = `[email], [data-hovercard-id], ${GMAIL_SELECTORS.threadSubject.selector}, [role="dialog"], [role="main"]`;

// Called for every node Gmail adds or removes: attribute checks first (far cheaper
// than selector matching), and leaves skip the subtree query.
const carriesMarker = (node: Node) => {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (
    (el.hasAttribute('email') || el.hasAttribute('data-hovercard-id') || el.hasAttribute('role') || el.localName === 'h2') &&
    el.matches(MARKERS)
  )
    return true;
  return el.firstElementChild !== null && el.querySelector(MARKERS) !== null;
};

const SUBJECT = GMAIL_SELECTORS.threadSubject.selector;

// Per observer callback: the thread each view of the main pane shows (null for a list),
// and whether a mutation target sits outside it. A burst of thousands of records in the
// inbox list, most with the same parent, then costs a few lookups instead of one query each.
let threadScopes = new WeakMap<Element, Element | null>();
let listTargets = new WeakMap<Element, boolean>();
let forgetScheduled = false;
function forgetAfterThisCallback(): void {
  if (forgetScheduled) return;
  forgetScheduled = true;
  queueMicrotask(() => {
    threadScopes = new WeakMap();
    listTargets = new WeakMap();
    forgetScheduled = false;
  });
}
function threadIn(view: Element): Element | null {
  let known = threadScopes.get(view);
  if (known === undefined) threadScopes.set(view, (known = threadScopeOfView(view)));
  return known;
}
/**
 * True in the list part of a main-pane view — a view showing no thread (the inbox or a
 * search list), or the list rows beside a thread previewed in the same view (reading
 * pane) — outside compose dialogs. The thread, and any node holding it, is not list.
 */
function inListView(target: Element): boolean {
  forgetAfterThisCallback();
  let known = listTargets.get(target);
  if (known !== undefined) return known;
  known = false;
  const main = target.closest(GMAIL_SELECTORS.main.selector);
  if (main && main !== target && !target.closest('[role="dialog"]')) {
    const thread = threadIn(viewOf(target, main));
    known = !thread || !(thread.contains(target) || target.contains(thread));
  }
  listTargets.set(target, known);
  return known;
}

const carriesSubject = (node: Node) =>
  node.nodeType === 1 &&
  ((node as Element).matches(SUBJECT) ||
    ((node as Element).firstElementChild !== null && (node as Element).querySelector(SUBJECT) !== null));

const carriesRegion = (node: Node) =>
  node.nodeType === 1 &&
  ((node as Element).matches(REGIONS) ||
    ((node as Element).firstElementChild !== null && (node as Element).querySelector(REGIONS) !== null));

/**
 * Whether a mutation could change who is on screen. Outside the main pane and
 * compose dialogs nothing can, except adding or removing one of them: the chat
 * roster's entries carry addresses too, but never a thread's people. Inside the
 * main pane only the thread matters: the inbox and search lists carry a person
 * marker on every row (each sender has an `email`), and Gmail re-renders them
 * constantly, but a list never changes who the sidebar shows — unless a thread
 * subject appears in it — even with a thread previewed beside it. Inside a thread or
 * a compose dialog, only nodes carrying a person marker matter, and style changes on
 * a container holding one (Gmail swapping views). Chat, notifications, typing
 * indicators and lazy images are skipped without a detection.
 */
export function isGmailMutationRelevant(m: MutationRecord): boolean {
  const target = (m.target.nodeType === 1 ? m.target : m.target.parentElement) as Element | null;
  if (!target) return false;
  if (inListView(target)) {
    if (m.type === 'attributes') return false;
    // Only a removed subject can matter here: an added one still in this view would have made it a thread view.
    for (const node of m.removedNodes) if (carriesSubject(node)) return true;
    return false;
  }
  // After the list check, which is cached per target: list bursts are the hot path.
  if (!target.closest(REGIONS)) {
    if (m.type !== 'childList') return false;
    // A subject too: while loading, Gmail renders into the pane before it gets role=main (InboxSDK waits for it).
    for (const list of [m.addedNodes, m.removedNodes])
      for (const node of list) if (carriesRegion(node) || carriesSubject(node)) return true;
    return false;
  }
  if (m.type === 'attributes') return carriesMarker(target);
  for (const list of [m.addedNodes, m.removedNodes]) for (const node of list) if (carriesMarker(node)) return true;
  return false;
}
