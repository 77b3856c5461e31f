import type { CampaignSpec } from './campaign-builders';
import { content, event, nurture, paid, partner, webinar } from './campaign-builders';

const OPS = 'ops-leader';
const DATA = 'data-practitioner';
const FIN = 'finance-exec';
const IT = 'it-gatekeeper';

/** The newsletter is a nurture without a fixed order, so readers join at any issue. */
export const NEWSLETTER_ID = 'cmp-026';

/**
 * Brightwave's campaign calendar over the 18 months before DEMO_NOW, plus a few
 * upcoming ones so the timeline shows what is still to come.
 */
export const CAMPAIGN_SPECS: readonly CampaignSpec[] = [
  webinar(
    { id: 'cmp-001', name: 'Q3 Supply Chain Visibility Webinar', status: 'completed', audience: [OPS], reach: 6 },
    '2025-08-01',
    '2025-09-18',
  ),
  content(
    { id: 'cmp-002', name: 'State of Retail Analytics 2026 Report', status: 'completed', audience: [OPS, FIN, DATA], reach: 6 },
    '2026-01-15',
    '2026-06-30',
    'whitepaper',
    ['State of Retail Analytics 2026 (PDF report)'],
  ),
  paid(
    { id: 'cmp-003', name: 'Google Ads – Logistics BI', status: 'in_progress', audience: [OPS, IT], reach: 6 },
    'paid_search',
    '2025-06-01',
    '2026-12-31',
    { source: 'google', campaign: 'logistics-bi' },
    ['Logistics BI – Real-time Shipment Dashboards', 'Cut Dwell Time with Live Yard Analytics'],
    'Landing page – Logistics BI',
  ),
  paid(
    { id: 'cmp-004', name: 'LinkedIn – CFO Dashboard Guide', status: 'completed', audience: [FIN], reach: 4 },
    'paid_social',
    '2026-03-01',
    '2026-08-31',
    { source: 'linkedin', campaign: 'cfo-dashboard-guide' },
    ['Sponsored post – The CFO Dashboard Guide', 'Carousel – 5 metrics your board will ask for'],
    'Landing page – CFO Dashboard Guide',
  ),
  event(
    { id: 'cmp-005', name: 'Data Summit Berlin 2026', status: 'completed', audience: [DATA, IT], reach: 5 },
    '2026-03-15',
    '2026-05-12',
    '2026-05-14',
  ),
  nurture(
    { id: 'cmp-006', name: 'Nurture – Data Engineering Track', status: 'in_progress', audience: [DATA], reach: 6 },
    '2025-07-01',
    '2026-11-30',
    [
      'Data Eng #1: Why pipelines break on Mondays',
      'Data Eng #2: Schema drift without the pager',
      'Data Eng #3: dbt + Brightwave in 15 minutes',
      'Data Eng #4: Cost-aware warehouse modelling',
      'Data Eng #5: Book a pipeline health check',
    ],
  ),
  partner(
    { id: 'cmp-007', name: 'Partner referral – Clearpath Consulting', status: 'in_progress', audience: [OPS, IT, FIN], reach: 3 },
    '2025-06-15',
    '2026-11-30',
    'Clearpath Consulting',
    'clearpath-consulting.example',
  ),
  webinar(
    { id: 'cmp-008', name: 'Modern Data Stack on a Budget Webinar', status: 'completed', audience: [DATA, IT], reach: 6 },
    '2025-10-01',
    '2025-11-13',
  ),
  content(
    { id: 'cmp-009', name: "The Data Engineer's Guide to Reliable Pipelines", status: 'completed', audience: [DATA], reach: 5 },
    '2025-09-01',
    '2026-03-31',
    'ebook',
    ["The Data Engineer's Guide to Reliable Pipelines (e-book)"],
  ),
  content(
    { id: 'cmp-010', name: 'Customer Stories – Operations', status: 'in_progress', audience: [OPS, FIN], reach: 5 },
    '2026-06-01',
    '2026-12-31',
    'case_study',
    [
      'Case study: How Fernhill Freight cut dwell time 32%',
      'Case study: Harbor & Rail forecasts peak season in a day',
      'Case study: Maple & Co. closes the books in 3 days',
    ],
  ),
  event(
    { id: 'cmp-011', name: 'Logistics Leaders Forum Chicago 2025', status: 'completed', audience: [OPS], reach: 4 },
    '2025-08-20',
    '2025-10-06',
    '2025-10-08',
  ),
  webinar(
    { id: 'cmp-012', name: 'Demand Forecasting for Manufacturers Webinar', status: 'completed', audience: [OPS, DATA], reach: 5 },
    '2026-02-01',
    '2026-03-12',
  ),
  paid(
    { id: 'cmp-013', name: 'Google Ads – Data Warehouse Analytics', status: 'completed', audience: [DATA, IT], reach: 5 },
    'paid_search',
    '2025-06-01',
    '2026-05-31',
    { source: 'google', campaign: 'data-warehouse-analytics' },
    ['Analytics on Your Warehouse – No Copies', 'Snowflake & BigQuery Dashboards in Minutes'],
    'Landing page – Warehouse-native analytics',
  ),
  paid(
    { id: 'cmp-014', name: 'LinkedIn – Supply Chain KPI Benchmark', status: 'completed', audience: [OPS], reach: 4 },
    'paid_social',
    '2025-10-01',
    '2026-01-31',
    { source: 'linkedin', campaign: 'supply-chain-kpi-benchmark' },
    ['Sponsored post – How does your OTIF compare?', 'Video ad – The 2026 supply chain KPI benchmark'],
    'Landing page – Supply Chain KPI Benchmark',
  ),
  nurture(
    { id: 'cmp-015', name: 'Nurture – Finance Leaders Track', status: 'in_progress', audience: [FIN], reach: 4 },
    '2025-09-01',
    '2026-11-30',
    [
      'Finance #1: What a 3-day close really takes',
      'Finance #2: Margin visibility by SKU',
      'Finance #3: The ROI model our customers use',
      'Finance #4: Invitation to the CFO Roundtable',
    ],
  ),
  event(
    { id: 'cmp-016', name: 'CFO Roundtable London 2026', status: 'completed', audience: [FIN], reach: 3 },
    '2026-08-15',
    '2026-09-30',
    '2026-10-01',
  ),
  content(
    { id: 'cmp-017', name: 'Securing Self-Service BI: An IT Checklist', status: 'completed', audience: [IT], reach: 5 },
    '2025-11-15',
    '2026-07-31',
    'whitepaper',
    ['Securing Self-Service BI – IT checklist (PDF)'],
  ),
  webinar(
    { id: 'cmp-018', name: 'Winter Peak Readiness Webinar', status: 'in_progress', audience: [OPS], reach: 4 },
    '2026-11-02',
    '2026-12-03',
  ),
  event(
    { id: 'cmp-019', name: 'Retail Analytics Summit Amsterdam 2027', status: 'planned', audience: [OPS, DATA], reach: 3 },
    '2027-01-11',
    '2027-03-16',
    '2027-03-18',
  ),
  webinar(
    { id: 'cmp-020', name: 'Spring Product Launch Webinar', status: 'planned', audience: [DATA, IT, OPS, FIN], reach: 3 },
    '2027-02-01',
    '2027-03-04',
  ),
  paid(
    { id: 'cmp-021', name: 'Meta – Retail Dashboard Retargeting', status: 'aborted', audience: [OPS], reach: 1 },
    'paid_social',
    '2025-07-01',
    '2025-08-15',
    { source: 'facebook', campaign: 'retail-dashboard-retargeting' },
    ['Retargeting – Your retail dashboard is waiting'],
    'Landing page – Retail dashboards',
  ),
  nurture(
    { id: 'cmp-022', name: 'Nurture – Operations Leaders Track', status: 'in_progress', audience: [OPS], reach: 5 },
    '2025-06-01',
    '2026-11-30',
    [
      'Ops #1: Five KPIs every logistics leader should watch',
      'Ops #2: From spreadsheets to a live control tower',
      'Ops #3: What Fernhill Freight learned about dwell time',
      'Ops #4: Peak season planning checklist',
      'Ops #5: Talk to an operations analytics specialist',
    ],
  ),
  partner(
    { id: 'cmp-023', name: 'Partner referral – Northbeam Systems Integrators', status: 'completed', audience: [IT, DATA], reach: 3 },
    '2025-11-01',
    '2026-09-30',
    'Northbeam Systems Integrators',
    'northbeam-si.example',
  ),
  content(
    { id: 'cmp-024', name: 'Cloud Cost Analytics E-book', status: 'completed', audience: [IT, FIN, DATA], reach: 4 },
    '2026-04-01',
    '2026-10-31',
    'ebook',
    ['Taming Cloud Costs with Analytics (e-book)'],
  ),
  webinar(
    { id: 'cmp-025', name: 'Finance Close Analytics Webinar', status: 'completed', audience: [FIN], reach: 3 },
    '2026-04-01',
    '2026-05-21',
  ),
  nurture(
    { id: 'cmp-026', name: 'Brightwave Monthly Newsletter', status: 'in_progress', audience: [OPS, DATA, FIN, IT, 'other'], reach: 2 },
    '2025-05-25',
    '2026-11-30',
    [
      'Brightwave Monthly – New connectors and a peak-season playbook',
      'Brightwave Monthly – Forecasting, finally explained',
      'Brightwave Monthly – Customer stories from the warehouse floor',
      'Brightwave Monthly – What we shipped this quarter',
      'Brightwave Monthly – Save the date: Data Summit Berlin',
      'Brightwave Monthly – Year in review',
    ],
  ),
];

/** Looks a campaign spec up by id; scripted touches use it and fail loudly on a typo. */
export function campaignSpec(id: string): CampaignSpec {
  const found = CAMPAIGN_SPECS.find((c) => c.campaign.id === id);
  if (!found) throw new Error(`Unknown demo campaign ${id}`);
  return found;
}
