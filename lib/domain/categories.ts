/**
 * Leadlight's own categories, derived from the values an org writes. The org's
 * value is what the sidebar shows ("Partner Referral", "Content Syndication",
 * "Working - Contacted"); the category only groups (report rows, asset counts,
 * persona rules, which campaigns have a date to invite to). A value Leadlight
 * does not know falls in "other" and keeps its own text. Zod-free: the sidebar
 * frame imports this.
 */

/** "Partner Referral", "PARTNER_REFERRAL", "partner_referral" → "partnerreferral". */
const squash = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

type Table = ReadonlyMap<string, string>;

function table(entries: Record<string, readonly string[]>): Table {
  const map = new Map<string, string>();
  for (const [category, values] of Object.entries(entries)) {
    map.set(squash(category), category);
    for (const v of values) map.set(squash(v), category);
  }
  return map;
}

/** A value's category; a plural ("Webinars", "Trade Shows") is read as its singular. */
function lookup(map: Table, value: string): string | undefined {
  const key = squash(value);
  return map.get(key) ?? (key.endsWith('s') ? map.get(key.slice(0, -1)) : undefined);
}

/** Ad platforms orgs name their sources and campaigns after: search engines' ads are paid search, social networks' paid social. */
const SEARCH_ADS = ['Google Ads', 'Google AdWords', 'AdWords', 'Bing Ads', 'Microsoft Ads'];
const SOCIAL_ADS = ['LinkedIn Ads', 'Facebook Ads', 'Meta Ads', 'Instagram Ads', 'Twitter Ads', 'X Ads'];
// Salesforce orgs split webinars by format ("Webinar - On Demand"); the format is not a channel.
const WEBINARS = ['Webinar', 'Webinar - Live', 'Webinar - On Demand', 'On-Demand Webinar', 'Live Webinar'];

/**
 * Lead source channels: HubSpot's hs_analytics_source values, Salesforce's standard
 * LeadSource values, and Leadlight's own keys (demo data, earlier imports).
 */
const CHANNELS = table({
  organic_search: ['ORGANIC_SEARCH', 'Organic Search', 'SEO'],
  paid_search: ['PAID_SEARCH', 'Paid Search', 'PPC', ...SEARCH_ADS],
  paid_social: ['PAID_SOCIAL', 'Paid Social', ...SOCIAL_ADS],
  organic_social: ['SOCIAL_MEDIA', 'Social Media', 'Organic Social'],
  email: ['EMAIL_MARKETING', 'Email Marketing', 'Email', 'Email Nurture', 'Newsletter'],
  referral: ['REFERRALS', 'Referrals', 'Employee Referral', 'External Referral', 'Customer Referral', 'Word of mouth', 'Referral Program'],
  partner: ['Partner', 'Partners', 'Partner Referral'],
  event: ['Trade Show', 'Conference', 'Seminar - Internal', 'Seminar - Partner', 'Seminar', 'Event', 'Virtual Event', 'Roadshow'],
  webinar: WEBINARS,
  // As in campaign types: a mailing is neither an ad nor an "offline source" (HubSpot's imports and manual entries).
  direct_mail: ['Direct Mail'],
  content: ['Content Syndication', 'Content'],
  direct: ['DIRECT_TRAFFIC', 'Direct Traffic'],
  offline: ['OFFLINE', 'Offline Sources'],
  other_campaigns: ['OTHER_CAMPAIGNS', 'Other Campaigns'],
  ai_referral: ['AI_REFERRALS', 'AI Referrals'],
  advertising: ['Advertisement', 'Banner Ads'],
  public_relations: ['Public Relations'],
  web: ['Web', 'Website'],
  phone: ['Phone Inquiry'],
  purchased_list: ['Purchased List'],
  sales_prospecting: ['Cold Call', 'Outbound', 'Sales Prospecting'],
  other: ['Other'],
});

/**
 * Campaign types: Salesforce's standard Campaign Types, common additions, HubSpot's
 * marketing-email types, and Leadlight's own keys.
 */
const CAMPAIGN_TYPES = table({
  advertising: ['Advertisement', 'Banner Ads', 'Paid Media'],
  event: ['Conference', 'Trade Show', 'Event', 'Seminar', 'Roadshow', 'Virtual Event'],
  direct_mail: ['Direct Mail'],
  email: [
    'Email',
    'Email Nurture',
    'email_nurture',
    'Newsletter',
    'BATCH_EMAIL',
    'AB_EMAIL',
    'AUTOMATED_EMAIL',
    'AUTOMATED_AB_EMAIL',
    'RSS_EMAIL',
    'BLOG_EMAIL',
    'LEADFLOW_EMAIL',
    'Marketing email',
  ],
  partner: ['Partners', 'Partner', 'Partner Referral'],
  public_relations: ['Public Relations'],
  referral: ['Referral Program', 'Customer Referral', 'Employee Referral'],
  telemarketing: ['Telemarketing'],
  webinar: WEBINARS,
  content: ['Content Syndication', 'Content'],
  paid_search: ['Paid Search', 'PPC', ...SEARCH_ADS],
  paid_social: ['Paid Social', ...SOCIAL_ADS],
  other: ['Other'],
});

/** Asset kinds, from an asset type or, failing that, the words a campaign or asset name uses. */
const ASSET_TYPES = table({
  email: ['Email', 'Newsletter', 'Email Nurture'],
  webinar: WEBINARS,
  whitepaper: ['Whitepaper', 'White Paper'],
  ebook: ['eBook', 'E-book'],
  // A paid search or social campaign's member clicked an ad.
  ad: ['Ad', 'Advertisement', 'Banner Ads', 'Paid Search', 'Paid Social', ...SEARCH_ADS, ...SOCIAL_ADS],
  event: ['Event', 'Conference', 'Trade Show', 'Seminar', 'Virtual Event'],
  web_page: ['Web page', 'Landing page'],
  form: ['Form', 'Form submission'],
  case_study: ['Case study'],
  other: ['Other'],
});

// Words in a name that say what the asset is; checked in this order ("Webinar: the ebook launch" is a webinar).
const ASSET_WORDS: readonly [RegExp, string][] = [
  [/\bwebinar/i, 'webinar'],
  [/\be-?books?\b/i, 'ebook'],
  [/\bwhite ?papers?\b/i, 'whitepaper'],
  [/\bcase stud(y|ies)\b/i, 'case_study'],
  [/\b(conference|trade ?show|summit|expo|seminar|roadshow)\b/i, 'event'],
  [/\bnewsletter\b/i, 'email'],
];

/** The channel category of a lead source value; "other" for a value Leadlight does not know. */
export function channelCategory(value: string): string {
  return lookup(CHANNELS, value) ?? 'other';
}

/** The category of a campaign type; "other" for a type Leadlight does not know. */
export function campaignCategory(type: string): string {
  return lookup(CAMPAIGN_TYPES, type) ?? 'other';
}

/**
 * The asset kind of a touch: its own type when Leadlight knows it, else the first
 * kind a name mentions (an "eBook" campaign's member took an ebook), else "other".
 * Never a guess beyond those words: an unknown asset is not a web page.
 */
export function assetCategory(type: string | undefined, ...names: (string | undefined)[]): string {
  const known = type ? lookup(ASSET_TYPES, type) : undefined;
  if (known && known !== 'other') return known;
  for (const name of [type, ...names]) {
    const hit = name && ASSET_WORDS.find(([words]) => words.test(name));
    if (hit) return hit[1];
  }
  return 'other';
}

/** A lead source's category: the one its source recorded, else derived from its value. */
export function sourceCategoryOf(source: { channel: string; category?: string | undefined }): string {
  return source.category ?? channelCategory(source.channel);
}

/** A campaign's category: the one its source recorded, else derived from its type. */
export function campaignCategoryOf(campaign: { type: string; category?: string | undefined }): string {
  return campaign.category ?? campaignCategory(campaign.type);
}

/** A touch's asset category: the one its source recorded, else derived from its asset type and name. */
export function touchAssetCategoryOf(touch: { assetType: string; assetName?: string; assetCategory?: string | undefined }): string {
  return touch.assetCategory ?? assetCategory(touch.assetType, touch.assetName);
}
