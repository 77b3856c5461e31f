import { z } from 'zod';
import type { Campaign, Touch } from '../../domain/campaign';
import { assetCategory } from '../../domain/categories';
import { readEach, type FieldIssue } from '../field-reader';
import { isoDate } from './hubspot-mapping';
import { EpochMillis } from './hubspot-schemas';

// Liberal in what we accept: timestamps arrive as numbers, sometimes as numeric strings (EpochMillis).

/** One entry of `form-submissions` in the v1 contact profile (the only API that lists a contact's submissions). */
export const FormSubmissionSchema = z.object({
  'conversion-id': z.string().min(1),
  timestamp: EpochMillis,
  'form-id': z.string().optional(),
  'page-title': z.string().optional(),
  'page-url': z.string().optional(),
  title: z.string().optional(),
});
export type FormSubmission = z.output<typeof FormSubmissionSchema>;

/** `/contacts/v1/contact/email/{email}/profile` as far as Leadlight reads it. */
export const ProfileSchema = z.object({ 'form-submissions': z.array(z.unknown()).nullish() });

export function readSubmissions(raw: readonly unknown[], issues: FieldIssue[]): FormSubmission[] {
  return readEach(raw, FormSubmissionSchema, { vendor: 'HubSpot', object: 'form submission', issues });
}

// A form submission is also recorded as a conversion; within this window they are one event.
const SAME_EVENT_MS = 60_000;
const text = (v: string | undefined) => v?.trim() || undefined;
const slug = (v: string) =>
  v
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** What a conversion was: the kind its page or form name says (an eBook download), else `otherwise`. */
const kindOf = (otherwise: string, ...names: (string | undefined)[]) => {
  const kind = assetCategory(undefined, ...names);
  return kind === 'other' ? otherwise : kind;
};

/**
 * Form submissions and conversions (the history of `recent_conversion_event_name`)
 * as touches: the asset is the page or offer the contact converted on, so a rep
 * sees which content a prospect took. A conversion that is also a listed form
 * submission is shown once, with the submission's richer names.
 */
export function conversionTimeline(
  submissions: readonly FormSubmission[],
  conversions: readonly { value: string; timestamp: string; sourceType?: string | undefined }[],
  contact: { id: string; email: string },
): { campaigns: Campaign[]; touches: Touch[] } {
  const campaigns = new Map<string, Campaign>();
  const touches: Touch[] = [];
  for (const s of submissions) {
    const form = text(s.title) ?? 'HubSpot form';
    const campaignId = `hubspot-form-${s['form-id'] ?? slug(form)}`.slice(0, 100);
    campaigns.set(campaignId, { id: campaignId, name: form.slice(0, 300), type: 'Form', status: 'active' });
    const asset = (text(s['page-title']) ?? form).slice(0, 300);
    const kind = kindOf('form', s['page-title'], s.title);
    touches.push({
      id: `hubspot-form-${s['conversion-id']}`.slice(0, 100),
      email: contact.email,
      campaignId,
      assetName: asset,
      assetType: 'Form submission',
      assetCategory: kind,
      date: new Date(s.timestamp).toISOString(),
      responseStatus: 'Submitted',
      responded: true,
    });
  }
  const submitted = submissions.map((s) => s.timestamp);
  for (const c of conversions) {
    // History timestamps are ISO, or epoch milliseconds as a string, as elsewhere in HubSpot's answers.
    const iso = isoDate(c.timestamp);
    const at = iso ? Date.parse(iso) : NaN;
    const name = text(c.value);
    if (!name || Number.isNaN(at) || submitted.some((t) => Math.abs(t - at) <= SAME_EVENT_MS)) continue;
    const campaignId = `hubspot-conversion-${slug(name)}`.slice(0, 100);
    campaigns.set(campaignId, { id: campaignId, name: name.slice(0, 300), type: 'Conversion', status: 'active' });
    touches.push({
      id: `hubspot-conversion-${contact.id}-${at}`.slice(0, 100),
      email: contact.email,
      campaignId,
      assetName: name.slice(0, 300),
      assetType: 'Conversion',
      // A chat or meeting booking is a conversion too, but not a form: only HubSpot's FORM source says so.
      assetCategory: kindOf(c.sourceType === 'FORM' ? 'form' : 'other', name),
      date: new Date(at).toISOString(),
      responseStatus: 'Converted',
      responded: true,
    });
  }
  return { campaigns: [...campaigns.values()], touches };
}
