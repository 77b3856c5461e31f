/** Firefox's data-collection consent categories Leadlight may ask for (wxt.config.ts lists them as optional). */
type DataCollection = 'personallyIdentifyingInfo';

export type AccessRequest = { origins: string[]; data_collection?: DataCollection[] };

// The CRMs: once connected, contact addresses seen on screen and reps' verdicts and notes go there.
// A feed URL is only read, so it sends nothing personal.
const CRM_ORIGIN = /^https:\/\/(api\.hubapi\.com|login\.salesforce\.com|test\.salesforce\.com|[^/]+\.my\.salesforce\.com)\//;

/**
 * The permission request for these origins. In Firefox, access to a CRM also asks for consent to
 * send personal data (built-in data-collection consent); Chrome has no such key and rejects it.
 */
export function accessRequest(origins: string[], browserName: string = import.meta.env.BROWSER): AccessRequest {
  const sendsPersonalData = origins.some((o) => CRM_ORIGIN.test(o));
  return browserName === 'firefox' && sendsPersonalData ? { origins, data_collection: ['personallyIdentifyingInfo'] } : { origins };
}
