import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

describe('verdicts HubSpot can report on', () => {
  it('a verdict given in Gmail sets the Leadlight contact properties and writes one note; the same verdict again writes nothing', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await sendFromExtensionPage(options, 'saveSettings', { rep: { email: 'alex.rivera@brightwave.example', name: 'Alex Rivera' } });
    await sendFromExtensionPage(options, 'setHubspotToken', { token: 'pat-na1-e2e-token-0000' });
    await sendFromExtensionPage(options, 'saveSettings', { source: 'hubspot' });
    // What the HubSpot settings do after connecting: the portal gets the Leadlight property group.
    expect(await sendFromExtensionPage(options, 'prepareCrmWriteBack', {})).toEqual(expect.objectContaining({ ready: true }));
    expect(hubspot.schema.group).toBe(true);
    expect([...hubspot.schema.properties].sort()).toEqual([
      'leadlight_last_feedback_at',
      'leadlight_last_feedback_by',
      'leadlight_last_reason',
      'leadlight_last_verdict',
    ]);

    const gmail = new GmailPage(await browser.context.newPage());
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent(), { timeout: 15_000 }).toBe('Maya Okafor');
    await gmail.sidebar.giveFeedback('bad', 'No budget', 'Budget frozen until Q3');
    await expect.poll(() => hubspot.notes.length, { timeout: 30_000 }).toBe(1);
    expect(hubspot.maya).toEqual({
      leadlight_last_verdict: 'bad',
      leadlight_last_reason: 'no_budget',
      leadlight_last_feedback_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      leadlight_last_feedback_by: 'Alex Rivera <alex.rivera@brightwave.example>',
    });
    expect(hubspot.notes[0]!.body).toContain('leadlightverdict');
    expect(hubspot.state.contactPatches).toBe(1);

    // The same verdict confirmed again: nothing new is stored or sent.
    await gmail.sidebar.giveFeedback('bad', 'No budget', 'Budget frozen until Q3');
    await expect.poll(() => gmail.sidebar.lastVerdict.textContent()).toContain('Bad lead');
    // Longer than the undo window and an outbox run, which would have sent a new verdict by now.
    await new Promise((r) => setTimeout(r, 12_000));
    expect(hubspot.notes).toHaveLength(1);
    expect(hubspot.state.contactPatches).toBe(1);
    const list = await sendFromExtensionPage<unknown[]>(options, 'listLeadFeedback', {});
    expect(list).toHaveLength(1);
  });

  it('the team report reads every rep’s verdicts from HubSpot: this rep’s and another rep’s, with its scope', async () => {
    // Jamie, another rep, gave Maya a verdict from her own browser: HubSpot holds its note (the documented search shape).
    const other = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/http/hubspot/notes-search-verdicts.json'), 'utf8')) as {
      results: { properties: { hs_note_body: string } }[];
    };
    hubspot.notes.push({ id: '60918273645', body: other.results[0]!.properties.hs_note_body });

    const report = await browser.context.newPage();
    await report.goto(`chrome-extension://${browser.extensionId}/report.html`);
    await expect
      .poll(() => report.getByTestId('team-scope').textContent(), { timeout: 20_000 })
      .toMatch(/^Team: 2 verdicts by 2 reps, from HubSpot, as of /);
    await report.getByRole('switch').check();
    await expect.poll(() => report.getByTestId('team-scope').textContent()).toMatch(/^Mine: 1 verdict by 1 rep, from HubSpot/);
  });
});
