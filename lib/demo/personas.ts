import type { Persona } from '../domain/persona';

/**
 * Buyer personas of the fictional vendor Brightwave Analytics (B2B data and
 * analytics software). Title keywords weigh most because the job title is the
 * one field a rep can judge at a glance; firmographics only refine the match.
 */
export const DEMO_PERSONAS: Persona[] = [
  {
    id: 'ops-leader',
    name: 'Operations Leader',
    description:
      'Runs operations, supply chain or logistics at a mid-size to large company and buys analytics to see shipments, stock and throughput in one place. Learns from webinars and peer case studies.',
    rules: [
      {
        kind: 'titleKeywords',
        keywords: ['VP Operations', 'Director of Operations', 'Head of Operations', 'Operations', 'Supply Chain', 'Logistics'],
        weight: 35,
      },
      { kind: 'seniority', values: ['vp', 'director'], weight: 20 },
      { kind: 'department', values: ['operations'], weight: 15 },
      { kind: 'industry', values: ['logistics', 'manufacturing', 'retail'], weight: 10 },
      { kind: 'companySize', min: 200, max: 5000, weight: 10 },
      { kind: 'engagement', assetTypes: ['webinar', 'case_study'], minTouches: 2, weight: 10 },
    ],
  },
  {
    id: 'data-practitioner',
    name: 'Data Practitioner',
    description:
      'Builds pipelines, models and dashboards and evaluates the product hands-on. Rarely signs the contract but can veto it; reads technical whitepapers and e-books and joins deep-dive webinars.',
    rules: [
      { kind: 'titleKeywords', keywords: ['Data Engineer', 'Analyst', 'Data Scientist', 'Head of Data', 'Analytics'], weight: 35 },
      { kind: 'seniority', values: ['individual_contributor', 'manager', 'director'], weight: 20 },
      { kind: 'department', values: ['data', 'engineering', 'it'], weight: 25 },
      { kind: 'engagement', assetTypes: ['whitepaper', 'ebook', 'webinar'], minTouches: 2, weight: 20 },
    ],
  },
  {
    id: 'finance-exec',
    name: 'Finance Executive',
    description:
      'Owns the budget at a company large enough to need a finance team. Wants proof of return from comparable companies and meets vendors at executive events.',
    rules: [
      { kind: 'titleKeywords', keywords: ['CFO', 'Chief Financial Officer', 'Finance Director', 'Controller', 'VP Finance'], weight: 35 },
      { kind: 'seniority', values: ['c_level', 'vp'], weight: 20 },
      { kind: 'department', values: ['finance'], weight: 15 },
      { kind: 'companySize', min: 500, weight: 15 },
      { kind: 'engagement', assetTypes: ['case_study', 'event'], minTouches: 1, weight: 15 },
    ],
  },
  {
    id: 'it-gatekeeper',
    name: 'IT Gatekeeper',
    description:
      'Approves anything that touches company data: security review, integration, infrastructure. Arrives through search and partner pages and fills in forms to get technical documentation.',
    rules: [
      { kind: 'titleKeywords', keywords: ['IT Manager', 'CIO', 'Chief Information Officer', 'Security', 'Infrastructure'], weight: 35 },
      { kind: 'department', values: ['it'], weight: 25 },
      { kind: 'seniority', values: ['manager', 'director', 'c_level'], weight: 20 },
      { kind: 'engagement', assetTypes: ['web_page', 'form'], minTouches: 1, weight: 20 },
    ],
  },
];

/** Persona ids the generator targets, plus `other` for contacts who fit none. */
export type DemoPersonaId = 'ops-leader' | 'data-practitioner' | 'finance-exec' | 'it-gatekeeper' | 'other';
