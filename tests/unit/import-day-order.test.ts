import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unpackTouches } from '@/lib/domain/packed-touches';
import type { ImportBatch } from '@/lib/import/batcher';
import { defaultDayOrder, findDayOrder, type DayOrder } from '@/lib/import/day-order';
import type { RowWarning } from '@/lib/import/fields';
import { importText, inspectText } from '@/lib/import/import-text';
import { parseDate, unreadableDate } from '@/lib/import/values';

const text = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const GB = 'salesforce-campaign-members-en-gb.csv';
type Expected = { dayOrder: DayOrder; ambiguousExample: string; touches: { email: string; campaign: string; date: string }[] };
const expected = JSON.parse(text('salesforce-campaign-members-en-gb.expected.json')) as Expected;

async function run(name: string, dayOrder?: DayOrder) {
  const batches: ImportBatch[] = [];
  const warnings: RowWarning[] = [];
  await importText(text(name), name, { dayOrder, onBatch: (b) => batches.push(b), onWarnings: (w) => warnings.push(...w) });
  const campaigns = new Map(batches.flatMap((b) => b.campaigns).map((c) => [c.id, c.name]));
  const touches = batches
    .flatMap((b) => b.touches.flatMap(([email, packed]) => unpackTouches(packed, email)))
    .map((t) => ({ email: t.email, campaign: campaigns.get(t.campaignId), date: t.date }));
  return { touches, warnings };
}

describe('the order of day and month in slash dates', () => {
  it('is read from an en_GB Salesforce report, whose dates are then read day first', async () => {
    const { dates } = inspectText(text(GB), GB);
    expect(dates).toEqual({ order: expected.dayOrder, seen: true, mixed: false, example: expected.ambiguousExample });
    const r = await run(GB, dates.order!);
    expect(r.warnings).toEqual([]);
    expect(r.touches).toEqual(expected.touches);
  });

  it('is read from an en_US report as month first', () => {
    const name = 'salesforce-campaign-members.csv';
    expect(inspectText(text(name), name).dates).toMatchObject({ order: 'month-first', seen: true, mixed: false });
  });

  it('is left open when every date fits both orders, and said to be mixed when both are proven', () => {
    expect(findDayOrder('email,date\na@x.example,03/04/2026\nb@x.example,5/6/2026\n')).toEqual({
      order: null,
      seen: true,
      mixed: false,
      example: '03/04/2026',
    });
    expect(findDayOrder('a,13/04/2026\nb,04/13/2026\n')).toMatchObject({ order: null, mixed: true });
    expect(findDayOrder('email,date\na@x.example,2026-03-04\n')).toEqual({ order: null, seen: false, mixed: false, example: null });
    // Versions, ids and longer runs of digits are not dates.
    expect(findDayOrder('v,1.13/04/20261\nid,113/04/2026\n').seen).toBe(false);
    // Dashes are read like slashes, and an ISO date is no such date.
    expect(findDayOrder('a,14-3-2026\nb,2026-03-14\n')).toMatchObject({ order: 'day-first', seen: true });
    expect(findDayOrder('a,03-14-2026\n')).toMatchObject({ order: 'month-first' });
    expect(findDayOrder('a,2026-03-14\n').seen).toBe(false);
  });

  it('stops reading the file at the scan limit, and says when what it read proved nothing', () => {
    const filler = 'x'.repeat(100);
    expect(findDayOrder(`${filler}\n13/04/2026`, 50)).toEqual({ order: null, seen: false, mixed: false, example: null, partial: true });
    expect(findDayOrder(`${filler}\n13/04/2026`, 200).order).toBe('day-first');
    expect(findDayOrder(`03/04/2026\n${filler}\n13/04/2026`, 50)).toMatchObject({ order: null, seen: true, partial: true });
  });

  it('falls back to the browser language: month first for US English, day first elsewhere', () => {
    expect(defaultDayOrder('en-US')).toBe('month-first');
    expect(defaultDayOrder('en')).toBe('month-first');
    expect(defaultDayOrder('en-GB')).toBe('day-first');
    expect(defaultDayOrder('de')).toBe('day-first');
    expect(defaultDayOrder('fr-CA')).toBe('day-first');
  });

  it('read in the wrong order, names the order used in the warning of each date only the other order reads', async () => {
    const r = await run(GB, 'month-first');
    expect(r.warnings).toContainEqual({
      line: 4,
      column: 'First Responded Date',
      reason: 'unreadable date “13/11/2025” (dates are read month first: choose the other order and import again)',
    });
    // A date either order reads cannot be caught: that is why the order is asked before importing.
    expect(r.touches.find((t) => t.campaign === 'Logistics Leaders Forum Chicago 2025')?.date).toBe('2025-07-10T00:00:00.000Z');
  });
});

describe('parseDate in each order', () => {
  it.each([
    ['03/04/2026', 'month-first', '2026-03-04T00:00:00.000Z'],
    ['03/04/2026', 'day-first', '2026-04-03T00:00:00.000Z'],
    ['14/03/2026 14:05', 'day-first', '2026-03-14T14:05:00.000Z'],
    ['14/03/2026 2:05 PM', 'day-first', '2026-03-14T14:05:00.000Z'],
    // Dots (de, ru) always put the day first; dashes with the year last follow the file's order (nl day first, US month first).
    ['14.03.2026', 'month-first', '2026-03-14T00:00:00.000Z'],
    ['04.03.2026, 14:05', 'month-first', '2026-03-04T14:05:00.000Z'],
    ['4-3-2026 14:05', 'day-first', '2026-03-04T14:05:00.000Z'],
    ['03-04-2026', 'month-first', '2026-03-04T00:00:00.000Z'],
    ['03-14-2026', 'month-first', '2026-03-14T00:00:00.000Z'],
  ] as const)('reads %s %s as %s', (raw, order, iso) => {
    expect(parseDate(raw, order)).toBe(iso);
  });

  it.each([
    ['2026/03/14', '2026-03-14T00:00:00.000Z'],
    ['2026/3/4 14:05', '2026-03-04T14:05:00.000Z'],
    ['2026.03.14', '2026-03-14T00:00:00.000Z'],
  ])('reads %s, year first as ja and zh exports write it, in either order', (raw, iso) => {
    expect(parseDate(raw, 'month-first')).toBe(iso);
    expect(parseDate(raw, 'day-first')).toBe(iso);
  });

  it.each([
    ['14/03/2026', 'month-first'],
    ['03/14/2026', 'day-first'],
    ['31.02.2026', 'day-first'],
    ['03/04.2026', 'day-first'],
  ] as const)('refuses %s %s', (raw, order) => {
    expect(parseDate(raw, order)).toBeNull();
  });

  it('hints at the other order only when that order reads the value', () => {
    expect(unreadableDate('03/14/2026', 'day-first')).toBe(
      'unreadable date “03/14/2026” (dates are read day first: choose the other order and import again)',
    );
    expect(unreadableDate('33/14/2026', 'day-first')).toBe('unreadable date “33/14/2026”');
    expect(unreadableDate('soon', 'month-first')).toBe('unreadable date “soon”');
  });
});
