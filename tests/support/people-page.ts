import type { HostModule } from '@/lib/hosts/host-module';
import type { Participant } from '@/lib/hosts/participants';

/** A host whose open thread is whoever the page lists in `[data-person]`, found by `collect` (as given, by default). */
export function peopleHost(collect: (emails: string[]) => Participant[] = (emails) => emails.map((email) => ({ email }))): HostModule {
  return {
    id: 'test-mail',
    label: 'Test mail',
    matches: ['http://localhost/*'],
    selectors: {},
    detect: (doc) => {
      const participants = collect([...doc.querySelectorAll('[data-person]')].map((el) => el.getAttribute('data-person')!));
      return { recordId: participants.length ? 'thread' : null, participants };
    },
  };
}

/** The page opens a thread with these people (none: back to the inbox). */
export function showThread(...emails: string[]): void {
  document.querySelectorAll('[data-person]').forEach((el) => el.remove());
  for (const email of emails) document.body.append(Object.assign(document.createElement('span'), { textContent: email }));
  document.body.querySelectorAll('span:not([data-person])').forEach((el) => el.setAttribute('data-person', el.textContent ?? ''));
}
