import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '@/lib/connectors/field-reader';
import { activityTouches } from '@/lib/connectors/salesforce/activities';
import { hiddenIssues } from '@/lib/connectors/salesforce/activity-fields';
import { SfDateTimeSchema } from '@/lib/connectors/salesforce/schemas';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const task = (over: Record<string, unknown>) => ({
  attributes: { type: 'Task', url: '/services/data/v60.0/sobjects/Task/00T5e00000AbCdEAAV' },
  Id: '00T5e00000AbCdEAAV',
  Subject: 'Discovery call',
  Type: 'Call',
  TaskSubtype: 'Call',
  Status: 'Completed',
  IsClosed: true,
  CompletedDateTime: null,
  ...over,
});
const dated = (over: Record<string, unknown>) => {
  const issues: FieldIssue[] = [];
  return activityTouches([task(over)], [], 'tom.becker@aldermfg.example', issues, NOW).map((t) => t.date);
};

describe('the time of a Salesforce Task without a completion time', () => {
  it('is when it was logged, when that was on its date in the rep’s own time zone (a call logged at 17:30 in California)', () => {
    // ActivityDate is the rep's local day; 01:30 UTC on 3 March is 17:30 on 2 March in California.
    expect(dated({ ActivityDate: '2026-03-02', CreatedDate: '2026-03-03T01:30:00.000+0000' })).toEqual(['2026-03-03T01:30:00.000Z']);
    // 23:00 UTC on 1 March is 09:00 on 2 March in Sydney.
    expect(dated({ ActivityDate: '2026-03-02', CreatedDate: '2026-03-01T23:00:00.000+0000' })).toEqual(['2026-03-01T23:00:00.000Z']);
  });

  it('is its date when it was logged on another day (a call written up days later)', () => {
    expect(dated({ ActivityDate: '2026-03-02', CreatedDate: '2026-03-05T09:00:00.000+0000' })).toEqual(['2026-03-02T00:00:00.000Z']);
    expect(dated({ ActivityDate: '2026-03-02', CreatedDate: '2026-02-27T09:00:00.000+0000' })).toEqual(['2026-03-02T00:00:00.000Z']);
  });

  it('is its completion time whenever Salesforce has one', () => {
    expect(
      dated({ ActivityDate: '2026-03-02', CreatedDate: '2026-03-03T01:30:00.000+0000', CompletedDateTime: '2026-03-02T18:05:00.000+0000' }),
    ).toEqual(['2026-03-02T18:05:00.000Z']);
  });
});

describe('what a Salesforce Task or Event is called', () => {
  const read = (tasks: unknown[], events: unknown[] = []) => {
    const issues: FieldIssue[] = [];
    const touches = activityTouches(tasks, events, 'tom.becker@aldermfg.example', issues, NOW);
    return { touches: touches.map((t) => [t.assetType, t.assetCategory, t.assetName, t.responseStatus]), issues };
  };
  const at = { CreatedDate: '2026-03-02T10:00:00.000+0000', CompletedDateTime: '2026-03-02T10:00:00.000+0000' };
  const event = (over: Record<string, unknown>) => ({
    attributes: { type: 'Event', url: '/services/data/v60.0/sobjects/Event/00U5e00000AbCdEAAV' },
    Id: '00U5e00000AbCdEAAV',
    Subject: 'Plant tour',
    StartDateTime: '2026-03-03T14:00:00.000+0000',
    ...over,
  });

  it('is the org’s own Type when set, else how Salesforce logged it, else "Task"; Leadlight’s category beside it', () => {
    expect(
      read([
        task({ ...at, Type: 'Demo', TaskSubtype: 'Call', Subject: 'Product walkthrough' }),
        task({ ...at, Type: null, TaskSubtype: 'LinkedIn', Subject: 'Connected on LinkedIn' }),
        task({ ...at, Type: null, TaskSubtype: null, Subject: null }),
      ]).touches,
    ).toEqual([
      ['Demo', 'call', 'Product walkthrough', 'Completed'],
      ['LinkedIn', 'sales_activity', 'Connected on LinkedIn', 'Completed'],
      ['Task', 'sales_activity', 'Task', 'Completed'],
    ]);
  });

  it('has no status when Salesforce sent none, and still counts', () => {
    const { Status: _, ...withoutStatus } = task(at);
    expect(read([withoutStatus, task({ ...at, Status: null })]).touches).toEqual([
      ['Call', 'call', 'Discovery call', undefined],
      ['Call', 'call', 'Discovery call', undefined],
    ]);
  });

  it('is an Event’s own Type, else "Event": a meeting unless the org typed it a call, never with a made-up status', () => {
    expect(read([], [event({ Type: 'Meeting' }), event({ Type: 'Call' }), event({ Type: null, Subject: null })]).touches).toEqual([
      ['Meeting', 'meeting', 'Plant tour', undefined],
      ['Call', 'call', 'Plant tour', undefined],
      ['Event', 'meeting', 'Event', undefined],
    ]);
  });
});

describe('fields the profile hides', () => {
  it('are listed for the object the lookup found: a Contact’s are no news on a Lead, nor a Lead’s on a Contact', () => {
    const hidden = new Set(['Contact.Department', 'Account.Industry', 'Lead.Industry', 'Task.Subject']);
    expect(hiddenIssues(hidden, 'Lead')).toEqual([
      { vendor: 'Salesforce', object: 'Lead', field: 'Industry', problem: 'missing' },
      { vendor: 'Salesforce', object: 'Task', field: 'Subject', problem: 'missing' },
    ]);
    expect(hiddenIssues(hidden, 'Contact').map((i) => `${i.object}.${i.field}`)).toEqual([
      'Contact.Department',
      'Account.Industry',
      'Task.Subject',
    ]);
  });
});

describe('Salesforce date-times', () => {
  it('refuse one shaped like a date-time but no date, rather than throw and sink the record', () => {
    expect(SfDateTimeSchema.safeParse('2026-01-10T10:00:00.000+0000')).toEqual({ success: true, data: '2026-01-10T10:00:00.000Z' });
    expect(SfDateTimeSchema.safeParse('2025-13-40T10:00:00.000+0000').success).toBe(false);
  });
});
