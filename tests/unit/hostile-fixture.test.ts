import { describe, expect, it } from 'vitest';
import { CampaignSchema, TouchSchema } from '@/lib/domain/campaign';
import { ContactSchema } from '@/lib/domain/contact';
import { readFixtureJson } from '../support/fixtures';

type Records = { contacts: unknown[]; campaigns: unknown[]; touches: unknown[] };

describe('hostile-strings fixture (imported by the tests that need it, never in the demo)', () => {
  const records = readFixtureJson<Records>('hostile/records.json');

  it('passes the import schemas with every markup string kept verbatim', () => {
    const contact = ContactSchema.parse(records.contacts[0]);
    expect(contact).toMatchObject({
      email: 'mallory@hostile.example',
      name: '<img src=x onerror=alert(1)>',
      title: '"><script>window.__leadlightPwned=1</script>',
      company: `"><script>alert('x')</script><b>Evil Corp</b>`,
    });
    expect(CampaignSchema.parse(records.campaigns[0]).name).toBe('<img src=x onerror=window.__leadlightPwned=1> Hostile Campaign');
    const touches = records.touches.map((t) => TouchSchema.parse(t));
    expect(touches.some((t) => t.assetName === '<svg onload=alert(1)>')).toBe(true);
  });
});
