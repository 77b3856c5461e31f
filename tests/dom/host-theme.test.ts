import { afterEach, describe, expect, it } from 'vitest';
import { readHostTheme } from '@/lib/hosts/host-theme';

afterEach(() => {
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('the host page’s theme', () => {
  it('reads dark from a dark main region, as Gmail’s dark theme paints it, before the body', () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    document.body.innerHTML = '<div role="main" style="background-color: rgb(32, 33, 36)"></div>';
    expect(readHostTheme(document)).toBe('dark');
  });

  it('reads light from a light body when the main region is transparent', () => {
    document.body.innerHTML = '<div role="main" style="background-color: rgba(0, 0, 0, 0)"></div>';
    document.body.style.backgroundColor = 'rgb(246, 248, 252)';
    expect(readHostTheme(document)).toBe('light');
  });

  it('leaves the theme to the system where nothing on the page has a readable background', () => {
    document.body.innerHTML = '<div role="main"></div>';
    document.body.style.backgroundColor = 'rgba(20, 20, 20, 0.2)';
    expect(readHostTheme(document)).toBeUndefined();
  });
});
