import { describe, expect, it } from 'vitest';
import { upcomingCampaigns } from '@/lib/domain/upcoming';
import { createCampaign, createContact } from '../factories';

const now = new Date('2026-11-26T12:00:00.000Z');
const webinar = (id: string, start: string, over = {}) =>
  createCampaign({ id, name: id, type: 'webinar', status: 'planned', startDate: start, endDate: start, ...over });

describe('upcomingCampaigns', () => {
  it('lists future campaigns that fit the persona or stage, soonest first', () => {
    const list = upcomingCampaigns(
      [
        webinar('later', '2027-02-01T16:00:00.000Z'),
        webinar('sooner', '2026-12-03T16:00:00.000Z', { audience: { personaIds: ['ops'] } }),
        webinar('other-persona', '2026-12-01T16:00:00.000Z', { audience: { personaIds: ['finance'] } }),
        webinar('stage-fit', '2026-12-10T16:00:00.000Z', { audience: { stages: ['mql'] } }),
        webinar('past', '2026-10-01T16:00:00.000Z'),
        webinar('cancelled', '2026-12-02T16:00:00.000Z', { status: 'aborted' }),
      ],
      createContact({ lifecycleStage: 'mql' }),
      { id: 'ops', name: 'Operations Leader' },
      now,
    );
    expect(list.map((c) => c.id)).toEqual(['sooner', 'stage-fit', 'later']);
    expect(list.map((c) => c.fit)).toEqual([
      'Planned for Operations Leader, this contact’s persona',
      'Planned for the stage Marketing qualified lead',
      'Open to every contact',
    ]);
  });

  it('leaves out campaigns the contact already registered for or attended', () => {
    const list = upcomingCampaigns(
      [
        webinar('registered', '2026-12-03T16:00:00.000Z'),
        webinar('attended-earlier-session', '2026-12-04T16:00:00.000Z'),
        webinar('only-invited', '2026-12-05T16:00:00.000Z'),
      ],
      createContact(),
      undefined,
      now,
      [
        { campaignId: 'registered', responseStatus: 'Registered' },
        { campaignId: 'attended-earlier-session', responseStatus: 'Attended' },
        { campaignId: 'only-invited', responseStatus: 'Sent' },
      ],
    );
    expect(list.map((c) => c.id)).toEqual(['only-invited']);
  });

  it('dates a campaign by its session or event, not its run', () => {
    const list = upcomingCampaigns(
      [
        // Promoted since November, airs on Dec 3; the event's session already aired.
        webinar('promoted', '2026-11-02T00:00:00.000Z', { endDate: '2026-12-03T23:59:00.000Z', eventDate: '2026-12-03T16:00:00.000Z' }),
        webinar('aired', '2026-11-02T00:00:00.000Z', { endDate: '2026-12-31T23:59:00.000Z', eventDate: '2026-11-20T16:00:00.000Z' }),
      ],
      createContact(),
      undefined,
      now,
    );
    expect(list.map((c) => [c.id, c.when])).toEqual([['promoted', '2026-12-03T16:00:00.000Z']]);
  });

  it('keeps an event that has started but not ended, and skips running ads and nurtures', () => {
    const list = upcomingCampaigns(
      [
        createCampaign({
          id: 'summit',
          type: 'event',
          status: 'in_progress',
          startDate: '2026-11-01T00:00:00.000Z',
          endDate: '2026-12-01T00:00:00.000Z',
        }),
        createCampaign({
          id: 'nurture',
          type: 'email_nurture',
          status: 'in_progress',
          startDate: '2025-01-01T00:00:00.000Z',
          endDate: '2027-01-01T00:00:00.000Z',
        }),
      ],
      createContact(),
      undefined,
      now,
    );
    expect(list.map((c) => c.id)).toEqual(['summit']);
  });
});
