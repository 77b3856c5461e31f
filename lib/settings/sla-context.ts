import { CRM_NAMES } from '../connectors/connector';
import { DEMO_NOW } from '../demo/dates';
import { DEMO_SLA } from '../demo/demo-sla';
import { defaultSlaSettings, type SlaSettings } from '../domain/sla';
import { workedStatusesFor } from '../domain/worked-status';
import type { Settings } from './settings';

/** Everything the SLA of a hand-off is judged with, for the data source in use. */
export type SlaContext = {
  settings: SlaSettings;
  /** Statuses that mean a lead was worked. */
  worked: readonly string[];
  /** The instant "overdue" is measured at. */
  now: Date;
  /** False while the team has set no SLA and none came with the data. */
  configured: boolean;
  /** The live CRM whose logged activities the sidebar names ("call logged in HubSpot"); absent for imports and the demo. */
  loggedIn?: string;
};

/**
 * The zone the browser runs in, read once: asking Intl for it builds a DateTimeFormat,
 * about a tenth of a sidebar lookup's time. A zone changed while the background runs
 * is seen when it next starts (the browser stops it after 30 idle seconds).
 */
let runtimeZone: string | undefined;
const browserTimeZone = () => (runtimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/**
 * The SLA in force. The demo world stands still at its own today (DEMO_NOW) with
 * its company's SLA unless the team set one, so every SLA state shows the same way
 * on every machine and every day. Other sources use the real clock and, until the
 * team sets an SLA, the common default in the browser's time zone.
 */
export function slaContext(settings: Settings, realNow: Date, browserZone = browserTimeZone()): SlaContext {
  const worked = workedStatusesFor(settings.source, settings.workedStatuses);
  if (settings.source === 'demo') return { settings: settings.sla ?? DEMO_SLA, worked, now: new Date(DEMO_NOW), configured: true };
  const loggedIn = (CRM_NAMES as Readonly<Record<string, string>>)[settings.source];
  return {
    settings: settings.sla ?? defaultSlaSettings(browserZone),
    worked,
    now: realNow,
    configured: !!settings.sla,
    ...(loggedIn ? { loggedIn } : {}),
  };
}
