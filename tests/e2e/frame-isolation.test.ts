import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { FRAME_SELECTOR } from './pages/sidebar';
import { sendFromExtensionPage } from './support/extension-messages';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;
let options: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await sendFromExtensionPage(options, 'saveSettings', { rep: { email: 'alex.rivera@brightwave.example' } });
});
afterAll(() => browser?.close());

const verdicts = () => sendFromExtensionPage<{ email: string; author: string }[]>(options, 'listLeadFeedback', {});

/** Runs in the host page's own world, as Gmail's scripts (or a script injected into Gmail) would. */
type HostAttempt = { read: string[]; clicked: string[] };

describe('the host page has no access to the sidebar', () => {
  it('cannot read its text, click its buttons, type into it, or hear what the rep types; no verdict is stored', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    // The page listens for every key and input, in the capture phase, from the start.
    await gmail.page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput', 'focusin'])
        window.addEventListener(type, (e) => heard.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
    });

    const attempt: HostAttempt = await gmail.page.evaluate(async (selector) => {
      const out: HostAttempt = { read: [], clicked: [] };
      const frame = document.querySelector<HTMLIFrameElement>(selector)!;
      // Reading: the DOM, the frame's document, every shadow root, the whole text of the page.
      const tries: [string, () => unknown][] = [
        ['contentDocument', () => frame.contentDocument?.body?.innerText],
        ['contentWindow.document', () => frame.contentWindow?.document.body.innerText],
        ['shadow roots', () => [...document.querySelectorAll('*')].map((e) => e.shadowRoot?.textContent ?? '').join('')],
        ['page text', () => (document.documentElement.innerText.includes('Operations Leader') ? 'Operations Leader' : '')],
      ];
      for (const [name, read] of tries) {
        try {
          const text = read();
          if (typeof text === 'string' && text.length > 0) out.read.push(`${name}: ${text.slice(0, 40)}`);
        } catch {
          // SecurityError: cross-origin.
        }
      }
      // Clicking: at the panel's "Bad lead" button position, and on the frame element itself.
      const box = frame.getBoundingClientRect();
      for (let y = box.top + 5; y < box.bottom; y += 20) {
        const target = document.elementFromPoint(box.left + box.width / 2, y);
        if (target && target !== frame) out.clicked.push(`${y}: ${target.tagName}`);
        target?.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + 60, clientY: y }));
      }
      frame.click();
      // Typing: key events at the frame and the page.
      for (const key of ['Tab', 'Enter', ' ', 'b']) {
        frame.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      frame.focus();
      await new Promise((r) => setTimeout(r, 300));
      return out;
    }, FRAME_SELECTOR);
    expect(attempt.read).toEqual([]);
    // Every point of the panel is the frame's: nothing of the page's lies over it to take a click.
    expect(attempt.clicked).toEqual([]);
    expect(await verdicts()).toEqual([]);
    expect(await gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    expect(await gmail.sidebar.root.getByTestId('feedback-form').count()).toBe(0);

    // The rep types a note: the page hears none of it and cannot read the field.
    await gmail.page.evaluate(() => ((window as unknown as { __heard: string[] }).__heard.length = 0));
    await gmail.sidebar.root.getByRole('button', { name: 'Bad lead' }).click();
    await gmail.sidebar.root.getByRole('radio', { name: 'No budget' }).check();
    const note = gmail.sidebar.root.getByLabel(/Note for marketing/);
    await note.click();
    await gmail.page.keyboard.type('Budget frozen until Q3');
    expect(await note.inputValue()).toBe('Budget frozen until Q3');
    const seen = await gmail.page.evaluate((selector) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector)!;
      let field: string | null;
      try {
        field = frame.contentDocument?.querySelector('textarea')?.value ?? null;
      } catch {
        field = null;
      }
      return { heard: (window as unknown as { __heard: string[] }).__heard, field };
    }, FRAME_SELECTOR);
    expect(seen).toEqual({ heard: [], field: null });
    await gmail.sidebar.root.getByRole('button', { name: 'Cancel' }).click();
    expect(await verdicts()).toEqual([]);
    await gmail.page.close();
  });

  it('hears no message from the content script that names Leadlight', async () => {
    const page = await browser.context.newPage();
    // The page's own listener, from its first script on, as Gmail's are.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { __messages: string[] }).__messages = heard;
      window.addEventListener('message', (e) => heard.push(JSON.stringify(e.data) ?? String(e.data)));
    });
    const gmail = new GmailPage(page);
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    const heard = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(heard.filter((m) => m.includes(browser.extensionId))).toEqual([]);
    await page.close();
  });

  it('gets its frame back when it restyles it or navigates it to a page of its own', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    await gmail.page.evaluate((selector) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector)!;
      frame.style.setProperty('opacity', '0', 'important');
      frame.style.setProperty('pointer-events', 'none', 'important');
    }, FRAME_SELECTOR);
    await expect
      .poll(() => gmail.sidebar.element.evaluate((f) => [getComputedStyle(f).opacity, getComputedStyle(f).pointerEvents].join()))
      .toBe('1,auto');
    // A style sheet of the page's, however specific or important, neither hides the panel nor lets clicks through it.
    await gmail.page.addStyleTag({
      content:
        'html iframe[title] { filter: opacity(0) !important; visibility: hidden !important; transform: translateX(100%) !important; clip-path: inset(50%) !important; pointer-events: none !important; }',
    });
    expect(
      await gmail.sidebar.element.evaluate((f) => {
        const s = getComputedStyle(f);
        return [s.filter, s.visibility, s.transform, s.clipPath, s.pointerEvents].join();
      }),
    ).toBe('none,visible,none,none,auto');

    await gmail.page.evaluate((selector) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector)!;
      frame.contentWindow!.location.href = 'https://mail.google.com/mail/u/0/#fake-sidebar';
    }, FRAME_SELECTOR);
    // A fresh Leadlight frame replaces the navigated one and shows the same contact.
    await expect.poll(() => gmail.page.frames().filter((f) => f.url().endsWith('#fake-sidebar')).length).toBe(0);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    expect(await gmail.page.locator(FRAME_SELECTOR).count()).toBe(1);
    await gmail.page.close();
  });

  it('cannot embed a copy of the sidebar, as a lookup or under the frame’s own address, to show a contact of its choosing', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    // The page reads the frame's address from its DOM and embeds two frames of its own.
    await gmail.page.evaluate((selector) => {
      const src = document.querySelector<HTMLIFrameElement>(selector)!.src;
      const lookup = `${src.split('?')[0]}?lookup=${encodeURIComponent('tom.becker@aldermfg.example')}`;
      for (const [name, url] of [
        ['lookup', lookup],
        ['copy', src],
      ]) {
        const copy = document.createElement('iframe');
        copy.name = name!;
        copy.src = url!;
        copy.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:600px';
        document.body.append(copy);
      }
    }, FRAME_SELECTOR);
    const embedded = (name: string) => gmail.page.frames().find((f) => f.name() === name);
    await expect.poll(() => embedded('lookup')?.evaluate(() => document.readyState)).toBe('complete');
    await expect.poll(() => embedded('copy')?.evaluate(() => document.readyState)).toBe('complete');
    // Time enough for either to have asked the background and rendered.
    await gmail.page.waitForTimeout(1_500);
    for (const name of ['lookup', 'copy']) expect(await embedded(name)!.locator('[data-testid="contact-name"]').count(), name).toBe(0);
    expect(await gmail.page.locator('iframe[name]').count()).toBe(2);
    // The sidebar itself goes on showing the page's contacts, the copies still there.
    await gmail.backToInbox();
    await gmail.openThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    expect(await embedded('copy')!.locator('[data-testid="contact-name"]').count()).toBe(0);
    await gmail.page.close();
  });

  it('a page that forges the signed-in address cannot make a verdict carry it', async () => {
    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.noah);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Noah Feld');
    // The page claims another user is signed in, where Gmail shows the signed-in address.
    await gmail.page.evaluate(() => {
      document.title = 'Quick hello - ceo@victim.example - Gmail';
      document.querySelector('a[href*="accounts.google.com"]')?.setAttribute('aria-label', 'Google Account: CEO (ceo@victim.example)');
      const extra = document.createElement('span');
      extra.className = 'g2';
      extra.setAttribute('email', 'ceo@victim.example');
      document.querySelector('.hb')?.append(extra);
    });
    await gmail.sidebar.giveFeedback('good', 'Active project');
    await expect.poll(async () => (await verdicts()).length).toBe(1);
    const [verdict] = await verdicts();
    expect(verdict).toMatchObject({ email: 'noah.feld@quietpartners.example', author: 'alex.rivera@brightwave.example' });
    await gmail.page.close();
  });
});
