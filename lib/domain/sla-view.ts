import type { Touch } from './campaign';
import type { Contact } from './contact';
import type { SlaView } from './contact-context';
import { firstTouchTime, resolveFirstTouch, type FirstTouchEvidence } from './first-touch';
import { addBusinessHours, formatBusinessDuration, handoffStart, slaState, type SlaSettings } from './sla';

/** What besides the contact's touches tells whether sales has acted, and the live CRM that logged them (see SlaContext). */
export type SlaExtras = Pick<FirstTouchEvidence, 'observed' | 'worked'> & { loggedIn?: string | undefined };

/** The SLA state of one contact's hand-off, as the sidebar shows it; undefined without a hand-off. */
export function slaViewFor(
  contact: Contact,
  touches: readonly Touch[],
  settings: SlaSettings,
  now: Date,
  extras: SlaExtras = {},
): SlaView | undefined {
  if (!contact.handoffAt) return undefined;
  const resolved = resolveFirstTouch(contact, { touches, observed: extras.observed, worked: extras.worked, timeZone: settings.timeZone });
  const first = resolved?.via === 'logged' && extras.loggedIn ? { ...resolved, source: extras.loggedIn } : resolved;
  const at = firstTouchTime(first);
  const words = (ms: number) => formatBusinessDuration(Math.abs(ms), settings);
  // No working time left, or none to spare: said in words by the badge ("due by …", "on time").
  const wordsOrNone = (ms: number) => (Math.abs(ms) < 60_000 ? '' : words(ms));
  if (first && !at) {
    // Worked, but nobody recorded when: met, without pretending to know how early.
    const dueAt = addBusinessHours(handoffStart(contact.handoffAt, settings.timeZone), settings.firstTouchHours, settings).toISOString();
    return { state: 'met', dueAt, duration: '', firstTouch: first };
  }
  const s = slaState({ handoffAt: contact.handoffAt, firstTouchAt: at, now, settings });
  const firstTouch = first ? { firstTouch: first } : {};
  switch (s.state) {
    case 'no_handoff':
      return undefined;
    case 'met':
      return { state: 'met', dueAt: s.dueAt.toISOString(), metAt: s.metAt.toISOString(), duration: wordsOrNone(s.early), ...firstTouch };
    case 'missed':
      return { state: 'missed', dueAt: s.dueAt.toISOString(), metAt: s.metAt.toISOString(), duration: words(s.lateBy), ...firstTouch };
    case 'on_time':
    case 'due_soon':
      return { state: s.state, dueAt: s.dueAt.toISOString(), duration: wordsOrNone(s.remaining) };
    case 'overdue':
      return { state: 'overdue', dueAt: s.dueAt.toISOString(), duration: words(s.overdueBy) };
  }
}
