import { describe, expect, it } from 'vitest';
import { createLayoutPrediction } from '@/lib/hosts/layout-prediction';

describe('layout prediction (the page makes room before the frame asks)', () => {
  it('waits for the frame until it knows whether the rep left the sidebar open or collapsed', () => {
    const layouts = createLayoutPrediction('p1');
    expect(layouts.predict(1, true, false)).toBeUndefined();
    layouts.remember(true);
    expect(layouts.predict(2, true, false)).toBe('panel');
  });

  it('gives a collapsed sidebar its tab, and follows the rep collapsing or opening it in the frame', () => {
    const layouts = createLayoutPrediction('p1');
    layouts.remember(false);
    expect(layouts.predict(1, true, false)).toBe('tab');
    expect(layouts.confirm('panel', 1, true, 'p1')).toBe(true);
    expect(layouts.predict(2, false, false)).toBe('none');
    expect(layouts.predict(3, true, false)).toBe('panel');
  });

  it('takes the frame’s word over a remembered choice read later', () => {
    const layouts = createLayoutPrediction('p1');
    layouts.confirm('tab', 1, true, 'p1');
    layouts.remember(true);
    expect(layouts.predict(2, true, false)).toBe('tab');
  });

  it('hides a sidebar showing a contact when the page shows no one, but leaves one the shortcut summoned to the frame', () => {
    const layouts = createLayoutPrediction('p1');
    layouts.remember(true);
    expect(layouts.predict(1, false, false)).toBeUndefined();
    // Summoned on a page with no one: the frame keeps its panel, the page does not guess.
    layouts.confirm('panel', 1, false, 'p1');
    expect(layouts.predict(2, false, false)).toBeUndefined();
    expect(layouts.predict(3, true, false)).toBe('panel');
    layouts.confirm('panel', 3, true, 'p1');
    expect(layouts.predict(4, false, false)).toBe('none');
  });

  it('leaves snapshots made by the shortcut to the frame', () => {
    const layouts = createLayoutPrediction('p1');
    layouts.remember(true);
    expect(layouts.predict(1, true, true)).toBeUndefined();
  });

  it('ignores the frame’s answer about a snapshot older than one the page already laid out', () => {
    const layouts = createLayoutPrediction('p1');
    layouts.remember(true);
    layouts.confirm('panel', 1, true, 'p1');
    expect(layouts.predict(2, false, false)).toBe('none');
    expect(layouts.predict(3, true, false)).toBe('panel');
    // The frame rendered the list (seq 2) after the page had moved on to the next thread.
    expect(layouts.confirm('none', 2, true, 'p1')).toBe(false);
    expect(layouts.confirm('panel', 3, true, 'p1')).toBe(true);
    // An answer that says nothing of its snapshot, and a newer one, always apply.
    expect(layouts.confirm('tab', undefined, true, 'p1')).toBe(true);
    expect(layouts.confirm('none', 4, false, 'p1')).toBe(true);
  });

  it('takes no layout from a frame of another page load: a copy the page embedded, under a name it made up', () => {
    const layouts = createLayoutPrediction('p1');
    layouts.remember(true);
    expect(layouts.predict(1, true, false)).toBe('panel');
    expect(layouts.confirm('none', 1, true, 'made-up')).toBe(false);
    // Nor does it count as the rep's choice.
    expect(layouts.predict(2, false, false)).toBe('none');
    expect(layouts.predict(3, true, false)).toBe('panel');
  });
});
