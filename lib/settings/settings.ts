import { z } from 'zod';
import { feedUrlProblem } from '../connectors/feed/feed-url';
import type { LeadlightDb } from '../db/database';
import { cachedTable } from '../db/small-table-cache';
import { SlaSettingsSchema } from '../domain/sla';
import { EMAIL_DOMAIN, isConsumerDomain, MAX_COMPANY_DOMAINS } from '../hosts/participants';
import { SalesforceVerdictFieldsSchema } from './salesforce-verdict-fields';
import { migrateStoredSettings } from './settings-migrations';
import { repairField, type SettingsRepair } from './settings-repair';

export type { SettingsRepair } from './settings-repair';

const StatusListSchema = z.array(z.string().trim().min(1).max(200)).max(100, 'Keep the list to 100 statuses or fewer');
const WorkedStatusesSchema = z
  .object({
    demo: StatusListSchema,
    import: StatusListSchema,
    feed: StatusListSchema,
    hubspot: StatusListSchema,
    salesforce: StatusListSchema,
  })
  .partial();

/** An email domain as a rep types it ("@Brightwave.io "): its people are the rep's colleagues. */
const CompanyDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .superRefine((domain, ctx) => {
    if (!EMAIL_DOMAIN.test(domain) || domain.length > 253)
      ctx.addIssue({ code: 'custom', message: `"${domain}" is not an email domain such as brightwave.io` });
    // Everyone on gmail.com would be a colleague: every prospect there would drop out of the sidebar.
    else if (isConsumerDomain(domain))
      ctx.addIssue({ code: 'custom', message: `${domain} is a mailbox provider, not a company's domain: its people stay leads` });
  });

const SALESFORCE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(salesforce\.com|force\.com)$/;

/** Everything a user configures, validated strictly whenever it is changed. */
export const SettingsSchema = z.object({
  source: z.enum(['demo', 'import', 'feed', 'hubspot', 'salesforce']).default('demo'),
  /** After this long a cached CRM contact is refreshed in the background when shown. */
  cacheTtlMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  /** Live-CRM contacts kept; the least recently viewed go first. */
  cacheMaxContacts: z.number().int().min(100).max(500_000).default(20_000),
  feed: z
    .object({
      url: z.url({ protocol: /^https$/, error: 'The feed URL must start with https://' }).superRefine((url, ctx) => {
        // The same rules the options page applies before asking for the host permission.
        const problem = feedUrlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
      intervalMinutes: z
        .number()
        .int()
        .min(15)
        .max(24 * 60)
        .default(60),
    })
    .optional(),
  hubspot: z
    .object({
      writeBackProperty: z
        .string()
        .regex(/^[a-z][a-z0-9_]{0,99}$/, 'HubSpot property names are lower-case letters, digits and _')
        .optional(),
    })
    .default({}),
  salesforce: z
    .object({
      clientId: z.string().trim().min(10).max(255).optional(),
      loginHost: z.string().regex(SALESFORCE_HOST, 'A Salesforce host such as login.salesforce.com').default('login.salesforce.com'),
      /** Lead and Contact fields each verdict sets beside its Task, as the admin mapped them. */
      verdictFields: SalesforceVerdictFieldsSchema.optional(),
    })
    .default({ loginHost: 'login.salesforce.com' }),
  /** The hand-off service level; absent until the team sets one (it needs their time zone). */
  sla: SlaSettingsSchema.optional(),
  /** Per source, the lead statuses that mean a lead was worked; a source left out uses its defaults. */
  workedStatuses: WorkedStatusesSchema.optional(),
  /**
   * Who this rep is, as their verdicts are signed for marketing and the CRM. Set here
   * by the rep, never taken from a web page: a page could show any address.
   */
  rep: z
    .object({
      email: z
        .email({ error: 'Enter your work email address' })
        .max(254)
        .transform((e) => e.toLowerCase())
        .optional(),
      name: z.string().trim().max(200).optional(),
    })
    .default({}),
  /**
   * The company's other email domains: their people are colleagues, not leads, as are those
   * at the domain of the address the rep signs in with. Read by the content scripts.
   */
  companyDomains: z
    .array(CompanyDomainSchema)
    .max(MAX_COMPANY_DOMAINS, `Keep the list to ${MAX_COMPANY_DOMAINS} domains or fewer`)
    .default([]),
});
export type Settings = z.infer<typeof SettingsSchema> & {
  /** Stored values Leadlight could not use as they were, as loading found them; absent when none. Never stored. */
  repairs?: SettingsRepair[];
};

/**
 * A change to some settings. Unlike `SettingsSchema.partial()`, fields left out
 * stay out (no defaults filled in), so saving one field never resets the others.
 */
const S = SettingsSchema.shape;
export const SettingsPatchSchema = z.object({
  source: S.source.unwrap().optional(),
  cacheTtlMinutes: S.cacheTtlMinutes.unwrap().optional(),
  cacheMaxContacts: S.cacheMaxContacts.unwrap().optional(),
  feed: S.feed,
  hubspot: S.hubspot.unwrap().optional(),
  salesforce: S.salesforce.unwrap().optional(),
  sla: S.sla,
  workedStatuses: S.workedStatuses,
  rep: S.rep.unwrap().optional(),
  companyDomains: S.companyDomains.unwrap().optional(),
});
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

const KEY = 'settings';

/**
 * The stored settings. A value that no longer validates (older version, edited storage)
 * is repaired where that is safe (a bad holiday left out, a host lower-cased), else its
 * setting falls back to its default on its own, so one bad value loses nothing else.
 * What was repaired is listed in `repairs`, for the options page and the background's log.
 */
export function loadSettings(db: LeadlightDb): Promise<Settings> {
  // Read on every sidebar lookup; served from memory until a settings write.
  return cachedTable(db, 'settings', () => readSettings(db), KEY);
}

async function readStored(db: LeadlightDb): Promise<Record<string, unknown>> {
  const raw = (await db.settings.get(KEY))?.value;
  return migrateStoredSettings(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {});
}

function repairAll(stored: Record<string, unknown>): Settings {
  const settings: Record<string, unknown> = {};
  const repairs: SettingsRepair[] = [];
  for (const [field, schema] of Object.entries(SettingsSchema.shape)) {
    const repaired = repairField(field, schema, stored[field]);
    settings[field] = repaired.value;
    repairs.push(...repaired.repairs);
  }
  return (repairs.length ? { ...settings, repairs } : settings) as Settings;
}

async function readSettings(db: LeadlightDb): Promise<Settings> {
  const settings = repairAll(await readStored(db));
  if (settings.repairs) logRepairs(db, settings.repairs);
  return settings;
}

// Secrets share the table, so a token refresh re-reads the settings: the same list is logged once.
const logged = new WeakMap<LeadlightDb, string>();
function logRepairs(db: LeadlightDb, repairs: SettingsRepair[]) {
  const text = repairs.map((r) => r.message).join('\n');
  if (logged.get(db) === text) return;
  logged.set(db, text);
  console.warn(`Leadlight repaired its stored settings:\n${text}`);
}

/**
 * Validates a change and stores it; invalid input throws a readable error and changes
 * nothing. The change is merged into what is stored, not into what loading made of it:
 * a setting that fell back to its default stays stored as it was until a change names it.
 */
export async function saveSettings(db: LeadlightDb, patch: Partial<Settings>): Promise<Settings> {
  const stored = await readStored(db);
  const { repairs = [], ...current } = repairAll(stored);
  const result = SettingsSchema.safeParse({ ...current, ...patch });
  if (!result.success) throw new Error(z.prettifyError(result.error));
  const next: Record<string, unknown> = { ...result.data };
  const kept = repairs.filter((r) => r.defaulted && !Object.hasOwn(patch, r.field));
  for (const { field } of kept) next[field] = stored[field];
  await db.settings.put({ key: KEY, value: next });
  return kept.length ? { ...result.data, repairs: kept } : result.data;
}
