import { describe, expect, it, vi } from 'vitest';
import { createThemeReader, THEME_MAX_AGE_MS, type HostThemeValue } from '@/lib/hosts/theme-reader';

/** A page whose theme and clock the test sets, and whose idle moments it chooses. */
function page(initial: HostThemeValue) {
  const state = { theme: initial, now: 0, idle: [] as (() => void)[] };
  const read = vi.fn(() => state.theme);
  const onChange = vi.fn();
  const reader = createThemeReader({ read, onChange, whenIdle: (run) => state.idle.push(run), now: () => state.now });
  const goIdle = () => state.idle.splice(0).forEach((run) => run());
  return { state, read, onChange, reader, goIdle };
}

describe('the host theme sent with snapshots', () => {
  it('is read when the page is idle, and a snapshot after that does not read it again', () => {
    const { reader, read } = page('dark');
    reader.warm();
    expect(read).toHaveBeenCalledTimes(1);
    expect(reader.current()).toBe('dark');
    reader.warm();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('is read on the spot for a contact found before the page was ever idle', () => {
    const { reader, read } = page('dark');
    expect(reader.current()).toBe('dark');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('an old value is still sent, re-read when idle, and a change is announced once', () => {
    const { reader, read, state, onChange, goIdle } = page('light');
    reader.warm();
    state.now = THEME_MAX_AGE_MS + 1;
    state.theme = 'dark';
    expect(reader.current()).toBe('light');
    expect(reader.current()).toBe('light');
    expect(read).toHaveBeenCalledTimes(1);
    goIdle();
    // One re-read for the two snapshots that found the value old.
    expect(read).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(reader.current()).toBe('dark');
  });

  it('a re-read that finds the same theme announces nothing', () => {
    const { reader, state, onChange, goIdle } = page('light');
    reader.warm();
    state.now = THEME_MAX_AGE_MS + 1;
    reader.current();
    goIdle();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('is read afresh after being forgotten (the system scheme changed)', () => {
    const { reader, state } = page(undefined);
    reader.warm();
    state.theme = 'dark';
    reader.forget();
    expect(reader.current()).toBe('dark');
  });
});
