import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, type ImportField, type MappedRow } from '@/lib/import/fields';
import { campaignIdFor } from '@/lib/import/ids';
import { rowToRecords } from '@/lib/import/row-to-records';

function row(values: Partial<Record<ImportField, string>>): MappedRow {
  return { ...(Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, ''])) as MappedRow), ...values };
}

const TOUCH_ROW = {
  email: ' Maya.Okafor@Northwind-Logistics.example ',
  firstName: 'Maya',
  lastName: 'Okafor',
  lifecycleStage: 'Marketing Qualified Lead',
  companySize: '1,200',
  score: '78',
  originalSource: 'Paid Search',
  originalSourceDetail: 'google / logistics-bi',
  campaign: 'Q3 Supply Chain Visibility Webinar',
  campaignType: 'Webinar',
  asset: 'Live session',
  assetType: 'Webinar',
  date: '9/18/2025',
  status: 'Attended',
  responded: 'Yes',
};

describe('rowToRecords', () => {
  it('reads a campaign’s dates and links, so imported webinars can be suggested with an invite link', () => {
    const result = rowToRecords(
      row({
        ...TOUCH_ROW,
        campaign: 'Q1 Forecasting Live',
        campaignStartDate: '2027-01-04',
        campaignEndDate: '2027-02-26',
        campaignEventDate: '2027-02-03T15:00:00Z',
        campaignInviteUrl: 'https://brightwave.example/register/q1-forecasting',
        campaignRecordUrl: 'https://brightwave.my.salesforce.com/lightning/r/Campaign/701000000000001AAA/view',
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.warnings).toEqual([]);
    expect(result.records.campaign).toEqual({
      id: campaignIdFor('Q1 Forecasting Live'),
      name: 'Q1 Forecasting Live',
      type: 'Webinar',
      category: 'webinar',
      status: 'unknown',
      startDate: '2027-01-04T00:00:00.000Z',
      endDate: '2027-02-26T00:00:00.000Z',
      eventDate: '2027-02-03T15:00:00.000Z',
      inviteUrl: 'https://brightwave.example/register/q1-forecasting',
      recordUrl: 'https://brightwave.my.salesforce.com/lightning/r/Campaign/701000000000001AAA/view',
    });
  });

  it('leaves out an unreadable campaign date or a link that is not a web address, keeping the campaign and the touch', () => {
    const result = rowToRecords(
      row({ ...TOUCH_ROW, campaignEventDate: 'next Tuesday', campaignInviteUrl: 'javascript:alert(1)', campaignStartDate: '2027-01-04' }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.records.campaign).toMatchObject({ name: 'Q3 Supply Chain Visibility Webinar', startDate: '2027-01-04T00:00:00.000Z' });
    expect(result.records.campaign).not.toHaveProperty('eventDate');
    expect(result.records.campaign).not.toHaveProperty('inviteUrl');
    expect(result.records.touch).toMatchObject({ assetName: 'Live session' });
    expect(result.warnings).toEqual([
      { field: 'campaignEventDate', reason: 'unreadable date “next Tuesday”' },
      { field: 'campaignInviteUrl', reason: '“javascript:alert(1)” is not a web address (http or https)' },
    ]);
  });

  it('builds a contact keyed by lower-cased email, a campaign and a touch', () => {
    const result = rowToRecords(row(TOUCH_ROW));
    if (!result.ok) throw new Error(result.reason);
    const { contact, campaign, touch } = result.records;
    expect(contact).toEqual({
      email: 'maya.okafor@northwind-logistics.example',
      name: 'Maya Okafor',
      companySize: 1200,
      lifecycleStage: 'mql',
      score: 78,
      // As the export wrote it, with Leadlight's category beside it.
      originalSource: { channel: 'Paid Search', category: 'paid_search', detail: 'google / logistics-bi' },
    });
    expect(campaign).toEqual({
      id: campaignIdFor('Q3 Supply Chain Visibility Webinar'),
      name: 'Q3 Supply Chain Visibility Webinar',
      type: 'Webinar',
      category: 'webinar',
      status: 'unknown',
    });
    expect(touch).toMatchObject({
      email: contact.email,
      campaignId: campaign?.id,
      assetName: 'Live session',
      assetType: 'Webinar',
      assetCategory: 'webinar',
      date: '2025-09-18T00:00:00.000Z',
      responseStatus: 'Attended',
      responded: true,
    });
  });

  it('gives the same ids to the same row every time', () => {
    const a = rowToRecords(row(TOUCH_ROW));
    const b = rowToRecords(row({ ...TOUCH_ROW, email: 'maya.okafor@northwind-logistics.example', title: 'COO' }));
    expect(a.ok && b.ok && a.records.touch?.id === b.records.touch?.id).toBe(true);
  });

  it('uses a campaign id from the file when there is one', () => {
    const r = rowToRecords(row({ ...TOUCH_ROW, campaignId: '701Hs00000ABCDE' }));
    expect(r.ok && r.records.touch?.campaignId).toBe('701Hs00000ABCDE');
  });

  it('keeps unknown picklist values verbatim', () => {
    const r = rowToRecords(
      row({ ...TOUCH_ROW, lifecycleStage: 'Partner Prospect', campaignType: 'Podcast', assetType: 'Podcast episode' }),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.records.contact.lifecycleStage).toBe('Partner Prospect');
    expect(r.records.campaign).toMatchObject({ type: 'Podcast', category: 'other' });
    expect(r.records.touch).toMatchObject({ assetType: 'Podcast episode', assetCategory: 'other' });
  });

  it('dates a Salesforce member row by its first response, keyed by its membership date', () => {
    const base = {
      email: 'jordan.lee@unknown-startup.example',
      campaign: 'Winter Peak Readiness Webinar',
      campaignType: 'Webinar',
      date: '11/1/2026',
    };
    const before = rowToRecords(row({ ...base, status: 'Sent', responded: '0' }));
    const after = rowToRecords(row({ ...base, status: 'Registered', responded: '1', respondedDate: '11/4/2026' }));
    if (!before.ok || !after.ok) throw new Error('rows should be valid');
    expect(before.records.touch).toMatchObject({
      date: '2026-11-01T00:00:00.000Z',
      responded: false,
      assetName: 'Winter Peak Readiness Webinar',
      assetType: 'webinar',
    });
    expect(after.records.touch).toMatchObject({ date: '2026-11-04T00:00:00.000Z', responded: true, responseStatus: 'Registered' });
    expect(after.records.touch?.id).toBe(before.records.touch?.id);
  });

  it('derives Responded from the member status when the column is missing', () => {
    const r = rowToRecords(row({ ...TOUCH_ROW, responded: '', status: 'Opened' }));
    expect(r.ok && r.records.touch?.responded).toBe(false);
  });

  it('produces no touch for a contact-only row', () => {
    const r = rowToRecords(
      row({
        email: 'tom.becker@aldermfg.example',
        fullName: 'Tom Becker',
        latestSourceDate: '2025-12-02 09:30',
        latestSource: 'Organic Search',
      }),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.records.touch).toBeUndefined();
    expect(r.records.contact.latestSource).toEqual({
      channel: 'Organic Search',
      category: 'organic_search',
      date: '2025-12-02T09:30:00.000Z',
    });
  });

  it('drops an unreadable score rather than the row, and says so', () => {
    const r = rowToRecords(row({ ...TOUCH_ROW, score: 'high', companySize: '51-200' }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.records.contact).not.toHaveProperty('score');
    expect(r.warnings).toEqual([
      { field: 'companySize', reason: '“51-200” is not a whole number' },
      { field: 'score', reason: '“high” is not a number' },
    ]);
  });

  it.each([
    [{ email: '' }, 'No email'],
    [{ email: 'maya@' }, 'Invalid email “maya@”'],
  ])('rejects %j, a row without a usable identity', (values, reason) => {
    const r = rowToRecords(row({ ...TOUCH_ROW, ...values }));
    expect(r).toEqual({ ok: false, reason });
  });

  it.each([
    [{ date: '31st Dec 2025' }, 'date', 'unreadable date “31st Dec 2025”; the campaign touch was left out', false],
    [{ date: '' }, 'date', 'no date; the campaign touch was left out', false],
    [{ responded: 'maybe' }, 'responded', '“maybe” is not yes/no, true/false or 1/0; read from the status instead', true],
    [{ title: 'x'.repeat(301) }, 'title', 'Too big: expected string to have <=300 characters', true],
    [{ asset: 'x'.repeat(301) }, 'asset', 'Too big: expected string to have <=300 characters; the campaign touch was left out', false],
    [
      { campaign: 'x'.repeat(301) },
      'campaign',
      'name: Too big: expected string to have <=300 characters; the campaign touch was left out',
      false,
    ],
  ])('keeps the contact of %j and warns about that field', (values, field, reason, touch) => {
    const r = rowToRecords(row({ ...TOUCH_ROW, ...values }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.records.contact.email).toBe('maya.okafor@northwind-logistics.example');
    expect(r.warnings).toEqual([{ field, reason }]);
    expect(!!r.records.touch).toBe(touch);
  });

  it('turns a "Last Activity" date into a last-activity touch and a call row without a campaign into a call', () => {
    const withLast = rowToRecords(row({ email: 'ada@lead.example', lastActivity: '11/24/2026' }));
    if (!withLast.ok) throw new Error(withLast.reason);
    expect(withLast.records.activity).toMatchObject({
      email: 'ada@lead.example',
      campaignId: 'sales-activity',
      assetCategory: 'last_activity',
      date: '2026-11-24T00:00:00.000Z',
    });
    // A date says nothing of how the lead was contacted: no status is made up.
    expect(withLast.records.activity).not.toHaveProperty('responseStatus');
    const call = rowToRecords(row({ email: 'ada@lead.example', asset: 'Discovery call', assetType: 'Call', date: '2026-11-20T10:30:00Z' }));
    if (!call.ok) throw new Error(call.reason);
    expect(call.records.touch).toMatchObject({
      campaignId: 'sales-activity',
      // As the file wrote it; the SLA reads Leadlight's category, recognised whatever the file's case.
      assetType: 'Call',
      assetCategory: 'call',
      assetName: 'Discovery call',
      date: '2026-11-20T10:30:00.000Z',
    });
    // No status column: none is made up.
    expect(call.records.touch).not.toHaveProperty('responseStatus');
    const email = rowToRecords(
      row({ email: 'ada@lead.example', assetType: 'SALES EMAIL', status: 'Replied', date: '2026-11-21T08:00:00Z' }),
    );
    if (!email.ok) throw new Error(email.reason);
    // A nameless activity is named by the file's own word for it.
    expect(email.records.touch).toMatchObject({
      assetType: 'SALES EMAIL',
      assetCategory: 'sales_email',
      assetName: 'SALES EMAIL',
      responseStatus: 'Replied',
    });
    // Keyed as earlier versions keyed it (they named it "Email"), so importing the file again updates it rather than adding one.
    const named = rowToRecords(row({ email: 'ada@lead.example', assetType: 'Sales email', asset: 'Email', date: '2026-11-21T08:00:00Z' }));
    expect(named.ok && named.records.touch?.id).toBe(email.records.touch?.id);
    expect(call.records.campaign).toBeUndefined();
    // A marketing asset type without a campaign is still no touch.
    const loose = rowToRecords(row({ email: 'ada@lead.example', assetType: 'Webinar', date: '2026-11-20T10:30:00Z' }));
    expect(loose.ok && loose.records.touch).toBeFalsy();
  });

  it('keeps the row and warns when the last-activity date cannot be read', () => {
    const result = rowToRecords(row({ email: 'ada@lead.example', lastActivity: 'soon' }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.records.activity).toBeUndefined();
    expect(result.warnings).toEqual([{ field: 'lastActivity', reason: 'unreadable date “soon”' }]);
  });

  it('keeps the contact and names the column when a call row’s date or status cannot be used', () => {
    const undated = rowToRecords(
      row({ email: 'ada@lead.example', asset: 'Intro call', assetType: 'Call', date: '31/31/2025', status: 'Done' }),
    );
    if (!undated.ok) throw new Error(undated.reason);
    expect(undated.records.touch).toBeUndefined();
    expect(undated.warnings).toEqual([{ field: 'date', reason: 'unreadable date “31/31/2025”; the Call was left out' }]);
    const wordy = rowToRecords(
      row({ email: 'ada@lead.example', assetType: 'Call', date: '2026-11-20T10:30:00Z', status: 'x'.repeat(201) }),
    );
    if (!wordy.ok) throw new Error(wordy.reason);
    expect(wordy.records.contact.email).toBe('ada@lead.example');
    expect(wordy.warnings).toEqual([{ field: 'status', reason: expect.stringMatching(/; the Call was left out$/) }]);
  });

  it('keeps the campaign and the touch when the campaign type cannot be stored, naming that column', () => {
    const result = rowToRecords(row({ ...TOUCH_ROW, campaign: 'Spring Summit', campaignType: 'x'.repeat(301) }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.records.campaign).toMatchObject({ name: 'Spring Summit', type: 'Other' });
    expect(result.records.touch).toBeDefined();
    expect(result.warnings).toEqual([{ field: 'campaignType', reason: expect.stringMatching(/; left empty$/) }]);
  });
});

describe('rowToRecords in each order of day and month', () => {
  it('reads the same cells again when the order changes, rather than reusing the contact read before', () => {
    const cells = row({
      email: 'ada@lead.example',
      handoffAt: '03/04/2026',
      campaign: 'Spring Summit',
      campaignStartDate: '05/06/2026',
      date: '07/08/2026',
    });
    const first = rowToRecords(cells, 'month-first');
    const second = rowToRecords(cells, 'day-first');
    if (!first.ok || !second.ok) throw new Error('rows refused');
    expect([first.records.contact.handoffAt, first.records.campaign?.startDate, first.records.touch?.date]).toEqual([
      '2026-03-04T00:00:00.000Z',
      '2026-05-06T00:00:00.000Z',
      '2026-07-08T00:00:00.000Z',
    ]);
    expect([second.records.contact.handoffAt, second.records.campaign?.startDate, second.records.touch?.date]).toEqual([
      '2026-04-03T00:00:00.000Z',
      '2026-06-05T00:00:00.000Z',
      '2026-08-07T00:00:00.000Z',
    ]);
  });
});

describe('rowToRecords with European numbers', () => {
  it('reads an employee count grouped by a dot as thousands', () => {
    const r = rowToRecords(row({ email: 'ada@lead.example', companySize: '5.000', score: '78,5' }));
    if (!r.ok) throw new Error(r.reason);
    expect([r.records.contact.companySize, r.records.contact.score]).toEqual([5000, 78.5]);
    expect(r.warnings).toEqual([]);
  });
});
