import type { Delivery } from '../connector';
import { ConnectorError } from '../errors';
import { teamReasonLabel } from '../reason-label';
import type { Feedback } from '../../domain/feedback';
import type { ReasonDefinition } from '../../domain/reason-definition';
import { verdictDataLine, verdictWords } from '../../domain/verdict-record';
import { contactByEmailPath, type HubspotCall, SCOPES } from './hubspot-client';
import { contactNotFound, setVerdictProperties, type PropertyWrite } from './hubspot-property-write';
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

/** The note as a marketer reads it in HubSpot: who said what (the reason as the team labels it), the marker, then the data line. */
export function noteBody(feedback: Feedback, reasons?: readonly ReasonDefinition[]): string {
  const parts = [
    verdictWords(feedback),
    teamReasonLabel(feedback.reasonId, reasons),
    feedback.recycleOn ? `until ${feedback.recycleOn}` : '',
    feedback.note?.trim() ?? '',
  ];
  const text = `Lead feedback from ${feedback.author}: ${parts.filter(Boolean).join(' – ')}`;
  return `<p>${escapeHtml(text)} [${escapeHtml(noteMarker(feedback.id))}]</p><p>${escapeHtml(verdictDataLine(feedback))}</p>`;
}

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
        path: contactByEmailPath(email),
        query: { idProperty: 'email', properties: VERDICT_PROPERTIES.at },
        object: 'contact',
      },
      HubspotObjectSchema,
      SCOPES.contactsRead,
    );
    return { id: found.id, lastAt: found.properties[VERDICT_PROPERTIES.at] ?? undefined };
  } catch (e) {
    if (e instanceof ConnectorError && e.kind === 'not_found') throw contactNotFound(email);
    throw e;
  }
}

export type NoteDelivery = {
  writeBackProperty?: string;
  /** The Leadlight properties exist in the portal (see hubspot-verdict-schema.ts). */
  withSchema: boolean;
  /** This is a retry: an earlier attempt may have written the note or set newer values. */
  retry: boolean;
  /** Given long enough ago that a colleague's newer verdict may have set the properties meanwhile. */
  late?: boolean;
  /** The team's reasons, whose labels the note shows. */
  reasons?: readonly ReasonDefinition[];
  /** HubSpot refused Leadlight's own properties (or may have): their schema is to be checked again. */
  onSchemaRefused?: () => Promise<void>;
};

/**
 * Writes a verdict to HubSpot in as few calls as the happy path allows: the
 * contact's properties are set by email in one PATCH (which also answers with the
 * contact's id), then the note is created with its note → contact association —
 * two calls. A retry first reads the contact and searches for the note an earlier
 * attempt may have written; a retry or a late delivery never overwrites properties
 * a newer verdict set. A property HubSpot refuses does not keep the note from being
 * written: the delivery says which, in HubSpot's words (see hubspot-property-write.ts).
 */
export async function deliverNote(call: HubspotCall, feedback: Feedback, options: NoteDelivery): Promise<Delivery> {
  const properties = verdictProperties(feedback, options.writeBackProperty, options.withSchema);
  const hasProperties = Object.keys(properties).length > 0;
  let contactId: string | undefined;
  let noteId: string | undefined;
  let written: PropertyWrite | undefined;
  if (!options.retry && !options.late && hasProperties) {
    written = await setVerdictProperties(call, { email: feedback.email }, properties);
    contactId = written.id;
  } else {
    const contact = await contactByEmail(call, feedback.email);
    contactId = contact.id;
    if (options.retry) noteId = await findNote(call, feedback, contactId);
    const newer = contact.lastAt && Date.parse(contact.lastAt) > Date.parse(feedback.createdAt);
    if (hasProperties && !newer) written = await setVerdictProperties(call, { id: contactId }, properties);
  }
  if (written?.schemaRefused) await options.onSchemaRefused?.();
  // Every PATCH by email was refused: its answer never gave the id.
  contactId ??= (await contactByEmail(call, feedback.email)).id;
  if (!noteId) {
    const created = await call(
      {
        path: '/crm/v3/objects/notes',
        method: 'POST',
        // A lost answer may hide a written note: the outbox retries, after searching.
        retryable: false,
        body: {
          properties: { hs_timestamp: feedback.createdAt, hs_note_body: noteBody(feedback, options.reasons) },
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
  return { remoteId: noteId, ...(written?.problem ? { problem: written.problem, issues: written.issues } : {}) };
}
