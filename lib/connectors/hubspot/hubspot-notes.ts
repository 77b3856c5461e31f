import { z } from 'zod';
import type { Delivery } from '../connector';
import { ConnectorError } from '../errors';
import { reasonLabel } from '../../domain/feedback-reasons';
import type { Feedback } from '../../domain/feedback';
import { verdictDataLine, verdictWords } from '../../domain/verdict-record';
import { type HubspotCall, SCOPES } from './hubspot-client';
import { HubspotObjectSchema, HubspotSearchSchema } from './hubspot-schemas';
import { VERDICT_PROPERTIES } from './hubspot-verdict-schema';

/** HubSpot's built-in association type for note → contact. */
export const NOTE_TO_CONTACT = 202;

/**
 * The token that makes a note findable again, so a retried delivery does not write
 * twice. One alphanumeric token: CONTAINS_TOKEN matches whole tokens, and HubSpot may split on hyphens.
 */
export const noteMarker = (feedbackId: string) => `leadlight${feedbackId.replace(/[^A-Za-z0-9]/g, '')}`;

// Note bodies are HTML in HubSpot; a rep's note must not become markup.
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The note as a marketer reads it in HubSpot: who said what, the marker, then the data line. */
export function noteBody(feedback: Feedback): string {
  const parts = [
    verdictWords(feedback),
    reasonLabel(feedback.reasonId),
    feedback.recycleOn ? `until ${feedback.recycleOn}` : '',
    feedback.note?.trim() ?? '',
  ];
  const text = `Lead feedback from ${feedback.author}: ${parts.filter(Boolean).join(' – ')}`;
  return `<p>${escapeHtml(text)} [${escapeHtml(noteMarker(feedback.id))}]</p><p>${escapeHtml(verdictDataLine(feedback))}</p>`;
}

const IdSchema = z.object({ id: z.string().min(1), properties: z.record(z.string(), z.string().nullable()).optional() });

async function findNote(call: HubspotCall, feedback: Feedback, contactId: string): Promise<string | undefined> {
  const marker = noteMarker(feedback.id);
  const found = await call(
    {
      path: '/crm/v3/objects/notes/search',
      method: 'POST',
      body: {
        filterGroups: [
          {
            filters: [
              { propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: marker },
              { propertyName: 'associations.contact', operator: 'EQ', value: contactId },
            ],
          },
        ],
        properties: ['hs_note_body'],
        limit: 10,
      },
    },
    HubspotSearchSchema,
    SCOPES.contactsRead,
  );
  // Token search is fuzzy about hyphens; only a body holding the exact marker counts.
  return found.results.find((note) => note.properties.hs_note_body?.includes(escapeHtml(marker)))?.id;
}

/** The verdict as Leadlight's contact properties (plus the admin's own property, if set). */
export function verdictProperties(feedback: Feedback, writeBackProperty: string | undefined, withSchema: boolean): Record<string, string> {
  return {
    ...(withSchema
      ? {
          [VERDICT_PROPERTIES.verdict]: feedback.verdict,
          // Empty clears the reason of an earlier verdict that this one replaces.
          [VERDICT_PROPERTIES.reason]: feedback.reasonId ?? '',
          [VERDICT_PROPERTIES.at]: feedback.createdAt,
          [VERDICT_PROPERTIES.by]: feedback.author,
        }
      : {}),
    ...(writeBackProperty ? { [writeBackProperty]: feedback.verdict } : {}),
  };
}

/** The contact's id, and when its Leadlight properties were last set (to keep a newer verdict from being overwritten). */
async function contactByEmail(call: HubspotCall, email: string): Promise<{ id: string; lastAt?: string }> {
  try {
    const found = await call(
      {
        path: `/crm/v3/objects/contacts/${encodeURIComponent(email.trim().toLowerCase()).replace(/%40/g, '@')}`,
        query: { idProperty: 'email', properties: VERDICT_PROPERTIES.at },
        object: 'contact',
      },
      HubspotObjectSchema,
      SCOPES.contactsRead,
    );
    return { id: found.id, lastAt: found.properties[VERDICT_PROPERTIES.at] ?? undefined };
  } catch (e) {
    if (e instanceof ConnectorError && e.kind === 'not_found') throw notFound(email);
    throw e;
  }
}

const notFound = (email: string) =>
  new ConnectorError('not_found', `HubSpot has no contact with the email ${email}; the verdict is kept in Leadlight.`);

export type NoteDelivery = {
  writeBackProperty?: string;
  /** The Leadlight properties exist in the portal (see hubspot-verdict-schema.ts). */
  withSchema: boolean;
  /** This is a retry: an earlier attempt may have written the note or set newer values. */
  retry: boolean;
  /** Given long enough ago that a colleague's newer verdict may have set the properties meanwhile. */
  late?: boolean;
};

/**
 * Writes a verdict to HubSpot in as few calls as the happy path allows: the
 * contact's properties are set by email in one PATCH (which also answers with the
 * contact's id), then the note is created with its note → contact association —
 * two calls. A retry first reads the contact and searches for the note an earlier
 * attempt may have written; a retry or a late delivery never overwrites properties
 * a newer verdict set.
 */
export async function deliverNote(call: HubspotCall, feedback: Feedback, options: NoteDelivery): Promise<Delivery> {
  const properties = verdictProperties(feedback, options.writeBackProperty, options.withSchema);
  const hasProperties = Object.keys(properties).length > 0;
  let contactId: string;
  let noteId: string | undefined;
  if (!options.retry && !options.late && hasProperties) {
    contactId = await patchByEmail(call, feedback.email, properties);
  } else {
    const contact = await contactByEmail(call, feedback.email);
    contactId = contact.id;
    if (options.retry) noteId = await findNote(call, feedback, contactId);
    const newer = contact.lastAt && Date.parse(contact.lastAt) > Date.parse(feedback.createdAt);
    if (hasProperties && !newer) await patchById(call, contactId, properties);
  }
  if (!noteId) {
    const created = await call(
      {
        path: '/crm/v3/objects/notes',
        method: 'POST',
        // A lost answer may hide a written note: the outbox retries, after searching.
        retryable: false,
        body: {
          properties: { hs_timestamp: feedback.createdAt, hs_note_body: noteBody(feedback) },
          associations: [
            { to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_CONTACT }] },
          ],
        },
        object: 'note',
      },
      HubspotObjectSchema,
      SCOPES.contactsWrite,
    );
    noteId = created.id;
  }
  return { remoteId: noteId };
}

async function patchByEmail(call: HubspotCall, email: string, properties: Record<string, string>): Promise<string> {
  try {
    const patched = await call(
      {
        path: `/crm/v3/objects/contacts/${encodeURIComponent(email.trim().toLowerCase()).replace(/%40/g, '@')}`,
        query: { idProperty: 'email' },
        method: 'PATCH',
        body: { properties },
        object: 'contact',
      },
      IdSchema,
      SCOPES.contactsWrite,
    );
    return patched.id;
  } catch (e) {
    if (e instanceof ConnectorError && e.kind === 'not_found') throw notFound(email);
    throw e;
  }
}

async function patchById(call: HubspotCall, id: string, properties: Record<string, string>): Promise<void> {
  await call(
    { path: `/crm/v3/objects/contacts/${encodeURIComponent(id)}`, method: 'PATCH', body: { properties }, object: 'contact' },
    IdSchema,
    SCOPES.contactsWrite,
  );
}
