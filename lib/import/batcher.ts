import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { RowRecords } from './row-to-records';

/** One message's worth of records; the background's importRecords limits apply (5,000 / 5,000 / 20,000). */
export type ImportBatch = { contacts: Contact[]; campaigns: Campaign[]; touches: Touch[] };

/** Rows per batch: small enough for one quick IndexedDB transaction, large enough to amortise messaging. */
export const DEFAULT_BATCH_ROWS = 2000;

/** Later non-empty values win, as the background merges them too. */
export function mergeContact(older: Contact, newer: Contact): Contact {
  const merged: Record<string, unknown> = { ...older };
  for (const [k, v] of Object.entries(newer)) if (v !== undefined && v !== '') merged[k] = v;
  return merged as Contact;
}

/**
 * Groups rows into batches. A Leadlight or Salesforce file repeats the contact on
 * every touch row and the campaign on every member row, so contacts are merged
 * within a batch and a campaign is sent again only when its fields change.
 */
export class Batcher {
  private contacts = new Map<string, Contact>();
  private campaigns: Campaign[] = [];
  private touches = new Map<string, Touch>();
  private rows = 0;
  private readonly sentCampaigns = new Map<string, string>();

  constructor(
    private readonly emit: (batch: ImportBatch, rows: number) => void,
    private readonly batchRows = DEFAULT_BATCH_ROWS,
  ) {}

  add({ contact, campaign, touch }: Partial<RowRecords>): void {
    if (contact) {
      const seen = this.contacts.get(contact.email);
      this.contacts.set(contact.email, seen ? mergeContact(seen, contact) : contact);
    }
    if (campaign) {
      const json = JSON.stringify(campaign);
      if (this.sentCampaigns.get(campaign.id) !== json) {
        this.sentCampaigns.set(campaign.id, json);
        this.campaigns.push(campaign);
      }
    }
    if (touch) this.touches.set(touch.id, touch);
    this.rows += 1;
    if (this.rows >= this.batchRows) this.flush();
  }

  /** Sends whatever is pending; call once more at the end of the file. */
  flush(): void {
    if (this.rows === 0) return;
    const batch = { contacts: [...this.contacts.values()], campaigns: this.campaigns, touches: [...this.touches.values()] };
    const rows = this.rows;
    this.contacts = new Map();
    this.campaigns = [];
    this.touches = new Map();
    this.rows = 0;
    this.emit(batch, rows);
  }
}
