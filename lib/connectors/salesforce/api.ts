import { z } from 'zod';
import { ConnectorError } from '../errors';
import { DEFAULT_POLICY, requestJson, type Auth, type HttpPolicy, type HttpRequest } from '../http';
import type { CallGate } from '../health';
import { classifySalesforce, salesforceLimitHint } from './classify';
import type { FieldIssue } from '../field-reader';
import { isFollowableNextRecordsUrl, queryResultSchema, RawPageSchema, type QueryPage } from './schemas';

/** Where the org is and how to authorise against it; token storage lives with the caller. */
export type SalesforceSession = {
  accessToken: () => Promise<string>;
  instanceUrl: () => Promise<string>;
  /** A new access token after INVALID_SESSION_ID; throws ConnectorError('auth') when that is impossible. */
  refresh: () => Promise<string>;
};

/**
 * Pages followed per result (top level or one subquery), so a contact on thousands
 * of campaigns cannot keep the background busy. Results are newest first, so what
 * is dropped is the oldest history.
 */
export const MAX_QUERY_PAGES = 10;

/** Which object a query reads, and where to note what could not be read. */
type Where = { object: string; issues?: FieldIssue[] };

/** A thin REST client: every call goes through requestJson with Salesforce's error rules. */
export function createSalesforceApi(o: {
  session: SalesforceSession;
  apiVersion: string;
  policy?: HttpPolicy;
  now?: () => number;
  /** The connection's health gate (see ../health.ts). */
  gate?: CallGate;
}) {
  if (!/^v\d{2,3}\.0$/.test(o.apiVersion))
    throw new ConnectorError('config', `“${o.apiVersion}” is not a Salesforce API version such as v60.0.`);
  const renew = async () => {
    try {
      return await o.session.refresh();
    } catch (e) {
      if (e instanceof ConnectorError) throw e;
      throw new ConnectorError('auth', 'The Salesforce session could not be renewed. Reconnect Salesforce in Leadlight settings.', {
        detail: String(e),
      });
    }
  };
  // Calls refused together share one renewal: an org that rotates refresh tokens refuses the
  // second use of the old one, which would ask the rep to reconnect for nothing.
  let renewing: Promise<string> | undefined;
  const auth: Auth = {
    token: o.session.accessToken,
    refresh: () => (renewing ??= renew().finally(() => (renewing = undefined))),
  };
  const classify = classifySalesforce(o.now);
  const limitHint = salesforceLimitHint(o.now);
  const policy = o.policy ?? DEFAULT_POLICY;
  const gate = o.gate;

  async function call<S extends z.ZodType>(
    path: string,
    schema: S,
    request: Omit<HttpRequest, 'url'> = {},
    object = 'query result',
  ): Promise<z.output<S>> {
    const base = (await o.session.instanceUrl()).replace(/\/+$/, '');
    const describe = { vendor: 'Salesforce', object };
    return requestJson({ ...request, url: `${base}${path}` }, schema, { auth, classify, policy, gate, limitHint, describe });
  }
  const dataPath = (rest: string) => `/services/data/${o.apiVersion}${rest}`;

  /**
   * Follows nextRecordsUrl from a page already read, up to the page bound. A locator
   * that is not a query path on this instance is not followed (and noted): the
   * records read so far still count.
   */
  async function rest<T>(first: QueryPage<T>, record: z.ZodType<T, unknown>, where: Where): Promise<T[]> {
    const records = [...first.records];
    let page: QueryPage<T> = first;
    for (let n = 1; !page.done && page.nextRecordsUrl && n < MAX_QUERY_PAGES; n++) {
      if (!isFollowableNextRecordsUrl(page.nextRecordsUrl)) {
        where.issues?.push({ vendor: 'Salesforce', object: where.object, field: 'nextRecordsUrl', problem: 'unreadable' });
        break;
      }
      page = await call(page.nextRecordsUrl, queryResultSchema(record), {}, `${where.object} query result`);
      records.push(...page.records);
    }
    return records;
  }

  return {
    /** All records of a SOQL query (bounded), validated with `record`. */
    async query<T>(soql: string, record: z.ZodType<T, unknown>, where: Where = { object: 'query' }): Promise<T[]> {
      const first = await call(
        dataPath(`/query?q=${encodeURIComponent(soql)}`),
        queryResultSchema(record),
        {},
        `${where.object} query result`,
      );
      return rest(first, record, where);
    },
    /** All records of a query, unread: mapping reads them field by field. */
    async queryRaw(soql: string, where: Where): Promise<unknown[]> {
      const first = await call(dataPath(`/query?q=${encodeURIComponent(soql)}`), RawPageSchema, {}, `${where.object} query result`);
      return rest(first, z.unknown(), where);
    },
    /**
     * All records of a subquery result embedded in a parent record (null when empty).
     * A result that is not a query page is noted and reads as none.
     */
    async children(result: unknown, where: Where & { field: string }): Promise<unknown[]> {
      if (result === null || result === undefined) return [];
      const page = RawPageSchema.safeParse(result);
      if (!page.success) {
        where.issues?.push({ vendor: 'Salesforce', object: where.object, field: where.field, problem: 'unreadable' });
        return [];
      }
      return rest(page.data, z.unknown(), where);
    },
    /** The fields of an object's describe, unread; a call that only adds labels, so a refusal pauses nothing. */
    async describeFields(object: string): Promise<unknown[]> {
      const describe = await call(
        dataPath(`/sobjects/${object}/describe`),
        z.object({ fields: z.array(z.unknown()) }),
        { optional: true },
        `${object} describe`,
      );
      return describe.fields;
    },
    create: <S extends z.ZodType>(object: string, body: Record<string, unknown>, schema: S) =>
      // A lost answer may hide a created record: the outbox retries, after searching.
      call(dataPath(`/sobjects/${object}`), schema, { method: 'POST', body, retryable: false }, `${object} create result`),
    /**
     * PATCH answers 204 with no body. `optional`: a write beside the record that matters
     * (verdict fields beside the Task), so a refusal for this record pauses nothing.
     */
    update: (object: string, id: string, body: Record<string, unknown>, options: { optional?: boolean } = {}) =>
      call(dataPath(`/sobjects/${object}/${id}`), z.null(), { method: 'PATCH', body, ...options }, `${object} update`),
  };
}
export type SalesforceApi = ReturnType<typeof createSalesforceApi>;
