import { z } from 'zod';
import type { MessageType, Responses } from '../protocol';
import { fastParser } from '../../domain/fast-parse';
import { requests } from '../requests';
import { closedLoopHandlers } from './closed-loop';
import { connectionHandlers } from './connections';
import { contactHandlers } from './contacts';
import { dataHandlers } from './data';
import type { HandlerDeps, Handlers, SenderInfo } from './deps';
import { feedbackHandlers } from './feedback';
import { reportHandlers } from './report';
import { salesActivityHandlers } from './sales-activity';
import { teamHandlers } from './team';

export { DEMO_SOURCE_NAME } from './data';
export type { HandlerDeps, Handlers, SenderInfo } from './deps';

/** The background's answers, one per message type. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...contactHandlers(deps),
    ...feedbackHandlers(deps),
    ...dataHandlers(deps),
    ...connectionHandlers(deps),
    ...closedLoopHandlers(deps),
    ...reportHandlers(deps),
    ...salesActivityHandlers(deps),
    ...teamHandlers(deps),
  };
}

/** Raised for requests that are refused before any handler runs. */
export class RejectedMessageError extends Error {
  override name = 'RejectedMessageError';
}

/**
 * What a content script may send: detections, nothing more. It runs inside web
 * pages, so if a page ever compromised it, it must not read contacts, give or take
 * back verdicts, or reach settings and credentials: the sidebar frame, an extension
 * page the host cannot touch, does all of that.
 */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['reportDetection', 'reportHostDiagnostics', 'reportMailSeen']);

const parsers = new Map<MessageType, (data: unknown) => z.ZodSafeParseResult<unknown>>();

/** The request's schema as a fast parser, built on first use: an import batch is 10,000 touches, a lookup is on the sidebar's path. */
function parserFor(type: MessageType) {
  let parse = parsers.get(type);
  if (!parse && Object.hasOwn(requests, type)) parsers.set(type, (parse = fastParser(requests[type])));
  return parse;
}

/**
 * Validates and routes one request. Messages from anything but this extension's
 * own scripts and pages are refused, content scripts may only ask what the
 * sidebar needs, and a body that fails its schema never reaches a handler.
 * `ownOrigin` is the extension's own page origin, or all of them (see ../own-origins.ts).
 */
export async function dispatch<K extends MessageType>(
  handlers: Handlers,
  ownId: string,
  type: K,
  data: unknown,
  sender: SenderInfo,
  ownOrigin?: string | string[],
): Promise<Responses[K]> {
  if (sender.id !== ownId) throw new RejectedMessageError('Message from outside Leadlight refused');
  const origins = typeof ownOrigin === 'string' ? [ownOrigin] : (ownOrigin ?? []);
  const fromWebPage = sender.tab !== undefined && !origins.some((o) => sender.url?.startsWith(o.endsWith('/') ? o : `${o}/`));
  if (fromWebPage && !CONTENT_SCRIPT_MESSAGES.has(type)) throw new RejectedMessageError(`${String(type)} is not available to pages`);
  const parse = parserFor(type);
  if (!parse) throw new RejectedMessageError(`Unknown message ${String(type)}`);
  const parsed = parse(data ?? {});
  if (!parsed.success) throw new RejectedMessageError(`Invalid ${String(type)}: ${z.prettifyError(parsed.error)}`);
  return (handlers[type] as (d: unknown, s: SenderInfo) => Promise<Responses[K]>)(parsed.data, sender);
}
