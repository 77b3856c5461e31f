import { ConnectorError } from '../errors';
import { DEFAULT_POLICY, backoffDelay, retryAfterMs, type HttpPolicy } from '../http';
import { parseFeed, type Feed, type RowError } from './feed-schema';

export type FeedValidators = { etag?: string; lastModified?: string };
export type FeedResult = { status: 'unchanged' } | { status: 'updated'; feed: Feed; errors: RowError[]; validators: FeedValidators };

/**
 * Fetches the feed conditionally (ETag / Last-Modified), so an unchanged file
 * costs one empty 304. 5xx and network failures back off with jitter.
 */
export async function fetchFeed(url: string, validators: FeedValidators, policy: HttpPolicy = DEFAULT_POLICY): Promise<FeedResult> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(validators.etag ? { 'if-none-match': validators.etag } : {}),
          ...(validators.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
        },
        signal: AbortSignal.timeout(policy.timeoutMs),
        // Credentials never go to a third-party feed host.
        credentials: 'omit',
      });
    } catch (e) {
      if (attempt < policy.maxRetries) {
        await policy.sleep(backoffDelay(attempt, policy));
        continue;
      }
      throw new ConnectorError('network', 'Could not reach the feed URL.', { detail: String(e) });
    }
    if (response.status === 304) return { status: 'unchanged' };
    if (response.status >= 500 || response.status === 429) {
      if (attempt < policy.maxRetries) {
        await policy.sleep(retryAfterMs(response.headers) ?? backoffDelay(attempt, policy));
        continue;
      }
      throw new ConnectorError('server', `The feed host had a problem (HTTP ${response.status}).`, { status: response.status });
    }
    if (!response.ok)
      throw new ConnectorError(response.status === 404 ? 'not_found' : 'client', `The feed URL answered HTTP ${response.status}.`, {
        status: response.status,
      });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ConnectorError('invalid_response', 'The feed is not valid JSON.');
    }
    const parsed = parseFeed(body);
    if ('error' in parsed) throw new ConnectorError('invalid_response', parsed.error);
    return {
      status: 'updated',
      feed: parsed.feed,
      errors: parsed.errors,
      validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
    };
  }
}
