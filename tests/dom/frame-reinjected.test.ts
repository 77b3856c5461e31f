import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSidebarFrame, FRAME_TEST_ID } from '@/lib/hosts/sidebar-frame';

const PAGE = 'page-load-1';
// The page's own right margin, which the sidebar's push must give back.
const PAGE_MARGIN = '8px';
const root = document.documentElement;
const frames = () => document.querySelectorAll(`iframe[data-testid="${FRAME_TEST_ID}"]`);

const controllers: AbortController[] = [];
/** One run of the content script's frame code; aborting it is the script stopping cleanly. */
function scriptRun() {
  const controller = new AbortController();
  controllers.push(controller);
  return { sidebar: createSidebarFrame(document, controller.signal, PAGE), stop: () => controller.abort() };
}

/**
 * A run that an update stops dead, as Firefox does before it injects the new script: its
 * frame and push stay on the page, and nothing of it runs any more (no cleanup, no observers).
 */
function deadRunPushingThePage() {
  const observe = vi.spyOn(MutationObserver.prototype, 'observe').mockImplementation(() => undefined);
  scriptRun().sidebar.setLayout('panel');
  observe.mockRestore();
  expect(root.style.marginRight).toBe('320px');
}

beforeEach(() => {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1280 });
  root.style.marginRight = PAGE_MARGIN;
});
afterEach(() => {
  controllers.splice(0).forEach((c) => c.abort());
  frames().forEach((f) => f.remove());
  root.removeAttribute('style');
});

describe('the content script injected again after an update, its old copy stopped dead', () => {
  it('leaves one frame on the page and gives the page its own margin back while the sidebar is hidden', () => {
    deadRunPushingThePage();
    const { sidebar } = scriptRun();
    sidebar.preload();
    expect(frames()).toHaveLength(1);
    expect(frames()[0]).toBe(sidebar.element);
    expect(root.style.marginRight).toBe(PAGE_MARGIN);
  });

  it('pushes the page by the panel alone, and restores the page’s own margin when it stops', () => {
    deadRunPushingThePage();
    const { sidebar, stop } = scriptRun();
    sidebar.setLayout('panel');
    expect(root.style.marginRight).toBe('320px');
    sidebar.setLayout('tab');
    expect(root.style.marginRight).toBe(PAGE_MARGIN);
    sidebar.setLayout('panel');
    stop();
    expect(frames()).toHaveLength(0);
    expect(root.style.marginRight).toBe(PAGE_MARGIN);
  });
});
