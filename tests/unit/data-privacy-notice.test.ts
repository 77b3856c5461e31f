import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';

// The notice users read before trusting Leadlight with their mail: every kind of data it keeps must be in it.
const notice = readFileSync('PRIVACY.md', 'utf8');
const storedSection = notice.slice(notice.indexOf('## What Leadlight stores'), notice.indexOf('## What Leadlight sends'));

describe('the privacy notice', () => {
  const tables = new LeadlightDb('privacy-notice-tables').tables.map((t) => t.name);

  it('reads the database’s tables', () => expect(tables).toContain('contacts'));

  it.each(tables)('names the %s table under what Leadlight stores', (table) => {
    expect(storedSection).toContain(`\`${table}\``);
  });

  it('says what is kept of the messages the rep sends, and of colleagues’ verdicts', () => {
    expect(storedSection).toMatch(/messages you send.*email address.*when the message was sent.*mail client/is);
    expect(storedSection).toMatch(/latest 20,000/);
    expect(storedSection).toMatch(/colleagues' lead-quality verdicts.*note.*who gave it/s);
    // The content scripts' copy of Settings → You's company domains (lib/settings/company-domains.ts).
    expect(storedSection).toMatch(/extension storage:.*your company's other email domains/s);
  });

  it('says that deleting all local data clears extension storage too', () => {
    const deleting = notice.slice(notice.indexOf('## How to delete it all'), notice.indexOf('## Questions'));
    expect(deleting).toMatch(
      /Delete all local data.*extension storage \(the sidebar's collapsed state, the copy of your company's domains and the page detection diagnostics\)/s,
    );
  });
});
