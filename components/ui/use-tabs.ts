import { useRef, type KeyboardEvent } from 'react';

// The keys the WAI-ARIA tabs pattern assigns; anything else is left to the browser.
const STEP: Readonly<Record<string, 'next' | 'previous' | 'first' | 'last'>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
};

/**
 * ARIA tabs with a roving tab stop: Tab reaches only the selected tab, arrow keys,
 * Home and End move between tabs and select the one reached, as screen-reader users
 * and keyboard users expect from a tab strip.
 */
export function useTabs<T extends string>(ids: readonly T[], selected: T, onSelect: (id: T) => void) {
  const elements = useRef(new Map<T, HTMLElement>());

  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEP[e.key];
    if (!step || ids.length === 0) return;
    const i = Math.max(0, ids.indexOf(selected));
    const at = { next: (i + 1) % ids.length, previous: (i - 1 + ids.length) % ids.length, first: 0, last: ids.length - 1 }[step];
    const target = ids[at];
    if (target === undefined) return;
    e.preventDefault();
    onSelect(target);
    elements.current.get(target)?.focus();
  };

  const tabProps = (id: T) => ({
    ref: (el: HTMLElement | null) => {
      if (el) elements.current.set(id, el);
      else elements.current.delete(id);
    },
    role: 'tab' as const,
    'aria-selected': id === selected,
    tabIndex: id === selected ? 0 : -1,
    onClick: () => onSelect(id),
  });

  return { onKeyDown, tabProps };
}
