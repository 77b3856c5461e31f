import type { Touch } from './campaign';
import type { Contact } from './contact';
import type { SlaView } from './contact-context';
import { firstSalesTouch, formatBusinessDuration, slaState, type SlaSettings } from './sla';

/** The SLA state of one contact's hand-off, as the sidebar shows it; undefined without a hand-off. */
export function slaViewFor(contact: Contact, touches: readonly Touch[], settings: SlaSettings, now: Date): SlaView | undefined {
  if (!contact.handoffAt) return undefined;
  const first = firstSalesTouch(touches, contact.handoffAt);
  const s = slaState({ handoffAt: contact.handoffAt, firstTouchAt: first?.date, now, settings });
  const words = (ms: number) => formatBusinessDuration(Math.abs(ms), settings);
  switch (s.state) {
    case 'no_handoff':
      return undefined;
    case 'met':
      return { state: 'met', dueAt: s.dueAt.toISOString(), metAt: s.metAt.toISOString(), duration: words(s.early) };
    case 'missed':
      return { state: 'missed', dueAt: s.dueAt.toISOString(), metAt: s.metAt.toISOString(), duration: words(s.lateBy) };
    case 'on_time':
    case 'due_soon':
      return { state: s.state, dueAt: s.dueAt.toISOString(), duration: words(s.remaining) };
    case 'overdue':
      return { state: 'overdue', dueAt: s.dueAt.toISOString(), duration: words(s.overdueBy) };
  }
}
