import { describe, expect, it } from 'vitest';
import { hubspotClassify, hubspotLimitHint, missingScopes, msUntilMidnight } from '@/lib/connectors/hubspot/hubspot-errors';
import { employeeCount, lifecycleFor } from '@/lib/connectors/hubspot/hubspot-mapping';
import { noteBody } from '@/lib/connectors/hubspot/hubspot-notes';
import { buildTimeline } from '@/lib/connectors/hubspot/hubspot-timeline';
import { conversionTimeline, readSubmissions } from '@/lib/connectors/hubspot/hubspot-conversions';
import { readEvents } from '@/lib/connectors/hubspot/hubspot-read';
import type { FieldIssue } from '@/lib/connectors/field-reader';
import { createFeedback } from '../factories';
import { readFixtureJson } from '../support/fixtures';

const classify = hubspotClassify({ scope: 'crm.objects.contacts.read', now: () => new Date(2026, 2, 5, 12, 0, 0) });
const headers = (init: Record<string, string> = {}) => new Headers(init);

describe('HubSpot value mapping', () => {
  it('maps qualified stages to mql / sql and keeps the rest, custom stage ids included', () => {
    expect(['marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', '1092834'].map(lifecycleFor)).toEqual([
      'mql',
      'sql',
      'opportunity',
      '1092834',
    ]);
  });

  it('reads the lower bound of an employee range', () => {
    expect(['1000-5000', '10000+', '250', '', null].map(employeeCount)).toEqual([1000, 10000, 250, undefined, undefined]);
  });
});

describe('HubSpot timeline', () => {
  const base = { recipient: 'maya.okafor@northwind-logistics.example', emailCampaignId: 7 };
  it('words a bounce, ignores events without engagement meaning or campaign', () => {
    const { touches, campaigns } = buildTimeline(
      [
        { ...base, id: 'a', created: 1_000, type: 'SENT' },
        { ...base, id: 'b', created: 2_000, type: 'BOUNCE' },
        { ...base, id: 'c', created: 3_000, type: 'PROCESSED', emailCampaignId: 8 },
        { id: 'd', created: 4_000, type: 'UNBOUNCE' },
      ],
      new Map(),
      { id: '101', email: base.recipient },
    );
    expect(touches.map((t) => [t.campaignId, t.responseStatus, t.responded, t.assetName])).toEqual([
      ['hubspot-email-7', 'Bounced', false, 'Marketing email 7'],
    ]);
    expect(campaigns).toEqual([
      { id: 'hubspot-email-7', name: 'Marketing email 7', type: 'Marketing email', category: 'email', status: 'completed' },
    ]);
  });
});

describe('HubSpot errors', () => {
  it('treats INVALID_AUTHENTICATION as auth', () => {
    expect(
      classify(401, { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' }, headers())
        ?.kind,
    ).toBe('auth');
  });

  it('collects scopes from the top-level context and from each error', () => {
    expect(
      missingScopes({
        context: { requiredScopes: ['content'] },
        errors: [{ context: { requiredGranularScopes: ['content', 'marketing-email'] } }],
      }),
    ).toEqual(['content', 'marketing-email']);
  });

  it('lists several scopes as alternatives, and falls back to the call’s own scope', () => {
    const several = classify(
      403,
      { category: 'MISSING_SCOPES', errors: [{ context: { requiredGranularScopes: ['a.read', 'b.read'] } }] },
      headers(),
    );
    expect(several?.message).toContain('one of these scopes: a.read, b.read');
    expect(classify(403, { category: 'MISSING_SCOPES' }, headers())?.message).toContain('the crm.objects.contacts.read scope');
  });

  it('waits per rate-limit policy, preferring Retry-After', () => {
    expect(classify(429, { policyName: 'SECONDLY' }, headers())?.retryAfterMs).toBe(1_000);
    expect(classify(429, { policyName: 'TEN_SECONDLY_ROLLING' }, headers())?.retryAfterMs).toBe(10_000);
    expect(classify(429, { policyName: 'TEN_SECONDLY_ROLLING' }, headers({ 'retry-after': '3' }))?.retryAfterMs).toBe(3_000);
    expect(classify(429, { policyName: 'DAILY' }, headers())?.retryAfterMs).toBe(12 * 3_600_000);
    expect(msUntilMidnight(new Date(2026, 2, 5, 23, 59, 0))).toBe(60_000);
  });

  it('reads HubSpot’s rate-limit headers when the body names no policy', () => {
    // X-HubSpot-RateLimit-Interval-Milliseconds is the window the ten-second limit counts over.
    const window = classify(
      429,
      {},
      headers({ 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000' }),
    );
    expect(window).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000 });
    const daily = classify(429, {}, headers({ 'x-hubspot-ratelimit-daily-remaining': '0' }));
    expect(daily).toMatchObject({ retryAfterMs: 12 * 3_600_000, message: expect.stringMatching(/daily API limit/) });
    expect(classify(429, {}, headers())?.retryAfterMs).toBe(10_000);
  });

  it('waits for midnight in the account’s time zone when HubSpot told it', () => {
    // 22:30 UTC is 17:30 in New York (EST): six and a half hours to go.
    expect(msUntilMidnight(new Date('2026-03-05T22:30:00Z'), 'America/New_York')).toBe(6.5 * 3_600_000);
    const inNewYork = hubspotClassify({ scope: 'x', now: () => new Date('2026-03-05T22:30:00Z'), timeZone: () => 'America/New_York' });
    expect(inNewYork(429, { policyName: 'DAILY' }, headers())?.retryAfterMs).toBe(6.5 * 3_600_000);
  });

  it('pauses before the next call when a successful answer used the last one of a window', () => {
    const hint = hubspotLimitHint({ now: () => new Date(2026, 2, 5, 12, 0, 0) });
    expect(hint(headers({ 'x-hubspot-ratelimit-remaining': '41', 'x-hubspot-ratelimit-daily-remaining': '120000' }))).toBeNull();
    expect(hint(headers({ 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000' }))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 10_000,
    });
    expect(hint(headers({ 'x-hubspot-ratelimit-daily-remaining': '0' }))).toMatchObject({ retryAfterMs: 12 * 3_600_000 });
  });

  it('classifies 5xx with any body as server and leaves other 4xx that say nothing readable to the generic rules', () => {
    expect(classify(502, '<html>Bad gateway</html>', headers())?.kind).toBe('server');
    expect(classify(400, { category: 'VALIDATION_ERROR' }, headers())).toBeNull();
  });

  it('names the object, HubSpot’s words and the refused property of a 400, from the message list or errors[].context', () => {
    const onContact = hubspotClassify({ scope: 'crm.objects.contacts.write', now: () => new Date(), object: 'contact' });
    const listed = onContact(400, readFixtureJson('http/hubspot/error-400-property-doesnt-exist.json'), headers());
    expect(listed?.message).toBe('HubSpot refused the request for the contact: Property "lead_quality_feedbak" does not exist.');
    expect(listed?.vendorError).toMatchObject({ code: 'PROPERTY_DOESNT_EXIST', fields: ['lead_quality_feedbak'] });
    const inContext = onContact(400, readFixtureJson('http/hubspot/error-400-property-doesnt-exist-errors-context.json'), headers());
    expect(inContext?.vendorError?.fields).toEqual(['lead_quality_feedbak']);
    // A body that embeds the list in errors[].message and names the property in its context (HubSpot's CRM object APIs).
    const nested = onContact(
      400,
      {
        status: 'error',
        message: 'One or more validation errors occurred',
        category: 'VALIDATION_ERROR',
        errors: [
          {
            message:
              'Property values were not valid: [{"isValid":false,"message":"Good was not one of the allowed options","error":"INVALID_OPTION","name":"lead_quality"}]',
            context: { propertyName: 'lead_quality' },
          },
        ],
      },
      headers(),
    );
    expect(nested?.vendorError).toMatchObject({
      fields: ['lead_quality'],
      byField: { lead_quality: { code: 'INVALID_OPTION', message: 'Good was not one of the allowed options' } },
    });
  });
});

describe('HubSpot note body', () => {
  it('reads well for a good lead without a reason and escapes markup in the rep’s note', () => {
    expect(
      noteBody(
        createFeedback({ id: 'fb-9', verdict: 'good', note: 'Wants <b>demo</b> & pricing', author: 'sam.ortiz@brightwave.example' }),
      ),
    ).toBe(
      '<p>Lead feedback from sam.ortiz@brightwave.example: Good lead – Wants &lt;b&gt;demo&lt;/b&gt; &amp; pricing [leadlightfb9]</p>' +
        '<p>leadlightverdict id=fb-9 contact=ada.lovelace%40analytical.example verdict=good kind=quality ' +
        'by=sam.ortiz%40brightwave.example at=2026-03-05T12%3A00%3A00.000Z</p>',
    );
  });

  it('names a hand-off decision and the day a recycled lead may come back', () => {
    const body = noteBody(
      createFeedback({
        id: 'fb-10',
        verdict: 'bad',
        kind: 'handoff',
        reasonId: 'recycle_nurture',
        recycleOn: '2027-02-01',
        author: 'sam@b.example',
      }),
    );
    expect(body).toContain('Lead feedback from sam@b.example: Hand-off rejected – Recycle to nurture – until 2027-02-01 [leadlightfb10]');
    expect(body).toContain('kind=handoff reason=recycle_nurture recycle=2027-02-01');
  });
});

describe('HubSpot dates out of any calendar', () => {
  it('leave out the one event or submission, naming it, and the rest of the contact reads', () => {
    const issues: FieldIssue[] = [];
    const events = readEvents(
      [
        { type: 'OPEN', created: '99999999999999999', emailCampaignId: 7, recipient: 'maya.okafor@northwind-logistics.example' },
        { type: 'OPEN', created: 1741186800000, emailCampaignId: 7, recipient: 'maya.okafor@northwind-logistics.example' },
      ],
      issues,
    );
    expect(events.map((e) => e.created)).toEqual([1741186800000]);
    expect(issues).toEqual([expect.objectContaining({ vendor: 'HubSpot', object: 'email event', field: 'created' })]);
    const submissions = readSubmissions([{ 'conversion-id': 'c1', timestamp: 1e17 }], issues);
    expect(submissions).toEqual([]);
    expect(issues.at(-1)).toEqual(expect.objectContaining({ vendor: 'HubSpot', object: 'form submission', field: 'timestamp' }));
  });
});

describe('HubSpot conversion history', () => {
  it('takes a timestamp in epoch milliseconds as readily as an ISO one', () => {
    const { touches } = conversionTimeline(
      [],
      [
        { value: 'Pricing page demo request', timestamp: '1741186800000' },
        { value: 'Ebook: Peak season playbook', timestamp: '2025-03-01T10:00:00.000Z' },
      ],
      { id: '101', email: 'maya.okafor@northwind-logistics.example' },
    );
    expect(touches.map((t) => [t.assetName, t.date])).toEqual([
      ['Pricing page demo request', '2025-03-05T15:00:00.000Z'],
      ['Ebook: Peak season playbook', '2025-03-01T10:00:00.000Z'],
    ]);
  });
});
