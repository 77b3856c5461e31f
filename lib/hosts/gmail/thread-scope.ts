import { firstVisible, isHiddenWithin } from '../participants';
import { GMAIL_SELECTORS as S } from './selectors';

/** One of Gmail's stacked views: the ancestor of `node` that is a direct child of the main region. */
export function viewOf(node: Element, main: Element | null): Element {
  let view = node;
  while (view.parentElement && view.parentElement !== main) view = view.parentElement;
  return view;
}

/**
 * The part of `view` that holds the thread of `subject`: the whole view, unless list rows
 * share it. With the reading pane (split view) on, Gmail renders the previewed thread inside
 * the list's own view (InboxSDK finds it as `table.Bs > tr` under the list's `.aia`), and
 * every row there carries its sender's address. Then the thread is the subject's highest
 * ancestor holding no list row; no container class is relied on, as they keep breaking.
 */
export function threadScope(subject: Element, view: Element): Element {
  if (!view.querySelector(S.listRow.selector)) return view;
  let scope = subject;
  for (let up = scope.parentElement; up && up !== view && !up.querySelector(S.listRow.selector); up = up.parentElement) scope = up;
  return scope;
}

/** The thread a view shows (a visible subject first), or null for a list or settings view. */
export function threadScopeOfView(view: Element): Element | null {
  const subject = view.matches(S.threadSubject.selector)
    ? view
    : (firstVisible(view, S.threadSubject.selector) ?? view.querySelector(S.threadSubject.selector));
  return subject && threadScope(subject, view);
}

/** The open thread: its subject and the element holding its messages, in the visible view. */
export function visibleThread(doc: Document): { subject: Element; scope: Element } | null {
  for (const subject of doc.querySelectorAll(S.threadSubject.selector)) {
    if (isHiddenWithin(subject)) continue;
    return { subject, scope: threadScope(subject, viewOf(subject, subject.closest(S.main.selector))) };
  }
  return null;
}
