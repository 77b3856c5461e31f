import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDate } from '@/lib/import/values';

// A rep in New York: daylight time from March 8, 2026, so UTC−4 on the 12th.
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
  vi.resetModules();
});

describe('dates read and shown west of Greenwich', () => {
  it('reads an exported time without a zone as the reader’s own time, and a date alone as that day', () => {
    process.env.TZ = 'America/New_York';
    expect(parseDate('2026-03-12 14:00')).toBe('2026-03-12T18:00:00.000Z');
    expect(parseDate('3/12/2026 2:00 PM')).toBe('2026-03-12T18:00:00.000Z');
    expect(parseDate('2026-03-12 14:00:00.5')).toBe('2026-03-12T18:00:00.500Z');
    expect(parseDate('2026-03-12 14:00:00+01:00')).toBe('2026-03-12T13:00:00.000Z');
    expect(parseDate('3/12/2026')).toBe('2026-03-12T00:00:00.000Z');
  });

  it('shows a date alone as its calendar day, and an instant in the reader’s zone', async () => {
    process.env.TZ = 'America/New_York';
    const { formatDate, formatDateTime } = await import('@/components/format');
    expect(formatDate('2026-03-12T00:00:00.000Z')).toBe('Mar 12, 2026');
    expect(formatDateTime('2026-03-12T00:00:00.000Z')).toBe('Mar 12, 2026');
    expect(formatDate('2026-03-12T02:00:00.000Z')).toBe('Mar 11, 2026');
    expect(formatDateTime('2026-03-12T18:00:00.000Z')).toMatch(/^Mar 12, 2026, 2:00\sPM$/);
  });

  it('shows a date alone however its zero offset is written: a feed from Python writes +00:00', async () => {
    process.env.TZ = 'America/New_York';
    const { formatDate, formatDateTime } = await import('@/components/format');
    for (const written of [
      '2027-01-11T00:00:00+00:00',
      '2027-01-11T00:00+0000',
      '2027-01-11T00:00:00.000000Z',
      '2027-01-11T00:00:00-00:00',
    ])
      expect([formatDate(written), formatDateTime(written)]).toEqual(['Jan 11, 2027', 'Jan 11, 2027']);
    // A non-zero offset is an instant, shown in the reader's zone.
    expect(formatDateTime('2027-01-11T00:00:00+01:00')).toMatch(/^Jan 10, 2027, 6:00\sPM$/);
  });
});
