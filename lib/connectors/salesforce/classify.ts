import type { Classify, LimitHint } from '../http';
import { ConnectorError } from '../errors';
import { SalesforceErrorsSchema } from './schemas';

const HOUR_MS = 60 * 60_000;

/**
 * How long to hold off after the org's API allowance ran out. The allowance is a
 * rolling 24-hour count shared by every integration in the org, so seconds of
 * waiting never help: try again at the top of an hour at least 30 minutes away.
 * That is always longer than any inline wait, so the outbox schedules it.
 */
export function dailyLimitRetryAfterMs(now: number): number {
  const untilNextHour = HOUR_MS - (now % HOUR_MS);
  return untilNextHour < HOUR_MS / 2 ? untilNextHour + HOUR_MS : untilNextHour;
}

/** The field an error names: `fields`, or the message ("No such column 'Rating' on entity 'Lead'"). */
function fieldFrom(message: string, fields: string[] | undefined): string | undefined {
  if (fields?.length) return fields.join(', ');
  return /No such column '([^']+)'/.exec(message)?.[1] ?? /Didn't understand relationship '([^']+)'/.exec(message)?.[1];
}

/**
 * Salesforce answers a refused write with one entry per refused field (a restricted
 * picklist on Status and a too-long reason come back as two): the fields, messages
 * and codes of all of them, so a caller can leave out every field that was refused.
 */
function allEntries(entries: readonly { message: string; errorCode: string; fields?: string[] | undefined }[]) {
  const unique = (values: string[]) => [...new Set(values)];
  return {
    code: unique(entries.map((e) => e.errorCode)).join(', '),
    message: entries.map((e) => e.message.trim()).join('; '),
    fields: unique(entries.flatMap((e) => e.fields ?? [])),
  };
}

const SCOPE_MESSAGES: Readonly<Record<string, string>> = {
  API_DISABLED_FOR_ORG: 'Salesforce API access is turned off for this org or user. An admin needs to grant the “API Enabled” permission.',
  API_CURRENTLY_DISABLED: 'Salesforce API access is turned off for this org or user. An admin needs to grant the “API Enabled” permission.',
  INSUFFICIENT_ACCESS:
    'Your Salesforce user may not read or write these records. Ask your admin for access to Leads, Contacts, Campaigns and Tasks.',
  INSUFFICIENT_ACCESS_OR_READONLY:
    'Your Salesforce user may not read or write these records. Ask your admin for access to Leads, Contacts, Campaigns and Tasks.',
  FUNCTIONALITY_NOT_ENABLED: 'A Salesforce feature Leadlight needs (such as Campaigns) is not enabled in this org.',
};

const QUERY_ERRORS = new Set([
  'MALFORMED_QUERY',
  'INVALID_FIELD',
  'INVALID_TYPE',
  'INVALID_QUERY_FILTER_OPERATOR',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
]);

/**
 * Reads Salesforce's error arrays (`[{ message, errorCode, fields? }]`). Salesforce
 * never sends 429: the API limit comes back as 403 REQUEST_LIMIT_EXCEEDED.
 */
export function classifySalesforce(now: () => number = Date.now): Classify {
  return (status, body, headers) => {
    const parsed = SalesforceErrorsSchema.safeParse(body);
    const entries = parsed.success ? parsed.data : [];
    const first = entries[0];
    const code = first?.errorCode ?? '';
    const detail = first ? entries.map((e) => `${e.errorCode}: ${e.message}`).join('; ') : undefined;
    const vendorError = first ? allEntries(entries) : undefined;
    const usage = headers.get('sforce-limit-info'); // e.g. "api-usage=15000/15000"
    if (status === 401 || code === 'INVALID_SESSION_ID')
      return new ConnectorError('auth', 'The Salesforce session expired. Reconnect Salesforce in Leadlight settings.', { status, detail });
    if (code === 'REQUEST_LIMIT_EXCEEDED') {
      // ConcurrentPerOrgLongTxn clears within seconds; only the daily allowance needs the long wait.
      const concurrent = first?.message.includes('Concurrent') ?? false;
      return new ConnectorError(
        'rate_limited',
        concurrent
          ? 'Salesforce is busy; trying again shortly.'
          : 'Your Salesforce org has used its daily API allowance. Leadlight will try again later.',
        { status, detail: usage ? `${detail} (${usage})` : detail, ...(concurrent ? {} : { retryAfterMs: dailyLimitRetryAfterMs(now()) }) },
      );
    }
    const scopeMessage = SCOPE_MESSAGES[code];
    if (scopeMessage) return new ConnectorError('scopes', scopeMessage, { status, detail, vendorError });
    if (first && QUERY_ERRORS.has(code)) {
      const field = fieldFrom(first.message, first.fields);
      const what = field ? `the field ${field}` : 'a field Leadlight reads';
      return new ConnectorError(
        'client',
        `Salesforce refused Leadlight's request over ${what}. Your org may hide it from your profile (field-level security) or not have it.`,
        { status, detail: field ? `${detail} [field: ${field}]` : detail, vendorError },
      );
    }
    if (status >= 500)
      return new ConnectorError('server', `Salesforce had a problem (HTTP ${status}${code ? `, ${code}` : ''}).`, { status, detail });
    if (code === 'NOT_FOUND' || status === 404)
      return new ConnectorError('not_found', 'Salesforce has no such record.', { status, detail, vendorError });
    return vendorError
      ? new ConnectorError('client', `Salesforce refused the request: ${vendorError.message}`, { status, detail, vendorError })
      : null;
  };
}

/** "api-usage=14990/15000" from the Sforce-Limit-Info header; undefined when absent or unreadable. */
export function apiUsage(headers: Headers): { used: number; max: number } | undefined {
  const match = /api-usage=(\d+)\/(\d+)/.exec(headers.get('sforce-limit-info') ?? '');
  return match ? { used: Number(match[1]), max: Number(match[2]) } : undefined;
}

/** A successful answer that used the org's last API call of the day: wait now rather than spend a call to learn it. */
export function salesforceLimitHint(now: () => number = Date.now): LimitHint {
  return (headers) => {
    const usage = apiUsage(headers);
    if (!usage || usage.max === 0 || usage.used < usage.max) return null;
    return new ConnectorError('rate_limited', 'Your Salesforce org has used its daily API allowance. Leadlight will try again later.', {
      retryAfterMs: dailyLimitRetryAfterMs(now()),
      detail: `api-usage=${usage.used}/${usage.max}`,
    });
  };
}
