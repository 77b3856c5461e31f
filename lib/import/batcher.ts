import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import { MAX_BATCH_CAMPAIGNS, MAX_BATCH_CONTACTS, MAX_BATCH_TOUCHES, touchesByContact, type ImportBatch } from '../domain/import-batch';
import type { RowRecords } from './row-to-records';

export type { ImportBatch } from '../domain/import-batch';

/**
 * Rows per batch. Each batch is one message and one write transaction in the
 * background, and both cost per call as much as per row: measured in Chromium,
 * 10,000-row batches import about half again as fast as 2,000-row ones. A batch
 * is also closed at the background's limits: 5,000 contacts (contact-only exports)
 * and 5,000 campaigns (a file naming a new campaign on every row).
 */
export const DEFAULT_BATCH_ROWS = 10_000;

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
  /**
   * In file order, repeats included: a touch listed twice is kept once, later values
   * winning, when each person's touches are packed for sending (touchesByContact).
   * A person's "last activity" repeats on each of their rows and is sent once.
   */
  private touches: Touch[] = [];
  private lastActivityId = '';
  private rows = 0;
  private readonly sentCampaigns = new Map<string, Campaign>();

  constructor(
    private readonly emit: (batch: ImportBatch, rows: number) => void,
    private readonly batchRows = DEFAULT_BATCH_ROWS,
  ) {}

  add({ contact, campaign, touch, activity }: Partial<RowRecords>): void {
    if (contact) {
      const seen = this.contacts.get(contact.email);
      // Rows of one person usually share one validated object: nothing to merge.
      if (seen !== contact) this.contacts.set(contact.email, seen ? mergeContact(seen, contact) : contact);
    }
    if (campaign) {
      // The same validated object comes back for an unchanged campaign, so most rows are
      // settled by identity; only a new object is compared field by field.
      const sent = this.sentCampaigns.get(campaign.id);
      if (sent !== campaign && (!sent || JSON.stringify(sent) !== JSON.stringify(campaign))) this.campaigns.push(campaign);
      this.sentCampaigns.set(campaign.id, campaign);
    }
    if (touch) this.touches.push(touch);
    if (activity && activity.id !== this.lastActivityId) {
      this.touches.push(activity);
      this.lastActivityId = activity.id;
    }
    this.rows += 1;
    if (
      this.rows >= this.batchRows ||
      this.contacts.size >= MAX_BATCH_CONTACTS ||
      this.touches.length >= MAX_BATCH_TOUCHES ||
      this.campaigns.length >= MAX_BATCH_CAMPAIGNS
    )
      this.flush();
  }

  /** Sends whatever is pending; call once more at the end of the file. */
  flush(): void {
    if (this.rows === 0) return;
    const batch = { contacts: [...this.contacts.values()], campaigns: this.campaigns, touches: touchesByContact(this.touches) };
    const rows = this.rows;
    this.contacts = new Map();
    this.campaigns = [];
    this.touches = [];
    this.lastActivityId = '';
    this.rows = 0;
    this.emit(batch, rows);
  }
}
