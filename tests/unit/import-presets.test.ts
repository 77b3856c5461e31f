import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectPreset, mappingFor, presetById } from '@/lib/import/presets';

const headersOf = (name: string) =>
  Papa.parse<string[]>(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8'), { preview: 1 }).data[0]!;

describe('detectPreset', () => {
  it('recognises each fixture export by its header row', () => {
    expect(detectPreset(headersOf('leadlight-sample.csv')).preset.id).toBe('leadlight');
    expect(detectPreset(headersOf('salesforce-campaign-members.csv')).preset.id).toBe('salesforce');
    expect(detectPreset(headersOf('hubspot-contacts.csv')).preset.id).toBe('hubspot');
  });

  it('maps Salesforce columns, including its alternative spellings', () => {
    const { mapping } = detectPreset(headersOf('salesforce-campaign-members.csv'));
    expect(mapping).toMatchObject({
      campaign: 'Campaign Name',
      campaignType: 'Type',
      status: 'Member Status',
      responded: 'Responded',
      respondedDate: 'First Responded Date',
      date: 'Member First Associated Date',
      company: 'Company / Account',
      originalSource: 'Lead Source',
      email: 'Email',
    });
    const alt = mappingFor(presetById('salesforce'), ['Campaign Name', 'Campaign Type', 'Status', 'Created Date', 'Email']);
    expect(alt).toMatchObject({ campaignType: 'Campaign Type', status: 'Status', date: 'Created Date' });
  });

  it('maps HubSpot columns and leaves touch fields unmapped', () => {
    const { mapping } = detectPreset(headersOf('hubspot-contacts.csv'));
    expect(mapping).toMatchObject({
      title: 'Job Title',
      company: 'Company Name',
      companySize: 'Number of Employees',
      score: 'HubSpot Score',
      owner: 'Contact owner',
      originalSourceDetail: 'Original Source Drill-Down 1',
      latestSourceDate: 'Latest Source Date',
      handoffAt: 'Became a Marketing Qualified Lead Date',
    });
    expect(mapping.campaign).toBeUndefined();
  });

  it('maps the sales-activity columns: Salesforce "Last Activity", HubSpot "Last Contacted", Leadlight\'s own', () => {
    expect(mappingFor(presetById('salesforce'), ['Email', 'Last Activity']).lastActivity).toBe('Last Activity');
    expect(mappingFor(presetById('hubspot'), ['Email', 'Last Contacted', 'Last Activity Date']).lastActivity).toBe('Last Contacted');
    expect(detectPreset(headersOf('leadlight-sales-activity.csv')).mapping).toMatchObject({
      lastActivity: 'Last activity',
      assetType: 'Asset type',
    });
  });

  it('matches headers whatever their case and spacing, keeping the file’s own spelling', () => {
    const { preset, mapping } = detectPreset(['EMAIL', ' Campaign ', 'Asset Type', 'Responded']);
    expect(preset.id).toBe('leadlight');
    expect(mapping).toEqual({ email: 'EMAIL', campaign: ' Campaign ', assetType: 'Asset Type', responded: 'Responded' });
  });
});
