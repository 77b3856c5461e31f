import type { SidebarLayout } from '../messaging/sidebar-port';

/**
 * Gives the sidebar frame its room as soon as the page changes, instead of waiting for
 * the frame to ask (page → background → frame → background → page). The frame's layout
 * follows from the page alone except for what the rep chose: with someone on the page it
 * shows the panel or the collapsed tab, as last chosen; without anyone it hides, unless
 * the shortcut summoned it. So the content script predicts from the last layout the frame
 * asked for, and the frame, which confirms every snapshot it renders, stays the authority.
 *
 * Applying the room in the same task as the page's own change also spares the page a
 * second layout pass (one at its old width, one at its new).
 */
export function createLayoutPrediction(page: string) {
  // What the frame showed the last time it had someone to show: the panel or the tab.
  let withContact: 'panel' | 'tab' | undefined;
  // Whether the frame's current room is for a contact (false: hidden, or summoned by the shortcut).
  let showingContact = false;
  // The newest snapshot the content script laid out itself; the frame's answers about older ones are stale.
  let predictedSeq = -1;
  return {
    /** The rep's remembered choice (storage), used until the frame says otherwise. */
    remember(open: boolean) {
      withContact ??= open ? 'panel' : 'tab';
    },
    /** The rep's choice saved since (in another tab too): newer than anything this page's frame said. */
    choose(open: boolean) {
      withContact = open ? 'panel' : 'tab';
    },
    /**
     * A new snapshot: the layout to apply now, or undefined to wait for the frame. A
     * snapshot made by the shortcut is the frame's to interpret (focus, open, collapse).
     */
    predict(seq: number, hasPeople: boolean, byShortcut: boolean): SidebarLayout | undefined {
      if (byShortcut) return undefined;
      const next = hasPeople ? withContact : showingContact ? 'none' : undefined;
      if (next === undefined) return undefined;
      predictedSeq = seq;
      showingContact = hasPeople;
      return next;
    },
    /**
     * The frame's layout for snapshot `seq` (absent from frames that do not say): whether to
     * apply it. An answer about a snapshot older than one already laid out here is stale —
     * the frame confirms the newer one when it renders it. One from a frame of another page
     * load (`from`: a copy the page embedded, under a name it made up) is not this page's.
     */
    confirm(layout: SidebarLayout, seq: number | undefined, hasPeople: boolean, from: string): boolean {
      if (from !== page) return false;
      if (seq !== undefined && seq < predictedSeq) return false;
      showingContact = hasPeople && layout !== 'none';
      if (showingContact) withContact = layout as 'panel' | 'tab';
      return true;
    },
  };
}
