import { deletePersona, loadReasons, replaceDefinitions, saveReasons, savePersona } from '../../db/definitions-repository';
import { loadContactsAndTouches } from '../../db/contact-repository';
import { contactOf, touchesOf } from '../../db/contact-rows';
import type { LeadlightDb } from '../../db/database';
import { matchPersona } from '../../domain/persona-match';
import { exportDefinitions, parseDefinitions } from '../../domain/persona-exchange';
import { buildReport, drillDown, feedbackToCsv, goodRateOverTime, slaByCampaign, slaByOwner, type ReportData } from '../../domain/report';
import { slaContext } from '../../settings/sla-context';
import { loadSettings } from '../../settings/settings';
import type { HandlerDeps, Handlers } from './deps';

type ClosedLoopMessages =
  | 'getReport'
  | 'getDrillDown'
  | 'getFeedbackCsv'
  | 'listPersonas'
  | 'savePersona'
  | 'deletePersona'
  | 'previewPersona'
  | 'getReasons'
  | 'saveReasons'
  | 'exportDefinitions'
  | 'importDefinitions';

async function reportData(db: LeadlightDb): Promise<ReportData> {
  const [{ contacts, touches }, campaigns, feedback, personas, reasons] = await Promise.all([
    loadContactsAndTouches(db),
    db.campaigns.toArray(),
    db.feedback.toArray(),
    db.personas.toArray(),
    loadReasons(db),
  ]);
  return { contacts, touches, campaigns, feedback, personas, reasons };
}

// Previews list the best-fitting contacts; enough to see a rule change's effect.
const PREVIEW_ROWS = 25;

/** The marketer's side: the closed-loop report, personas and the reason list. */
export function closedLoopHandlers({ db, now = () => new Date() }: HandlerDeps): Pick<Handlers, ClosedLoopMessages> {
  return {
    getReport: async ({ dimension, from, to }) => {
      const [loaded, settings, source] = await Promise.all([reportData(db), loadSettings(db), db.meta.get('source')]);
      const period = { from: new Date(from), to: new Date(to) };
      const context = slaContext(settings, now());
      // Hand-offs are judged only against an SLA the team set (or the demo's own).
      const sla = context.configured ? context.settings : undefined;
      const data = { ...loaded, workedStatuses: context.worked };
      return {
        rows: buildReport({ ...data, period, dimension, slaSettings: sla, now: context.now }),
        trend: goodRateOverTime({ ...data, period, bucket: 'month', timeZone: sla?.timeZone }).map((t) => ({
          ...t,
          series: t.series.map((p) => ({ ...p, bucketStart: p.bucketStart.toISOString() })),
        })),
        slaByOwner: sla ? slaByOwner({ ...data, settings: sla, now: context.now, period }) : null,
        slaByCampaign: sla ? slaByCampaign({ ...data, settings: sla, now: context.now, period }) : null,
        basis: `Computed in this browser from ${source?.name ?? 'the cache'} and the feedback given here`,
      };
    },
    getDrillDown: async ({ campaignId, from, to }) =>
      drillDown(campaignId, { ...(await reportData(db)), period: { from: new Date(from), to: new Date(to) } }),
    getFeedbackCsv: async () => {
      const data = await reportData(db);
      return { csv: feedbackToCsv(data.feedback, data.contacts, data.reasons) };
    },
    listPersonas: () => db.personas.toArray(),
    savePersona: (persona) => savePersona(db, persona),
    deletePersona: ({ id }) => deletePersona(db, id),
    previewPersona: async (draft) => {
      const [rows, saved] = await Promise.all([db.contacts.toArray(), db.personas.get(draft.id)]);
      return rows
        .map((row) => {
          const c = contactOf(row);
          const own = touchesOf(row);
          return {
            email: c.email,
            name: c.name,
            company: c.company,
            score: matchPersona(draft, c, own).score,
            savedScore: saved ? matchPersona(saved, c, own).score : null,
          };
        })
        .sort((a, b) => b.score - a.score || a.email.localeCompare(b.email))
        .slice(0, PREVIEW_ROWS);
    },
    getReasons: () => loadReasons(db),
    saveReasons: (reasons) => saveReasons(db, reasons),
    exportDefinitions: async () => ({ json: exportDefinitions(await db.personas.toArray(), await loadReasons(db), now()) }),
    importDefinitions: async ({ text }) => {
      const parsed = parseDefinitions(text);
      if (!parsed.ok) throw new Error(parsed.error);
      await replaceDefinitions(db, parsed.value.personas, parsed.value.reasons);
      return { personas: parsed.value.personas.length, reasons: parsed.value.reasons.length };
    },
  };
}
