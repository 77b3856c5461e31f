import { isHiddenWithin } from '../participants';
import { OUTLOOK_SELECTORS as S } from './selectors';

const WATCHED = `${S.main.selector}, ${S.accountHeader.selector}`;

const carriesWatched = (node: Node) =>
  node.nodeType === 1 && ((node as Element).matches(WATCHED) || (node as Element).querySelector(WATCHED) !== null);

/**
 * Whether a mutation could change who is on screen: one inside the reading pane that
 * shows (Outlook keeps other modules' panes mounted and hidden, and they churn unseen),
 * one in the top bar (the signed-in address, which leaves the rep out, may fill in
 * after the pane), or one above them that adds, removes, shows or hides either. The
 * message list and folder tree, which re-render constantly, are skipped.
 */
export function isOutlookMutationRelevant(m: MutationRecord): boolean {
  const target = m.target.nodeType === 1 ? (m.target as Element) : m.target.parentElement;
  if (!target) return false;
  // Addresses are read from text only in the top bar; in the pane they are titles and labels,
  // and text edits there (typing a message) change nobody.
  if (m.type === 'characterData') return target.closest(S.accountHeader.selector) !== null;
  const pane = target.closest(S.main.selector);
  // A pane's own style or hidden attribute is what shows or hides it, so that always counts.
  if (pane) return pane === target || !isHiddenWithin(pane);
  if (target.closest(S.accountHeader.selector)) return true;
  if (m.type === 'attributes') return target.querySelector(WATCHED) !== null;
  for (const list of [m.addedNodes, m.removedNodes]) for (const node of list) if (carriesWatched(node)) return true;
  return false;
}
