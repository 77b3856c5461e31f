import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { launchWithExtension, routeGmail, type Launched } from './support/launch';
import { stopWorker } from './support/stop-worker';

const DEMO = readFileSync(resolve(import.meta.dirname, '../fixtures/gmail/demo-gmail.html'), 'utf8');
let browser: Launched;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

const theme = async (gmail: GmailPage) => {
  const frame = await (await gmail.sidebar.element.elementHandle())?.contentFrame();
  return frame?.evaluate(() => document.documentElement.dataset.theme);
};

describe('sidebar layout beside the host page', () => {
  it('floats over a window narrower than 900 px instead of pushing the page, and pushes again when it widens', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.page.setViewportSize({ width: 800, height: 800 });
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    expect(await gmail.page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    expect(await gmail.sidebar.element.evaluate((f) => f.getBoundingClientRect().width)).toBe(320);
    await gmail.page.setViewportSize({ width: 1300, height: 800 });
    await expect.poll(() => gmail.page.evaluate(() => document.documentElement.style.marginRight)).toBe('320px');
    // A window barely wider than the panel keeps a strip of the page in view, and clickable.
    await gmail.page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => gmail.sidebar.element.evaluate((f) => Math.round(f.getBoundingClientRect().left))).toBe(56);
    expect(await gmail.page.evaluate(() => document.elementFromPoint(20, 300)?.tagName)).not.toBe('IFRAME');
    await gmail.page.close();
  });

  it('makes room in the same task as the page shows a thread or the list, before the frame has seen it', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    // Read by a listener that runs right after the content script's own, in the same event:
    // no message has reached the frame yet, let alone come back.
    const marginAfter = (hash: string) =>
      gmail.page.evaluate(
        (to) =>
          new Promise<string>((resolve) => {
            addEventListener('hashchange', () => resolve(document.documentElement.style.marginRight), { once: true });
            location.hash = to;
          }),
        hash,
      );
    expect(await marginAfter('#inbox')).toBe('');
    expect(await marginAfter(`#inbox/${THREADS.tom}`)).toBe('320px');
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    await gmail.page.close();
  });

  it('in the inbox keeps out of sight, out of the pointer’s and the keyboard’s way, yet keeps rendering for the next contact', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    await gmail.backToInbox();
    await expect.poll(() => gmail.sidebar.element.evaluate((f) => getComputedStyle(f).opacity)).toBe('0');
    const hidden = await gmail.sidebar.element.evaluate((f) => {
      const box = f.getBoundingClientRect();
      return { hit: document.elementFromPoint(box.left + box.width / 2, box.top + 200) === f, inert: (f as HTMLIFrameElement).inert };
    });
    expect(hidden).toEqual({ hit: false, inert: true });
    // A frame the browser stopped rendering (display:none) runs no animation frames.
    const frame = await (await gmail.sidebar.element.elementHandle()).contentFrame();
    const rendering = await frame!.evaluate(
      () => new Promise<boolean>((resolve) => (requestAnimationFrame(() => resolve(true)), setTimeout(() => resolve(false), 1000))),
    );
    expect(rendering).toBe(true);
    await gmail.openThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    expect(await gmail.sidebar.element.evaluate((f) => [getComputedStyle(f).opacity, (f as HTMLIFrameElement).inert])).toEqual([
      '1',
      false,
    ]);
    await gmail.page.close();
  });

  it('after a new page load onto the inbox, the frame shows no one from the page before and takes no room', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    // Another account's inbox: a new document in the same tab, with nobody on it.
    await gmail.page.goto('https://mail.google.com/mail/u/1/#inbox');
    const frame = await (await gmail.sidebar.element.elementHandle({ timeout: 10_000 })).contentFrame();
    await frame!.waitForFunction(() => document.readyState === 'complete');
    await gmail.page.waitForTimeout(1000);
    expect(await gmail.sidebar.contactName.count()).toBe(0);
    expect(await gmail.sidebar.element.evaluate((f) => getComputedStyle(f).opacity)).toBe('0');
    expect(await gmail.page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
    await gmail.page.close();
  });

  it('keeps following the page after the browser stopped the service worker', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    await stopWorker(browser, gmail.page);
    // The content script's port and the frame's were closed with the worker; the next thread still shows.
    await gmail.backToInbox();
    await gmail.openThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent(), { timeout: 10_000 }).toBe('Tom Becker');
    await gmail.page.close();
  });

  it('loads the UI in its frame only once the page shows a contact', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoInbox();
    // The frame's small bootstrap loads when the page goes idle.
    const frame = await (await gmail.sidebar.element.elementHandle({ timeout: 10_000 })).contentFrame();
    await frame!.waitForFunction(() => document.readyState === 'complete');
    await gmail.page.waitForTimeout(1000);
    // The UI chunk brings its styles: the frame holds Tailwind's rules once it has loaded.
    const uiLoaded = () =>
      frame!.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('.bg-sky-700'))));
    expect(await uiLoaded()).toBe(false);
    await gmail.openThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    expect(await uiLoaded()).toBe(true);
    await gmail.page.close();
  });

  it('follows the host page’s light theme even when the system is dark', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.page.emulateMedia({ colorScheme: 'dark' });
    await gmail.gotoThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    expect(await theme(gmail)).toBe('light');
    await gmail.page.close();
  });

  it('turns dark with Gmail’s dark theme', async () => {
    await browser.context.unroute('https://mail.google.com/**');
    await routeGmail(
      browser.context,
      DEMO.replace('</style>', 'body { background: #1f1f1f; } div[role="main"] { background: #202124; color: #e3e3e3; }</style>'),
    );
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.noah);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Noah Feld');
    expect(await theme(gmail)).toBe('dark');
    // Tailwind's dark variant follows that attribute: the panel's background is dark (low
    // lightness), neither white nor the transparent of a frame whose styles never arrived.
    const background = await gmail.sidebar.root.evaluate((aside) => getComputedStyle(aside).backgroundColor);
    const lightness = Number(/^oklch\(([\d.]+) /.exec(background)?.[1] ?? NaN);
    expect(lightness).toBeLessThan(0.3);
    await gmail.page.close();
  });
});
