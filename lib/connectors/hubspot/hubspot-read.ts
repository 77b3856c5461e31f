import { z } from 'zod';
import { NonEmptyText, readEach, RecordReader, TextValue, type FieldIssue } from '../field-reader';
import { HubspotEmailCampaignSchema, HubspotEmailEventSchema, HubspotHistoryEntrySchema, type HubspotEmailEvent } from './hubspot-schemas';

const VENDOR = 'HubSpot';

/** A CRM object as Leadlight reads it: every property a string, history entries that could be read. */
export type HubspotRecord = {
  id: string;
  properties: Readonly<Record<string, string>>;
  history: Readonly<Record<string, readonly { value: string; timestamp: string; sourceType?: string | undefined }[]>>;
  createdAt?: string;
  /** Properties HubSpot sent in a form Leadlight cannot read (noted): their fields show as unknown. */
  unreadable: ReadonlySet<string>;
};

/**
 * `/crm/v3/objects/contacts/{id}` read property by property. The id is the record's
 * identity and must be there; a property HubSpot sent in an unexpected form is left
 * out and noted (`contact.properties.hubspotscore could not be read`).
 */
export function readObject(raw: unknown, object: string, issues: FieldIssue[]): HubspotRecord {
  const r = new RecordReader(VENDOR, object, raw, issues);
  const id = r.required('id', NonEmptyText);
  const properties: Record<string, string> = {};
  const unreadable = new Set<string>();
  const props = r.child('properties');
  for (const [name, value] of Object.entries((props?.raw as Record<string, unknown> | undefined) ?? {})) {
    // null is HubSpot's "no value"; anything but text, a number or a boolean is noted by optional().
    const text = props?.optional(name, TextValue);
    if (text) properties[name] = text;
    else if (text === undefined && value !== null && value !== undefined) unreadable.add(name);
  }
  const history: Record<string, { value: string; timestamp: string; sourceType?: string | undefined }[]> = {};
  const withHistory = r.child('propertiesWithHistory');
  for (const name of Object.keys((withHistory?.raw as Record<string, unknown> | undefined) ?? {})) {
    history[name] = readEach(withHistory?.list(name) ?? [], HubspotHistoryEntrySchema, {
      vendor: VENDOR,
      object: `${object}.propertiesWithHistory.${name}[]`,
      issues,
    });
  }
  const createdAt = r.optional('createdAt', z.string());
  return { id, properties, history, unreadable, ...(createdAt ? { createdAt } : {}) };
}

const OptionSchema = z.object({ label: NonEmptyText, value: TextValue });

/** A property definition's options as value → label; options that cannot be read are left out (their values show raw). */
export function readOptions(raw: unknown, property: string, issues: FieldIssue[]): Map<string, string> {
  const r = new RecordReader(VENDOR, `property ${property}`, raw, issues);
  const options = readEach(r.list('options'), OptionSchema, { vendor: VENDOR, object: `property ${property}.options[]`, issues });
  return new Map(options.map((o) => [o.value, o.label]));
}

/** One page of marketing-email events; events that cannot be read are left out and noted. */
export const EventsPageSchema = z.object({
  events: z.array(z.unknown()),
  hasMore: z.boolean().default(false),
  offset: z.string().optional(),
});

export function readEvents(events: readonly unknown[], issues: FieldIssue[]): HubspotEmailEvent[] {
  return readEach(events, HubspotEmailEventSchema, { vendor: VENDOR, object: 'email event', issues });
}

/** A marketing email's details, or undefined (noted) when HubSpot's answer cannot be read: the touch then gets a generic name. */
export function readCampaign(raw: unknown, issues: FieldIssue[]) {
  const [campaign] = readEach([raw], HubspotEmailCampaignSchema, { vendor: VENDOR, object: 'email campaign', issues });
  return campaign;
}
