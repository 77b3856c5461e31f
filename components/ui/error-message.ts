/**
 * What to do about a failure, in one plain sentence. Messages Leadlight wrote for
 * people pass through; validation dumps ("Invalid saveSettings: ✖ … → at sla.timeZone")
 * and browser internals never reach the page as they are.
 */
export function errorMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  return plainError(raw);
}

// Setting paths the background may refuse, and what the person should do about each.
const FIELD_ADVICE: [RegExp, string][] = [
  [/^sla\.timeZone/, 'Choose the SLA time zone from the list, then save again.'],
  [/^sla\.firstTouchHours/, 'Enter the first-touch time as a number of hours above 0, then save again.'],
  [/^sla\.(dayStart|dayEnd)/, 'Enter the working day as two times, the end after the start, then save again.'],
  [/^sla\.workingDays/, 'Tick at least one working day, then save again.'],
  [/^cacheTtlMinutes/, 'Enter how often to refresh CRM contacts as whole minutes, 1 or more, then save again.'],
  [/^cacheMaxContacts/, 'Enter how many contacts to keep as a whole number, 100 or more, then save again.'],
  [/^feed/, 'Enter the feed address as a full https:// address, then save again.'],
  [
    /^salesforce\.verdictFields/,
    'Check the fields for verdicts: each value must fit its field, and the verdict and the reason need different fields. Then save again.',
  ],
  [/^salesforce/, 'Check the Salesforce consumer key and login host, then connect again.'],
  [/^hubspot/, 'Check the HubSpot settings, then save again.'],
];

// Asked only when the schema's own words are Zod's ("Too big: expected string…"); Leadlight's own pass through first.
const FIELD_FALLBACK_ADVICE: [RegExp, string][] = [
  [/^rep\.email/, 'Enter your work email address, then save again.'],
  [/^rep\.name/, 'Keep your name to 200 characters or fewer, then save again.'],
  [/^workedStatuses/, 'Enter each worked status on its own line, none blank or over 200 characters, at most 100, then save again.'],
];

// Zod's default texts, which are not written for people.
const ZOD_WORDING = /^(Invalid|Too (big|small)|Expected|Unrecognized)|expected /i;

const BROWSER_ADVICE: [RegExp, string][] = [
  [
    /Only permissions specified in the manifest may be requested|permission.*not.*(allowed|declared)/i,
    'Leadlight can only read feeds at https:// addresses; change the address to start with https:// and save again.',
  ],
  [
    /Could not establish connection|Receiving end does not exist|Extension context invalidated/i,
    'Leadlight was restarting; reload this page and try again.',
  ],
  [/Failed to fetch|NetworkError|ERR_INTERNET_DISCONNECTED/i, 'Leadlight could not reach the network; check the connection and try again.'],
  [/QuotaExceededError|quota/i, 'This browser is out of storage space for Leadlight; free some space and try again.'],
];

/** Turns an internal failure text into advice; a sentence already written for people is kept. */
export function plainError(raw: string): string {
  for (const [re, advice] of BROWSER_ADVICE) if (re.test(raw)) return advice;
  const internal = /^Invalid \w+:|✖|→ at |^\[\s*\{|ZodError|TypeError|undefined is not|Cannot read prop/.test(raw);
  if (!internal) return raw.trim() || 'Something went wrong; try again.';
  const path = /→ at ([\w.[\]]+)/.exec(raw)?.[1];
  if (path) for (const [re, advice] of FIELD_ADVICE) if (re.test(path)) return advice;
  // A message Leadlight's schemas wrote for people ("Enter your work email address") says it best.
  const own = /✖ ([^\n✖→]+)/.exec(raw)?.[1]?.trim();
  if (path && own && !ZOD_WORDING.test(own)) return /[.!?]$/.test(own) ? own : `${own}.`;
  if (path) for (const [re, advice] of FIELD_FALLBACK_ADVICE) if (re.test(path)) return advice;
  return 'Leadlight could not use these values; check the fields on this page and try again.';
}
