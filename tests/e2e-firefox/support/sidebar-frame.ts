import type { Frame, Page } from 'puppeteer-core';
import { until } from './dom';

/**
 * Leadlight's sidebar frame in a host page. Under BiDi puppeteer may list an extension frame
 * as about:blank, so each frame is asked where it is; the host page itself cannot look inside.
 */
export async function sidebarFrame(page: Page): Promise<Frame> {
  return until(async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const path = await frame.evaluate(() => (location.protocol === 'moz-extension:' ? location.pathname : null)).catch(() => null);
      if (path === '/sidebar.html') return frame;
    }
    return null;
  }, 'Leadlight sidebar frame');
}

/** Text of a test id inside the sidebar frame, or null while the frame or the element is not there. */
export async function sidebarText(page: Page, testId: string): Promise<string | null> {
  const frame = await sidebarFrame(page).catch(() => null);
  if (!frame) return null;
  return frame.evaluate((id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId).catch(() => null);
}
