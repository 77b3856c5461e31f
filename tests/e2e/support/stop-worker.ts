import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Launched } from './launch';

/** Stops the extension's service worker, as the browser does when it idles, and waits until it is gone. */
export async function stopWorker(browser: Launched, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  const workers = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
  const [worker] = await workers();
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  // The browser takes its time to tear a worker down on a busy machine: more than expect.poll's default second.
  await expect.poll(async () => (await workers()).some((t) => t.targetId === worker!.targetId), { timeout: 10_000 }).toBe(false);
}
