import { z } from 'zod';
import type { Connector, ContactBundle } from '../connector';
import { ConnectorError } from '../errors';
import type { CallGate } from '../health';
import type { HttpPolicy } from '../http';
import { CampaignSchema, TouchSchema } from '../../domain/campaign';
import { ContactSchema } from '../../domain/contact';
import { contactByEmailPath, createHubspotClient, type HubspotCall, SCOPES } from './hubspot-client';
import { CONTACT_PROPERTIES, HISTORY_PROPERTIES, LABELLED_PROPERTIES, mapContact } from './hubspot-mapping';
import { deliverNote } from './hubspot-notes';
import {
  type HubspotEmailCampaign,
  HubspotEmailCampaignSchema,
  type HubspotEmailEvent,
  HubspotEmailEventsPageSchema,
  HubspotObjectSchema,
  HubspotPropertySchema,
} from './hubspot-schemas';
import { buildTimeline, campaignIds } from './hubspot-timeline';

/** Pages of 100 email events read per contact; a busier history is cut to its first 500 events. */
export const MAX_EVENT_PAGES = 5;

export type HubspotConnectorOptions = {
  /** The private-app access token; throws ConnectorError('config') when none is set. */
  token: () => Promise<string>;
  /** A contact property that also receives 'good' / 'bad' with each verdict. */
  writeBackProperty?: string;
  policy?: HttpPolicy;
  now?: () => Date;
  baseUrl?: string;
  /** The connection's health gate (see ../health.ts). */
  gate?: CallGate;
  /** The account's time zone, for when the daily limit resets. */
  timeZone?: () => string | undefined;
};

const BundleSchema = z.object({ contact: ContactSchema, campaigns: z.array(CampaignSchema), touches: z.array(TouchSchema) });

/** Caches a keyed lookup per connector instance; a failed lookup is forgotten so the next call retries it. */
function memo<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    const hit = cache.get(key);
    if (hit) return hit;
    const pending = load(key).catch((e: unknown) => {
      cache.delete(key);
      throw e;
    });
    cache.set(key, pending);
    return pending;
  };
}

/** Null for not_found, which both lookups here treat as "nothing to show". */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ConnectorError && e.kind === 'not_found') return null;
    throw e;
  }
}

function getContact(call: HubspotCall, email: string, properties: readonly string[], history: readonly string[] = []) {
  const query: Record<string, string> = { idProperty: 'email', properties: properties.join(',') };
  if (history.length) query.propertiesWithHistory = history.join(',');
  return orNull(call({ path: contactByEmailPath(email), query }, HubspotObjectSchema, SCOPES.contactsRead));
}

async function emailEvents(call: HubspotCall, email: string): Promise<HubspotEmailEvent[]> {
  const events: HubspotEmailEvent[] = [];
  let offset: string | undefined;
  for (let page = 0; page < MAX_EVENT_PAGES; page++) {
    const query: Record<string, string> = { recipient: email, limit: '100', ...(offset ? { offset } : {}) };
    const result = await call({ path: '/email/public/v1/events', query }, HubspotEmailEventsPageSchema, SCOPES.marketingEmail);
    events.push(...result.events);
    if (!result.hasMore || !result.offset) break;
    offset = result.offset;
  }
  return events;
}

/**
 * HubSpot as a live source, with a private-app token. A lookup reads the contact,
 * the labels of its picklist values and its marketing-email history. When the
 * email history cannot be read (most often the app lacks the `content` scope) the
 * lookup fails with that error instead of showing an empty timeline, because
 * "no campaigns touched this lead" would be a false statement the rep acts on.
 */
export function createHubspotConnector(options: HubspotConnectorOptions): Connector {
  const call = createHubspotClient(options);

  const optionLabels = memo(async (property: string) => {
    const definition = await call(
      { path: `/crm/v3/properties/contacts/${encodeURIComponent(property)}` },
      HubspotPropertySchema,
      SCOPES.schemasRead,
    );
    return new Map(definition.options.map((o) => [o.value, o.label]));
  });
  const campaign = memo((id: number) =>
    orNull(call({ path: `/email/public/v1/campaigns/${id}` }, HubspotEmailCampaignSchema, SCOPES.marketingEmail)),
  );

  // Labels are cosmetic: without the schema scope, or for a property the portal lacks, raw values are shown.
  async function labelsFor(properties: Record<string, string | null>) {
    const labels = new Map<string, ReadonlyMap<string, string>>();
    for (const name of LABELLED_PROPERTIES) {
      if (!properties[name]) continue;
      try {
        labels.set(name, await optionLabels(name));
      } catch (e) {
        if (!(e instanceof ConnectorError && (e.kind === 'scopes' || e.kind === 'not_found'))) throw e;
      }
    }
    return labels;
  }

  return {
    id: 'hubspot',
    label: 'HubSpot',
    ...(options.gate ? { gate: options.gate } : {}),

    async fetchContact(email: string): Promise<ContactBundle | null> {
      const object = await getContact(call, email, CONTACT_PROPERTIES, HISTORY_PROPERTIES);
      if (!object) return null;
      const contact = mapContact(object, email, await labelsFor(object.properties));
      const events = await emailEvents(call, email);
      const details = new Map<number, HubspotEmailCampaign | undefined>();
      // One at a time: a burst of campaign reads would trip HubSpot's ten-second limit.
      for (const id of campaignIds(events)) details.set(id, (await campaign(id)) ?? undefined);
      const timeline = buildTimeline(events, details, { id: object.id, email: String(contact.email ?? email).toLowerCase() });
      const bundle = BundleSchema.safeParse({ contact, ...timeline });
      if (!bundle.success) {
        throw new ConnectorError('invalid_response', 'HubSpot sent contact data Leadlight does not understand.', {
          detail: bundle.error.message,
        });
      }
      return bundle.data;
    },

    async deliverFeedback(feedback) {
      const object = await getContact(call, feedback.email, ['email']);
      if (!object) {
        throw new ConnectorError('not_found', `HubSpot has no contact with the email ${feedback.email}; the verdict is kept in Leadlight.`);
      }
      return deliverNote(call, feedback, object.id, options.writeBackProperty);
    },
  };
}
