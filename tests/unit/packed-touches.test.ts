import { describe, expect, it } from 'vitest';
import { packedCount, packTouches, unpackTouches, type StoredTouch } from '@/lib/domain/packed-touches';
import { TouchSchema } from '@/lib/domain/campaign';

/** Every field a touch can have, each set. */
const FULL: StoredTouch = {
  id: 'tch-00001',
  campaignId: 'cmp-001',
  assetName: 'Live session',
  assetType: 'Webinar',
  assetCategory: 'webinar',
  date: '2026-03-01T15:00:00.000Z',
  responseStatus: 'Attended',
  responded: true,
};

/** Only the required fields: optional ones are absent keys, as the schema leaves them. */
const BARE: StoredTouch = {
  id: 'tch-00002',
  campaignId: 'cmp-001',
  assetName: 'Recording',
  assetType: 'webinar',
  date: '2026-03-08T09:00:00.000Z',
  responded: false,
};

describe('packed touches', () => {
  it('gives back every field of every touch, absent fields still absent', () => {
    expect(unpackTouches(packTouches([FULL, BARE]))).toStrictEqual([FULL, BARE]);
    expect(unpackTouches(packTouches([]))).toStrictEqual([]);
  });

  it('covers every field the touch schema has', () => {
    expect(Object.keys(FULL).sort()).toEqual(
      Object.keys(TouchSchema.shape)
        .filter((k) => k !== 'email')
        .sort(),
    );
  });

  it('adds the row’s email when asked, and stores none', () => {
    const packed = packTouches([{ ...FULL, email: 'maya.okafor@northwind-logistics.example' } as StoredTouch]);
    expect(packed.s).not.toContain('maya.okafor@northwind-logistics.example');
    expect(unpackTouches(packed, 'maya.okafor@northwind-logistics.example')).toStrictEqual([
      { ...FULL, email: 'maya.okafor@northwind-logistics.example' },
    ]);
  });

  it('keeps a text once however often the row repeats it', () => {
    const packed = packTouches([FULL, { ...FULL, id: 'tch-00003' }, BARE]);
    expect(packed.s.filter((s) => s === 'cmp-001')).toHaveLength(1);
    expect(packed.s.filter((s) => s === FULL.date)).toHaveLength(1);
    expect(unpackTouches(packed).map((t) => t.id)).toEqual(['tch-00001', 'tch-00003', 'tch-00002']);
  });

  it('counts touches without unpacking them', () => {
    expect(packedCount(packTouches([FULL, BARE, FULL]))).toBe(3);
    expect(packedCount(undefined)).toBe(0);
  });

  it('reads a value equal to one of its other fields (a status named like the type)', () => {
    const same = { ...BARE, assetType: 'Registered', responseStatus: 'Registered' };
    expect(unpackTouches(packTouches([same]))).toStrictEqual([same]);
  });
});
