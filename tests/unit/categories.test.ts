import { describe, expect, it } from 'vitest';
import { assetCategory, campaignCategory, channelCategory } from '@/lib/domain/categories';
import { LEAD_CHANNEL_LABELS, labelFor } from '@/lib/domain/labels';
import { readFixtureJson } from '../support/fixtures';

type Expected = {
  hubspotSources: Record<string, string>;
  salesforceCampaignTypes: Record<string, string>;
  salesforceLeadSources: Record<string, string>;
  orgLeadSources: Record<string, string>;
  orgCampaignTypes: Record<string, string>;
  assets: { type: string; name: string; category: string }[];
  shownAsWritten: string[];
  leadlightKeys: Record<string, string>;
};
const expected = readFixtureJson<Expected>('categories/expected.json');

describe("Leadlight's categories, beside the values as written", () => {
  it.each(Object.entries(expected.hubspotSources))('HubSpot source %s is in %s', (value, category) =>
    expect(channelCategory(value)).toBe(category),
  );
  it.each(Object.entries(expected.salesforceCampaignTypes))('Salesforce Campaign Type %s is in %s', (value, category) =>
    expect(campaignCategory(value)).toBe(category),
  );
  it.each(Object.entries(expected.salesforceLeadSources))('Salesforce LeadSource %s is in %s', (value, category) =>
    expect(channelCategory(value)).toBe(category),
  );
  it.each(Object.entries(expected.orgLeadSources))('an org’s lead source %s is in %s', (value, category) =>
    expect(channelCategory(value)).toBe(category),
  );
  it.each(Object.entries(expected.orgCampaignTypes))('an org’s campaign type %s is in %s', (value, category) =>
    expect(campaignCategory(value)).toBe(category),
  );
  it.each(expected.assets)('a $type member of “$name” took an asset of kind $category', ({ type, name, category }) =>
    expect(assetCategory(type, name)).toBe(category),
  );

  it('shows an org’s values exactly as written, and spells out only Leadlight’s own keys', () => {
    for (const value of expected.shownAsWritten) expect(labelFor(value, LEAD_CHANNEL_LABELS)).toBe(value);
    for (const [key, label] of Object.entries(expected.leadlightKeys)) expect(labelFor(key, LEAD_CHANNEL_LABELS)).toBe(label);
  });
});
