import { describe, expect, it } from 'vitest';
import {
  ReportRowSchema,
  buildReport,
  drillDown,
  feedbackToCsv,
  goodRateOverTime,
  slaByCampaign,
  slaByOwner,
  toCsv,
  type ReportData,
  type ReportDimension,
} from '@/lib/domain/report';
import { defaultSlaSettings } from '@/lib/domain/sla';
import { createCampaign, createContact, createFeedback, createPersona, createTouch } from '../factories';

const march = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const now = new Date('2026-03-20T10:00:00Z');
const utc = defaultSlaSettings('UTC');
const mail = (n: string) => `${n}@lead.example`;

/**
 * Five leads in March: ada and bob from the webinar, cat judged on a February
 * e-book touch, dan only seen by ads, eve handed over on the 20th.
 */
function data(): ReportData {
  const contacts = [
    createContact({ email: mail('ada'), owner: 'Sam Ortiz', handoffAt: '2026-03-02T09:00:00.000Z' }),
    createContact({
      email: mail('bob'),
      title: 'Student',
      seniority: 'entry',
      department: 'education',
      industry: 'education',
      companySize: 5,
      owner: 'Kim Lee',
      handoffAt: '2026-03-03T09:00:00.000Z',
      originalSource: { channel: 'paid_search' },
    }),
    createContact({ email: mail('cat'), originalSource: undefined }),
    createContact({
      email: mail('dan'),
      title: 'Intern',
      seniority: 'entry',
      department: 'marketing',
      industry: 'retail',
      companySize: 10,
      originalSource: { channel: 'paid_social' },
    }),
    // Title (40) + two webinars (10) = exactly the 50 needed to count as a fit.
    createContact({
      email: mail('eve'),
      title: 'Operations Manager',
      seniority: 'manager',
      department: 'sales',
      industry: 'retail',
      companySize: 100,
      handoffAt: '2026-03-20T09:00:00.000Z',
    }),
  ];
  const touches = [
    createTouch({ email: mail('ada'), campaignId: 'cmp-web', assetName: 'Live session', date: '2026-03-01T15:00:00.000Z' }),
    createTouch({
      email: mail('ada'),
      campaignId: 'cmp-ebook',
      assetName: 'Ops e-book',
      assetType: 'ebook',
      date: '2026-03-01T16:00:00.000Z',
    }),
    createTouch({
      email: mail('ada'),
      campaignId: 'crm-activity',
      assetName: 'Intro call',
      assetType: 'call',
      date: '2026-03-02T10:00:00.000Z',
    }),
    createTouch({ email: mail('bob'), campaignId: 'cmp-web', assetName: 'Live session', date: '2026-03-02T08:00:00.000Z' }),
    createTouch({
      email: mail('cat'),
      campaignId: 'cmp-ebook',
      assetName: 'Ops e-book',
      assetType: 'ebook',
      date: '2026-02-15T10:00:00.000Z',
    }),
    createTouch({ email: mail('dan'), campaignId: 'cmp-ads', assetName: 'Banner', assetType: 'ad', date: '2026-03-05T10:00:00.000Z' }),
    createTouch({ email: mail('eve'), campaignId: 'cmp-web', assetName: 'Live session', date: '2026-03-10T15:00:00.000Z' }),
    createTouch({ email: mail('eve'), campaignId: 'cmp-web', assetName: 'Recording', date: '2026-03-11T15:00:00.000Z' }),
  ];
  const feedback = [
    createFeedback({
      email: mail('ada'),
      verdict: 'bad',
      reasonId: 'no_budget',
      note: 'Frozen until Q3',
      createdAt: '2026-03-10T12:00:00.000Z',
    }),
    createFeedback({ email: mail('ada'), verdict: 'good', createdAt: '2026-03-03T12:00:00.000Z' }),
    createFeedback({ email: mail('bob'), verdict: 'bad', reasonId: 'wrong_person', createdAt: '2026-03-04T12:00:00.000Z' }),
    createFeedback({ email: mail('cat'), verdict: 'good', createdAt: '2026-02-20T12:00:00.000Z' }),
    createFeedback({ email: mail('cat'), verdict: 'bad', reasonId: 'legacy_not_icp', createdAt: '2026-03-06T12:00:00.000Z' }),
    createFeedback({ email: mail('eve'), verdict: 'good', reasonId: 'right_persona', createdAt: '2026-03-21T12:00:00.000Z' }),
    createFeedback({ email: mail('dan'), verdict: 'good', createdAt: '2026-04-02T12:00:00.000Z' }),
  ];
  const campaigns = [
    createCampaign({ id: 'cmp-web', name: 'Spring Webinar' }),
    createCampaign({ id: 'cmp-ebook', name: 'Ops E-book', type: 'content' }),
    createCampaign({ id: 'cmp-ads', name: 'Paid Ads', type: 'paid_social' }),
  ];
  return { contacts, touches, campaigns, feedback, personas: [createPersona()] };
}

const report = (dimension: ReportDimension, extra: Partial<Parameters<typeof buildReport>[0]> = {}) =>
  buildReport({ ...data(), period: march, dimension, now, ...extra });

describe('buildReport', () => {
  it('is empty for a period without activity', () => {
    expect(report('campaign', { period: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') } })).toEqual([]);
  });

  it('reports each campaign with verdicts credited to what touched the lead first', () => {
    const rows = report('campaign');
    rows.forEach((r) => ReportRowSchema.parse(r));
    expect(rows.map((r) => [r.label, r.leadsTouched, r.verdicts, r.good, r.bad])).toEqual([
      ['Spring Webinar', 3, 3, 1, 2],
      ['Ops E-book', 1, 2, 0, 2], // cat was touched in February, judged in March
      ['Paid Ads', 1, 0, 0, 0],
    ]);
    const [web, ebook, ads] = rows;
    expect(web?.goodRate).toBeCloseTo(1 / 3);
    expect(web?.topRejection).toEqual({ reasonId: 'wrong_person', label: 'Wrong person / misrouted', count: 1 });
    expect(web?.topDisqualification).toEqual({ reasonId: 'no_budget', label: 'No budget', count: 1 });
    expect(ebook?.goodRate).toBe(0);
    expect(ads).toMatchObject({ key: 'cmp-ads', goodRate: null, topRejection: null, topDisqualification: null });
    expect(web?.handoffs).toBeUndefined();
  });

  it('counts only the latest verdict per contact, whatever order it is stored in', () => {
    const d = data();
    const base = { ...d, period: march, dimension: 'campaign' as const, now };
    const forward = buildReport(base).find((r) => r.key === 'cmp-ebook');
    const reversed = buildReport({ ...base, feedback: [...d.feedback].reverse() }).find((r) => r.key === 'cmp-ebook');
    // ada said good on the 3rd and bad on the 10th: one bad verdict, not one of each.
    expect(forward).toMatchObject({ verdicts: 2, good: 0, bad: 2 });
    expect(reversed).toEqual(forward);
  });

  it('still counts retired reasons, labelled by their id', () => {
    const ebook = report('campaign').find((r) => r.key === 'cmp-ebook');
    // Nobody from sales had called cat, so the unknown reason is a rejection.
    expect(ebook?.topRejection).toEqual({ reasonId: 'legacy_not_icp', label: 'legacy_not_icp', count: 1 });
  });

  it('files a retired reason as a disqualification once sales had made contact', () => {
    const d = data();
    const feedback = [createFeedback({ email: mail('ada'), verdict: 'bad', reasonId: 'went_dark', createdAt: '2026-03-15T12:00:00.000Z' })];
    const web = buildReport({ ...d, feedback, period: march, dimension: 'campaign', now }).find((r) => r.key === 'cmp-web');
    expect(web?.topDisqualification).toEqual({ reasonId: 'went_dark', label: 'went_dark', count: 1 });
    expect(web?.topRejection).toBeNull();
  });

  it('uses a team reason list for labels when given one', () => {
    const reasons = [
      { id: 'legacy_not_icp', verdict: 'bad', group: 'disqualification', label: 'Not our ICP (old)', retired: true },
    ] as const;
    const ebook = report('campaign', { reasons: [...reasons] }).find((r) => r.key === 'cmp-ebook');
    expect(ebook?.topDisqualification).toEqual({ reasonId: 'legacy_not_icp', label: 'Not our ICP (old)', count: 1 });
  });

  it('groups by original source', () => {
    expect(report('source').map((r) => [r.key, r.label, r.leadsTouched, r.verdicts, r.goodRate])).toEqual([
      ['webinar', 'Webinar', 2, 2, 0.5],
      ['paid_search', 'Paid search', 1, 1, 0],
      ['paid_social', 'Paid social', 1, 0, null],
      ['(unknown)', 'Unknown source', 1, 1, 0],
    ]);
  });

  it('groups by best persona, with a score of 50 as the fit threshold', () => {
    expect(report('persona').map((r) => [r.label, r.leadsTouched, r.verdicts, r.good])).toEqual([
      ['Operations Leader', 3, 3, 1], // ada, cat and eve (score exactly 50)
      ['No persona fit', 2, 1, 0], // bob and dan
    ]);
  });

  it('groups by asset within its campaign', () => {
    const rows = report('asset');
    expect(rows.map((r) => [r.key, r.label, r.leadsTouched, r.verdicts])).toEqual([
      ['cmp-web::Live session', 'Live session (Spring Webinar)', 3, 3],
      ['cmp-ads::Banner', 'Banner (Paid Ads)', 1, 0],
      ['cmp-ebook::Ops e-book', 'Ops e-book (Ops E-book)', 1, 2],
      ['cmp-web::Recording', 'Recording (Spring Webinar)', 1, 1],
    ]);
  });

  it('adds hand-off SLA counts per row when settings are given', () => {
    const rows = report('campaign', { slaSettings: utc });
    expect(Object.fromEntries(rows.map((r) => [r.key, r.handoffs]))).toEqual({
      'cmp-web': { met: 0, untimed: 0, missed: 1, open: 1 }, // bob never called; eve due later today
      'cmp-ebook': { met: 1, untimed: 0, missed: 0, open: 0 }, // ada's last marketing touch before hand-off
      'cmp-ads': { met: 0, untimed: 0, missed: 0, open: 0 },
    });
  });

  it('counts a lead in a worked status as met without a time, and the rep’s own mail as a first touch', () => {
    const d = data();
    // Bob's status says he was called; eve got an email from the rep an hour after her hand-off.
    const contacts = d.contacts.map((c) => (c.email === mail('bob') ? { ...c, leadStatus: 'Working - Contacted' } : c));
    const observed = [
      {
        id: 'o1',
        email: mail('eve'),
        at: '2026-03-20T10:00:00.000Z',
        host: 'gmail' as const,
        kind: 'thread' as const,
        seenAt: '2026-03-20T10:05:00.000Z',
      },
    ];
    const rows = buildReport({
      ...d,
      contacts,
      observed,
      workedStatuses: ['working_contacted'],
      period: march,
      dimension: 'campaign',
      now,
      slaSettings: utc,
    });
    expect(rows.find((r) => r.key === 'cmp-web')?.handoffs).toEqual({ met: 1, untimed: 1, missed: 0, open: 0 });
  });
});

describe('attribution models', () => {
  const verdicts = (model: 'any' | 'first' | 'last') => Object.fromEntries(report('campaign', { model }).map((r) => [r.key, r.verdicts]));

  it('credits every campaign before the verdict (any), the first one only, or the last one before it', () => {
    // ada: webinar, then e-book, then a verdict; cat: e-book only; bob and eve: webinar only.
    expect(verdicts('any')).toMatchObject({ 'cmp-web': 3, 'cmp-ebook': 2 });
    expect(verdicts('first')).toMatchObject({ 'cmp-web': 3, 'cmp-ebook': 1 });
    expect(verdicts('last')).toMatchObject({ 'cmp-web': 2, 'cmp-ebook': 2 });
  });

  it('counts each rep’s current verdict on a contact once, two reps both', () => {
    const d = data();
    const feedback = [
      ...d.feedback,
      createFeedback({
        email: mail('bob'),
        verdict: 'good',
        author: 'Kim Lee <kim.lee@brightwave.example>',
        createdAt: '2026-03-05T09:00:00.000Z',
      }),
      // The same rep signed differently: still one rep, so the later verdict replaces the earlier.
      createFeedback({
        email: mail('bob'),
        verdict: 'good',
        author: 'Alex Rivera <alex.rivera@brightwave.example>',
        createdAt: '2026-03-06T09:00:00.000Z',
      }),
    ];
    const web = buildReport({ ...d, feedback, period: march, dimension: 'campaign', now }).find((r) => r.key === 'cmp-web');
    expect(web).toMatchObject({ verdicts: 4, good: 3, bad: 1 });
  });
});

describe('drillDown', () => {
  it('lists the contacts behind a campaign row with the verdict that counted', () => {
    const rows = drillDown('cmp-ebook', { ...data(), period: march });
    expect(rows).toEqual([
      {
        email: mail('ada'),
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        lastTouchAt: '2026-03-01T16:00:00.000Z',
        verdict: 'bad',
        reasonId: 'no_budget',
        reasonLabel: 'No budget',
        note: 'Frozen until Q3',
        author: 'alex.rivera@brightwave.example',
        feedbackAt: '2026-03-10T12:00:00.000Z',
        // Which assets reached her, newest first; the call is sales' own, not an asset.
        assets: [
          { name: 'Ops e-book', type: 'ebook', campaign: 'Ops E-book', date: '2026-03-01T16:00:00.000Z' },
          { name: 'Live session', type: 'webinar', campaign: 'Spring Webinar', date: '2026-03-01T15:00:00.000Z' },
        ],
      },
      expect.objectContaining({ email: mail('cat'), lastTouchAt: '2026-02-15T10:00:00.000Z', reasonLabel: 'legacy_not_icp' }),
    ]);
    const row = report('campaign').find((r) => r.key === 'cmp-ebook');
    expect(rows.filter((r) => r.verdict).length).toBe(row?.verdicts);
  });

  it('has a row per rep who judged the contact', () => {
    const d = data();
    const feedback = [
      ...d.feedback,
      createFeedback({
        email: mail('ada'),
        verdict: 'good',
        author: 'Kim Lee <kim.lee@brightwave.example>',
        createdAt: '2026-03-12T09:00:00.000Z',
      }),
    ];
    const rows = drillDown('cmp-ebook', { ...d, feedback, period: march }).filter((r) => r.email === mail('ada'));
    expect(rows.map((r) => [r.author, r.verdict])).toEqual([
      ['alex.rivera@brightwave.example', 'bad'],
      ['Kim Lee <kim.lee@brightwave.example>', 'good'],
    ]);
  });

  it('shows touched contacts without a verdict', () => {
    expect(drillDown('cmp-ads', { ...data(), period: march })).toEqual([
      expect.objectContaining({ email: mail('dan'), lastTouchAt: '2026-03-05T10:00:00.000Z', reasonLabel: '' }),
    ]);
  });
});

describe('goodRateOverTime', () => {
  const period = { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };

  it('gives every campaign a point per month, latest verdict per contact within each', () => {
    const trends = goodRateOverTime({ ...data(), period, bucket: 'month' });
    expect(trends.map((t) => t.label)).toEqual(['Ops E-book', 'Spring Webinar']);
    expect(trends[0]?.series).toEqual([
      { bucketStart: new Date('2026-02-01T00:00:00Z'), verdicts: 1, good: 1, goodRate: 1 },
      { bucketStart: new Date('2026-03-01T00:00:00Z'), verdicts: 2, good: 0, goodRate: 0 },
    ]);
    expect(trends[1]?.series.map((p) => [p.verdicts, p.goodRate])).toEqual([
      [0, null],
      [3, 1 / 3],
    ]);
  });

  it('marks the month still under way as partial', () => {
    const trends = goodRateOverTime({ ...data(), period, bucket: 'month', now: new Date('2026-03-20T10:00:00Z') });
    expect(trends[0]?.series.map((p) => p.partial ?? false)).toEqual([false, true]);
  });

  it('cuts buckets on the given time zone’s calendar', () => {
    const d = data();
    // 1 March 02:00 UTC is still 28 February in New York.
    const feedback = [createFeedback({ email: mail('cat'), verdict: 'good', createdAt: '2026-03-01T02:00:00.000Z' })];
    const [trend] = goodRateOverTime({ ...d, feedback, period, bucket: 'month', timeZone: 'America/New_York' });
    expect(trend?.series.map((p) => [p.bucketStart.toISOString(), p.verdicts])).toEqual([
      ['2026-01-01T05:00:00.000Z', 0], // 1 February 00:00 UTC is still January in New York
      ['2026-02-01T05:00:00.000Z', 1],
      ['2026-03-01T05:00:00.000Z', 0],
    ]);
  });

  it('supports weeks starting on Monday', () => {
    const weeks = goodRateOverTime({ ...data(), period: march, bucket: 'week' });
    const web = weeks.find((t) => t.campaignId === 'cmp-web');
    expect(web?.series.map((p) => p.bucketStart.toISOString().slice(0, 10))).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    // ada and bob in week 2, ada's change of mind in week 3, eve in week 4.
    expect(web?.series.map((p) => p.verdicts)).toEqual([0, 2, 1, 1, 0, 0]);
  });
});

describe('SLA tallies', () => {
  it('counts met, missed and open hand-offs per owner', () => {
    expect(slaByOwner({ ...data(), settings: utc, now })).toEqual([
      { key: 'Kim Lee', label: 'Kim Lee', met: 0, untimed: 0, missed: 1, open: 0 },
      { key: 'Sam Ortiz', label: 'Sam Ortiz', met: 1, untimed: 0, missed: 0, open: 0 },
      { key: '', label: 'Unassigned', met: 0, untimed: 0, missed: 0, open: 1 },
    ]);
  });

  it('limits to hand-offs in a period', () => {
    const period = { from: new Date('2026-03-03T00:00:00Z'), to: new Date('2026-03-04T00:00:00Z') };
    expect(slaByOwner({ ...data(), settings: utc, now, period }).map((r) => r.key)).toEqual(['Kim Lee']);
  });

  it('credits each hand-off to the campaign that tipped it over', () => {
    expect(slaByCampaign({ ...data(), settings: utc, now })).toEqual([
      { key: 'cmp-ebook', label: 'Ops E-book', met: 1, untimed: 0, missed: 0, open: 0 },
      { key: 'cmp-web', label: 'Spring Webinar', met: 0, untimed: 0, missed: 1, open: 1 },
    ]);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    type Row = { text: string; n: number | null };
    const rows: Row[] = [
      { text: 'plain', n: 1 },
      { text: 'a, b', n: -5 },
      { text: 'say "hi"', n: null },
      { text: 'two\nlines', n: 0 },
      { text: '=HYPERLINK("http://evil.example","x")', n: 2 },
      { text: '+1', n: 3 },
      { text: '-2', n: 4 },
      { text: '@SUM(A1)', n: 5 },
      // OWASP's CSV injection list: a leading tab or carriage return also starts a formula in some spreadsheets.
      { text: '\t=1+1', n: 6 },
      { text: '\r=1+1', n: 7 },
    ];
    const csv = toCsv(rows, [
      { header: 'Text, quoted', value: (r) => r.text },
      { header: 'N', value: (r) => r.n },
    ]);
    expect(csv.split('\r\n')).toEqual([
      '"Text, quoted",N',
      'plain,1',
      '"a, b",-5',
      '"say ""hi""",',
      '"two\nlines",0',
      `"'=HYPERLINK(""http://evil.example"",""x"")",2`,
      "'+1,3",
      "'-2,4",
      "'@SUM(A1),5",
      "'\t=1+1,6",
      `"'\r=1+1",7`,
      '',
    ]);
  });

  it('exports the feedback log with contact details and reason labels', () => {
    const d = data();
    const feedback = [
      createFeedback({
        email: mail('bob'),
        verdict: 'bad',
        reasonId: 'legacy_not_icp',
        note: '=cmd',
        createdAt: '2026-03-04T12:00:00.000Z',
      }),
    ];
    const [header, row] = feedbackToCsv(feedback, d.contacts).split('\r\n');
    expect(header).toBe('Date,Email,Name,Company,Owner,Verdict,Reason,Reason id,Note,Author,Sync state,Feedback id,Kind,Recycle on');
    expect(row).toBe(
      `2026-03-04T12:00:00.000Z,${mail('bob')},Ada Lovelace,Analytical Engines,Kim Lee,bad,legacy_not_icp,legacy_not_icp,'=cmd,alex.rivera@brightwave.example,local,${feedback[0]?.id},quality,`,
    );
  });
});

describe('reasons known only by their label', () => {
  // An older Salesforce Task ("Lead feedback: Bad lead – No budget") or a merged file's row carries the label, no id.
  const labelled = (email: string, reasonLabel: string, createdAt: string) => ({
    ...createFeedback({ email, verdict: 'bad', createdAt }),
    reasonLabel,
  });
  const feedback = [
    labelled(mail('bob'), 'Not a decision maker', '2026-03-04T12:00:00.000Z'),
    labelled(mail('eve'), 'Not a decision maker', '2026-03-12T12:00:00.000Z'),
    // The label of a reason in the team's list counts as that reason.
    labelled(mail('ada'), 'No budget', '2026-03-15T12:00:00.000Z'),
  ];

  it('are counted under their label, and a listed reason’s label as that reason', () => {
    const web = buildReport({ ...data(), feedback, period: march, dimension: 'campaign', now }).find((r) => r.key === 'cmp-web');
    expect(web).toMatchObject({ verdicts: 3, bad: 3 });
    // Nobody from sales had called bob or eve: a rejection.
    expect(web?.topRejection).toEqual({ label: 'Not a decision maker', count: 2 });
    expect(web?.topDisqualification).toEqual({ reasonId: 'no_budget', label: 'No budget', count: 1 });
    expect(ReportRowSchema.parse(web)).toEqual(web);
  });

  it('are shown in the drill-down and exported with their label', () => {
    const rows = drillDown('cmp-web', { ...data(), feedback, period: march });
    expect(rows.map((r) => [r.email, r.reasonLabel])).toEqual([
      [mail('eve'), 'Not a decision maker'],
      [mail('bob'), 'Not a decision maker'],
      [mail('ada'), 'No budget'],
    ]);
    const [, bob] = feedbackToCsv(feedback, data().contacts).split('\r\n');
    expect(bob).toBe(
      `2026-03-04T12:00:00.000Z,${mail('bob')},Ada Lovelace,Analytical Engines,Kim Lee,bad,Not a decision maker,,,alex.rivera@brightwave.example,local,${feedback[0]?.id},quality,`,
    );
  });
});
