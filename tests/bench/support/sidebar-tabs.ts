import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { FRAME_SELECTOR } from '../../e2e/pages/sidebar';
import { launchForBench, type BenchBrowser } from './browser-trace';
import { timeContact, type Sample } from './contact-timing';
import type { BenchThread } from './gmail-app';

/** The sidebar frame of a tab, once the content script has added it (on idle, or on the first contact). */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector(FRAME_SELECTOR, { state: 'attached', timeout: 10_000 });
  for (let i = 0; i < 100; i++) {
    const frame = await handle.contentFrame();
    if (frame && (await frame.evaluate(() => document.readyState === 'complete').catch(() => false))) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('Sidebar frame did not load');
}

/**
 * In every sidebar frame, from its first script on: the moment the first contact's name is
 * painted (the first animation frame after it is in the DOM). A tab opened straight on a
 * thread creates its frame only once the content script has found the contact, so nothing
 * can be set up in it beforehand.
 */
export const RECORD_FIRST_PAINT = () => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
  const w = window as unknown as { __firstName?: string; __firstPaintedAt?: number };
  const observer = new MutationObserver(() => {
    const name = document.querySelector('[data-testid="contact-name"]')?.textContent;
    if (!name) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      w.__firstName = name;
      w.__firstPaintedAt = performance.timeOrigin + performance.now();
    });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
};

/** A tab opened on a thread (a link from elsewhere, a reload): the page's render → the name painted in the new frame. */
export async function timeOpenedOnThread(browser: BenchBrowser, t: BenchThread): Promise<Sample> {
  const page = await browser.context.newPage();
  await page.goto(`https://mail.google.com/mail/u/0/#inbox/${t.id}`);
  const frame = await sidebarFrame(page);
  const painted = await frame.waitForFunction(() => (window as unknown as { __firstPaintedAt?: number }).__firstPaintedAt, undefined, {
    polling: 20,
    timeout: 10_000,
  });
  const name = await frame.evaluate(() => (window as unknown as { __firstName?: string }).__firstName);
  if (name !== t.name) throw new Error(`The frame showed ${name}, not ${t.name}`);
  const renderedAt = await page.evaluate(() => (window as unknown as { __renderedAt: number }).__renderedAt);
  const ms = ((await painted.jsonValue()) as number) - renderedAt;
  await page.close();
  return { ms, screen: NaN, subject: NaN };
}

/** A new tab on the inbox, then a thread: its first contact, untraced. */
export async function firstContactInNewTab(browser: BenchBrowser, t: BenchThread): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  const { ms } = await timeContact(page, await sidebarFrame(page), t);
  await page.close();
  return ms;
}

/**
 * The first contact in the first tab of a browser started again on a profile where Leadlight
 * is installed and its data loaded (as a rep starts the day): page idle, then the contact.
 */
export async function timeColdStarts(html: string, ts: BenchThread[]): Promise<number[]> {
  const profile = mkdtempSync(join(tmpdir(), 'll-bench-cold-'));
  try {
    // Installed and settled once: the demo data is seeded and a contact has been shown.
    const installed = await launchForBench(true, html, { profile });
    await firstContactInNewTab(installed, ts[0]!);
    await new Promise((r) => setTimeout(r, 2000));
    await installed.close();
    const times: number[] = [];
    for (const t of ts.slice(1)) {
      const browser = await launchForBench(true, html, { profile });
      try {
        times.push(await firstContactInNewTab(browser, t));
      } finally {
        await browser.close();
      }
    }
    return times;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
