import { ConnectorError } from '../errors';
import { type Classify, retryAfterMs } from '../http';
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

/** Milliseconds until the next local midnight. HubSpot resets the daily limit at midnight in the
 * account's time zone, which the API does not tell us; the browser's zone is the best guess. */
export function msUntilMidnight(now: Date): number {
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime() - now.getTime();
}

function scopesMessage(scopes: string[]): string {
  const wanted = scopes.length === 1 ? `the ${scopes[0]} scope` : `one of these scopes: ${scopes.join(', ')}`;
  return `The HubSpot private app needs ${wanted}. Add it in HubSpot under Settings › Integrations › Private apps, then try again.`;
}

/**
 * HubSpot's error bodies turned into Leadlight errors. `scope` is the scope this
 * call needs, used when a 403 body does not name one.
 */
export function hubspotClassify({ scope, now }: { scope: string; now: () => Date }): Classify {
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
      const scopes = missingScopes(body);
      return new ConnectorError('scopes', scopesMessage(scopes.length ? scopes : [scope]), { status, detail });
    }
    if (status === 404) return new ConnectorError('not_found', 'HubSpot has no such record.', { status, detail });
    if (status === 429) {
      const policy = body.policyName;
      // Retry-After wins when HubSpot sends it; otherwise the policy's window tells how long to wait.
      const wait =
        retryAfterMs(headers, now().getTime()) ?? (policy === 'DAILY' ? msUntilMidnight(now()) : policy === 'SECONDLY' ? 1_000 : 10_000);
      const message =
        policy === 'DAILY'
          ? 'HubSpot’s daily API limit for this account is used up; Leadlight will try again after midnight.'
          : 'HubSpot asked Leadlight to slow down; trying again shortly.';
      return new ConnectorError('rate_limited', message, { status, retryAfterMs: wait, detail });
    }
    if (status >= 500) return new ConnectorError('server', `HubSpot had a problem (HTTP ${status}).`, { status, detail });
    return null;
  };
}
