export type HostThemeValue = 'light' | 'dark' | undefined;

/** How long a read theme is trusted before it is read again, when the page is next idle. */
export const THEME_MAX_AGE_MS = 30_000;

/**
 * The host's theme as the content script sends it with each snapshot. Reading it forces a
 * style computation: on the detection path that cost a first contact the whole style pass
 * of the thread the page had just rendered before its detection could be sent (14 ms on
 * the bench). So it is read when the page is idle, and an old value is re-read when idle
 * again (a host's theme changes rarely), `onChange` telling the caller to send it. Only a
 * snapshot taken before anything was read waits for a read.
 */
export function createThemeReader(deps: {
  read: () => HostThemeValue;
  whenIdle: (run: () => void) => void;
  onChange: () => void;
  now?: () => number;
}) {
  const now = deps.now ?? (() => performance.now());
  let theme: { value: HostThemeValue; at: number } | undefined;
  let rereading = false;
  const read = () => (theme = { value: deps.read(), at: now() }).value;
  const reread = () => {
    if (rereading) return;
    rereading = true;
    deps.whenIdle(() => {
      rereading = false;
      const before = theme?.value;
      if (read() !== before) deps.onChange();
    });
  };
  return {
    /** The theme for a snapshot: known, else read now. */
    current(): HostThemeValue {
      if (!theme) return read();
      if (now() - theme.at > THEME_MAX_AGE_MS) reread();
      return theme.value;
    },
    /**
     * Reads it again when the page is next idle (the caller throttles): a thread can stay open,
     * sending no snapshot, while the rep switches the host's theme.
     */
    recheck: () => void (theme && reread()),
    /** Reads it ahead of the first contact (call when the page is idle). */
    warm: () => void (theme ?? read()),
    /** Forgets it: the next snapshot reads it again (the system's scheme changed). */
    forget: () => void (theme = undefined),
  };
}
