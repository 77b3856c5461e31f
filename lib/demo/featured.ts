import type { Contact } from '../domain/contact';
import { activity } from './sales-activities';
import type { DraftTouch } from './touches';
import { scripted } from './touches';

/**
 * A hand-written contact with its scripted history; sources are derived from the
 * touches unless set. `activities` are the sales activities logged after the hand-off.
 */
export interface FeaturedContact {
  contact: Contact;
  touches: DraftTouch[];
  activities?: DraftTouch[];
}

// Short aliases keep the scripts readable as a timeline.
const MAYA = 'maya.okafor@northwind-logistics.example';
const DANIEL = 'daniel.kim@helixbio.example';
const PRIYA = 'priya.raman@corvidretail.example';
const TOM = 'tom.becker@aldermfg.example';
const SOFIA = 'sofia.lindqvist@fjordins.example';
const LENA = 'lena.fischer@bluepeak.example';

/**
 * Contacts the Gmail demo page writes to. Their stories are scripted so each one
 * shows a different sidebar state: a fresh MQL overdue for a first touch, a
 * technical evaluator and an exec in an open deal whom sales called in time, an
 * early IT lead, a light-touch subscriber, a known contact with no campaign
 * history, and a new MQL whom the rep answered by email (seen in Gmail only).
 */
export const FEATURED_CONTACTS: readonly FeaturedContact[] = [
  {
    contact: {
      email: MAYA,
      name: 'Maya Okafor',
      title: 'VP Operations',
      company: 'Northwind Logistics',
      industry: 'logistics',
      companySize: 1200,
      seniority: 'vp',
      department: 'operations',
      lifecycleStage: 'mql',
      leadStatus: 'open',
      score: 78,
      owner: 'Alex Rivera',
      handoffAt: '2026-11-18T09:00:00.000Z',
    },
    touches: [
      scripted(MAYA, 'cmp-003', 'ad', '2025-08-05T14:12:00.000Z', 'Clicked'),
      scripted(MAYA, 'cmp-003', 'web_page', '2025-08-05T14:13:00.000Z', 'Visited'),
      scripted(MAYA, 'cmp-001', 'email', '2025-08-12T08:30:00.000Z', 'Clicked'),
      scripted(MAYA, 'cmp-001', 'form', '2025-08-12T08:34:00.000Z', 'Registered'),
      scripted(MAYA, 'cmp-001', 'email', '2025-09-18T08:00:00.000Z', 'Opened', 1),
      scripted(MAYA, 'cmp-001', 'webinar', '2025-09-18T16:00:00.000Z', 'Attended'),
      scripted(MAYA, 'cmp-011', 'event', '2025-09-02T10:15:00.000Z', 'Registered'),
      scripted(MAYA, 'cmp-022', 'email', '2025-09-30T07:00:00.000Z', 'Opened'),
      scripted(MAYA, 'cmp-011', 'event', '2025-10-07T09:30:00.000Z', 'Attended'),
      scripted(MAYA, 'cmp-011', 'event', '2025-10-07T11:05:00.000Z', 'Responded', 1),
      scripted(MAYA, 'cmp-022', 'email', '2025-10-21T07:00:00.000Z', 'Clicked', 1),
      scripted(MAYA, 'cmp-012', 'email', '2026-02-18T08:00:00.000Z', 'Clicked'),
      scripted(MAYA, 'cmp-012', 'form', '2026-02-18T08:06:00.000Z', 'Registered'),
      scripted(MAYA, 'cmp-012', 'webinar', '2026-03-12T16:00:00.000Z', 'Attended'),
      scripted(MAYA, 'cmp-010', 'form', '2026-09-15T13:20:00.000Z', 'Submitted'),
      scripted(MAYA, 'cmp-010', 'case_study', '2026-09-15T13:21:00.000Z', 'Downloaded'),
      scripted(MAYA, 'cmp-018', 'email', '2026-11-04T08:00:00.000Z', 'Clicked'),
      scripted(MAYA, 'cmp-018', 'form', '2026-11-04T08:05:00.000Z', 'Registered'),
      scripted(MAYA, 'cmp-010', 'case_study', '2026-11-17T15:40:00.000Z', 'Downloaded', 1),
    ],
  },
  {
    contact: {
      email: DANIEL,
      name: 'Daniel Kim',
      title: 'Head of Data Engineering',
      company: 'Helix Biotech',
      industry: 'healthcare',
      companySize: 800,
      seniority: 'director',
      department: 'data',
      lifecycleStage: 'sql',
      leadStatus: 'connected',
      score: 84,
      owner: 'Jamie Chen',
      handoffAt: '2026-05-15T10:00:00.000Z',
    },
    touches: [
      scripted(DANIEL, 'cmp-013', 'ad', '2025-09-03T10:02:00.000Z', 'Clicked', 1),
      scripted(DANIEL, 'cmp-013', 'web_page', '2025-09-03T10:03:00.000Z', 'Visited'),
      scripted(DANIEL, 'cmp-009', 'form', '2025-09-20T19:45:00.000Z', 'Submitted'),
      scripted(DANIEL, 'cmp-009', 'ebook', '2025-09-20T19:46:00.000Z', 'Downloaded'),
      scripted(DANIEL, 'cmp-006', 'email', '2025-09-27T07:00:00.000Z', 'Opened'),
      scripted(DANIEL, 'cmp-008', 'email', '2025-10-14T09:00:00.000Z', 'Clicked'),
      scripted(DANIEL, 'cmp-008', 'form', '2025-10-14T09:03:00.000Z', 'Registered'),
      scripted(DANIEL, 'cmp-006', 'email', '2025-10-18T07:00:00.000Z', 'Clicked', 1),
      scripted(DANIEL, 'cmp-006', 'email', '2025-11-08T07:00:00.000Z', 'Clicked', 2),
      scripted(DANIEL, 'cmp-008', 'webinar', '2025-11-13T16:00:00.000Z', 'Attended'),
      scripted(DANIEL, 'cmp-017', 'form', '2026-02-10T11:20:00.000Z', 'Submitted'),
      scripted(DANIEL, 'cmp-017', 'whitepaper', '2026-02-10T11:21:00.000Z', 'Downloaded'),
      scripted(DANIEL, 'cmp-005', 'event', '2026-03-30T12:00:00.000Z', 'Registered'),
      scripted(DANIEL, 'cmp-005', 'event', '2026-05-12T10:30:00.000Z', 'Attended'),
      scripted(DANIEL, 'cmp-005', 'event', '2026-05-12T14:10:00.000Z', 'Responded', 1),
      scripted(DANIEL, 'cmp-024', 'form', '2026-06-03T08:40:00.000Z', 'Submitted'),
      scripted(DANIEL, 'cmp-024', 'ebook', '2026-06-03T08:41:00.000Z', 'Downloaded'),
    ],
    activities: [
      activity(DANIEL, 'call', '2026-05-15T11:40:00.000Z', 'Discovery call'),
      activity(DANIEL, 'sales_email', '2026-05-15T15:05:00.000Z', 'Follow-up: reference architecture'),
      activity(DANIEL, 'meeting', '2026-05-21T14:00:00.000Z', 'Technical deep-dive'),
    ],
  },
  {
    contact: {
      email: PRIYA,
      name: 'Priya Raman',
      title: 'Chief Financial Officer',
      company: 'Corvid Retail',
      industry: 'retail',
      companySize: 3500,
      seniority: 'c_level',
      department: 'finance',
      lifecycleStage: 'opportunity',
      leadStatus: 'connected',
      score: 91,
      owner: 'Alex Rivera',
      handoffAt: '2026-10-08T10:00:00.000Z',
    },
    touches: [
      scripted(PRIYA, 'cmp-004', 'ad', '2026-04-08T07:50:00.000Z', 'Clicked'),
      scripted(PRIYA, 'cmp-004', 'web_page', '2026-04-08T07:51:00.000Z', 'Visited'),
      scripted(PRIYA, 'cmp-015', 'email', '2026-04-20T07:00:00.000Z', 'Opened'),
      scripted(PRIYA, 'cmp-015', 'email', '2026-05-12T07:00:00.000Z', 'Opened', 1),
      scripted(PRIYA, 'cmp-015', 'email', '2026-08-18T07:00:00.000Z', 'Clicked', 3),
      scripted(PRIYA, 'cmp-016', 'event', '2026-08-18T07:20:00.000Z', 'Registered'),
      scripted(PRIYA, 'cmp-016', 'event', '2026-09-30T09:00:00.000Z', 'Attended'),
      scripted(PRIYA, 'cmp-010', 'form', '2026-10-06T12:30:00.000Z', 'Submitted'),
      scripted(PRIYA, 'cmp-010', 'case_study', '2026-10-06T12:31:00.000Z', 'Downloaded', 2),
      scripted(PRIYA, 'cmp-010', 'case_study', '2026-10-14T16:05:00.000Z', 'Downloaded'),
    ],
    activities: [
      activity(PRIYA, 'sales_email', '2026-10-08T10:45:00.000Z', 'Intro email'),
      activity(PRIYA, 'meeting', '2026-10-13T13:00:00.000Z', 'Product demo'),
      activity(PRIYA, 'meeting', '2026-10-27T15:00:00.000Z', 'Pricing review'),
    ],
  },
  {
    contact: {
      email: TOM,
      name: 'Tom Becker',
      title: 'IT Manager',
      company: 'Alder Manufacturing',
      industry: 'manufacturing',
      companySize: 450,
      seniority: 'manager',
      department: 'it',
      lifecycleStage: 'lead',
      leadStatus: 'open',
      score: 42,
      owner: 'Morgan Patel',
    },
    touches: [
      scripted(TOM, 'cmp-023', 'web_page', '2026-06-10T13:15:00.000Z', 'Visited'),
      scripted(TOM, 'cmp-023', 'form', '2026-06-10T13:22:00.000Z', 'Submitted'),
      scripted(TOM, 'cmp-017', 'form', '2026-07-15T09:10:00.000Z', 'Submitted'),
      scripted(TOM, 'cmp-017', 'whitepaper', '2026-07-15T09:11:00.000Z', 'Downloaded'),
      scripted(TOM, 'cmp-003', 'ad', '2026-09-02T15:30:00.000Z', 'Clicked'),
      scripted(TOM, 'cmp-003', 'web_page', '2026-09-02T15:31:00.000Z', 'Visited'),
    ],
  },
  {
    contact: {
      email: SOFIA,
      name: 'Sofia Lindqvist',
      title: 'Data Analyst',
      company: 'Fjord Insurance',
      industry: 'insurance',
      companySize: 650,
      seniority: 'individual_contributor',
      department: 'data',
      lifecycleStage: 'lead',
      leadStatus: 'new',
      score: 35,
      owner: 'Riley Novak',
      // She found the blog before marketing ever reached her.
      originalSource: {
        channel: 'organic_search',
        detail: 'referrer=https://www.google.com/ (blog: "Five signs your dashboards are lying")',
        date: '2025-12-02T18:25:00.000Z',
      },
    },
    touches: [
      scripted(SOFIA, 'cmp-026', 'email', '2026-01-13T06:00:00.000Z', 'Opened', 2),
      scripted(SOFIA, 'cmp-009', 'form', '2026-02-02T20:10:00.000Z', 'Submitted'),
      scripted(SOFIA, 'cmp-009', 'ebook', '2026-02-02T20:11:00.000Z', 'Downloaded'),
      scripted(SOFIA, 'cmp-006', 'email', '2026-02-09T07:00:00.000Z', 'Clicked'),
      scripted(SOFIA, 'cmp-006', 'email', '2026-03-02T07:00:00.000Z', 'Opened', 1),
    ],
  },
  {
    // Known to the CRM (a rep added him by hand) but never reached by a campaign.
    contact: {
      email: 'noah.feld@quietpartners.example',
      name: 'Noah Feld',
      title: 'Managing Partner',
      company: 'Quiet Partners',
      industry: 'financial_services',
      companySize: 40,
      seniority: 'c_level',
      lifecycleStage: 'subscriber',
      leadStatus: 'new',
      score: 5,
      originalSource: { channel: 'sales_prospecting', detail: 'Added manually by Sam Okonkwo', date: '2026-07-01T10:00:00.000Z' },
    },
    touches: [],
  },
  {
    // Handed over the day before the demo's today; Alex answered her by email, which
    // the CRM never logged. The Gmail demo shows that reply, and the SLA follows it.
    contact: {
      email: LENA,
      name: 'Lena Fischer',
      title: 'Head of Logistics Planning',
      company: 'Bluepeak Couriers',
      industry: 'logistics',
      companySize: 350,
      seniority: 'director',
      department: 'operations',
      lifecycleStage: 'mql',
      leadStatus: 'open',
      score: 71,
      owner: 'Alex Rivera',
      handoffAt: '2026-11-19T10:00:00.000Z',
    },
    touches: [
      scripted(LENA, 'cmp-014', 'ad', '2026-01-20T10:10:00.000Z', 'Clicked'),
      scripted(LENA, 'cmp-014', 'web_page', '2026-01-20T10:11:00.000Z', 'Visited'),
      scripted(LENA, 'cmp-018', 'email', '2026-11-12T08:00:00.000Z', 'Clicked'),
      scripted(LENA, 'cmp-018', 'form', '2026-11-12T08:04:00.000Z', 'Registered'),
      scripted(LENA, 'cmp-010', 'form', '2026-11-19T09:20:00.000Z', 'Submitted'),
      scripted(LENA, 'cmp-010', 'case_study', '2026-11-19T09:21:00.000Z', 'Downloaded'),
    ],
  },
];
