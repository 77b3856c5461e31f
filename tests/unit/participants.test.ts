import { describe, expect, it } from 'vitest';
import { EMAIL_IN_TEXT, isInternal } from '@/lib/hosts/participants';

describe('people on a host page', () => {
  it('reads an address with an apostrophe inside whole, and leaves out the text’s own quotes', () => {
    expect(EMAIL_IN_TEXT.exec("Sean O'Brien <sean.o'brien@helixbio.example>")?.[0]).toBe("sean.o'brien@helixbio.example");
    expect(EMAIL_IN_TEXT.exec("Write to 'maya.okafor@northwind-logistics.example' today")?.[0]).toBe(
      'maya.okafor@northwind-logistics.example',
    );
  });

  it('takes people on the rep’s mailbox provider for prospects, not colleagues', () => {
    for (const provider of ['gmx.net', 'hotmail.co.uk', 'outlook.de', 'yahoo.co.uk', 'msn.com'])
      expect(isInternal(`lead@${provider}`, `rep@${provider}`), provider).toBe(false);
    // A company domain still means a colleague.
    expect(isInternal('sam.ortiz@brightwave.example', 'alex.rivera@brightwave.example')).toBe(true);
  });
});
