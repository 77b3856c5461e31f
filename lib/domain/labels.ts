/**
 * Display labels for picklist values. Kept free of zod so the content script,
 * which only renders, does not ship the schema library.
 */

// Leadlight's own keys ("paid_social", "open"): lower case, words joined by underscores.
const LEADLIGHT_KEY = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/**
 * How to show a value. A Leadlight key (demo data, earlier imports, categories)
 * gets its label or is spelled out ("trade_show" → "Trade show"); anything else is
 * an org's own value and is shown exactly as written: "Working - Contacted",
 * "Partner Referral", "Content Syndication" are a team's shared language.
 */
export function labelFor(value: string, known: Readonly<Record<string, string>>): string {
  const label = known[value];
  if (label) return label;
  if (!LEADLIGHT_KEY.test(value)) return value;
  return value.replace(/_+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
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
  other_campaigns: 'Other campaigns',
  ai_referral: 'AI referral',
  advertising: 'Advertising',
  public_relations: 'Public relations',
  web: 'Website',
  phone: 'Phone inquiry',
  purchased_list: 'Purchased list',
  other: 'Other',
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
  other: 'Other',
};
