import type { HostDiagnostics } from '@/lib/messaging/protocol';

/**
 * Which page view each host marker serves. A compose marker says nothing about a
 * thread being read, so it is judged only when a compose window was open: a marker
 * counts as missing only when its view was open in the scan. Alternatives (current
 * and older markup for the same thing) are missing only when none matched.
 */
type ViewSpec = { label: string; markers: string[]; openWhen?: string[]; alternatives?: string[][] };

const VIEWS: Record<string, ViewSpec[]> = {
  gmail: [
    { label: 'Every Gmail page', markers: ['main', 'accountButton'] },
    {
      label: 'Open thread',
      markers: ['threadSubject', 'sender', 'recipient', 'hovercard', 'message', 'messageDate'],
      openWhen: ['threadSubject', 'message'],
    },
    {
      label: 'Compose window or reply',
      markers: ['composeRoot', 'sendButton', 'composeChip', 'composeChipOlder'],
      openWhen: ['composeRoot', 'sendButton'],
      alternatives: [['composeChip', 'composeChipOlder']],
    },
    // The rows of the inbox or a search: only there when a list shows, so never judged missing.
    { label: 'Inbox or search list', markers: ['listRow'], openWhen: ['listRow'] },
  ],
  outlook: [
    { label: 'Every Outlook page', markers: ['main', 'accountManager', 'accountHeader'] },
    { label: 'Reading pane', markers: ['messageItem', 'personTitle', 'dated'], openWhen: ['messageItem'] },
    { label: 'Compose', markers: ['composeRegion', 'recipientPill', 'sendButton'], openWhen: ['composeRegion'] },
  ],
  salesforce: [
    {
      label: 'Record page',
      markers: ['recordWrapper', 'emailField', 'emailLink', 'highlightsEmail', 'primaryName'],
      // The Email shows in Details or in the highlights panel, whichever tab is open.
      alternatives: [['emailField', 'highlightsEmail']],
    },
    // Only there while the rep hovers over a lookup (the owner): absent is normal.
    { label: 'Hover card', markers: ['hoverCard'], openWhen: ['hoverCard'] },
  ],
};

export type MarkerState = 'found' | 'missing' | 'not-checked';
export type ViewReport = { label: string; open: boolean; markers: { name: string; state: MarkerState }[] };

/** A host's markers grouped by the view they serve, each judged only if its view was open. */
export function groupByView(d: HostDiagnostics): ViewReport[] {
  const matched = new Set(d.matched);
  const all = [...d.matched, ...d.missing];
  const views = VIEWS[d.hostId] ?? [{ label: 'Record page', markers: all }];
  const known = new Set(views.flatMap((v) => v.markers));
  const rest = all.filter((m) => !known.has(m));
  const specs = rest.length > 0 ? [...views, { label: 'Other markers', markers: rest }] : views;
  return specs.map((v) => {
    const present = v.markers.filter((m) => all.includes(m));
    const open = !v.openWhen || v.openWhen.some((m) => matched.has(m));
    return {
      label: v.label,
      open,
      markers: present.map((name) => {
        if (matched.has(name)) return { name, state: 'found' as const };
        const alternative = v.alternatives?.find((a) => a.includes(name));
        const covered = alternative?.some((a) => matched.has(a));
        return { name, state: open && !covered ? ('missing' as const) : ('not-checked' as const) };
      }),
    };
  });
}
