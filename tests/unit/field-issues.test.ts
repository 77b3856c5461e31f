import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCachedContexts } from '@/lib/cache/contact-cache';
import type { Connector } from '@/lib/connectors/connector';
import { loadFieldIssues, MAX_FIELD_ISSUES, recordFieldIssues } from '@/lib/connectors/field-issues';
import type { FieldIssue } from '@/lib/connectors/field-reader';
import { LeadlightDb } from '@/lib/db/database';
import { createContact } from '../factories';

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`issues-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const campaignId: FieldIssue = { vendor: 'Salesforce', object: 'CampaignMember', field: 'Campaign.Id', problem: 'missing' };
const employees: FieldIssue = { vendor: 'Salesforce', object: 'Lead', field: 'NumberOfEmployees', problem: 'unreadable' };

describe('CRM field diagnostics', () => {
  it('lists what a lookup could not read, counted and newest first, with no values', async () => {
    const fetchContact = vi.fn(async (email: string) => ({
      contact: createContact({ email, unknownFields: ['companySize'] }),
      campaigns: [],
      touches: [],
      issues: [campaignId, employees],
    }));
    const connector: Connector = { id: 'salesforce', label: 'Salesforce', fetchContact };
    const deps = { db, connector, ttlMs: 60_000, maxContacts: 100, now: () => new Date('2026-11-20T10:00:00.000Z') };
    const [row] = await getCachedContexts(['tom.becker@aldermfg.example'], deps);
    expect(row?.context?.contact.unknownFields).toEqual(['companySize']);
    await getCachedContexts(['priya.raman@corvidretail.example'], { ...deps, now: () => new Date('2026-11-20T11:00:00.000Z') });
    const issues = await loadFieldIssues(db);
    expect(issues.map((i) => [i.text, i.count, i.lastSeen])).toEqual([
      ['Salesforce CampaignMember.Campaign.Id is missing', 2, '2026-11-20T11:00:00.000Z'],
      ['Salesforce Lead.NumberOfEmployees could not be read', 2, '2026-11-20T11:00:00.000Z'],
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/aldermfg|corvidretail/);
  });

  it('lists an object the token lacks a scope for, naming the scope', async () => {
    const emails: FieldIssue = { vendor: 'HubSpot', object: 'emails', field: 'sales-email-read', problem: 'no_scope' };
    await recordFieldIssues(db, [emails], new Date('2026-11-20T10:00:00.000Z'));
    expect((await loadFieldIssues(db)).map((i) => [i.text, i.problem])).toEqual([
      ['HubSpot emails could not be read without the sales-email-read scope', 'no_scope'],
    ]);
  });

  it('keeps the newest hundred kinds', async () => {
    for (let i = 0; i <= MAX_FIELD_ISSUES; i++) {
      await recordFieldIssues(db, [{ ...employees, field: `Custom_${i}__c` }], new Date(Date.UTC(2026, 0, 1, 0, i)));
    }
    const issues = await loadFieldIssues(db);
    expect(issues).toHaveLength(MAX_FIELD_ISSUES);
    expect(issues.at(-1)?.field).toBe('Custom_1__c');
  });
});
