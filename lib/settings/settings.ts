import { z } from 'zod';
import { feedUrlProblem } from '../connectors/feed/feed-url';
import type { LeadlightDb } from '../db/database';
import { cachedTable } from '../db/small-table-cache';
import { SlaSettingsSchema } from '../domain/sla';
import { SalesforceVerdictFieldsSchema } from './salesforce-verdict-fields';
import { migrateStoredSettings } from './settings-migrations';

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
});
export type Settings = z.infer<typeof SettingsSchema>;

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
});
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

const KEY = 'settings';

/**
 * The stored settings. A field that no longer validates (older version, edited
 * storage) falls back to its default on its own, so one bad value loses nothing else.
 */
export function loadSettings(db: LeadlightDb): Promise<Settings> {
  // Read on every sidebar lookup; served from memory until a settings write.
  return cachedTable(db, 'settings', () => readSettings(db), KEY);
}

async function readSettings(db: LeadlightDb): Promise<Settings> {
  const raw = (await db.settings.get(KEY))?.value;
  const stored = migrateStoredSettings(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {});
  const repaired: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(SettingsSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(withoutBadParts(field, stored[field]));
    repaired[field] = parsed.success ? parsed.data : DEFAULT_SETTINGS[field as keyof Settings];
  }
  return repaired as Settings;
}

/**
 * The Salesforce verdict-field mapping is repaired on its own: an invalid mapping is
 * dropped (verdicts then set no fields), not the connection's client id and login host beside it.
 */
function withoutBadParts(field: string, value: unknown): unknown {
  if (field !== 'salesforce' || !value || typeof value !== 'object' || !('verdictFields' in value)) return value;
  if (SalesforceVerdictFieldsSchema.optional().safeParse(value.verdictFields).success) return value;
  const { verdictFields: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** Validates a change and stores the merged result; invalid input throws a readable error and changes nothing. */
export async function saveSettings(db: LeadlightDb, patch: Partial<Settings>): Promise<Settings> {
  const result = SettingsSchema.safeParse({ ...(await loadSettings(db)), ...patch });
  if (!result.success) throw new Error(z.prettifyError(result.error));
  await db.settings.put({ key: KEY, value: result.data });
  return result.data;
}
