/**
 * Display labels for picklist values. Kept free of zod so the content script,
 * which only renders, does not ship the schema library.
 */

/** Label for a picklist value: the known label, or the raw value humanised. */
export function labelFor(value: string, known: Readonly<Record<string, string>>): string {
  const label = known[value];
  if (label) return label;
  return value.replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export const LEAD_CHANNEL_LABELS: Readonly<Record<string, string>> = {
  organic_search: 'Organic search',
  paid_search: 'Paid search',
  paid_social: 'Paid social',
  organic_social: 'Organic social',
  email: 'Email marketing',
  referral: 'Referral',
  partner: 'Partner referral',
  event: 'Event',
  webinar: 'Webinar',
  content: 'Content download',
  direct: 'Direct traffic',
  offline: 'Offline source',
  sales_prospecting: 'Sales prospecting',
};

export const LIFECYCLE_LABELS: Readonly<Record<string, string>> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  mql: 'Marketing qualified lead',
  sql: 'Sales qualified lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
};

export const CAMPAIGN_TYPE_LABELS: Readonly<Record<string, string>> = {
  webinar: 'Webinar',
  content: 'Content syndication',
  paid_search: 'Paid search',
  paid_social: 'Paid social',
  event: 'Event',
  email_nurture: 'Email nurture',
  partner: 'Partner referral',
  direct_mail: 'Direct mail',
};

export const ASSET_TYPE_LABELS: Readonly<Record<string, string>> = {
  email: 'Email',
  webinar: 'Webinar',
  whitepaper: 'Whitepaper',
  ebook: 'E-book',
  ad: 'Ad',
  event: 'Event',
  web_page: 'Web page',
  form: 'Form',
  case_study: 'Case study',
};
