import { z } from 'zod';
import { FeedbackInputSchema } from '../domain/feedback';
import { EmailSchema } from '../domain/contact';
import { ImportBatchSchema } from '../domain/import-batch';
import { MailHostSchema } from '../domain/observed-touch';
import { SettingsPatchSchema } from '../settings/settings';
import { PersonaSchema } from '../domain/persona';
import { ReasonDefinitionSchema } from '../domain/reason-definition';
import { AttributionModelSchema, ReportDimensionSchema } from '../domain/report-schema';

const Iso = z.iso.datetime({ offset: true });

const ReportQuery = z.object({
  dimension: ReportDimensionSchema,
  from: Iso,
  to: Iso,
  model: AttributionModelSchema.default('any'),
  onlyMine: z.boolean().default(false),
});

/** Parsed JSON, or an issue saying the text is not JSON. */
function jsonText(text: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Not JSON' });
    return z.NEVER;
  }
}

/**
 * The one protocol between Leadlight's scripts. Every message goes
 * content script / popup / options → background; the background validates each
 * request against `requests` before any handler sees it.
 */
export const requests = {
  /** Sidebar: context for every external participant of the open thread (null = unknown contact). */
  getContactContexts: z.object({ emails: z.array(EmailSchema).min(1).max(50) }),
  /** Popup: context for one contact picked from search. */
  getContactContext: z.object({ email: EmailSchema }),
  /** Popup: cached contacts by name, email or company. */
  searchContacts: z.object({ query: z.string().trim().min(1).max(200) }),
  /** Sidebar: a rep's verdict on a lead; resolves only once it is stored. */
  submitLeadFeedback: FeedbackInputSchema,
  /** Sidebar: undo a verdict within the grace period. */
  retractLeadFeedback: z.object({ id: z.string().min(1).max(100) }),
  /** Options: feedback given so far, newest first. */
  listLeadFeedback: z.object({}).strict(),
  /** Popup and options: data source, freshness, unsent feedback. */
  getCacheStatus: z.object({}).strict(),
  /** Content script: which selectors matched on a host page, for the diagnostics view. No contact data. */
  reportHostDiagnostics: z.object({
    hostId: z.string().min(1).max(40),
    recordFound: z.boolean(),
    contactCount: z.number().int().min(0).max(1000),
    matched: z.array(z.string().max(60)).max(50),
    missing: z.array(z.string().max(60)).max(50),
  }),
  /**
   * Content script: what the page shows now, relayed to the tab's sidebar frame. Detections
   * only: the people on the page, how often the shortcut was pressed, the host's theme.
   * Never an identity: the background decides whose name a verdict carries.
   */
  reportDetection: z.object({
    page: z.string().min(1).max(40),
    seq: z.number().int().nonnegative(),
    participants: z.array(z.object({ email: EmailSchema, name: z.string().max(300).optional() })).max(50),
    toggles: z.number().int().nonnegative(),
    theme: z.enum(['light', 'dark']).optional(),
    lookup: z.object({ email: EmailSchema, seq: z.number().int().nonnegative() }).optional(),
  }),
  /**
   * Content script: messages the signed-in rep sent to external people, seen in a
   * Gmail or Outlook thread or as a compose sent. Kept as first touches for contacts
   * Leadlight knows; never sent anywhere.
   */
  reportMailSeen: z.object({
    host: MailHostSchema,
    messages: z
      .array(
        z.object({
          key: z.string().min(1).max(200),
          to: z.array(EmailSchema).min(1).max(50),
          at: Iso,
          kind: z.enum(['thread', 'compose']),
        }),
      )
      .min(1)
      .max(100),
  }),
  /** Options: the last diagnostics per host. */
  getHostDiagnostics: z.object({}).strict(),
  /** Options import: start an import; `replace` clears cached marketing data first (never feedback). */
  beginImport: z.object({ replace: z.boolean() }),
  /**
   * Options import: one batch of rows the import worker validated, as JSON text; upserts, so
   * re-importing never duplicates. Text, because the options page only relays it: as objects,
   * cloning 10,000 touches into the page and collecting them after was about a third of the
   * page's work during an import (profiled). The batch is read and checked here, on receipt;
   * touches come packed per person (lib/domain/import-batch.ts).
   */
  importRecords: z.string().max(64_000_000).transform(jsonText).pipe(ImportBatchSchema),
  /** Options import: record the import as the cache's source. */
  finishImport: z.object({ fileName: z.string().min(1).max(300), rows: z.number().int().nonnegative(), replace: z.boolean().optional() }),
  /** Options: what the cache holds (counts by kind), to say what replacing it would remove. */
  getDataSummary: z.object({}).strict(),
  /** Options: settings plus which connections are set up (never the credentials). */
  getSettings: z.object({}).strict(),
  /** Options: change settings; validated strictly, invalid input changes nothing. */
  saveSettings: SettingsPatchSchema,
  /** Options: store (or with null, remove) the HubSpot private-app token. Write-only. */
  setHubspotToken: z.object({ token: z.string().trim().min(10).max(500).nullable() }),
  /** Options: sign in to Salesforce (OAuth with PKCE through the browser's identity window). */
  connectSalesforce: z.object({}).strict(),
  /** Options: CRM fields Leadlight could not read (where and how often, never values). */
  getFieldIssues: z.object({}).strict(),
  /** Popup and options: how the live CRM connection stands (healthy, waiting, or needing the user). */
  getConnectionStatus: z.object({}).strict(),
  /** Options: the Lead or Contact fields a verdict can set, from the org's describe (cached a day unless `fresh`). */
  getSalesforceFields: z.object({ object: z.enum(['Lead', 'Contact']), fresh: z.boolean().default(false) }),
  /** Options: forget the Salesforce tokens. */
  disconnectSalesforce: z.object({}).strict(),
  /** Options: fetch the JSON feed now. */
  syncFeedNow: z.object({}).strict(),
  /** Options and sidebar: send a failed verdict again now. */
  retryFeedback: z.object({ id: z.string().min(1).max(100) }),
  /** Options: keep a failed verdict in this browser and stop trying to send it. */
  discardFeedback: z.object({ id: z.string().min(1).max(100) }),
  /** Options: wipe the cache, feedback, settings and credentials. The literal guards against accidents. */
  deleteAllLocalData: z.object({ confirm: z.literal('DELETE') }),
  /** Report page: lead quality per campaign / source / persona / asset over a period (`to` exclusive). */
  getReport: ReportQuery,
  /**
   * Report page, on opening, beside getReport: the last report computed for the same
   * question and when, or null when there is none from the data now held.
   */
  getLastReport: ReportQuery,
  /**
   * Report page, while it is in view: keeps the background (and the report data it
   * holds in memory) from being stopped as idle between the user's questions.
   */
  keepReportData: z.object({}).strict(),
  /** Report page: the contacts behind one campaign row, with their verdicts and notes. */
  getDrillDown: z.object({
    campaignId: z.string().min(1).max(200),
    from: Iso,
    to: Iso,
    model: AttributionModelSchema.default('any'),
    onlyMine: z.boolean().default(false),
  }),
  /** Options, after connecting a CRM: create Leadlight's verdict fields there when missing. */
  prepareCrmWriteBack: z.object({}).strict(),
  /** Report page: read every rep's verdicts from the connected CRM (skipped when read recently, unless forced). */
  syncTeamVerdicts: z.object({ force: z.boolean().default(false) }),
  /** Report page: how that read stands. */
  getTeamSync: z.object({}).strict(),
  /** Report page without a CRM: merge one rep's exported feedback file into the team's verdicts. */
  mergeFeedbackFile: z.object({ name: z.string().trim().min(1).max(300), text: z.string().max(50_000_000) }),
  /** Popup: the rep's hand-offs overdue or due soon for a first touch. */
  getRepQueue: z.object({}).strict(),
  /** Report page: every verdict as CSV. */
  getFeedbackCsv: z.object({}).strict(),
  /** Options: the team's personas. */
  listPersonas: z.object({}).strict(),
  /** Options: create or update a persona. */
  savePersona: PersonaSchema,
  /** Options: delete a persona. */
  deletePersona: z.object({ id: z.string().min(1).max(100) }),
  /** Options: how cached contacts would score against a draft persona, before saving it. */
  previewPersona: PersonaSchema,
  /** Options and sidebar: the feedback reasons, retired ones included. */
  getReasons: z.object({}).strict(),
  /** Options: replace the reason list (retire rather than delete used reasons). */
  saveReasons: z.array(ReasonDefinitionSchema).min(1).max(200),
  /** Options: personas and reasons as one JSON file for other reps. */
  exportDefinitions: z.object({}).strict(),
  /** Options: load a definitions file; a bad file changes nothing. */
  importDefinitions: z.object({ text: z.string().max(2_000_000) }),
  /** Options: reload the bundled demo dataset (feedback is kept). */
  resetDemoData: z.object({}).strict(),
} satisfies Record<string, z.ZodType>;

export type Requests = typeof requests;
