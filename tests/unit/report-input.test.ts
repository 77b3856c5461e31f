import { describe, expect, it } from 'vitest';
import { buildReport, prepareReportData } from '@/lib/domain/report';
import { slaOutcome } from '@/lib/domain/report-data';
import { reportIndex, timedVerdicts } from '@/lib/domain/report-input';
import { defaultSlaSettings } from '@/lib/domain/sla';
import { createContact, createTouch } from '../factories';

const ana = 'ana@acme.example';
const ben = 'ben@acme.example';

describe('ReportIndex', () => {
  const touches = [
    createTouch({ id: 't1', email: ana, date: '2026-03-05T10:00:00.000Z', assetType: 'webinar' }),
    createTouch({ id: 't2', email: ben, date: '2026-03-01T10:00:00.000Z', assetType: 'Sales Email' }),
    createTouch({ id: 't3', email: ana, date: '2026-03-01T10:00:00.000Z', assetType: 'call' }),
    createTouch({ id: 't4', email: ana, date: '2026-03-05T10:00:00.000Z', assetType: 'ebook' }),
    // The CRM's own words, with Leadlight's category beside them: a demo is sales', a telemarketing campaign's call is not.
    createTouch({ id: 't5', email: ben, date: '2026-03-02T10:00:00.000Z', assetType: 'Demo', assetCategory: 'sales_activity' }),
    createTouch({ id: 't6', email: ben, date: '2026-03-03T10:00:00.000Z', assetType: 'Call', assetCategory: 'other' }),
    createTouch({ id: 't7', email: ben, date: '2026-03-04T10:00:00.000Z', assetType: 'Call', assetCategory: 'call' }),
  ];

  it('groups touches per contact, oldest first, touches of one instant in the order given', () => {
    const index = reportIndex({ touches });
    expect(index.touches.get(ana)?.map((t) => [t.touch.id, t.at, t.sales])).toEqual([
      ['t3', Date.UTC(2026, 2, 1, 10), true],
      ['t1', Date.UTC(2026, 2, 5, 10), false],
      ['t4', Date.UTC(2026, 2, 5, 10), false],
    ]);
    expect(index.sales.get(ana)?.map((t) => t.id)).toEqual(['t3']);
    expect(index.sales.get(ben)?.map((t) => t.id)).toEqual(['t2', 't5', 't7']);
  });

  it('names a campaign after the first one listed under its id, else by the id', () => {
    const index = reportIndex({
      touches,
      campaigns: [
        { id: 'c1', name: 'Spring webinar', type: 'webinar', status: 'completed' },
        { id: 'c1', name: 'Duplicate', type: 'webinar', status: 'completed' },
      ],
    });
    expect(index.campaignName('c1')).toBe('Spring webinar');
    expect(index.campaignName('c9')).toBe('c9');
  });

  it('is reused only for the arrays it was built from', () => {
    const prepared = prepareReportData({ touches, contacts: [createContact({ email: ana })] });
    expect(reportIndex(prepared)).toBe(prepared.index);
    // Other touches spread over a prepared dataset: the attached index would describe the wrong data.
    const other = { ...prepared, touches: touches.slice(0, 1) };
    expect(reportIndex(other)).not.toBe(prepared.index);
    expect([...reportIndex(other).touches.keys()]).toEqual([ana]);
  });

  it('serves other verdicts over the same touches: the team’s and only this rep’s share one index', () => {
    const prepared = prepareReportData({ touches, contacts: [createContact({ email: ana })] });
    const onlyMine = { ...prepared, feedback: [] };
    expect(reportIndex(onlyMine)).toBe(prepared.index);
  });
});

describe('timedVerdicts', () => {
  it('reads each verdict’s instant once per list', () => {
    const feedback = [{ id: 'f1', email: ana, verdict: 'good' as const, author: 'rep', createdAt: '2026-03-10T10:00:00.000Z' }];
    const timed = timedVerdicts(feedback);
    expect(timed.map((v) => [v.f.id, v.at])).toEqual([['f1', Date.UTC(2026, 2, 10, 10)]]);
    expect(timedVerdicts(feedback)).toBe(timed);
    expect(timedVerdicts([...feedback])).not.toBe(timed);
  });
});

describe('ReportIndex.slaOutcome', () => {
  // Handed over Monday 2 March 2026, 09:00 in London (UTC until 29 March); four business hours: due 13:00.
  const handedOver = createContact({ email: ana, handoffAt: '2026-03-02T09:00:00.000Z', leadStatus: 'Working' });
  const london = defaultSlaSettings('Europe/London');

  it('judges the hand-off at the clock and worked statuses it is given, not at the ones asked first', () => {
    const index = reportIndex({ touches: [], contacts: [handedOver] });
    expect(index.slaOutcome(handedOver, london, new Date('2026-03-02T12:00:00Z'), [])).toBe('open');
    expect(index.slaOutcome(handedOver, london, new Date('2026-03-02T14:00:00Z'), [])).toBe('missed');
    // "Working" means sales worked the lead, but nobody recorded when.
    expect(index.slaOutcome(handedOver, london, new Date('2026-03-02T14:00:00Z'), ['working'])).toBe('untimed');
    expect(index.slaOutcome(handedOver, { ...london, firstTouchHours: 8 }, new Date('2026-03-02T14:00:00Z'), [])).toBe('open');
  });
});

describe('slaOutcome on the team’s calendar', () => {
  it('reads a date-only hand-off as that day in the SLA’s zone, as the sidebar does', () => {
    const sydney = defaultSlaSettings('Australia/Sydney');
    // An import's MQL date "2026-11-20", stored as midnight UTC; in Sydney that day began at 13:00 UTC on the 19th.
    const lead = createContact({ email: ana, handoffAt: '2026-11-20T00:00:00.000Z', leadStatus: 'New' });
    // A call at 08:30 on the 20th in Sydney, before the day's work and well before noon's due time.
    const call = createTouch({ email: ana, assetType: 'call', assetCategory: 'call', date: '2026-11-19T21:30:00.000Z' });
    expect(slaOutcome(lead, [call], sydney, new Date('2026-11-24T00:00:00.000Z'))).toBe('met');
  });
});

describe('buildReport on prepared data', () => {
  it('counts what the raw data counts', () => {
    const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    const data = {
      contacts: [createContact({ email: ana }), createContact({ email: ben })],
      touches: [
        createTouch({ email: ana, campaignId: 'c1', date: '2026-03-02T10:00:00.000Z' }),
        createTouch({ email: ben, campaignId: 'c1', date: '2026-03-03T10:00:00.000Z' }),
        createTouch({ email: ben, campaignId: 'c2', date: '2026-03-04T10:00:00.000Z' }),
      ],
      campaigns: [],
      personas: [],
      feedback: [{ id: 'f1', email: ben, verdict: 'good' as const, author: 'rep@acme.example', createdAt: '2026-03-10T10:00:00.000Z' }],
    };
    const rows = buildReport({ ...prepareReportData(data), period, dimension: 'campaign', now: period.to });
    // c1 touched both, c2 only Ben; Ben's good verdict came after both reached him.
    expect(rows.map((r) => [r.key, r.leadsTouched, r.verdicts, r.good])).toEqual([
      ['c1', 2, 1, 1],
      ['c2', 1, 1, 1],
    ]);
  });
});
