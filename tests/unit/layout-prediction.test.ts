import { describe, expect, it } from 'vitest';
import { createLayoutPrediction } from '@/lib/hosts/layout-prediction';

describe('layout prediction (the page makes room before the frame asks)', () => {
  it('waits for the frame until it knows whether the rep left the sidebar open or collapsed', () => {
    const layouts = createLayoutPrediction();
    expect(layouts.predict(1, true, false)).toBeUndefined();
    layouts.remember(true);
    expect(layouts.predict(2, true, false)).toBe('panel');
  });

  it('gives a collapsed sidebar its tab, and follows the rep collapsing or opening it in the frame', () => {
    const layouts = createLayoutPrediction();
    layouts.remember(false);
    expect(layouts.predict(1, true, false)).toBe('tab');
    expect(layouts.confirm('panel', 1, true)).toBe(true);
    expect(layouts.predict(2, false, false)).toBe('none');
    expect(layouts.predict(3, true, false)).toBe('panel');
  });

  it('takes the frame’s word over a remembered choice read later', () => {
    const layouts = createLayoutPrediction();
    layouts.confirm('tab', 1, true);
    layouts.remember(true);
    expect(layouts.predict(2, true, false)).toBe('tab');
  });

  it('hides a sidebar showing a contact when the page shows no one, but leaves one the shortcut summoned to the frame', () => {
    const layouts = createLayoutPrediction();
    layouts.remember(true);
    expect(layouts.predict(1, false, false)).toBeUndefined();
    // Summoned on a page with no one: the frame keeps its panel, the page does not guess.
    layouts.confirm('panel', 1, false);
    expect(layouts.predict(2, false, false)).toBeUndefined();
    expect(layouts.predict(3, true, false)).toBe('panel');
    layouts.confirm('panel', 3, true);
    expect(layouts.predict(4, false, false)).toBe('none');
  });

  it('leaves snapshots made by the shortcut to the frame', () => {
    const layouts = createLayoutPrediction();
    layouts.remember(true);
    expect(layouts.predict(1, true, true)).toBeUndefined();
  });

  it('ignores the frame’s answer about a snapshot older than one the page already laid out', () => {
    const layouts = createLayoutPrediction();
    layouts.remember(true);
    layouts.confirm('panel', 1, true);
    expect(layouts.predict(2, false, false)).toBe('none');
    expect(layouts.predict(3, true, false)).toBe('panel');
    // The frame rendered the list (seq 2) after the page had moved on to the next thread.
    expect(layouts.confirm('none', 2, true)).toBe(false);
    expect(layouts.confirm('panel', 3, true)).toBe(true);
    // An answer that says nothing of its snapshot, and a newer one, always apply.
    expect(layouts.confirm('tab', undefined, true)).toBe(true);
    expect(layouts.confirm('none', 4, false)).toBe(true);
  });
});
