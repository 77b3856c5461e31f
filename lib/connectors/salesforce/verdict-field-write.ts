import { asConnectorError, type ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import type { SalesforceApi } from './api';

/**
 * Delivery attempts that may try again a field write Salesforce did not answer (each
 * retry finds the Task by its marker, so it costs a search). After that the verdict
 * stands on its Task and the fields are reported as not set.
 */
export const FIELD_WRITE_ATTEMPTS = 3;

type Person = { object: 'Lead' | 'Contact'; id: string };
export type FieldWriteProblem = { problem: string; issues: FieldIssue[] };
type Refusal = { fields: string[]; error: ConnectorError };

/** The fields a refusal names, of those sent: Salesforce lists them, or names them in its message. */
function refusedFields(error: ConnectorError, sent: readonly string[]): string[] {
  const vendor = error.vendorError;
  if (!vendor) return [];
  const named = [...vendor.fields, ...[...vendor.message.matchAll(/No such column '([^']+)'/g)].map((m) => m[1] ?? '')];
  const unable = /Unable to create\/update fields: ([^.]+)\./.exec(vendor.message)?.[1];
  if (unable) named.push(...unable.split(',').map((f) => f.trim()));
  // API names are case-insensitive in Salesforce; the mapping holds them as the describe spells them.
  return sent.filter((f) => named.some((n) => n.toLowerCase() === f.toLowerCase()));
}

const list = (fields: readonly string[]) => fields.join(', ');

function why({ error }: Refusal, attempt: number): string {
  const vendor = error.vendorError;
  const said = vendor ? `${vendor.message.trim()} (${vendor.code})` : error.message.replace(/\.$/, '');
  const tries = Math.max(attempt, 1);
  return error.retryable ? `no answer after ${tries} attempt${tries === 1 ? '' : 's'} (${said})` : said;
}

/** "Salesforce did not set the Lead field Status: … Unqualified_Reason__c was set. The verdict is saved as a Task." */
function describe(person: Person, refusals: readonly Refusal[], set: readonly string[], attempt: number): FieldWriteProblem {
  const parts = refusals.map((r) => `${list(r.fields)}: ${why(r, attempt)}`);
  const count = refusals.reduce((n, r) => n + r.fields.length, 0);
  const done = set.length ? ` ${list(set)} ${set.length === 1 ? 'was' : 'were'} set.` : '';
  return {
    problem:
      `Salesforce did not set the ${person.object} field${count === 1 ? '' : 's'} ${parts.join('; ')}.${done} ` +
      `The verdict is saved as a Task; check “Write verdicts to Lead fields” in Leadlight settings.`,
    // Salesforce not answering says nothing about the field: diagnostics list only what it refused.
    issues: refusals
      .filter((r) => !r.error.retryable)
      .flatMap((r) => r.fields.map((field) => ({ vendor: 'Salesforce', object: person.object, field, problem: 'refused' as const }))),
  };
}

/**
 * Sets the mapped fields on the person in one PATCH (repeating it sets the same
 * values, so a retried delivery may send it again). Salesforce refusing a field
 * (deleted, a value taken out of its picklist, a validation rule) does not fail the
 * delivery: the Task is the record, and the problem is returned for the user. When
 * the refusal names only some of the fields, one more PATCH sets the others.
 * Throws only when Salesforce did not answer and `attempt` is within the budget.
 */
export async function setVerdictFields(
  api: SalesforceApi,
  person: Person,
  values: Record<string, string>,
  attempt: number,
): Promise<FieldWriteProblem | undefined> {
  const patch = (body: Record<string, string>) => api.update(person.object, person.id, body, { optional: true });
  const sent = Object.keys(values);
  let error: ConnectorError;
  try {
    await patch(values);
    return undefined;
  } catch (e) {
    error = asConnectorError(e);
  }
  if (error.retryable && attempt < FIELD_WRITE_ATTEMPTS) throw error;
  const refused = error.retryable ? [] : refusedFields(error, sent);
  if (refused.length === 0 || refused.length === sent.length) return describe(person, [{ fields: sent, error }], [], attempt);
  const rest = sent.filter((f) => !refused.includes(f));
  let unanswered: ConnectorError;
  try {
    await patch(Object.fromEntries(rest.map((f) => [f, values[f]!])));
    return describe(person, [{ fields: refused, error }], rest, attempt);
  } catch (e) {
    unanswered = asConnectorError(e);
  }
  // The retried delivery finds the Task and sends both PATCHes again: the refusal repeats, the rest may get through.
  if (unanswered.retryable && attempt < FIELD_WRITE_ATTEMPTS) throw unanswered;
  return describe(
    person,
    [
      { fields: refused, error },
      { fields: rest, error: unanswered },
    ],
    [],
    attempt,
  );
}
