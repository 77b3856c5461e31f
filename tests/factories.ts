import type { Campaign, Touch } from '@/lib/domain/campaign';
import type { Contact } from '@/lib/domain/contact';
import type { ContactContext, TimelineEntry } from '@/lib/domain/contact-context';
import type { Feedback } from '@/lib/domain/feedback';
import type { Persona } from '@/lib/domain/persona';
import { rankPersonas } from '@/lib/domain/persona-match';

/** Builders with sensible defaults; each test overrides only what it is about. */
export function createContact(overrides: Partial<Contact> = {}): Contact {
  return {
    email: 'ada.lovelace@analytical.example',
    name: 'Ada Lovelace',
    title: 'VP Operations',
    company: 'Analytical Engines',
    industry: 'manufacturing',
    companySize: 900,
    seniority: 'vp',
    department: 'operations',
    lifecycleStage: 'mql',
    score: 72,
    originalSource: { channel: 'webinar', detail: 'Spring webinar', date: '2026-01-10T10:00:00.000Z' },
    ...overrides,
  };
}

export function createCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return { id: 'cmp-test', name: 'Test Webinar', type: 'webinar', status: 'completed', ...overrides };
}

let touchSeq = 0;
export function createTouch(overrides: Partial<Touch> = {}): Touch {
  touchSeq += 1;
  return {
    id: `tch-test-${touchSeq}`,
    email: 'ada.lovelace@analytical.example',
    campaignId: 'cmp-test',
    assetName: 'Live session',
    assetType: 'webinar',
    date: '2026-03-01T15:00:00.000Z',
    responseStatus: 'Attended',
    responded: true,
    ...overrides,
  };
}

export function createPersona(overrides: Partial<Persona> = {}): Persona {
  return {
    id: 'ops',
    name: 'Operations Leader',
    description: 'Runs operations at a mid-size company',
    rules: [
      { kind: 'titleKeywords', keywords: ['operations', 'supply chain'], weight: 40 },
      { kind: 'seniority', values: ['vp', 'director'], weight: 20 },
      { kind: 'department', values: ['operations'], weight: 10 },
      { kind: 'industry', values: ['logistics', 'manufacturing'], weight: 10 },
      { kind: 'companySize', min: 200, max: 5000, weight: 10 },
      { kind: 'engagement', assetTypes: ['webinar', 'case_study'], minTouches: 2, weight: 10 },
    ],
    ...overrides,
  };
}

/** A touch joined with its campaign, as the timeline receives it. */
export function createTimelineEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  const touch = createTouch(overrides);
  return { ...touch, campaign: createCampaign({ id: touch.campaignId }), ...overrides };
}

let feedbackSeq = 0;
export function createFeedback(overrides: Partial<Feedback> = {}): Feedback {
  feedbackSeq += 1;
  return {
    id: `fb-test-${feedbackSeq}`,
    email: 'ada.lovelace@analytical.example',
    verdict: 'good',
    author: 'alex.rivera@brightwave.example',
    createdAt: '2026-03-05T12:00:00.000Z',
    syncState: 'local',
    attempts: 0,
    ...overrides,
  };
}

/**
 * A contact's full context as the background assembles it: timeline entries for the
 * contact, personas ranked by the real matcher, and a data source.
 */
export function createContactContext(
  overrides: { contact?: Partial<Contact>; timeline?: TimelineEntry[]; personas?: Persona[] } & Partial<
    Pick<ContactContext, 'lastFeedback' | 'source' | 'sla' | 'upcoming' | 'sources'>
  > = {},
): ContactContext {
  const contact = createContact(overrides.contact);
  const timeline = (overrides.timeline ?? [createTimelineEntry()]).map((t) => ({ ...t, email: contact.email }));
  return {
    contact,
    timeline,
    personaMatches: rankPersonas(overrides.personas ?? [createPersona()], contact, timeline),
    ...(overrides.lastFeedback ? { lastFeedback: overrides.lastFeedback } : {}),
    ...(overrides.sla ? { sla: overrides.sla } : {}),
    upcoming: overrides.upcoming ?? [],
    source: overrides.source ?? { name: 'Demo CRM', dataAsOf: '2026-03-06T09:00:00.000Z' },
    ...(overrides.sources ? { sources: overrides.sources } : {}),
  };
}
