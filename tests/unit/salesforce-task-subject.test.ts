import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type HttpPolicy } from '@/lib/connectors/http';
import { createSalesforceConnector } from '@/lib/connectors/salesforce/connector';
import { createSalesforceApi } from '@/lib/connectors/salesforce/api';
import { readSalesforceTeamVerdicts } from '@/lib/connectors/salesforce/team';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';
import { createFeedback } from '../factories';
import { fixture, DATA, session, listeningServer } from '../support/salesforce-org';

const policy: HttpPolicy = { ...DEFAULT_POLICY, sleep: async () => {}, random: () => 0.5 };
const server = listeningServer();

// Salesforce's documented limit for Task.Subject (a 255-character string field).
const SUBJECT_LIMIT = 255;

/** The team's list: a built-in reason renamed, and reasons it added (ids as Settings makes them). */
const teamReasons = (extra: ReasonDefinition[] = []): ReasonDefinition[] => [
  ...FEEDBACK_REASONS.map((r) => (r.id === 'no_budget' ? { ...r, label: 'No budget this fiscal year' } : r)),
  { id: 'pricing_too_high', verdict: 'bad', group: 'disqualification', label: 'Pricing too high for them' },
  ...extra,
];

/** Tom Becker's org: the Lead is found and every Task is created; returns the Subjects sent. */
function org() {
  const subjects: string[] = [];
  server.use(
    http.get(`${DATA}/query`, ({ request }) => {
      const soql = new URL(request.url).searchParams.get('q') ?? '';
      return HttpResponse.json(fixture(soql.includes('FROM Lead') ? 'lead-id-tom-becker' : 'query-empty'));
    }),
    http.post(`${DATA}/sobjects/Task`, async ({ request }) => {
      subjects.push(((await request.json()) as { Subject: string }).Subject);
      return HttpResponse.json(fixture('task-create-success'), { status: 201 });
    }),
  );
  return subjects;
}

const verdict = (reasonId: string) =>
  createFeedback({
    id: '3f9c2a7e-5b1d-4c8e-9a0f-6d2e1b7c4a90',
    email: 'tom.becker@aldermfg.example',
    verdict: 'bad',
    reasonId,
    createdAt: '2026-03-12T16:30:00.000Z',
    attempts: 1,
  });

const deliver = async (reasons: ReasonDefinition[], reasonId: string) => {
  const subjects = org();
  const sf = createSalesforceConnector({
    session,
    policy,
    now: () => Date.parse('2026-03-12T16:31:00.000Z'),
    verdictFields: { reasons: async () => reasons },
  });
  await sf.deliverFeedback!(verdict(reasonId), undefined);
  return subjects[0] ?? '';
};

/** A verdict Task as the team report reads it back, from its Subject alone (a Task written before the data line). */
async function readBack(subject: string) {
  server.use(
    http.get(`${DATA}/query`, () =>
      HttpResponse.json({
        totalSize: 1,
        done: true,
        records: [
          {
            attributes: { type: 'Task', url: '/services/data/v60.0/sobjects/Task/00THs00000Task01AA' },
            Id: '00THs00000Task01AA',
            Subject: subject,
            Description:
              'From: alex.rivera@brightwave.example (via Leadlight)\nLeadlight feedback id: 3f9c2a7e-5b1d-4c8e-9a0f-6d2e1b7c4a90',
            CreatedDate: '2026-03-12T16:30:04.000+0000',
            Who: {
              attributes: { type: 'Name', url: '/services/data/v60.0/sobjects/Lead/00QHs00001TomBkMAA' },
              Email: 'tom.becker@aldermfg.example',
            },
          },
        ],
      }),
    ),
  );
  const [read] = await readSalesforceTeamVerdicts(createSalesforceApi({ session, apiVersion: 'v60.0', policy }));
  return read;
}

describe('Salesforce verdict Task Subject', () => {
  it('labels the reason as the team does: one it added, and a built-in one it renamed', async () => {
    expect(await deliver(teamReasons(), 'pricing_too_high')).toBe('Lead feedback: Bad lead – Pricing too high for them [LL-3f9c2a7e]');
    expect(await deliver(teamReasons(), 'no_budget')).toBe('Lead feedback: Bad lead – No budget this fiscal year [LL-3f9c2a7e]');
  });

  it('cuts a long label to fit Salesforce’s limit, keeping the prefix and the marker whole', async () => {
    const long = {
      id: 'long_reason',
      verdict: 'bad' as const,
      group: 'rejection' as const,
      label: `Outside target ${'market '.repeat(40)}`,
    };
    const subject = await deliver(teamReasons([long]), 'long_reason');
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_LIMIT);
    expect(subject.startsWith('Lead feedback: Bad lead – Outside target market')).toBe(true);
    expect(subject.endsWith('… [LL-3f9c2a7e]')).toBe(true);
  });

  it('writes a Subject the team report reads back, for a label holding “ – ” or brackets', async () => {
    const label = 'Pricing – too high [FY26]';
    const subject = await deliver(teamReasons([{ id: 'pricing_fy26', verdict: 'bad', group: 'rejection', label }]), 'pricing_fy26');
    expect(subject).toBe(`Lead feedback: Bad lead – ${label} [LL-3f9c2a7e]`);
    expect(await readBack(subject)).toMatchObject({ verdict: 'bad', reasonLabel: label, email: 'tom.becker@aldermfg.example' });
  });
});
