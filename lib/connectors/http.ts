import type { z } from 'zod';
import { asConnectorError, ConnectorError } from './errors';
import { describeIssue, issueFrom } from './field-reader';
import type { CallGate } from './health';

/** How hard to try. Tests pass a zero-delay sleep and a fixed random. */
export type HttpPolicy = {
  timeoutMs: number;
  /** Retries after the first attempt, for 5xx, network errors and short rate-limit waits. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest rate-limit wait done inline; longer ones fail with retryAfterMs for the caller to schedule. */
  maxInlineWaitMs: number;
  /** Rate-limit waits done inline per call; after that the gate holds the connection back instead. */
  maxRateLimitRetries: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
};

export const DEFAULT_POLICY: HttpPolicy = {
  timeoutMs: 15_000,
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxInlineWaitMs: 11_000,
  maxRateLimitRetries: 1,
  random: Math.random,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export type Auth = {
  /** The current access token; throws ConnectorError('auth'|'config') when there is none. */
  token: () => Promise<string>;
  /** Gets a fresh token after a 401; absent for tokens that cannot be refreshed. */
  refresh?: () => Promise<string>;
};

export type HttpRequest = {
  url: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * False for calls that create something (a note, a Task): if the answer is lost the
   * server may have written it, so only the outbox may retry, after searching for it.
   */
  retryable?: boolean;
  /**
   * A call that only adds polish (picklist labels): when the account may not make it,
   * Leadlight shows less, and the connection is not paused for the user. A function
   * says which refusals are polish (a missing extra scope, but not the one the call needs).
   */
  optional?: boolean | ((error: ConnectorError) => boolean);
};

/** Turns a vendor's error response into our error; return null to use the generic rules. */
export type Classify = (status: number, body: unknown, headers: Headers) => ConnectorError | null;

/** Reads a successful answer's rate-limit headers: an error when the vendor says the next call would be refused. */
export type LimitHint = (headers: Headers) => ConnectorError | null;

export type RequestOptions = {
  auth?: Auth;
  classify?: Classify;
  policy?: HttpPolicy;
  gate?: CallGate;
  limitHint?: LimitHint;
  /** Who answers and what: an unreadable answer's error names them ("HubSpot email events page.events is missing"). */
  describe?: { vendor: string; object: string };
};

/** Full jitter: a random wait up to the exponential cap, so many clients do not retry in step. */
export function backoffDelay(attempt: number, policy: Pick<HttpPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  return Math.round(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/** Retry-After as seconds or an HTTP date. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function genericError(status: number, headers: Headers): ConnectorError {
  if (status === 401) return new ConnectorError('auth', 'The connection was signed out. Reconnect it in Leadlight settings.', { status });
  if (status === 403) return new ConnectorError('scopes', 'The connected account is not allowed to do this.', { status });
  if (status === 404) return new ConnectorError('not_found', 'Not found.', { status });
  if (status === 429)
    return new ConnectorError('rate_limited', 'Too many requests; trying again shortly.', { status, retryAfterMs: retryAfterMs(headers) });
  if (status >= 500) return new ConnectorError('server', `The service had a problem (HTTP ${status}).`, { status });
  return new ConnectorError('client', `The request was refused (HTTP ${status}).`, { status });
}

/**
 * One JSON call with the behaviour every connector needs: a timeout, one token
 * refresh on 401, waits for rate limits, exponential backoff with jitter for 5xx
 * and network failures, and validation of the body with `schema` — so nothing
 * downstream ever sees a vendor's unvalidated JSON. With a `gate`, the call is
 * made only when the connection's health allows it, and its outcome updates that health.
 */
export async function requestJson<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
  { gate, ...options }: RequestOptions,
): Promise<z.output<S>> {
  const settle = await gate?.admit();
  let hint: ConnectorError | null = null;
  try {
    const result = await attempts(request, schema, options, (headers) => {
      hint = options.limitHint?.(headers) ?? null;
    });
    await settle?.(hint);
    return result;
  } catch (e) {
    const error = asConnectorError(e);
    const polish = typeof request.optional === 'function' ? request.optional(error) : request.optional;
    const shrugged = polish && (error.kind === 'scopes' || error.kind === 'not_found');
    await settle?.(shrugged ? null : error);
    throw e;
  }
}

async function attempts<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
  { auth, classify, policy = DEFAULT_POLICY, describe }: Omit<RequestOptions, 'gate'>,
  answered: (headers: Headers) => void,
): Promise<z.output<S>> {
  let token = auth ? await auth.token() : undefined;
  let refreshed = false;
  let rateWaits = 0;
  const maxRetries = request.retryable === false ? 0 : policy.maxRetries;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
    } catch (e) {
      const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
      if (attempt < maxRetries) {
        await policy.sleep(backoffDelay(attempt, policy));
        continue;
      }
      throw timedOut
        ? new ConnectorError('timeout', 'The service did not answer in time.')
        : new ConnectorError('network', 'Could not reach the service. Check the connection.', { detail: String(e) });
    }
    const body = await readBody(response);
    if (response.ok) {
      answered(response.headers);
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
      const message = describe
        ? `${describeIssue(issueFrom(parsed.error, body, describe))}: Leadlight cannot read this answer.`
        : 'The service answered with data Leadlight does not understand.';
      throw new ConnectorError('invalid_response', message, {
        status: response.status,
        detail: parsed.error.message,
      });
    }
    const error = classify?.(response.status, body, response.headers) ?? genericError(response.status, response.headers);
    if (error.kind === 'auth' && auth?.refresh && !refreshed) {
      refreshed = true;
      const next = await auth.refresh();
      // The same token again (a private-app token re-read from settings) would only be refused again.
      if (next === token) throw error;
      token = next;
      attempt--; // a refresh is not a retry
      continue;
    }
    if (!error.retryable || attempt >= maxRetries) throw error;
    if (error.kind === 'rate_limited' && rateWaits++ >= policy.maxRateLimitRetries) throw error;
    const wait = error.kind === 'rate_limited' ? (error.retryAfterMs ?? backoffDelay(attempt, policy)) : backoffDelay(attempt, policy);
    if (wait > policy.maxInlineWaitMs) throw error;
    await policy.sleep(wait);
  }
}
