import { describe, it, expect } from 'vitest';
import { CampaignSchema, TouchSchema } from '../../lib/domain/campaign';
import { ContactSchema } from '../../lib/domain/contact';
import { LEAD_CHANNEL_LABELS } from '../../lib/domain/labels';
import { PersonaSchema } from '../../lib/domain/persona';
import { DEMO_NOW, generateDemoData } from '../../lib/demo/demo-data';
import { DEMO_SLA } from '../../lib/demo/demo-sla';
import { slaViewFor } from '../../lib/domain/sla-view';
import { DEFAULT_WORKED_STATUSES } from '../../lib/domain/worked-status';

const data = generateDemoData();
const isActivity = (t: { id: string }) => t.id.startsWith('act-');
const NOW = Date.parse(DEMO_NOW);
// 18 months back from DEMO_NOW, with a day of slack for month-length differences.
const OLDEST = Date.parse('2025-05-19T00:00:00.000Z');

const contact = (email: string) => data.contacts.find((c) => c.email === email);
const touchesOf = (email: string) => data.touches.filter((t) => t.email === email);
const assetTypesOf = (email: string) => new Set(touchesOf(email).map((t) => t.assetType));

describe('demo dataset', () => {
  it('parses with the domain schemas without being changed by them', () => {
    for (const c of data.contacts) expect(ContactSchema.parse(c)).toEqual(c);
    for (const c of data.campaigns) expect(CampaignSchema.parse(c)).toEqual(c);
    for (const t of data.touches) expect(TouchSchema.parse(t)).toEqual(t);
    for (const p of data.personas) expect(PersonaSchema.parse(p)).toEqual(p);
  });

  it('has the expected size', () => {
    expect(data.contacts.length).toBe(600);
    expect(data.campaigns.length).toBeGreaterThanOrEqual(20);
    expect(data.campaigns.length).toBeLessThanOrEqual(30);
    const campaignTouches = data.touches.filter((t) => !isActivity(t));
    expect(campaignTouches.length).toBeGreaterThanOrEqual(4200);
    expect(campaignTouches.length).toBeLessThanOrEqual(5200);
    expect(data.touches.length - campaignTouches.length).toBeGreaterThanOrEqual(300);
    expect(data.personas.map((p) => p.id)).toEqual(['ops-leader', 'data-practitioner', 'finance-exec', 'it-gatekeeper']);
  });

  it('uses unique, lower-case emails and unique ids', () => {
    const emails = data.contacts.map((c) => c.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toBe(e.toLowerCase());
    expect(new Set(data.campaigns.map((c) => c.id)).size).toBe(data.campaigns.length);
    expect(new Set(data.touches.map((t) => t.id)).size).toBe(data.touches.length);
    expect(data.touches[0]?.id).toBe('tch-00001');
  });

  it('references existing contacts and campaigns, within campaign dates', () => {
    const emails = new Set(data.contacts.map((c) => c.email));
    const campaigns = new Map(data.campaigns.map((c) => [c.id, c]));
    for (const t of data.touches.filter((x) => !isActivity(x))) {
      expect(emails.has(t.email)).toBe(true);
      const campaign = campaigns.get(t.campaignId);
      expect(campaign, t.id).toBeDefined();
      const at = Date.parse(t.date);
      expect(at).toBeGreaterThanOrEqual(Date.parse(campaign?.startDate ?? ''));
      expect(at).toBeLessThanOrEqual(Date.parse(campaign?.endDate ?? ''));
    }
  });

  it('keeps every past date within the 18 months before DEMO_NOW', () => {
    for (const t of data.touches) {
      expect(Date.parse(t.date)).toBeLessThanOrEqual(NOW);
      expect(Date.parse(t.date)).toBeGreaterThanOrEqual(OLDEST);
    }
    for (const c of data.contacts) {
      for (const date of [c.handoffAt, c.originalSource?.date, c.latestSource?.date]) {
        if (date) expect(Date.parse(date)).toBeLessThanOrEqual(NOW);
      }
    }
    for (const c of data.campaigns) expect(Date.parse(c.startDate ?? '')).toBeGreaterThanOrEqual(OLDEST);
  });

  it('has upcoming campaigns after DEMO_NOW', () => {
    const upcoming = data.campaigns.filter((c) => Date.parse(c.endDate ?? '') > NOW);
    expect(upcoming.length).toBeGreaterThanOrEqual(2);
    for (const c of upcoming) expect(['planned', 'in_progress']).toContain(c.status);
    expect(data.campaigns.some((c) => c.status === 'planned' && Date.parse(c.startDate ?? '') > NOW)).toBe(true);
  });

  it('marks responses consistently with the member status', () => {
    const responded = new Set(['Clicked', 'Registered', 'Attended', 'Downloaded', 'Visited', 'Submitted', 'Responded']);
    for (const t of data.touches) expect(t.responded).toBe(responded.has(t.responseStatus ?? ''));
  });

  it('gives handed-over contacts a hand-off date', () => {
    for (const c of data.contacts) {
      if (['mql', 'sql', 'opportunity', 'customer'].includes(c.lifecycleStage ?? '')) expect(c.handoffAt, c.email).toBeDefined();
    }
  });

  it('is deterministic', () => {
    expect(generateDemoData()).toEqual(data);
  });

  it('contains the featured contacts with their histories', () => {
    const maya = contact('maya.okafor@northwind-logistics.example');
    expect(maya).toMatchObject({
      name: 'Maya Okafor',
      title: 'VP Operations',
      company: 'Northwind Logistics',
      industry: 'logistics',
      companySize: 1200,
      seniority: 'vp',
      department: 'operations',
      lifecycleStage: 'mql',
      score: 78,
      owner: 'Alex Rivera',
      handoffAt: '2026-11-18T09:00:00.000Z',
    });
    expect(touchesOf('maya.okafor@northwind-logistics.example').length).toBeGreaterThanOrEqual(8);
    for (const type of ['webinar', 'case_study']) expect(assetTypesOf('maya.okafor@northwind-logistics.example').has(type)).toBe(true);

    expect(contact('daniel.kim@helixbio.example')).toMatchObject({
      name: 'Daniel Kim',
      lifecycleStage: 'sql',
      seniority: 'director',
      department: 'data',
    });
    expect(touchesOf('daniel.kim@helixbio.example').length).toBeGreaterThanOrEqual(6);
    for (const type of ['whitepaper', 'ebook', 'webinar']) expect(assetTypesOf('daniel.kim@helixbio.example').has(type)).toBe(true);

    expect(contact('priya.raman@corvidretail.example')).toMatchObject({
      name: 'Priya Raman',
      lifecycleStage: 'opportunity',
      seniority: 'c_level',
    });
    expect(touchesOf('priya.raman@corvidretail.example').length).toBeGreaterThanOrEqual(4);
    for (const type of ['event', 'case_study']) expect(assetTypesOf('priya.raman@corvidretail.example').has(type)).toBe(true);

    expect(contact('tom.becker@aldermfg.example')).toMatchObject({ name: 'Tom Becker', lifecycleStage: 'lead', department: 'it' });
    for (const type of ['web_page', 'form']) expect(assetTypesOf('tom.becker@aldermfg.example').has(type)).toBe(true);

    expect(contact('sofia.lindqvist@fjordins.example')).toMatchObject({ name: 'Sofia Lindqvist', company: 'Fjord Insurance' });
    expect(touchesOf('sofia.lindqvist@fjordins.example').length).toBeGreaterThanOrEqual(3);

    expect(contact('noah.feld@quietpartners.example')?.name).toBe('Noah Feld');
    expect(touchesOf('noah.feld@quietpartners.example')).toEqual([]);
  });

  it('keeps hostile markup out of the demo a marketer explores (it lives in test fixtures)', () => {
    const text = JSON.stringify(data);
    for (const marker of ['<script', '<img', '<svg', 'onerror']) expect(text).not.toContain(marker);
  });

  it('logs sales activities after each hand-off only, as calls, emails and meetings', () => {
    const contacts = new Map(data.contacts.map((c) => [c.email, c]));
    for (const t of data.touches.filter(isActivity)) {
      const c = contacts.get(t.email);
      expect(c?.handoffAt, t.id).toBeDefined();
      expect(Date.parse(t.date)).toBeGreaterThan(Date.parse(c?.handoffAt ?? ''));
      expect(Date.parse(t.date)).toBeLessThanOrEqual(NOW);
      expect(['call', 'sales_email', 'meeting']).toContain(t.assetCategory);
      // The demo org's own words, as a CRM would hold them; it logs no status.
      expect(['Call', 'Email', 'Meeting', 'Demo']).toContain(t.assetType);
      expect(t.responseStatus).toBeUndefined();
      expect(t.campaignId).toBe('sales-activity');
    }
  });

  it('shows every SLA state among its contacts, with its company SLA on its own today', () => {
    const byEmail = new Map<string, typeof data.touches>();
    for (const t of data.touches) byEmail.set(t.email, [...(byEmail.get(t.email) ?? []), t]);
    const view = (email: string) =>
      slaViewFor(contact(email)!, byEmail.get(email) ?? [], DEMO_SLA, new Date(DEMO_NOW), { worked: DEFAULT_WORKED_STATUSES.demo });
    const states = new Set(data.contacts.map((c) => view(c.email)).map((v) => v && (v.state === 'met' && !v.metAt ? 'untimed' : v.state)));
    expect([...states].filter(Boolean).sort()).toEqual(['due_soon', 'met', 'missed', 'on_time', 'overdue', 'untimed']);
    // Handed over Wed 18 Nov 09:00 (London = UTC in November), due 13:00; untouched on Fri 20 Nov 09:00.
    expect(view('maya.okafor@northwind-logistics.example')).toMatchObject({ state: 'overdue', duration: '1 business day 4 h' });
    // Thu 19 Nov 10:00, due 14:00: 3 h overdue on Friday morning until her reply is seen in Gmail.
    expect(view('lena.fischer@bluepeak.example')).toMatchObject({ state: 'overdue', duration: '3 h' });
    // Fri 15 May 10:00 UTC is 11:00 in London (BST), due 15:00 BST; the call at 12:40 BST was 2 h 20 min early.
    expect(view('daniel.kim@helixbio.example')).toMatchObject({
      state: 'met',
      metAt: '2026-05-15T11:40:00.000Z',
      duration: '2 h 20 min',
      firstTouch: { via: 'logged', activity: 'Call', category: 'call', label: 'Discovery call' },
    });
    // Hand-offs after 13:00 on Thursday fall due on Friday morning.
    const due = ['2026-11-19T13:30:00.000Z', '2026-11-19T13:50:00.000Z'].map((h) => data.contacts.find((c) => c.handoffAt === h)!);
    expect(due.map((c) => view(c.email)?.state)).toEqual(['due_soon', 'due_soon']);
    const onTime = ['2026-11-19T15:00:00.000Z', '2026-11-20T07:40:00.000Z'].map((h) => data.contacts.find((c) => c.handoffAt === h)!);
    expect(onTime.map((c) => view(c.email)?.duration)).toEqual(['2 h', '4 h']);
  });

  it('does not know the "unknown contact" of the demo', () => {
    expect(contact('jordan.lee@unknown-startup.example')).toBeUndefined();
    expect(data.contacts.some((c) => c.name === 'Jordan Lee')).toBe(false);
  });

  it('has at least four contacts without touches', () => {
    const touched = new Set(data.touches.map((t) => t.email));
    expect(data.contacts.filter((c) => !touched.has(c.email)).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps exactly one lead-source channel the extension has no label for', () => {
    const unknown = data.contacts.filter((c) => c.originalSource && !(c.originalSource.channel in LEAD_CHANNEL_LABELS));
    expect(unknown.map((c) => c.originalSource?.channel)).toEqual(['trade_show_booth_scan']);
    expect(ContactSchema.parse(unknown[0]).originalSource?.channel).toBe('trade_show_booth_scan');
  });
});
