import type { Touch } from './campaign';
import type { Contact } from './contact';
import { sourceCategoryOf } from './categories';
import { LEAD_CHANNEL_LABELS, labelFor } from './labels';
import { rankPersonas } from './persona-match';
import { handoffTouch, inPeriod, marketingTouchesUntil, within } from './report-data';
import type { ReportIndex, TimedTouch } from './report-input';
import type { AttributionModel, Period, ReportData, ReportDimension } from './report-schema';

/** Keys for contacts with no source or no persona fit; cannot clash with a channel or persona id. */
export const NO_SOURCE_KEY = '(unknown)';
export const NO_PERSONA_KEY = '(none)';

/**
 * How one report dimension credits contacts. Campaigns and assets credit what
 * touched the contact (a contact touched by three campaigns counts for each);
 * source and persona credit the one bucket the contact belongs to.
 */
export interface Attribution {
  /** Source and persona: a contact judged in the period was also active in it, so counts as touched. */
  perContact: boolean;
  /** Keys under which the contact counts as touched in the period. */
  touched(email: string): string[];
  /** Keys a verdict given at `at` (epoch ms) is credited to: only what touched the lead before. */
  credited(email: string, at: number): string[];
  /** The key a hand-off is judged under, if any. */
  handoff(contact: Contact): string | undefined;
  label(key: string): string;
}

const unique = (keys: string[]) => [...new Set(keys)];
const assetKey = (t: Touch) => `${t.campaignId}::${t.assetName}`;

/** The touches a verdict is credited to under a model; `touches` are one lead's, oldest first. */
export function creditedTouches(touches: readonly TimedTouch[] | undefined, at: number, model: AttributionModel = 'any'): TimedTouch[] {
  const before = marketingTouchesUntil(touches, at);
  if (model === 'first') return before.slice(0, 1);
  if (model === 'last') return before.slice(-1);
  return before;
}

export function attributionFor(
  dimension: ReportDimension,
  data: Pick<ReportData, 'touches' | 'personas'>,
  period: Period,
  index: ReportIndex,
  model: AttributionModel = 'any',
): Attribution {
  const { touches, contacts } = index;
  const campaignName = (id: string) => index.campaignName(id);
  const [from, to] = [period.from.getTime(), period.to.getTime()];

  if (dimension === 'campaign' || dimension === 'asset') {
    const keyOf = dimension === 'campaign' ? (t: Touch) => t.campaignId : assetKey;
    // Labels are read only for the rows shown; the last touch of an asset names it.
    let assetTouches: Map<string, Touch> | undefined;
    const assetLabel = (key: string) => {
      assetTouches ??= new Map(data.touches.map((t) => [assetKey(t), t]));
      const t = assetTouches.get(key);
      return t ? `${t.assetName} (${campaignName(t.campaignId)})` : key;
    };
    return {
      perContact: false,
      // One pass and no allocation for a contact untouched in the period: this runs for every contact in the cache.
      touched: (email) => {
        let keys: Set<string> | undefined;
        for (const t of touches.get(email) ?? []) if (!t.sales && t.at >= from && t.at < to) (keys ??= new Set()).add(keyOf(t.touch));
        return keys ? [...keys] : [];
      },
      credited: (email, at) => unique(creditedTouches(touches.get(email), at, model).map((t) => keyOf(t.touch))),
      handoff: (contact) => {
        const t = handoffTouch(contact, touches.get(contact.email));
        return t && keyOf(t);
      },
      label: (key) => (dimension === 'campaign' ? campaignName(key) : assetLabel(key)),
    };
  }

  // Source and persona: one key per contact, computed once.
  const personas = [...data.personas];
  const names = new Map(personas.map((p) => [p.id, p.name]));
  const keys = new Map<string, string>();
  const keyOf = (email: string): string => {
    let key = keys.get(email);
    if (key !== undefined) return key;
    const contact = contacts.get(email) ?? { email };
    // Grouped by Leadlight's channel category: "Partner Referral" and "Partners" are one row.
    if (dimension === 'source') key = contact.originalSource ? sourceCategoryOf(contact.originalSource) : NO_SOURCE_KEY;
    else {
      // Engagement up to the period end, so a past period's persona does not drift with later touches.
      const to = period.to.getTime();
      const engagement = (touches.get(email) ?? []).filter((t) => t.at < to).map((t) => t.touch);
      const best = rankPersonas(personas, contact, engagement)[0];
      key = best?.fits ? best.personaId : NO_PERSONA_KEY;
    }
    keys.set(email, key);
    return key;
  };
  const active = (email: string) => {
    const handoffAt = contacts.get(email)?.handoffAt;
    return (touches.get(email) ?? []).some((t) => within(t.at, period)) || (handoffAt !== undefined && inPeriod(handoffAt, period));
  };
  return {
    perContact: true,
    touched: (email) => (active(email) ? [keyOf(email)] : []),
    credited: (email) => [keyOf(email)],
    handoff: (contact) => keyOf(contact.email),
    label: (key) => {
      if (dimension === 'source') return key === NO_SOURCE_KEY ? 'Unknown source' : labelFor(key, LEAD_CHANNEL_LABELS);
      return key === NO_PERSONA_KEY ? 'No persona fit' : (names.get(key) ?? key);
    },
  };
}
