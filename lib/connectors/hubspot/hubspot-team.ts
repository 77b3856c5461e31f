import { z } from 'zod';
import { authorKey, TeamVerdictSchema, type TeamVerdict } from '../../domain/team-verdict';
import { parseVerdictData, VERDICT_DATA_TOKEN } from '../../domain/verdict-record';
import { ConnectorError } from '../errors';
import type { TeamProgress } from '../connector';
import { type HubspotCall, SCOPES } from './hubspot-client';
import { VERDICT_PROPERTIES } from './hubspot-verdict-schema';

/** HubSpot's largest search page. */
export const SEARCH_PAGE = 200;

const SearchPageSchema = z.object({ total: z.number(), results: z.array(z.unknown()) });

/** A property as text: numbers and booleans as HubSpot would have written them, anything else unreadable (absent). */
const asText = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;

/**
 * One search result, read alone so that one malformed note or contact never sinks the
 * page: a property that is not text reads as absent, and only a result without an id is skipped.
 */
const SearchResultSchema = z.object({
  id: z.union([z.string().min(1), z.number().transform(String)]),
  properties: z.record(z.string(), z.unknown()).transform((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, asText(v)]))),
});
type SearchResult = z.infer<typeof SearchResultSchema>;

/**
 * Every object a search matches, past HubSpot's 10,000-result cap on one search:
 * results come in id order, and each page asks for ids above the last one seen
 * (keyset paging) instead of following `after`, which stops at 10,000.
 */
async function searchAll(
  call: HubspotCall,
  object: 'notes' | 'contacts',
  filters: object[],
  properties: string[],
  onPage: (results: SearchResult[], total: number) => void,
): Promise<void> {
  let lastId = '0';
  let total: number | undefined;
  for (;;) {
    const page = await call(
      {
        path: `/crm/v3/objects/${object}/search`,
        method: 'POST',
        body: {
          filterGroups: [{ filters: [...filters, { propertyName: 'hs_object_id', operator: 'GT', value: lastId }] }],
          sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
          properties,
          limit: SEARCH_PAGE,
        },
        object: `${object} search page`,
      },
      SearchPageSchema,
      SCOPES.contactsRead,
    );
    // The first page's total is the whole set's; later pages count only what is left.
    total ??= page.total;
    onPage(
      page.results.flatMap((raw) => {
        const result = SearchResultSchema.safeParse(raw);
        return result.success ? [result.data] : [];
      }),
      total,
    );
    const last = asText((page.results.at(-1) as { id?: unknown } | undefined)?.id);
    if (page.results.length < SEARCH_PAGE || !last) return;
    lastId = last;
  }
}

/** A contact's Leadlight properties as a verdict: the latest on that contact, by whoever gave it. */
function fromContact(contact: SearchResult): TeamVerdict | null {
  const p = contact.properties;
  const at = p[VERDICT_PROPERTIES.at];
  const parsed = TeamVerdictSchema.safeParse({
    id: `hubspot-contact-${contact.id}-${at ?? ''}`,
    email: p.email?.toLowerCase(),
    verdict: p[VERDICT_PROPERTIES.verdict],
    ...(p[VERDICT_PROPERTIES.reason] ? { reasonId: p[VERDICT_PROPERTIES.reason] } : {}),
    author: p[VERDICT_PROPERTIES.by],
    createdAt: at && /^\d+$/.test(at) ? new Date(Number(at)).toISOString() : at,
    origin: 'hubspot',
  });
  return parsed.success ? parsed.data : null;
}

/**
 * Every rep's verdicts in the portal: Leadlight's marked notes (each verdict each
 * rep gave, read from the note's data line) and the contacts holding Leadlight's
 * properties (the latest verdict per contact, which also covers verdicts whose note
 * was deleted). A property value that repeats a note's verdict counts once.
 */
export async function readHubspotTeamVerdicts(call: HubspotCall, progress: TeamProgress = () => {}): Promise<TeamVerdict[]> {
  const verdicts = new Map<string, TeamVerdict>();
  const same = (v: TeamVerdict) => `${authorKey(v.author)}\n${v.email}\n${Date.parse(v.createdAt)}`;
  let notesTotal = 0;
  let read = 0;
  await searchAll(
    call,
    'notes',
    [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: VERDICT_DATA_TOKEN }],
    ['hs_note_body', 'hs_timestamp'],
    (notes, total) => {
      notesTotal = total;
      for (const note of notes) {
        const v = parseVerdictData(note.properties.hs_note_body ?? '', VERDICT_DATA_TOKEN, 'hubspot', {
          createdAt: note.properties.hs_timestamp ?? undefined,
        });
        if (v) verdicts.set(same(v), v);
      }
      read += notes.length;
      progress({ read, total: notesTotal });
    },
  );
  try {
    await searchAll(
      call,
      'contacts',
      [{ propertyName: VERDICT_PROPERTIES.verdict, operator: 'HAS_PROPERTY' }],
      ['email', ...Object.values(VERDICT_PROPERTIES)],
      (contacts, total) => {
        for (const contact of contacts) {
          const v = fromContact(contact);
          if (v && !verdicts.has(same(v))) verdicts.set(same(v), v);
        }
        read += contacts.length;
        progress({ read, total: notesTotal + total });
      },
    );
  } catch (e) {
    // A portal without Leadlight's properties (no schema scope) has only the notes.
    if (!(e instanceof ConnectorError && e.kind === 'client' && e.status === 400)) throw e;
  }
  return [...verdicts.values()];
}
