import type { ColumnMapping, ImportField } from './fields';

/**
 * Column names per Leadlight field for the exports people actually have. Each
 * field lists the header spellings seen in the wild, best first; matching ignores
 * case and spacing because admins rename report columns freely.
 */
export type Preset = { id: PresetId; label: string; columns: Partial<Record<ImportField, readonly string[]>> };
export type PresetId = 'leadlight' | 'salesforce' | 'hubspot';

export const PRESETS: readonly Preset[] = [
  {
    id: 'leadlight',
    label: 'Leadlight CSV',
    columns: {
      email: ['email'],
      firstName: ['first name'],
      lastName: ['last name'],
      fullName: ['name', 'full name'],
      title: ['title', 'job title'],
      company: ['company'],
      industry: ['industry'],
      companySize: ['company size'],
      seniority: ['seniority'],
      department: ['department'],
      lifecycleStage: ['lifecycle stage'],
      leadStatus: ['lead status'],
      score: ['score'],
      owner: ['owner'],
      handoffAt: ['handoff date', 'mql date'],
      lastActivity: ['last activity', 'last contacted'],
      originalSource: ['original source'],
      originalSourceDetail: ['original source detail'],
      originalSourceDate: ['original source date'],
      latestSource: ['latest source'],
      latestSourceDetail: ['latest source detail'],
      latestSourceDate: ['latest source date'],
      campaignId: ['campaign id'],
      campaign: ['campaign'],
      campaignType: ['campaign type'],
      campaignStatus: ['campaign status'],
      campaignStartDate: ['campaign start date', 'start date'],
      campaignEndDate: ['campaign end date', 'end date'],
      campaignEventDate: ['event date', 'session date'],
      campaignInviteUrl: ['invite link', 'registration link', 'registration url', 'invite url'],
      campaignRecordUrl: ['campaign link', 'campaign url', 'crm link'],
      asset: ['asset'],
      assetType: ['asset type'],
      date: ['date'],
      status: ['status'],
      responded: ['responded'],
    },
  },
  {
    id: 'salesforce',
    label: 'Salesforce campaign member report',
    columns: {
      email: ['email'],
      firstName: ['first name'],
      lastName: ['last name'],
      title: ['title'],
      company: ['company / account', 'company', 'account name'],
      industry: ['industry'],
      leadStatus: ['lead status'],
      owner: ['lead owner', 'contact owner', 'owner'],
      // The report's "Last Activity" is the latest logged call, email, task or event.
      lastActivity: ['last activity', 'last activity date'],
      originalSource: ['lead source'],
      campaignId: ['campaign id', '18 digit campaign id'],
      campaign: ['campaign name', 'campaign'],
      campaignType: ['campaign type', 'type'],
      campaignStatus: ['campaign status'],
      // The Campaign's own Start Date and End Date, which a campaign member report can add as columns.
      campaignStartDate: ['start date', 'campaign start date'],
      campaignEndDate: ['end date', 'campaign end date'],
      date: ['member first associated date', 'created date', 'member created date'],
      respondedDate: ['first responded date'],
      status: ['member status', 'status'],
      responded: ['responded'],
    },
  },
  {
    id: 'hubspot',
    label: 'HubSpot contact export',
    columns: {
      email: ['email'],
      firstName: ['first name'],
      lastName: ['last name'],
      title: ['job title'],
      company: ['company name'],
      industry: ['industry'],
      companySize: ['number of employees'],
      lifecycleStage: ['lifecycle stage'],
      leadStatus: ['lead status'],
      score: ['hubspot score'],
      owner: ['contact owner'],
      handoffAt: ['became a marketing qualified lead date'],
      // "Last Contacted" is the latest sales call, email or meeting (not marketing email).
      lastActivity: ['last contacted'],
      originalSource: ['original source'],
      originalSourceDetail: ['original source drill-down 1'],
      originalSourceDate: ['create date'],
      latestSource: ['latest source'],
      latestSourceDetail: ['latest source drill-down 1'],
      latestSourceDate: ['latest source date'],
    },
  },
];

const norm = (header: string) => header.trim().toLowerCase().replace(/\s+/g, ' ');

export function presetById(id: PresetId): Preset {
  return PRESETS.find((p) => p.id === id) ?? (PRESETS[0] as Preset);
}

/** The preset's mapping onto this file's actual headers (the first spelling present wins). */
export function mappingFor(preset: Preset, headers: readonly string[]): ColumnMapping {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(norm(h))) byNorm.set(norm(h), h);
  const mapping: ColumnMapping = {};
  for (const [field, names] of Object.entries(preset.columns) as [ImportField, readonly string[]][]) {
    const header = names.map((n) => byNorm.get(n)).find((h) => h !== undefined);
    if (header !== undefined) mapping[field] = header;
  }
  return mapping;
}

/**
 * The preset that explains most of the header row. Generic columns (Email, First
 * Name) match every preset, so the vendor-specific ones decide; ties go to the
 * earlier preset, Leadlight's own format.
 */
export function detectPreset(headers: readonly string[]): { preset: Preset; mapping: ColumnMapping } {
  let best = { preset: PRESETS[0] as Preset, mapping: mappingFor(PRESETS[0] as Preset, headers) };
  for (const preset of PRESETS.slice(1)) {
    const mapping = mappingFor(preset, headers);
    if (Object.keys(mapping).length > Object.keys(best.mapping).length) best = { preset, mapping };
  }
  return best;
}
