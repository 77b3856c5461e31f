import { describe, expect, it } from 'vitest';
import { campaignIdFor, touchIdFor } from '@/lib/import/ids';
import { normalizeLifecycle, parseBoolean, parseDate, parseNumber } from '@/lib/import/values';

describe('parseDate', () => {
  it.each([
    ['2026-03-01T15:00:00.000Z', '2026-03-01T15:00:00.000Z'],
    ['2026-03-01T16:00:00+01:00', '2026-03-01T15:00:00.000Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01 14:05', '2026-03-01T14:05:00.000Z'],
    ['2026-03-01 14:05:09', '2026-03-01T14:05:09.000Z'],
    ['3/14/2026', '2026-03-14T00:00:00.000Z'],
    ['12/1/2025', '2025-12-01T00:00:00.000Z'],
    ['3/14/2026 2:05 PM', '2026-03-14T14:05:00.000Z'],
    ['3/14/2026 12:30 AM', '2026-03-14T00:30:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each(['31/12/2025', '2026-02-30', '2026-13-01', 'next tuesday', '2026-03-01T25:00:00Z', '14:05', '3/14/2026 13:00 PM'])(
    'rejects %s',
    (raw) => {
      expect(parseDate(raw)).toBeNull();
    },
  );

  it('treats a blank cell as not given', () => {
    expect(parseDate('  ')).toBeUndefined();
  });

  it('reads canonical UTC as written only when it names a real instant', () => {
    expect(parseDate('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
    expect(parseDate('0001-01-01T00:00:00.000Z')).toBe('0001-01-01T00:00:00.000Z');
    // ISO 8601's end of day is the next midnight, not a time to keep as written.
    expect(parseDate('2026-03-01T24:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(parseDate('2026-03-01T12:60:00.000Z')).toBeNull();
    expect(parseDate('2026-13-01T00:00:00.000Z')).toBeNull();
  });
});

describe('parseBoolean', () => {
  it.each([
    ['1', true],
    ['0', false],
    ['true', true],
    ['FALSE', false],
    ['yes', true],
    ['No', false],
    ['Yes', true],
    ['', undefined],
    ['maybe', null],
  ])('%s → %s', (raw, value) => {
    expect(parseBoolean(raw)).toBe(value);
  });
});

describe('picklists and numbers', () => {
  it('maps HubSpot lifecycle labels and internal names to Leadlight ids, keeping unknown stages', () => {
    expect(normalizeLifecycle('Marketing Qualified Lead')).toBe('mql');
    expect(normalizeLifecycle('salesqualifiedlead')).toBe('sql');
    expect(normalizeLifecycle('Customer')).toBe('customer');
    expect(normalizeLifecycle('Partner Prospect')).toBe('Partner Prospect');
    expect(normalizeLifecycle('')).toBeUndefined();
  });

  it('reads thousands separators and refuses non-numbers', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('78.5')).toBe(78.5);
    expect(parseNumber('201-500')).toBeNull();
    // A decimal comma, as European exports write numbers; a thousands comma always groups three digits.
    expect(parseNumber('78,5')).toBe(78.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('12,345')).toBe(12345);
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('')).toBeUndefined();
  });

  it('reads a whole number grouped by dots, spaces or apostrophes as European exports write it', () => {
    expect(parseNumber('5.000', true)).toBe(5000);
    expect(parseNumber('1.200', true)).toBe(1200);
    expect(parseNumber('12 500', true)).toBe(12500);
    expect(parseNumber('1\u202f250\u202f000', true)).toBe(1250000);
    expect(parseNumber("2'400", true)).toBe(2400);
    // Where a fraction is allowed, a dot is a decimal point; a group must hold three digits.
    expect(parseNumber('1.234')).toBe(1.234);
    expect(parseNumber('1.20', true)).toBe(1.2);
    expect(parseNumber('12 50', true)).toBeNull();
  });
});

describe('deterministic ids', () => {
  it('gives a campaign the same readable id whatever the spacing or case of its name', () => {
    const id = campaignIdFor('Q3 Supply Chain Visibility Webinar');
    expect(id).toMatch(/^imp-q3-supply-chain-visibility-webinar-[0-9a-f]{10}$/);
    expect(campaignIdFor('  q3 supply chain  Visibility webinar ')).toBe(id);
    expect(campaignIdFor('Q3 Supply Chain Visibility Webinar!')).not.toBe(id);
    expect(campaignIdFor('Nurture – Data Engineering Track').length).toBeLessThanOrEqual(100);
  });

  it('keeps the touch ids earlier versions stored, whichever person came before', () => {
    // Ids written by Leadlight before touch ids were hashed part by part: a re-import must find them again.
    for (let round = 0; round < 2; round++) {
      expect(touchIdFor('maya@x.example', 'cmp-1', 'Live session', '2026-03-01T00:00:00.000Z')).toBe('tch-edae49a94c72847b');
      expect(touchIdFor('tom.ng@y.example', 'cmp-1', '  Live   Session ', '2026-03-01T00:00:00.000Z')).toBe('tch-fcf2933bfb49d2ad');
    }
  });

  it('gives a touch an id from email, campaign, asset and date', () => {
    const a = touchIdFor('maya@x.example', 'cmp-1', 'Live session', '2026-03-01T00:00:00.000Z');
    expect(a).toBe(touchIdFor('maya@x.example', 'cmp-1', 'Live session', '2026-03-01T00:00:00.000Z'));
    expect(a).not.toBe(touchIdFor('maya@x.example', 'cmp-1', 'Live session', '2026-03-02T00:00:00.000Z'));
    expect(a).not.toBe(touchIdFor('maya@x.example', 'cmp-2', 'Live session', '2026-03-01T00:00:00.000Z'));
    expect(a).toMatch(/^tch-[0-9a-f]{16}$/);
  });
});
