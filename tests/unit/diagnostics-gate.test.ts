import { describe, expect, it } from 'vitest';
import { createDiagnosticsGate } from '@/lib/hosts/diagnostics-gate';

describe('when a page reports its selectors', () => {
  it('reports the first view, each change of kind, and the same kind again only after a minute', () => {
    let clock = 0;
    const report = createDiagnosticsGate(() => clock);
    const seen: boolean[] = [];
    // The inbox, then thread after thread, then the inbox again.
    seen.push(report(false, 0));
    clock += 1_000;
    seen.push(report(true, 1));
    for (let i = 0; i < 5; i++) {
      clock += 5_000;
      seen.push(report(true, 2));
    }
    clock += 1_000;
    seen.push(report(false, 0));
    expect(seen).toEqual([true, true, false, false, false, false, false, true]);
    // A record with nobody the detector could read is a kind of its own: what a broken selector looks like.
    expect(report(true, 0)).toBe(true);
    // Still threads a minute after the last report: reported again.
    clock += 1_000;
    expect(report(true, 1)).toBe(true);
    clock += 59_999;
    expect(report(true, 1)).toBe(false);
    clock += 1;
    expect(report(true, 1)).toBe(true);
  });
});
