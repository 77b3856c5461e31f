import { describe, expect, it } from 'vitest';
import { DEMO_NOW, generateDemoData } from '@/lib/demo/demo-data';
import { FEATURED_CONTACTS } from '@/lib/demo/featured';
import { generateDemoVerdicts } from '@/lib/demo/team-verdicts';
import { buildReport, type ReportDimension } from '@/lib/domain/report';
import { reasonsFor } from '@/lib/domain/feedback-reasons';
import { authorKey } from '@/lib/domain/team-verdict';

const data = generateDemoData();
const verdicts = generateDemoVerdicts(data);
const allTime = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

describe('demo verdicts', () => {
  it('span 18 months and come from 4 to 6 reps', () => {
    const months = new Set(verdicts.map((v) => v.createdAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(17);
    expect(verdicts[0]!.createdAt < '2025-07-01').toBe(true);
    expect(verdicts.every((v) => v.createdAt <= DEMO_NOW)).toBe(true);
    const reps = new Set(verdicts.map((v) => authorKey(v.author)));
    expect(reps.size).toBeGreaterThanOrEqual(4);
    expect(reps.size).toBeLessThanOrEqual(6);
    expect(verdicts.length).toBeGreaterThanOrEqual(300);
  });

  it('leave the featured contacts to the demo’s own clicks', () => {
    const featured = new Set(FEATURED_CONTACTS.map((f) => f.contact.email));
    expect(verdicts.filter((v) => featured.has(v.email))).toEqual([]);
  });

  it('leave the hand-offs still waiting for a first touch unjudged', () => {
    // The demo's two due-soon and two on-time hand-offs (tests/unit/demo-data.test.ts): no rep has reached them yet.
    const recent = ['2026-11-19T13:30:00.000Z', '2026-11-19T13:50:00.000Z', '2026-11-19T15:00:00.000Z', '2026-11-20T07:40:00.000Z'];
    const waiting = data.contacts.filter((c) => recent.includes(c.handoffAt ?? ''));
    expect(waiting.map((c) => c.leadStatus)).toEqual(['new', 'new', 'new', 'new']);
    expect(verdicts.filter((v) => waiting.some((c) => c.email === v.email))).toEqual([]);
  });

  it('use the team’s reasons, hand-off decisions and recycling to nurture with a date', () => {
    const known = new Set([...reasonsFor('good'), ...reasonsFor('bad')].map((r) => r.id));
    for (const v of verdicts) if (v.reasonId) expect(known.has(v.reasonId), v.reasonId).toBe(true);
    for (const v of verdicts.filter((x) => x.verdict === 'bad')) expect(v.reasonId, v.id).toBeDefined();
    expect(verdicts.some((v) => v.kind === 'handoff' && v.verdict === 'good')).toBe(true);
    const recycled = verdicts.filter((v) => v.reasonId === 'recycle_nurture');
    expect(recycled.length).toBeGreaterThan(0);
    for (const v of recycled) expect(v.recycleOn! > v.createdAt.slice(0, 10)).toBe(true);
    // Some reps changed their mind: the later verdict names the one it replaces.
    const ids = new Map(verdicts.map((v) => [v.id, v]));
    const superseding = verdicts.filter((v) => v.supersedes);
    expect(superseding.length).toBeGreaterThan(0);
    for (const v of superseding) expect(ids.get(v.supersedes!)).toMatchObject({ email: v.email, author: v.author });
  });

  it('disqualify only leads sales had already logged an activity with, and reject the others', () => {
    const byId = new Map([...reasonsFor('good'), ...reasonsFor('bad')].map((r) => [r.id, r]));
    const replaced = new Set(verdicts.map((v) => v.supersedes).filter(Boolean));
    // Calls, emails and meetings the demo CRM logged (its own words: "Email", "Demo"…), by who was contacted when.
    const logged = data.touches.filter((t) => t.campaignId === 'sales-activity');
    const contacted = (email: string, at: string) => logged.some((t) => t.email === email && t.date <= at);
    // Recycling, and a lead that is nobody's buyer, are decided whether or not sales called.
    const judged = verdicts.filter(
      (v) => !replaced.has(v.id) && v.reasonId && !['outside_target', 'not_a_buyer', 'recycle_nurture'].includes(v.reasonId),
    );
    const groups = judged.map((v) => [byId.get(v.reasonId!)?.group, contacted(v.email, v.createdAt)]);
    expect(groups.filter(([group]) => group === 'disqualification').every(([, c]) => c)).toBe(true);
    expect(groups.filter(([group]) => group === 'rejection').every(([, c]) => !c)).toBe(true);
    expect(groups.filter(([group]) => group === 'disqualification').length).toBeGreaterThan(0);
  });

  it('judge only leads marketing reached: sales’ own calls and emails, in the CRM’s words, are no campaign', () => {
    const rep = data.contacts.find((c) => c.owner && !FEATURED_CONTACTS.some((f) => f.contact.email === c.email))!;
    const calls = ['2026-03-02T10:00:00.000Z', '2026-03-09T10:00:00.000Z', '2026-03-16T10:00:00.000Z'].flatMap((date, i) => [
      {
        ...data.touches[0]!,
        id: `e${i}`,
        email: rep.email,
        campaignId: 'sales-activity',
        assetType: 'Email',
        assetCategory: 'sales_email',
        date,
      },
      {
        ...data.touches[0]!,
        id: `d${i}`,
        email: rep.email,
        campaignId: 'sales-activity',
        assetType: 'Demo',
        assetCategory: 'meeting',
        date,
      },
    ]);
    // Twenty such leads: at the demo's odds, some would be judged if their sales activity counted as marketing.
    const contacts = Array.from({ length: 20 }, (_, i) => ({ ...rep, email: `lead${i}@${rep.email.split('@')[1]}` }));
    const touches = contacts.flatMap((c) => calls.map((t) => ({ ...t, id: `${c.email}-${t.id}`, email: c.email })));
    expect(generateDemoVerdicts({ ...data, contacts, touches })).toEqual([]);
  });

  it.each<[ReportDimension]>([['campaign'], ['source'], ['persona']])('give good-lead rates that differ clearly by %s', (dimension) => {
    const rows = buildReport({ ...data, feedback: verdicts, period: allTime, dimension, now: new Date(DEMO_NOW) }).filter(
      (r) => r.verdicts >= 10,
    );
    const rates = rows.map((r) => r.goodRate ?? 0);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThanOrEqual(0.3);
  });

  it('are the same on every run', () => {
    expect(generateDemoVerdicts(generateDemoData())).toEqual(verdicts);
  });
});
