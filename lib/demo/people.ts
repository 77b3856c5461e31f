import type { DemoPersonaId } from './personas';

/** An invented company; every domain ends in `.example` so no real inbox is ever named. */
export interface DemoCompany {
  name: string;
  domain: string;
  industry: string;
  size: number;
}

/** A job title with the seniority and department a CRM would store beside it. */
export interface DemoRole {
  title: string;
  seniority: string;
  department: string;
  /** How well the title alone fits its persona: 2 strong, 1 partial, 0 none. */
  fit: 0 | 1 | 2;
}

// Deliberately mixed origins; a few carry accents or apostrophes so email slugs get exercised.
export const FIRST_NAMES = [
  'Aisha',
  'Andrés',
  'Anna',
  'Arjun',
  'Beatriz',
  'Ben',
  'Carlos',
  'Chen',
  'Chloe',
  'Dario',
  'Elena',
  'Emeka',
  'Fatima',
  'Grace',
  'Hana',
  'Hiroshi',
  'Ines',
  'Isaac',
  'Jana',
  'Kwame',
  'Laila',
  'Lars',
  'Leila',
  'Liam',
  'Lucía',
  'Marco',
  'Mei',
  'Mateo',
  'Nadia',
  'Nikhil',
  'Olga',
  'Omar',
  'Paula',
  'Rafael',
  'Rina',
  'Ruth',
  'Samir',
  'Sara',
  'Sean',
  'Siobhan',
  'Tariq',
  'Thandiwe',
  'Valentina',
  'Wei',
  'Yara',
  'Yusuf',
  'Zanele',
  'Zoë',
  'Oskar',
  'Amara',
] as const;

export const LAST_NAMES = [
  'Abara',
  'Andersson',
  'Banerjee',
  'Bianchi',
  'Brennan',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Gupta',
  'Haddad',
  'Ito',
  'Jankowski',
  'Kaur',
  'Khan',
  'Kowalczyk',
  'Larsen',
  'Li',
  'Mahlangu',
  'Martins',
  'Mensah',
  'Moreau',
  'Müller',
  'Nakamura',
  'Novak',
  "O'Connor",
  'Osei',
  'Park',
  'Petrov',
  'Quinn',
  'Rossi',
  'Santos',
  'Schmidt',
  'Singh',
  'Suzuki',
  'Tanaka',
  'Torres',
  'Van Dijk',
  'Vargas',
  'Wang',
  'Yilmaz',
  'Zhang',
  'Nwosu',
  'Haugen',
  'Costa',
] as const;

export const COMPANIES: readonly DemoCompany[] = [
  { name: 'Fernhill Freight', domain: 'fernhill-freight.example', industry: 'logistics', size: 2400 },
  { name: 'Harbor & Rail', domain: 'harborrail.example', industry: 'logistics', size: 4100 },
  { name: 'Bluepeak Couriers', domain: 'bluepeak.example', industry: 'logistics', size: 350 },
  { name: 'Crossdock Partners', domain: 'crossdock.example', industry: 'logistics', size: 180 },
  { name: 'Meridian Shipping', domain: 'meridianship.example', industry: 'logistics', size: 7600 },
  { name: 'Ironleaf Manufacturing', domain: 'ironleaf.example', industry: 'manufacturing', size: 1500 },
  { name: 'Copperline Components', domain: 'copperline.example', industry: 'manufacturing', size: 620 },
  { name: 'Tessel Plastics', domain: 'tessel.example', industry: 'manufacturing', size: 280 },
  { name: 'Granite Works', domain: 'graniteworks.example', industry: 'manufacturing', size: 3200 },
  { name: 'Ostrava Precision', domain: 'ostrava-precision.example', industry: 'manufacturing', size: 140 },
  { name: 'Maple & Co.', domain: 'mapleco.example', industry: 'retail', size: 5200 },
  { name: 'Lumen Home Stores', domain: 'lumenhome.example', industry: 'retail', size: 1900 },
  { name: 'Kestrel Outdoor', domain: 'kestrel-outdoor.example', industry: 'retail', size: 430 },
  { name: 'Saffron Grocers', domain: 'saffrongrocers.example', industry: 'retail', size: 8800 },
  { name: 'Pinecrest Health', domain: 'pinecresthealth.example', industry: 'healthcare', size: 6100 },
  { name: 'Aurora Clinics', domain: 'auroraclinics.example', industry: 'healthcare', size: 900 },
  { name: 'Medvale Diagnostics', domain: 'medvale.example', industry: 'healthcare', size: 260 },
  { name: 'Stonebridge Bank', domain: 'stonebridgebank.example', industry: 'financial_services', size: 4800 },
  { name: 'Larkspur Capital', domain: 'larkspurcap.example', industry: 'financial_services', size: 320 },
  { name: 'Quayside Payments', domain: 'quayside.example', industry: 'financial_services', size: 1100 },
  { name: 'Beacon Mutual', domain: 'beaconmutual.example', industry: 'insurance', size: 2700 },
  { name: 'Tidewater Insurance', domain: 'tidewater-ins.example', industry: 'insurance', size: 760 },
  { name: 'Nimbus Cloudworks', domain: 'nimbuscloud.example', industry: 'software', size: 540 },
  { name: 'Pixelgrove', domain: 'pixelgrove.example', industry: 'software', size: 85 },
  { name: 'Orbital Labs', domain: 'orbitallabs.example', industry: 'software', size: 1300 },
  { name: 'Westbrook University', domain: 'westbrook-uni.example', industry: 'education', size: 3900 },
  { name: 'Cedar Valley College', domain: 'cedarvalley.example', industry: 'education', size: 700 },
  { name: 'Voltera Energy', domain: 'voltera.example', industry: 'energy', size: 2200 },
  { name: 'Silverline Telecom', domain: 'silverline-tel.example', industry: 'telecommunications', size: 5400 },
  { name: 'Juniper Foods', domain: 'juniperfoods.example', industry: 'consumer_goods', size: 1650 },
];

const role = (title: string, seniority: string, department: string, fit: 0 | 1 | 2): DemoRole => ({ title, seniority, department, fit });

/** Titles per persona; `other` holds people who reach marketing but are nobody's buyer. */
export const ROLES: Readonly<Record<DemoPersonaId, readonly DemoRole[]>> = {
  'ops-leader': [
    role('VP Operations', 'vp', 'operations', 2),
    role('Director of Supply Chain', 'director', 'operations', 2),
    role('Head of Logistics', 'director', 'operations', 2),
    role('Director of Operations', 'director', 'operations', 2),
    role('VP Supply Chain', 'vp', 'operations', 2),
    role('Operations Manager', 'manager', 'operations', 1),
    role('Logistics Coordinator', 'individual_contributor', 'operations', 1),
  ],
  'data-practitioner': [
    role('Data Engineer', 'individual_contributor', 'data', 2),
    role('Senior Data Engineer', 'individual_contributor', 'engineering', 2),
    role('Data Analyst', 'individual_contributor', 'data', 2),
    role('Data Scientist', 'individual_contributor', 'data', 2),
    role('Head of Data', 'director', 'data', 2),
    role('Analytics Manager', 'manager', 'data', 2),
    role('BI Developer', 'individual_contributor', 'it', 1),
  ],
  'finance-exec': [
    role('CFO', 'c_level', 'finance', 2),
    role('Chief Financial Officer', 'c_level', 'finance', 2),
    role('VP Finance', 'vp', 'finance', 2),
    role('Finance Director', 'director', 'finance', 2),
    role('Financial Controller', 'manager', 'finance', 1),
    role('FP&A Manager', 'manager', 'finance', 1),
  ],
  'it-gatekeeper': [
    role('IT Manager', 'manager', 'it', 2),
    role('CIO', 'c_level', 'it', 2),
    role('Head of IT Security', 'director', 'it', 2),
    role('Infrastructure Manager', 'manager', 'it', 2),
    role('IT Director', 'director', 'it', 1),
    role('Systems Administrator', 'individual_contributor', 'it', 1),
  ],
  other: [
    role('Marketing Manager', 'manager', 'marketing', 0),
    role('Sales Director', 'director', 'sales', 0),
    role('HR Business Partner', 'individual_contributor', 'hr', 0),
    role('Account Executive', 'individual_contributor', 'sales', 0),
    role('Content Marketing Specialist', 'individual_contributor', 'marketing', 0),
  ],
};

/** Industries each persona is usually found in; firmographic fit drives company choice. */
export const PERSONA_INDUSTRIES: Readonly<Record<DemoPersonaId, readonly string[]>> = {
  'ops-leader': ['logistics', 'manufacturing', 'retail', 'consumer_goods'],
  'data-practitioner': ['software', 'healthcare', 'financial_services', 'insurance', 'retail', 'telecommunications'],
  'finance-exec': ['retail', 'manufacturing', 'financial_services', 'insurance', 'healthcare', 'energy'],
  'it-gatekeeper': ['manufacturing', 'healthcare', 'education', 'financial_services', 'telecommunications', 'energy'],
  other: ['software', 'education', 'retail', 'logistics'],
};

/** Brightwave sales reps who own leads once marketing hands them over. */
export const OWNERS = ['Alex Rivera', 'Jamie Chen', 'Morgan Patel', 'Sam Okonkwo', 'Riley Novak'] as const;
