import type { Contact } from './contact';
import { handoffTouch, inPeriod } from './report-data';
import { reportIndex, type ReportIndex } from './report-input';
import type { Period, ReportData, SlaGroupRow } from './report-schema';
import type { SlaSettings } from './sla';

/**
 * Hand-off SLA tallies. Marketing uses them to show sales how quickly its leads
 * get a first touch, per rep and per campaign that produced the hand-off.
 */

export interface SlaReportInput extends Pick<ReportData, 'contacts' | 'touches' | 'observed' | 'workedStatuses' | 'index'> {
  settings: SlaSettings;
  now: Date;
  /** Only hand-offs inside the period; all hand-offs when omitted. */
  period?: Period;
}

function tally(
  o: SlaReportInput & Partial<Pick<ReportData, 'campaigns'>>,
  keyOf: (c: Contact, index: ReportIndex) => string,
  labelOf: (key: string, index: ReportIndex) => string,
): SlaGroupRow[] {
  const index = reportIndex(o);
  const rows = new Map<string, SlaGroupRow>();
  for (const c of o.contacts) {
    if (!c.handoffAt || (o.period && !inPeriod(c.handoffAt, o.period))) continue;
    const outcome = index.slaOutcome(c, o.settings, o.now, o.workedStatuses);
    if (!outcome) continue;
    const key = keyOf(c, index);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, label: labelOf(key, index), met: 0, untimed: 0, missed: 0, open: 0 }));
    row[outcome] += 1;
  }
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Met / missed / open hand-offs per contact owner; leads without an owner are "Unassigned". */
export function slaByOwner(o: SlaReportInput): SlaGroupRow[] {
  return tally(
    o,
    (c) => c.owner?.trim() ?? '',
    (key) => key || 'Unassigned',
  );
}

/**
 * Met / missed / open hand-offs per campaign, crediting the campaign of the last
 * marketing touch before the hand-off (the one that tipped the lead over).
 */
export function slaByCampaign(o: SlaReportInput & Pick<ReportData, 'campaigns'>): SlaGroupRow[] {
  return tally(
    o,
    (c, index) => handoffTouch(c, index.touches.get(c.email))?.campaignId ?? '',
    (key, index) => (key ? index.campaignName(key) : 'No campaign touch'),
  );
}
