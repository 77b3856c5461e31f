import { ConnectorError } from '../errors';
import { type Classify, type LimitHint, retryAfterMs } from '../http';
import { addDays, isValidTimeZone, localDateOf, zonedToUtc } from '../../domain/zoned-time';
import { vendorErrorOf } from './hubspot-refusal';
import { HubspotErrorSchema, type HubspotError } from './hubspot-schemas';

// HubSpot names the wanted scopes under these keys, at the top level or per error entry.
const SCOPE_KEYS = ['requiredGranularScopes', 'requiredScopes', 'missingScopes'] as const;

/** Every scope named in a MISSING_SCOPES body, without duplicates. */
export function missingScopes(body: HubspotError): string[] {
  const contexts = [body.context, ...(body.errors ?? []).map((e) => e.context)];
  const scopes = contexts.flatMap((context) =>
    SCOPE_KEYS.flatMap((key) => {
      const value = context?.[key];
      return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
    }),
  );
  return [...new Set(scopes)];
}

/**
 * Milliseconds until the next midnight. HubSpot resets the daily limit at midnight in
 * the account's time zone (account-info tells it once the token is verified); without
 * it, the browser's zone is the best guess.
 */
export function msUntilMidnight(now: Date, timeZone?: string): number {
  if (timeZone && isValidTimeZone(timeZone)) {
    const ms = now.getTime();
    return zonedToUtc(addDays(localDateOf(ms, timeZone), 1), 0, 0, timeZone) - ms;
  }
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime() - now.getTime();
}

/**
 * HubSpot's documented rate-limit headers: X-HubSpot-RateLimit-Max / -Remaining over
 * X-HubSpot-RateLimit-Interval-Milliseconds (the ten-second window), and
 * X-HubSpot-RateLimit-Daily / -Daily-Remaining (private apps only). Absent headers read as undefined.
 */
export function rateLimitHeaders(headers: Headers) {
  const n = (name: string) => {
    const value = headers.get(name);
    const parsed = value === null || value.trim() === '' ? NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  return {
    remaining: n('x-hubspot-ratelimit-remaining'),
    intervalMs: n('x-hubspot-ratelimit-interval-milliseconds'),
    dailyRemaining: n('x-hubspot-ratelimit-daily-remaining'),
  };
}

const DAILY_MESSAGE = 'HubSpot’s daily API limit for this account is used up; Leadlight will try again after midnight.';
const WINDOW_MESSAGE = 'HubSpot asked Leadlight to slow down; trying again shortly.';
const TEN_SECONDS = 10_000;

/**
 * A successful answer that used the last call of a window: the next call would be
 * refused, so the connection waits now instead of spending a call to learn it.
 */
export function hubspotLimitHint({ now, timeZone }: { now: () => Date; timeZone?: () => string | undefined }): LimitHint {
  return (headers) => {
    const limits = rateLimitHeaders(headers);
    if (limits.dailyRemaining === 0) {
      return new ConnectorError('rate_limited', DAILY_MESSAGE, { retryAfterMs: msUntilMidnight(now(), timeZone?.()) });
    }
    if (limits.remaining === 0)
      return new ConnectorError('rate_limited', WINDOW_MESSAGE, { retryAfterMs: limits.intervalMs ?? TEN_SECONDS });
    return null;
  };
}

function scopesMessage(scopes: string[]): string {
  const wanted = scopes.length === 1 ? `the ${scopes[0]} scope` : `one of these scopes: ${scopes.join(', ')}`;
  return `The HubSpot private app needs ${wanted}. Add it in HubSpot under Settings › Integrations › Private apps, then try again.`;
}

/**
 * HubSpot's error bodies turned into Leadlight errors. `scope` is the scope this
 * call needs, used when a 403 body does not name one; `object` is what the call is
 * about ("contact"), named when HubSpot refuses it.
 */
export function hubspotClassify({
  scope,
  now,
  timeZone,
  object,
}: {
  scope: string;
  now: () => Date;
  timeZone?: () => string | undefined;
  object?: string;
}): Classify {
  return (status, raw, headers) => {
    const parsed = HubspotErrorSchema.safeParse(raw);
    const body: HubspotError = parsed.success ? parsed.data : {};
    const detail =
      [body.category, body.message, body.correlationId && `correlationId ${body.correlationId}`].filter(Boolean).join(' · ') || undefined;
    if (status === 401) {
      return new ConnectorError('auth', 'HubSpot did not accept the access token. Check the private-app token in Leadlight settings.', {
        status,
        detail,
      });
    }
    if (status === 403 && body.category === 'MISSING_SCOPES') {
      const named = missingScopes(body);
      const scopes = named.length ? named : [scope];
      return new ConnectorError('scopes', scopesMessage(scopes), { status, detail, scopes });
    }
    if (status === 404) return new ConnectorError('not_found', 'HubSpot has no such record.', { status, detail });
    if (status === 429) {
      // Retry-After wins when HubSpot sends it; then the policy the body names; then the
      // rate-limit headers; a bare 429 waits out one ten-second window.
      const limits = rateLimitHeaders(headers);
      const daily = body.policyName === 'DAILY' || (body.policyName === undefined && limits.dailyRemaining === 0);
      const wait =
        retryAfterMs(headers, now().getTime()) ??
        (daily ? msUntilMidnight(now(), timeZone?.()) : body.policyName === 'SECONDLY' ? 1_000 : (limits.intervalMs ?? TEN_SECONDS));
      return new ConnectorError('rate_limited', daily ? DAILY_MESSAGE : WINDOW_MESSAGE, { status, retryAfterMs: wait, detail });
    }
    if (status >= 500) return new ConnectorError('server', `HubSpot had a problem (HTTP ${status}).`, { status, detail });
    // A refused request (400 VALIDATION_ERROR for a property value): HubSpot's own words, and the properties it names.
    // A body that says nothing readable is left to the generic rules, as Salesforce's is.
    const vendorError = status >= 400 && status !== 403 ? vendorErrorOf(body, status) : undefined;
    if (!vendorError) return null;
    const what = object ? `the request for the ${object}` : 'the request';
    return new ConnectorError('client', `HubSpot refused ${what}: ${vendorError.message.replace(/\.$/, '')}.`, {
      status,
      detail,
      vendorError,
    });
  };
}
