import { describe, expect, it } from 'vitest';
import { accessRequest } from '@/lib/messaging/access-request';

describe('accessRequest', () => {
  it('in Firefox, asks consent to send personal data together with a CRM host', () => {
    expect(accessRequest(['https://api.hubapi.com/*'], 'firefox')).toEqual({
      origins: ['https://api.hubapi.com/*'],
      data_collection: ['personallyIdentifyingInfo'],
    });
    expect(accessRequest(['https://login.salesforce.com/*', 'https://acme.my.salesforce.com/*'], 'firefox').data_collection).toEqual([
      'personallyIdentifyingInfo',
    ]);
  });

  it('asks for a feed origin alone: reading a feed sends nothing personal', () => {
    expect(accessRequest(['https://ops.example.com/*'], 'firefox')).toEqual({ origins: ['https://ops.example.com/*'] });
  });

  it('never sends the Firefox-only key to Chrome, which rejects unknown keys', () => {
    expect(accessRequest(['https://api.hubapi.com/*'], 'chrome')).toEqual({ origins: ['https://api.hubapi.com/*'] });
  });
});
