import { describe, expect, it, vi } from 'vitest';
import { createThemeReader, type HostThemeValue } from '@/lib/hosts/theme-reader';

/** A page whose theme the test sets, and whose idle moments it chooses. */
function page(initial: HostThemeValue) {
  const state = { theme: initial, idle: [] as (() => void)[] };
  const read = vi.fn(() => state.theme);
  const onChange = vi.fn();
  const reader = createThemeReader({ read, onChange, whenIdle: (run) => state.idle.push(run), now: () => 0 });
  const goIdle = () => state.idle.splice(0).forEach((run) => run());
  return { state, read, onChange, reader, goIdle };
}

describe('the host theme while a thread stays open', () => {
  it('is re-read when asked, at the page’s next idle moment, and a change is announced', () => {
    const { reader, read, state, onChange, goIdle } = page('light');
    reader.warm();
    state.theme = 'dark';
    reader.recheck();
    reader.recheck();
    expect(read).toHaveBeenCalledTimes(1);
    goIdle();
    expect(read).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(reader.current()).toBe('dark');
  });

  it('is not read for a page that never showed anyone', () => {
    const { reader, read, goIdle } = page('light');
    reader.recheck();
    goIdle();
    expect(read).not.toHaveBeenCalled();
  });
});
