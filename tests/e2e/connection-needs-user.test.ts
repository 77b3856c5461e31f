import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { sendFromExtensionPage } from './support/extension-messages';
import { routeHubspot } from './support/hubspot-route';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;
let hubspot: Awaited<ReturnType<typeof routeHubspot>>;

beforeAll(async () => {
  browser = await launchWithExtension();
  hubspot = await routeHubspot(browser.context);
});
afterAll(() => browser?.close());

describe('a HubSpot token revoked while reps work', () => {
  it('stops calling HubSpot and says so once in the sidebar, whichever thread is open', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await sendFromExtensionPage(options, 'setHubspotToken', { token: 'pat-na1-e2e-token-0000' });
    await sendFromExtensionPage(options, 'saveSettings', { source: 'hubspot' });
    hubspot.state.refuseToken = true;

    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    const notice = gmail.sidebar.root.getByTestId('connection-notice');
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toContain('HubSpot needs you');
    expect(await gmail.sidebar.root.getByTestId('state-error').count()).toBe(0);
    const calls = hubspot.state.crmCalls;

    // Other threads and a reload ask the background again; HubSpot is not asked.
    await gmail.gotoThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.root.getByTestId('state-not-saved').textContent()).toContain('tom.becker@aldermfg.example');
    await gmail.page.reload();
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(1);
    expect(await gmail.sidebar.root.getByText('HubSpot did not accept the access token', { exact: false }).count()).toBe(1);
    expect(hubspot.state.crmCalls).toBe(calls);
  });
});
