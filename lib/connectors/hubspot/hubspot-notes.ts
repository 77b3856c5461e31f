import { z } from 'zod';
import type { Delivery } from '../connector';
import { reasonLabel } from '../../domain/feedback-reasons';
import type { Feedback } from '../../domain/feedback';
import { type HubspotCall, SCOPES } from './hubspot-client';
import { HubspotObjectSchema, HubspotSearchSchema } from './hubspot-schemas';

/** HubSpot's built-in association type for note → contact. */
export const NOTE_TO_CONTACT = 202;

/**
 * The token that makes a note findable again, so a retried delivery does not write
 * twice. One alphanumeric token: CONTAINS_TOKEN matches whole tokens, and HubSpot may split on hyphens.
 */
export const noteMarker = (feedbackId: string) => `leadlight${feedbackId.replace(/[^A-Za-z0-9]/g, '')}`;

// Note bodies are HTML in HubSpot; a rep's note must not become markup.
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The note as a marketer reads it in HubSpot, ending with the marker. */
export function noteBody(feedback: Feedback): string {
  const parts = [feedback.verdict === 'good' ? 'Good lead' : 'Bad lead', reasonLabel(feedback.reasonId), feedback.note?.trim() ?? ''];
  const text = `Lead feedback from ${feedback.author}: ${parts.filter(Boolean).join(' – ')}`;
  return `${escapeHtml(text)} [${escapeHtml(noteMarker(feedback.id))}]`;
}

const IdSchema = z.object({ id: z.string().min(1) });

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

/**
 * Writes a verdict as a note on the contact: an earlier note with the marker is
 * reused, otherwise one is created with the note → contact association. With
 * `writeBackProperty` the verdict is also set on the contact; that PATCH runs on
 * every attempt because it is idempotent and an earlier attempt may have stopped before it.
 */
export async function deliverNote(
  call: HubspotCall,
  feedback: Feedback,
  contactId: string,
  writeBackProperty: string | undefined,
): Promise<Delivery> {
  let noteId = await findNote(call, feedback, contactId);
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
      },
      HubspotObjectSchema,
      SCOPES.contactsWrite,
    );
    noteId = created.id;
  }
  if (writeBackProperty) {
    await call(
      {
        path: `/crm/v3/objects/contacts/${encodeURIComponent(contactId)}`,
        method: 'PATCH',
        body: { properties: { [writeBackProperty]: feedback.verdict } },
      },
      IdSchema,
      SCOPES.contactsWrite,
    );
  }
  return { remoteId: noteId };
}
