import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { sendFromExtensionPage } from './support/extension-messages';
import { routeHubspot } from './support/hubspot-route';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;
let hubspot: Awaited<ReturnType<typeof routeHubspot>>;

async function feedbackState(page: Page) {
  const list = await sendFromExtensionPage<{ syncState: string; remoteId?: string }[]>(page, 'listLeadFeedback', {});
  return list[0];
}

beforeAll(async () => {
  browser = await launchWithExtension();
  hubspot = await routeHubspot(browser.context);
});
afterAll(() => browser?.close());

describe('feedback write-back when the service worker is stopped mid-send', () => {
  it('delivers the verdict to HubSpot exactly once after the worker restarts', { timeout: 180_000 }, async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await sendFromExtensionPage(options, 'setHubspotToken', { token: 'pat-na1-e2e-token-0000' });
    await sendFromExtensionPage(options, 'saveSettings', { source: 'hubspot' });

    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent(), { timeout: 15_000 }).toBe('Maya Okafor');
    expect(await gmail.sidebar.root.getByTestId('data-as-of').textContent()).toContain('HubSpot');

    hubspot.state.holdNoteAnswer = true;
    await gmail.sidebar.giveFeedback('bad', 'No budget', 'Budget frozen until Q3');
    // After the undo window the outbox sends; HubSpot records the note but we never hear back.
    await expect.poll(() => hubspot.state.noteWrites, { timeout: 30_000 }).toBe(1);
    expect((await feedbackState(options))?.syncState).toBe('sending');

    // Stop the extension's service worker through the DevTools protocol.
    const cdp = await browser.context.newCDPSession(options);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    expect(worker).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
    hubspot.state.holdNoteAnswer = false;

    // The next message wakes a new worker; the outbox alarm re-checks HubSpot and finds the note.
    await expect.poll(async () => (await feedbackState(options))?.syncState, { timeout: 120_000, interval: 2_000 }).toBe('sent');
    expect(hubspot.notes).toHaveLength(1);
    expect(hubspot.state.noteWrites).toBe(1);
    expect((await feedbackState(options))?.remoteId).toBe(hubspot.notes[0]!.id);
    expect(hubspot.notes[0]!.body).toContain('Budget frozen until Q3');
  });
});
