import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBatch } from '@/lib/domain/import-batch';
import { readFixtureJson } from '../support/fixtures';
import { clickButton, clickLabelled, fillLabelled, textsOf, valueOfLabelled } from './support/dom';
import { gotoExtensionPage, launchFirefox, serveFixture, type FirefoxRun } from './support/launch-firefox';
import { sidebarFrame, sidebarText } from './support/sidebar-frame';

const GMAIL = 'https://mail.google.com/mail/u/0/';
/** Thread tokens of the Gmail look-alike (tests/fixtures/gmail/demo-gmail.html). */
const THREADS = { maya: 'FMfcgzMaya0001', tom: 'FMfcgzTomB00003', mallory: 'FMfcgzMallo0004', tomKai: 'FMfcgzKaiNg0008' };

let run: FirefoxRun;
let gmail: Page;

/** Clicks a host-page element the way a user does. */
async function clickInPage(page: Page, selector: string): Promise<void> {
  const point = await page.evaluate((s: string) => {
    const box = document.querySelector(s)?.getBoundingClientRect();
    return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
  }, selector);
  if (!point) throw new Error(`${selector} is not on the page`);
  await page.mouse.click(point.x, point.y);
}

/** Sends a protocol message from an extension page, in the wire format @webext-core/messaging uses. */
function sendFromExtensionPage(page: Page, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(
    (t: string, d: unknown) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }),
    type,
    data,
  );
}

beforeAll(async () => {
  run = await launchFirefox('options.html');
  gmail = await run.browser.newPage();
  await serveFixture(gmail, 'https://mail.google.com', 'gmail/demo-gmail.html');
});
afterAll(() => run?.close());

describe('Firefox: Gmail sidebar in its extension frame', () => {
  it('shows the opened thread contact: lead source, campaigns and persona', async () => {
    await gmail.goto(`${GMAIL}#inbox`);
    await clickInPage(gmail, `[data-testid="thread-row"][data-thread="${THREADS.maya}"]`);
    await expect.poll(() => sidebarText(gmail, 'contact-name')).toBe('Maya Okafor');
    const frame = await sidebarFrame(gmail);
    expect(await sidebarText(gmail, 'lead-source-original')).toMatch(/\w/);
    expect((await textsOf(frame, 'timeline-entry')).length).toBeGreaterThanOrEqual(6);
    expect(await sidebarText(gmail, 'persona-name')).toBe('Operations Leader');
  });

  it('follows navigation to another thread', async () => {
    await gmail.evaluate((t: string) => void (location.hash = `#inbox/${t}`), THREADS.tom);
    await expect.poll(() => sidebarText(gmail, 'contact-name')).toBe('Tom Becker');
  });

  it('keeps feedback across a reload and lists it on the options page, signed by the rep set in Settings', async () => {
    const options = run.start;
    // Keys go to the tab in front, as for a user.
    await options.bringToFront();
    await gotoExtensionPage(options, 'options.html');
    await fillLabelled(options, 'Your work email', 'alex.rivera@brightwave.example');
    await clickButton(options, 'Save', options, 'rep-identity');
    await expect.poll(() => textsOf(options, 'rep-identity')).toEqual([expect.stringContaining('Saved')]);

    await expect.poll(() => valueOfLabelled(options, 'Your work email')).toBe('alex.rivera@brightwave.example');

    await gmail.bringToFront();
    const frame = await sidebarFrame(gmail);
    await clickButton(gmail, /Bad lead/, frame);
    await clickLabelled(gmail, 'No budget', frame);
    await fillLabelled(gmail, /Note for marketing/, 'Frozen until Q3', frame);
    await clickButton(gmail, 'Confirm bad lead', frame);
    await expect.poll(() => sidebarText(gmail, 'last-verdict')).toContain('No budget');

    await gmail.goto(`${GMAIL}#inbox/${THREADS.tom}`);
    await gmail.reload();
    await expect.poll(() => sidebarText(gmail, 'last-verdict')).toContain('Bad lead');
    expect(await sidebarText(gmail, 'last-verdict')).toContain('Frozen until Q3');

    await gotoExtensionPage(options, 'options.html');
    await expect
      .poll(() => textsOf(options, 'feedback-row'))
      .toEqual([expect.stringMatching(/tom\.becker@aldermfg\.example.*No budget.*Frozen until Q3|No budget.*tom\.becker/s)]);
    const [row] = await textsOf(options, 'feedback-row');
    expect(row).toContain('No budget');
    expect(row).toContain('Frozen until Q3');
    expect(row).toContain('alex.rivera@brightwave.example');
  });

  it('keeps the frame from the page: unreadable, and a copy the page embeds shows no one', async () => {
    await gmail.goto(`${GMAIL}#inbox/${THREADS.maya}`);
    await expect.poll(() => sidebarText(gmail, 'contact-name')).toBe('Maya Okafor');
    const seen = await gmail.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="leadlight-frame"]')!;
      let read: string | null;
      try {
        read = frame.contentDocument?.body?.textContent ?? null;
      } catch {
        read = null;
      }
      // Firefox lists the frame for every site (MV2 has no per-site list): the page reads its address and embeds copies.
      for (const [name, url] of [
        ['copy', frame.src],
        ['lookup', `${frame.src.split('?')[0]}?lookup=tom.becker%40aldermfg.example`],
      ]) {
        const copy = document.createElement('iframe');
        copy.name = name!;
        copy.src = url!;
        document.body.append(copy);
      }
      return read;
    });
    expect(seen).toBeNull();
    await new Promise((r) => setTimeout(r, 2_000));
    // Every Leadlight document in the tab, and whom it shows.
    const shown: [string, string | null][] = [];
    for (const frame of gmail.frames()) {
      if (frame === gmail.mainFrame()) continue;
      const found = await frame
        .evaluate(() =>
          location.pathname === '/sidebar.html'
            ? [window.name, document.querySelector('[data-testid="contact-name"]')?.textContent ?? null]
            : null,
        )
        .catch(() => null);
      if (found) shown.push(found as [string, string | null]);
    }
    expect(shown.sort()).toEqual([
      ['', 'Maya Okafor'],
      ['copy', null],
      ['lookup', null],
    ]);
  });

  it('leaves out a colleague on the company’s other domain as soon as the rep names it, in a thread already open', async () => {
    // Tom Becker wrote with Kai Nguyen (kai.nguyen@brightwave.io, Brightwave's other domain) in Cc.
    await gmail.bringToFront();
    await gmail.goto(`${GMAIL}#inbox/${THREADS.tomKai}`);
    const people = async () => {
      const frame = await sidebarFrame(gmail).catch(() => null);
      if (!frame) return null;
      return frame
        .evaluate(() => [...document.querySelectorAll('[data-testid="contact-switcher"] [role="tab"]')].map((t) => t.textContent ?? ''))
        .catch(() => null);
    };
    await expect.poll(people).toEqual([expect.stringContaining('Tom Becker'), expect.stringContaining('Kai Nguyen')]);

    const options = run.start;
    await options.bringToFront();
    await gotoExtensionPage(options, 'options.html');
    await fillLabelled(options, 'Your company’s other email domains (optional)', 'brightwave.io');
    await clickButton(options, 'Save', options, 'rep-identity');
    await expect.poll(() => textsOf(options, 'rep-identity')).toEqual([expect.stringContaining('Saved')]);

    await gmail.bringToFront();
    await expect.poll(people).toEqual([]);
    expect(await sidebarText(gmail, 'contact-name')).toBe('Tom Becker');
  });

  it('renders hostile strings as text and runs nothing', async () => {
    const dialogs: string[] = [];
    gmail.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // The hostile records are a test fixture, not part of the demo: load them as an import would.
    await sendFromExtensionPage(run.start, 'importRecords', JSON.stringify(importBatch(readFixtureJson('hostile/records.json'))));
    await gmail.evaluate((t: string) => void (location.hash = `#inbox/${t}`), THREADS.mallory);
    await expect.poll(() => sidebarText(gmail, 'contact-name')).toBe('<img src=x onerror=alert(1)>');
    expect(await sidebarText(gmail, 'contact-header')).toContain('<script>');
    const frame = await sidebarFrame(gmail);
    expect((await textsOf(frame, 'timeline-entry'))[0]).toContain('<img src=x onerror=window.__leadlightPwned=1>');
    expect(await frame.evaluate(() => document.querySelectorAll('[data-testid="leadlight-sidebar"] :is(img, script, svg)').length)).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    for (const scope of [gmail, frame])
      expect(await scope.evaluate(() => (window as unknown as { __leadlightPwned?: number }).__leadlightPwned ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
