import type { Campaign, Touch } from './campaign';
import type { Contact } from './contact';
import type { ObservedTouch } from './observed-touch';
import { slaOutcome, type SlaOutcome } from './report-data';
import type { ReportData, ReportVerdict } from './report-schema';
import { salesCategory } from './sales-activity';
import type { SlaSettings } from './sla';

/**
 * The joins every part of the report reads, made once per dataset. The cache hands
 * over flat arrays (a million touches at a large team's scale); grouping them by
 * contact and reading each date is most of the work, so the rows, the trend and
 * both SLA tables share one index rather than each building its own.
 */

/** A touch with its instant read once; `sales` marks sales making contact, which is no campaign's credit. */
export interface TimedTouch {
  touch: Touch;
  at: number;
  sales: boolean;
}

/** A verdict with its instant read once. */
export interface TimedVerdict<F extends ReportVerdict = ReportVerdict> {
  f: F;
  at: number;
}

/** What an index is built from; any part may be missing when a caller needs none of what it gives. */
export type IndexSource = Pick<ReportData, 'touches'> & Partial<Pick<ReportData, 'contacts' | 'campaigns' | 'observed'>>;

/**
 * Each part is built on first use: the trend never reads contacts. Verdicts are not
 * part of it (see timedVerdicts), so the team's verdicts and only this rep's share one index.
 */
export class ReportIndex {
  private touchesByEmail?: Map<string, TimedTouch[]>;
  private salesByEmail?: Map<string, Touch[]>;
  private contactsByEmail?: Map<string, Contact>;
  private observedByEmail?: Map<string, ObservedTouch[]>;
  private campaignNames?: Map<string, string>;
  private outcomes?: {
    settings: SlaSettings;
    now: number;
    worked: readonly string[] | undefined;
    byContact: Map<Contact, SlaOutcome | null>;
  };

  constructor(private readonly source: IndexSource) {}

  /** True when built from exactly these arrays (they are read-only, so the same array is the same data). */
  serves(data: IndexSource): boolean {
    const s = this.source;
    return s.touches === data.touches && s.contacts === data.contacts && s.campaigns === data.campaigns && s.observed === data.observed;
  }

  /** Touches per contact email, oldest first (touches of the same instant keep their order). */
  get touches(): ReadonlyMap<string, readonly TimedTouch[]> {
    if (!this.touchesByEmail) {
      const out = new Map<string, TimedTouch[]>();
      // A cache holds a handful of categories and types, and a touch is classified by its category, else
      // its type (lib/domain/sales-activity.ts): classify each value once, not once per touch.
      const types = new Map<string, boolean>();
      for (const touch of this.source.touches) {
        const kind = touch.assetCategory ?? touch.assetType;
        let sales = types.get(kind);
        if (sales === undefined) types.set(kind, (sales = salesCategory(kind) !== undefined));
        const t = { touch, at: Date.parse(touch.date), sales };
        const list = out.get(touch.email);
        if (list) list.push(t);
        else out.set(touch.email, [t]);
      }
      for (const list of out.values()) list.sort((a, b) => a.at - b.at);
      this.touchesByEmail = out;
    }
    return this.touchesByEmail;
  }

  /** Sales activities per contact email, oldest first: all a first touch after a hand-off can be. */
  get sales(): ReadonlyMap<string, readonly Touch[]> {
    if (!this.salesByEmail) {
      const out = new Map<string, Touch[]>();
      for (const [email, list] of this.touches) {
        const sales = list.filter((t) => t.sales).map((t) => t.touch);
        if (sales.length) out.set(email, sales);
      }
      this.salesByEmail = out;
    }
    return this.salesByEmail;
  }

  get contacts(): ReadonlyMap<string, Contact> {
    this.contactsByEmail ??= new Map((this.source.contacts ?? []).map((c) => [c.email, c]));
    return this.contactsByEmail;
  }

  /** The rep's own mail seen per contact email. */
  get observed(): ReadonlyMap<string, readonly ObservedTouch[]> {
    if (!this.observedByEmail) {
      const out = new Map<string, ObservedTouch[]>();
      for (const o of this.source.observed ?? []) {
        const list = out.get(o.email);
        if (list) list.push(o);
        else out.set(o.email, [o]);
      }
      this.observedByEmail = out;
    }
    return this.observedByEmail;
  }

  /**
   * A contact's hand-off against the SLA at `now` (see slaOutcome), worked out once
   * for the same settings, clock and worked statuses: the rows and both SLA tables
   * judge the same hand-offs. `settings` are compared as the same object.
   */
  slaOutcome(contact: Contact, settings: SlaSettings, now: Date, worked: readonly string[] | undefined): SlaOutcome | null {
    let o = this.outcomes;
    if (!o || o.settings !== settings || o.now !== now.getTime() || o.worked !== worked) {
      o = this.outcomes = { settings, now: now.getTime(), worked, byContact: new Map() };
    }
    let outcome = o.byContact.get(contact);
    if (outcome === undefined) {
      outcome = slaOutcome(contact, this.sales.get(contact.email), settings, now, { observed: this.observed.get(contact.email), worked });
      o.byContact.set(contact, outcome);
    }
    return outcome;
  }

  /** A campaign's name, or its id when the cache does not know it. */
  campaignName(id: string): string {
    if (!this.campaignNames) {
      this.campaignNames = new Map();
      // The first campaign listed under an id names it.
      for (const c of this.source.campaigns ?? ([] as Campaign[])) if (!this.campaignNames.has(c.id)) this.campaignNames.set(c.id, c.name);
    }
    return this.campaignNames.get(id) ?? id;
  }
}

const timed = new WeakMap<readonly ReportVerdict[], readonly TimedVerdict[]>();

/** Every verdict with its instant, in the order given (of two at the same instant, the later-stored wins); read once per array. */
export function timedVerdicts<F extends ReportVerdict>(feedback: readonly F[]): readonly TimedVerdict<F>[] {
  let out = timed.get(feedback) as readonly TimedVerdict<F>[] | undefined;
  if (!out) timed.set(feedback, (out = feedback.map((f) => ({ f, at: Date.parse(f.createdAt) }))));
  return out;
}

/**
 * The data with its index attached: pass the result, spread into each report
 * function's options, and every part reuses the same index.
 */
export function prepareReportData<T extends IndexSource>(data: T): T & { index: ReportIndex } {
  return { ...data, index: new ReportIndex(data) };
}

/** The index attached to the data when it was built from these very arrays, else a fresh one. */
export function reportIndex(data: IndexSource & { index?: ReportIndex }): ReportIndex {
  return data.index?.serves(data) ? data.index : new ReportIndex(data);
}
