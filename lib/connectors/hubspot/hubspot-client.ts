import type { z } from 'zod';
import type { CallGate } from '../health';
import { DEFAULT_POLICY, type HttpPolicy, type HttpRequest, requestJson } from '../http';
import { hubspotClassify, hubspotLimitHint } from './hubspot-errors';

/** Scopes a private app needs, per call; named in the error when HubSpot's 403 body does not. */
export const SCOPES = {
  contactsRead: 'crm.objects.contacts.read',
  contactsWrite: 'crm.objects.contacts.write',
  schemasRead: 'crm.schemas.contacts.read',
  schemasWrite: 'crm.schemas.contacts.write',
  marketingEmail: 'content',
  /** Logged one-to-one emails; calls and meetings are read with the contacts scope. */
  salesEmailRead: 'sales-email-read',
  /** The names of contact owners. */
  ownersRead: 'crm.objects.owners.read',
} as const;

export type HubspotRequest = {
  path: string;
  query?: Record<string, string>;
  method?: HttpRequest['method'];
  body?: unknown;
  retryable?: boolean;
  /** What is read, as HubSpot calls it ("contact", "email events page"); named when the answer cannot be read. */
  object?: string;
  /** Polish only (labels): a refusal does not pause the connection (see HttpRequest.optional). */
  optional?: HttpRequest['optional'];
};

/** One validated HubSpot call; `scope` is what the call needs. */
export type HubspotCall = <S extends z.ZodType>(request: HubspotRequest, schema: S, scope: string) => Promise<z.output<S>>;

export type HubspotClientOptions = {
  token: () => Promise<string>;
  policy?: HttpPolicy;
  now?: () => Date;
  baseUrl?: string;
  /** The connection's health gate; absent for a one-off check of a token not yet saved. */
  gate?: CallGate;
  /** The account's IANA time zone, which decides when the daily limit resets. */
  timeZone?: () => string | undefined;
};

/**
 * Every HubSpot request goes through requestJson with a Bearer private-app token.
 * Such a token cannot be refreshed, so "refresh" re-reads it: after a 401 the
 * token the user has just pasted into settings gets one try.
 */
export function createHubspotClient({
  token,
  policy = DEFAULT_POLICY,
  now = () => new Date(),
  baseUrl = 'https://api.hubapi.com',
  gate,
  timeZone,
}: HubspotClientOptions): HubspotCall {
  const auth = { token, refresh: token };
  const limitHint = hubspotLimitHint({ now, timeZone });
  return (request, schema, scope) => {
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
    return requestJson(
      {
        url: `${baseUrl}${request.path}${query}`,
        method: request.method ?? 'GET',
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.retryable === undefined ? {} : { retryable: request.retryable }),
        ...(request.optional ? { optional: request.optional } : {}),
      },
      schema,
      {
        auth,
        classify: hubspotClassify({ scope, now, timeZone, ...(request.object ? { object: request.object } : {}) }),
        policy,
        gate,
        limitHint,
        describe: { vendor: 'HubSpot', object: request.object ?? request.path },
      },
    );
  };
}

/** The v1 profile of a contact by email: the only API that lists the contact's form submissions. */
export function profileByEmailPath(email: string): string {
  return `/contacts/v1/contact/email/${encodeURIComponent(email.trim().toLowerCase()).replace(/%40/g, '@')}/profile`;
}

/** Path of a contact by email. `@` stays literal: HubSpot has answered OBJECT_NOT_FOUND for `%40`-encoded ids. */
export function contactByEmailPath(email: string): string {
  return `/crm/v3/objects/contacts/${encodeURIComponent(email.trim().toLowerCase()).replace(/%40/g, '@')}`;
}
