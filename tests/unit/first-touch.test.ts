import { describe, expect, it } from 'vitest';
import { resolveFirstTouch } from '@/lib/domain/first-touch';
import { defaultSlaSettings } from '@/lib/domain/sla';
import { slaViewFor } from '@/lib/domain/sla-view';
import { DEFAULT_WORKED_STATUSES, statusKey, workedStatusOf, workedStatusesFor } from '@/lib/domain/worked-status';
import { createContact, createTouch } from '../factories';

// Monday 2 March 2026, 09:00 UTC; four business hours in UTC make it due at 13:00.
const handoffAt = '2026-03-02T09:00:00.000Z';
const utc = defaultSlaSettings('UTC');
const lead = createContact({ handoffAt, leadStatus: 'Open - Not Contacted', lifecycleStage: 'mql' });
const thursday = new Date('2026-03-05T10:00:00Z');
const seen = (at: string) => ({ at, host: 'gmail' as const });

describe('worked statuses', () => {
  it('compare regardless of case, spacing and punctuation', () => {
    expect(statusKey('Working - Contacted')).toBe(statusKey('working_contacted'));
    expect(statusKey('IN_PROGRESS')).toBe(statusKey('In progress'));
    expect(statusKey('Open - Not Contacted')).not.toBe(statusKey('Working - Contacted'));
  });

  it('return the value as the record has it, lead status before stage', () => {
    expect(workedStatusOf({ leadStatus: 'Working - Contacted', lifecycleStage: 'opportunity' }, ['working contacted', 'Opportunity'])).toBe(
      'Working - Contacted',
    );
    expect(workedStatusOf({ leadStatus: 'New', lifecycleStage: 'opportunity' }, ['Opportunity'])).toBe('opportunity');
    expect(workedStatusOf({ leadStatus: 'New' }, ['Connected'])).toBeUndefined();
  });

  it('default per source to the vendors’ stock values, and an edited list replaces them', () => {
    expect(DEFAULT_WORKED_STATUSES.salesforce).toContain('Working - Contacted');
    expect(DEFAULT_WORKED_STATUSES.hubspot).toEqual(expect.arrayContaining(['Attempted to Contact', 'Connected', 'In Progress']));
    expect(DEFAULT_WORKED_STATUSES.import).toEqual(expect.arrayContaining(['Working - Contacted', 'Connected']));
    expect(workedStatusesFor('hubspot', { hubspot: ['Called'] })).toEqual(['Called']);
    expect(workedStatusesFor('hubspot', { salesforce: ['Called'] })).toBe(DEFAULT_WORKED_STATUSES.hubspot);
  });
});

describe('resolveFirstTouch', () => {
  const call = createTouch({ assetType: 'call', assetName: 'Intro call', date: '2026-03-02T11:00:00.000Z' });

  it('takes the earliest dated touch after the hand-off, logged or seen in the mailbox', () => {
    expect(resolveFirstTouch(lead, { touches: [call], observed: [seen('2026-03-02T10:00:00.000Z')] })).toEqual({
      via: 'seen',
      at: '2026-03-02T10:00:00.000Z',
      host: 'gmail',
    });
    expect(resolveFirstTouch(lead, { touches: [call], observed: [seen('2026-03-02T12:00:00.000Z')] })).toEqual({
      via: 'logged',
      at: '2026-03-02T11:00:00.000Z',
      activity: 'call',
      label: 'Intro call',
    });
  });

  it('names a logged first touch by the CRM’s own word for it, with Leadlight’s category beside it', () => {
    const demo = createTouch({
      assetType: 'Demo',
      assetCategory: 'meeting',
      assetName: 'Product walkthrough',
      date: '2026-03-02T10:30:00.000Z',
    });
    expect(resolveFirstTouch(lead, { touches: [demo, call] })).toEqual({
      via: 'logged',
      at: '2026-03-02T10:30:00.000Z',
      activity: 'Demo',
      category: 'meeting',
      label: 'Product walkthrough',
    });
  });

  it('ignores mail the rep sent before the hand-off', () => {
    expect(resolveFirstTouch(lead, { touches: [], observed: [seen('2026-03-01T10:00:00.000Z')] })).toBeUndefined();
  });

  it('falls back to a worked status, then to a last-activity date from the hand-off day on', () => {
    const working = { ...lead, leadStatus: 'Working - Contacted' };
    expect(resolveFirstTouch(working, { touches: [], worked: DEFAULT_WORKED_STATUSES.salesforce })).toEqual({
      via: 'status',
      status: 'Working - Contacted',
    });
    const sameDay = createTouch({ assetType: 'last_activity', date: '2026-03-02T00:00:00.000Z' });
    const dayBefore = createTouch({ assetType: 'last_activity', date: '2026-03-01T00:00:00.000Z' });
    expect(resolveFirstTouch(lead, { touches: [dayBefore, sameDay] })).toEqual({ via: 'last_activity', at: '2026-03-02T00:00:00.000Z' });
    expect(resolveFirstTouch(lead, { touches: [dayBefore] })).toBeUndefined();
    // The CRM's own name for the date, with Leadlight's category beside it.
    const lastContacted = createTouch({ assetType: 'Last contacted', assetCategory: 'last_activity', date: '2026-03-03T00:00:00.000Z' });
    expect(resolveFirstTouch(lead, { touches: [lastContacted] })).toEqual({ via: 'last_activity', at: '2026-03-03T00:00:00.000Z' });
  });

  it('reads a date-only last activity as a day on the team’s calendar, and a timestamp as the instant it is', () => {
    const lastActivity = (date: string) => createTouch({ assetType: 'Last activity', assetCategory: 'last_activity', date });
    // Thursday 19 Nov 2026 16:05 in Los Angeles is already 20 Nov in UTC: the 19th is the hand-off day.
    const la = createContact({ handoffAt: '2026-11-20T00:05:00.000Z', leadStatus: 'New' });
    expect(resolveFirstTouch(la, { touches: [lastActivity('2026-11-19T00:00:00.000Z')], timeZone: 'America/Los_Angeles' })).toEqual({
      via: 'last_activity',
      at: '2026-11-19T00:00:00.000Z',
    });
    // Friday 20 Nov 10:00 in Sydney is 19 Nov in UTC: a last activity on the 19th came the day before.
    const sydney = createContact({ handoffAt: '2026-11-19T23:00:00.000Z', leadStatus: 'New' });
    expect(
      resolveFirstTouch(sydney, { touches: [lastActivity('2026-11-19T00:00:00.000Z')], timeZone: 'Australia/Sydney' }),
    ).toBeUndefined();
    // HubSpot's notes_last_contacted is a timestamp: contacted at 09:00, handed off at 15:00 the same day, so not since.
    const hubspot = createContact({ handoffAt: '2026-11-20T15:00:00.000Z', leadStatus: 'New' });
    expect(resolveFirstTouch(hubspot, { touches: [lastActivity('2026-11-20T09:00:00.000Z')], timeZone: 'Europe/London' })).toBeUndefined();
    expect(resolveFirstTouch(hubspot, { touches: [lastActivity('2026-11-20T15:30:00.000Z')], timeZone: 'Europe/London' })).toEqual({
      via: 'last_activity',
      at: '2026-11-20T15:30:00.000Z',
    });
  });

  it('starts the clock of a hand-off date without a time when that day begins on the team’s calendar', () => {
    const la = defaultSlaSettings('America/Los_Angeles');
    // An import's MQL date "2026-11-19" is stored as midnight UTC: 18 Nov 16:00 in Los Angeles.
    const imported = createContact({ handoffAt: '2026-11-19T00:00:00.000Z', leadStatus: 'New' });
    // A call at 16:30 on 18 Nov, Los Angeles time, came the day before the hand-off.
    const eveBefore = createTouch({ assetType: 'call', date: '2026-11-19T00:30:00.000Z' });
    expect(resolveFirstTouch(imported, { touches: [eveBefore], timeZone: 'America/Los_Angeles' })).toBeUndefined();
    // Counting starts at 09:00 on the 19th: four hours make it due at 13:00 (21:00 UTC), so 12:30 is not yet late.
    expect(slaViewFor(imported, [eveBefore], la, new Date('2026-11-19T20:30:00.000Z'))).toEqual({
      state: 'due_soon',
      dueAt: '2026-11-19T21:00:00.000Z',
      duration: '30 min',
    });
  });

  it('lets a dated touch win over a worked status, so a late call stays late', () => {
    const late = createTouch({ assetType: 'call', date: '2026-03-03T15:00:00.000Z' });
    const working = { ...lead, leadStatus: 'Connected' };
    expect(resolveFirstTouch(working, { touches: [late], worked: ['Connected'] })?.via).toBe('logged');
  });
});

describe('slaViewFor', () => {
  it('says "met" without a time for a worked status instead of "overdue"', () => {
    const working = { ...lead, leadStatus: 'Working - Contacted' };
    expect(slaViewFor(lead, [], utc, thursday)?.state).toBe('overdue');
    expect(slaViewFor(working, [], utc, thursday, { worked: DEFAULT_WORKED_STATUSES.salesforce })).toEqual({
      state: 'met',
      dueAt: '2026-03-02T13:00:00.000Z',
      duration: '',
      firstTouch: { via: 'status', status: 'Working - Contacted' },
    });
  });

  it('holds the rep’s own email against the due time and says where it was seen', () => {
    expect(slaViewFor(lead, [], utc, thursday, { observed: [{ at: '2026-03-02T10:15:00.000Z', host: 'outlook' }] })).toEqual({
      state: 'met',
      dueAt: '2026-03-02T13:00:00.000Z',
      metAt: '2026-03-02T10:15:00.000Z',
      duration: '2 h 45 min',
      firstTouch: { via: 'seen', at: '2026-03-02T10:15:00.000Z', host: 'outlook' },
    });
  });

  it('names the live CRM a logged first touch was read from, and only a logged one', () => {
    const call = createTouch({
      assetType: 'call',
      assetName: 'Discovery call',
      campaignId: 'sales-activity',
      date: '2026-03-02T11:00:00.000Z',
    });
    expect(slaViewFor(lead, [call], utc, thursday, { loggedIn: 'Salesforce' })?.firstTouch).toEqual({
      via: 'logged',
      at: '2026-03-02T11:00:00.000Z',
      activity: 'call',
      label: 'Discovery call',
      source: 'Salesforce',
    });
    // An import's call came with the data: no CRM to name.
    expect(slaViewFor(lead, [call], utc, thursday)?.firstTouch).not.toHaveProperty('source');
    const mail = { observed: [{ at: '2026-03-02T10:15:00.000Z', host: 'gmail' as const }], loggedIn: 'Salesforce' };
    expect(slaViewFor(lead, [call], utc, thursday, mail)?.firstTouch).toEqual({
      via: 'seen',
      at: '2026-03-02T10:15:00.000Z',
      host: 'gmail',
    });
  });

  it('does not count a last-activity date as a dated first touch', () => {
    const last = createTouch({ assetType: 'last_activity', date: '2026-03-04T00:00:00.000Z' });
    expect(slaViewFor(lead, [last], utc, thursday)).toMatchObject({ state: 'met', duration: '', firstTouch: { via: 'last_activity' } });
  });
});
