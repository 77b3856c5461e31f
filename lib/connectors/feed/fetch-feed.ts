import { ConnectorError } from '../errors';
import { DEFAULT_POLICY, backoffDelay, retryAfterMs, type HttpPolicy } from '../http';
import { FEED_LIMITS, tooLarge, type FeedLimits } from './read-feed';

export type FeedValidators = { etag?: string; lastModified?: string };
export type FeedResponse = { status: 'unchanged' } | { status: 'updated'; body: ReadableStream<Uint8Array>; validators: FeedValidators };

/**
 * Fetches the feed conditionally (ETag / Last-Modified), so an unchanged file
 * costs one empty 304. 5xx and network failures back off with jitter. The body
 * is handed back unread, to be parsed as it streams in; the timeout covers the
 * wait for the response's headers, and a feed that says it is over the byte cap
 * is refused before a byte of it is read.
 */
export async function fetchFeed(
  url: string,
  validators: FeedValidators,
  policy: HttpPolicy = DEFAULT_POLICY,
  limits: FeedLimits = FEED_LIMITS,
): Promise<FeedResponse> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(validators.etag ? { 'if-none-match': validators.etag } : {}),
          ...(validators.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
        },
        signal: controller.signal,
        // Credentials never go to a third-party feed host.
        credentials: 'omit',
      });
    } catch (e) {
      if (attempt < policy.maxRetries) {
        await policy.sleep(backoffDelay(attempt, policy));
        continue;
      }
      throw new ConnectorError('network', 'Could not reach the feed URL.', { detail: String(e) });
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 304) return { status: 'unchanged' };
    if (response.status >= 500 || response.status === 429) {
      void response.body?.cancel().catch(() => undefined);
      const asked = retryAfterMs(response.headers);
      // A long wait is not slept through here: the sync would hold "Sync now" and the alarm for it. The next scheduled sync asks again.
      if (asked !== undefined && asked > policy.maxInlineWaitMs)
        throw new ConnectorError(
          response.status === 429 ? 'rate_limited' : 'server',
          `The feed host asked Leadlight to wait ${Math.ceil(asked / 60_000)} min (HTTP ${response.status}); the next scheduled sync tries again.`,
          { status: response.status, retryAfterMs: asked },
        );
      if (attempt < policy.maxRetries) {
        await policy.sleep(asked ?? backoffDelay(attempt, policy));
        continue;
      }
      throw new ConnectorError('server', `The feed host had a problem (HTTP ${response.status}).`, { status: response.status });
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new ConnectorError(response.status === 404 ? 'not_found' : 'client', `The feed URL answered HTTP ${response.status}.`, {
        status: response.status,
      });
    }
    const declared = Number(response.headers.get('content-length'));
    if (!response.body || declared > limits.maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      if (!response.body) throw new ConnectorError('invalid_response', 'The feed URL answered with an empty body.');
      throw tooLarge(limits);
    }
    return {
      status: 'updated',
      body: response.body,
      validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
    };
  }
}
