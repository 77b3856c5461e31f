import { SlaSettingsSchema, type SlaSettings } from '../domain/sla';

/**
 * Brightwave Analytics' own hand-off SLA: four business hours, Mon–Fri 9–17 in
 * London. The demo uses it until a team sets its own, so the demo's hand-offs show
 * the same SLA states on every machine, whatever the browser's time zone.
 */
export const DEMO_SLA: SlaSettings = SlaSettingsSchema.parse({ timeZone: 'Europe/London' });
