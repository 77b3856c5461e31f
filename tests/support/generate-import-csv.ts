import Papa from 'papaparse';

const FIRST = ['Maya', 'Daniel', 'Priya', 'Tom', 'Sofia', 'Zoë', 'Andrés', 'Siobhan', 'Kwame', 'Lucía', 'Hiroshi', 'Amara'];
const LAST = ['Okafor', 'Kim', 'Raman', 'Becker', 'Lindqvist', 'Müller', "O'Connor", 'García', 'Mensah', 'Nakamura'];
const COMPANIES = [
  ['Northwind Logistics', 'northwind-logistics.example', 'logistics', 1200],
  ['Helix Biotech', 'helixbio.example', 'healthcare', 800],
  ['Corvid Retail', 'corvidretail.example', 'retail', 3500],
  ['Harbor & Rail', 'harborrail.example', 'logistics', 4100],
  ['Maple & Co.', 'mapleco.example', 'retail', 5200],
] as const;
const CAMPAIGNS = [
  ['Q3 Supply Chain Visibility Webinar', 'webinar', 'Live session', 'webinar', 'Attended'],
  ['Customer Stories – Operations', 'content', 'Case study: Fernhill Freight, "dwell time" -32%', 'case_study', 'Downloaded'],
  ['Nurture – Data Engineering Track', 'email_nurture', 'Data Eng #1: Why pipelines break on Mondays', 'email', 'Opened'],
  ['Data Summit Berlin 2026', 'event', 'Booth demo', 'event', 'Registered'],
] as const;

export const LEADLIGHT_HEADER = [
  'email',
  'first name',
  'last name',
  'title',
  'company',
  'industry',
  'company size',
  'seniority',
  'department',
  'lifecycle stage',
  'lead status',
  'score',
  'owner',
  'original source',
  'original source detail',
  'campaign',
  'campaign type',
  'asset',
  'asset type',
  'date',
  'status',
  'responded',
];

/**
 * A deterministic Leadlight CSV of `rows` touch rows over `rows / 5` contacts,
 * demo-like (accents, quotes, commas in values), for the pipeline's volume test.
 * Every row is valid; each contact appears on five consecutive rows.
 */
export function generateImportCsv(rows: number): string {
  const data: (string | number)[][] = [];
  for (let i = 0; i < rows; i++) {
    const person = Math.floor(i / 5);
    const first = FIRST[person % FIRST.length]!;
    const last = LAST[(person * 7) % LAST.length]!;
    const [company, domain, industry, size] = COMPANIES[person % COMPANIES.length]!;
    const [campaign, type, asset, assetType, status] = CAMPAIGNS[i % CAMPAIGNS.length]!;
    const day = new Date(Date.UTC(2025, 6, 1) + ((i * 37) % 500) * 86_400_000 + (i % 24) * 3_600_000);
    data.push([
      `user${person}.${last.replace(/\W/g, '').toLowerCase()}@${domain}`,
      first,
      last,
      'VP Operations',
      company,
      industry,
      size,
      'vp',
      'operations',
      'Marketing Qualified Lead',
      'open',
      (person * 13) % 100,
      'Alex Rivera',
      'paid_search',
      'utm_source=google&utm_campaign=logistics-bi',
      campaign,
      type,
      `${asset} ${i % 3}`,
      assetType,
      day.toISOString(),
      status,
      i % 2 ? 'yes' : 'no',
    ]);
  }
  return Papa.unparse({ fields: LEADLIGHT_HEADER, data });
}
