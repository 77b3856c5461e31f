/**
 * A date without a time of day: a CRM's date field (a campaign's start, an MQL date)
 * or an import's "3/12/2026" is stored as that day's midnight UTC. However the zero
 * offset is written (`Z`, `+00:00` as Python's isoformat writes it, `+0000`), it is
 * the calendar day it names, not an instant to show in the reader's zone.
 */
const CALENDAR_DATE = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$/;

/** The day ('YYYY-MM-DD') a stored date-only value names; null for an instant. */
export function calendarDayOf(iso: string): string | null {
  return CALENDAR_DATE.exec(iso)?.[1] ?? null;
}
