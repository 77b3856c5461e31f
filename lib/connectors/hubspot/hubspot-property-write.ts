import { z } from 'zod';
import { asConnectorError, ConnectorError } from '../errors';
import type { FieldIssue } from '../field-reader';
import { contactByEmailPath, type HubspotCall, SCOPES } from './hubspot-client';
import { VERDICT_PROPERTIES } from './hubspot-verdict-schema';

const IdSchema = z.object({ id: z.string().min(1), properties: z.record(z.string(), z.string().nullable()).optional() });
const LEADLIGHT: ReadonlySet<string> = new Set(Object.values(VERDICT_PROPERTIES));

/** The contact a PATCH goes to: by email (HubSpot's answer gives its id) or by id. */
export type ContactTarget = { email: string } | { id: string };

/** What setting the verdict's properties came to; the note is written either way. */
export type PropertyWrite = {
  /** The contact's id, when a PATCH by email went through. */
  id?: string;
  /** HubSpot refused Leadlight's own properties, or may have: their schema is checked again before the next verdict. */
  schemaRefused: boolean;
  /** The admin's property HubSpot did not set, in words naming HubSpot, the contact, the property and what HubSpot said. */
  problem?: string;
  issues?: FieldIssue[];
};

export const contactNotFound = (email: string) =>
  new ConnectorError('not_found', `HubSpot has no contact with the email ${email}; the verdict is kept in Leadlight.`);

async function patch(call: HubspotCall, target: ContactTarget, properties: Record<string, string>): Promise<string> {
  const byEmail = 'email' in target;
  try {
    const patched = await call(
      {
        path: byEmail ? contactByEmailPath(target.email) : `/crm/v3/objects/contacts/${encodeURIComponent(target.id)}`,
        ...(byEmail ? { query: { idProperty: 'email' } } : {}),
        method: 'PATCH',
        body: { properties },
        object: 'contact',
      },
      IdSchema,
      SCOPES.contactsWrite,
    );
    return patched.id;
  } catch (e) {
    if (byEmail && e instanceof ConnectorError && e.kind === 'not_found') throw contactNotFound(target.email);
    throw e;
  }
}

/** A refusal, as opposed to HubSpot not answering (retried with the delivery) or the contact not being there. */
const refusal = (e: unknown): ConnectorError | undefined => {
  const error = asConnectorError(e);
  return error.kind === 'client' ? error : undefined;
};

/** The sent properties a refusal names (HubSpot's internal names are lower case; an admin may type them otherwise). */
function named(error: ConnectorError, sent: readonly string[]): string[] {
  const fields = (error.vendorError?.fields ?? []).map((f) => f.toLowerCase());
  return sent.filter((p) => fields.includes(p.toLowerCase()));
}

function said(error: ConnectorError, property: string): string {
  const vendor = error.vendorError;
  const own = vendor?.byField && Object.entries(vendor.byField).find(([f]) => f.toLowerCase() === property.toLowerCase())?.[1];
  const words = (own?.message ?? vendor?.message ?? error.message).trim().replace(/\.$/, '');
  const code = own?.code ?? (own ? undefined : vendor?.code);
  return code ? `${words} (${code})` : words;
}

function describe(refused: readonly { property: string; error: ConnectorError }[]): Pick<PropertyWrite, 'problem' | 'issues'> {
  if (!refused.length) return {};
  const parts = refused.map((r) => `${r.property}: ${said(r.error, r.property)}`);
  return {
    problem:
      `HubSpot did not set the contact propert${refused.length === 1 ? 'y' : 'ies'} ${parts.join('; ')}. ` +
      `The verdict is saved as a note; check “Contact property for verdicts” in Leadlight settings.`,
    issues: refused.map((r) => ({ vendor: 'HubSpot', object: 'contact', field: r.property, problem: 'refused' as const })),
  };
}

/**
 * Sets the verdict's properties in one PATCH. A refusal does not fail the delivery
 * (the note is the record): what HubSpot named is left out and the rest sent in one
 * more PATCH. Leadlight's four properties describe one verdict, so one of them refused
 * leaves out all four (never a reason beside another verdict) and their schema is
 * checked again; a refusal naming only the admin's property leaves them alone. A
 * refusal naming nothing is put on Leadlight's first, as the admin's property is
 * then tried alone. Throws only when HubSpot did not answer or has no such contact.
 */
export async function setVerdictProperties(
  call: HubspotCall,
  target: ContactTarget,
  properties: Record<string, string>,
): Promise<PropertyWrite> {
  const sent = Object.keys(properties);
  let first: ConnectorError | undefined;
  try {
    return { id: await patch(call, target, properties), schemaRefused: false };
  } catch (e) {
    first = refusal(e);
    if (!first) throw e;
  }
  const names = named(first, sent);
  const ours = sent.filter((p) => LEADLIGHT.has(p));
  const theirs = sent.filter((p) => !LEADLIGHT.has(p));
  const blamed = names.length ? names : ours.length ? ours : theirs;
  const schemaRefused = blamed.some((p) => LEADLIGHT.has(p));
  const dropped = new Set(schemaRefused ? [...blamed, ...ours] : blamed);
  const error = first;
  const refused = theirs.filter((p) => dropped.has(p)).map((property) => ({ property, error }));
  const rest = sent.filter((p) => !dropped.has(p));
  if (!rest.length) return { schemaRefused, ...describe(refused) };
  try {
    const id = await patch(call, target, Object.fromEntries(rest.map((p) => [p, properties[p]!])));
    return { id, schemaRefused, ...describe(refused) };
  } catch (e) {
    const again = refusal(e);
    if (!again) throw e;
    // The rest refused as well: none is set; the retried delivery would only be refused again.
    const more = rest.filter((p) => !LEADLIGHT.has(p)).map((property) => ({ property, error: again }));
    return { schemaRefused: schemaRefused || rest.some((p) => LEADLIGHT.has(p)), ...describe([...refused, ...more]) };
  }
}
