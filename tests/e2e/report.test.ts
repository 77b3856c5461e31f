import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage } from './pages/extension-pages';
import { GmailPage, THREADS } from './pages/gmail-page';
import { launchWithExtension, type Launched } from './support/launch';

const SCREENSHOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../demo/report-screenshot.png');

// From lib/demo/featured.ts: campaigns that reached only Maya, only Tom, and both.
const MAYA_CAMPAIGN = 'Q3 Supply Chain Visibility Webinar'; // cmp-001
const TOM_CAMPAIGN = 'Partner referral – Northbeam Systems Integrators'; // cmp-023
const BOTH_CAMPAIGN = 'Google Ads – Logistics BI'; // cmp-003

let browser: Launched;
let report: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

const row = (label: string) =>
  report.getByTestId('report-row').filter({ has: report.getByRole('rowheader', { name: label, exact: true }) });
const cell = (label: string, column: string) => row(label).locator(`[data-column="${column}"]`).textContent();
const counts = async (label: string) => ({
  verdicts: Number(await cell(label, 'verdicts')),
  good: Number(await cell(label, 'good')),
  bad: Number(await cell(label, 'bad')),
});
const scope = () => report.getByTestId('team-scope').textContent();
const teamCount = async () =>
  Number(/^Team: (\d+) verdicts by 5 reps, from the demo data, as of Nov 20, 2026/.exec((await scope()) ?? '')?.[1]);

async function openReport() {
  report = await browser.context.newPage();
  await report.setViewportSize({ width: 1280, height: 1000 });
  await report.goto(`chrome-extension://${browser.extensionId}/report.html`);
  await report.getByRole('button', { name: 'All time' }).click();
  await expect.poll(() => report.getByRole('button', { name: 'All time' }).getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => row(MAYA_CAMPAIGN).count()).toBe(1);
}

describe('Lead-quality report on demo data', () => {
  let before: Record<string, { verdicts: number; good: number; bad: number }>;
  let teamBefore: number;

  it('reads 18 months of the demo team’s verdicts and says so', async () => {
    await openReport();
    expect(await report.title()).toBe('Leadlight – Lead-quality report');
    await expect.poll(teamCount).toBeGreaterThan(300);
    teamBefore = await teamCount();
    expect(await report.getByTestId('report-basis').textContent()).toMatch(/^Data basis: Computed in this browser from Demo data/);
    before = Object.fromEntries(await Promise.all([MAYA_CAMPAIGN, TOM_CAMPAIGN, BOTH_CAMPAIGN].map(async (c) => [c, await counts(c)])));
    // Every rate carries its sample size.
    expect(await cell(BOTH_CAMPAIGN, 'goodRate')).toMatch(new RegExp(`^\\d+% of ${before[BOTH_CAMPAIGN]!.verdicts}$`));
    await report.close();
  });

  it('takes verdicts given in Gmail: Maya good, Tom bad', async () => {
    // The demo inbox is Alex Rivera's: he signs his verdicts as himself.
    const settings = await OptionsPage.open(browser.context, browser.extensionId);
    const you = settings.page.getByTestId('rep-identity');
    await you.getByLabel('Your work email').fill('alex.rivera@brightwave.example');
    await you.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => you.getByRole('status').textContent()).toContain('Saved');
    await settings.page.close();
    const page = await browser.context.newPage();
    const gmail = new GmailPage(page);
    await gmail.gotoThread(THREADS.maya);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
    await gmail.sidebar.giveFeedback('good', 'Active project', 'Evaluating a BI rollout this quarter');
    await expect.poll(() => gmail.sidebar.lastVerdict.textContent()).toContain('Active project');
    await gmail.gotoThread(THREADS.tom);
    await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Tom Becker');
    await gmail.sidebar.giveFeedback('bad', 'No budget');
    await expect.poll(() => gmail.sidebar.lastVerdict.textContent()).toContain('No budget');
    await page.close();
  });

  it('credits them to the campaigns that touched each lead, on top of the team’s', async () => {
    await openReport();
    await expect.poll(teamCount).toBe(teamBefore + 2);
    expect(await counts(MAYA_CAMPAIGN)).toEqual({
      ...before[MAYA_CAMPAIGN]!,
      verdicts: before[MAYA_CAMPAIGN]!.verdicts + 1,
      good: before[MAYA_CAMPAIGN]!.good + 1,
    });
    expect(await counts(TOM_CAMPAIGN)).toEqual({
      ...before[TOM_CAMPAIGN]!,
      verdicts: before[TOM_CAMPAIGN]!.verdicts + 1,
      bad: before[TOM_CAMPAIGN]!.bad + 1,
    });
    expect((await counts(BOTH_CAMPAIGN)).verdicts).toBe(before[BOTH_CAMPAIGN]!.verdicts + 2);
    expect(await report.getByRole('img', { name: /good-lead rate per month/i }).count()).toBe(1);
    await report.screenshot({ path: SCREENSHOT });
  });

  it('lists Maya with her good verdict and the assets that reached her', async () => {
    await row(MAYA_CAMPAIGN).getByRole('button', { name: MAYA_CAMPAIGN }).click();
    const maya = report.getByTestId('drill-down-row').filter({ hasText: 'Maya Okafor' });
    await expect.poll(() => maya.count()).toBe(1);
    const text = await maya.textContent();
    expect(text).toContain('Good');
    expect(text).toContain('Active project');
    expect(text).toContain('Evaluating a BI rollout this quarter');
    // lib/demo/featured.ts: her newest asset is the second case study of cmp-010, her webinar is cmp-001's.
    const assets = await maya.getByTestId('drill-down-assets').getByRole('listitem').allTextContents();
    expect(assets[0]).toMatch(/^Case study: /);
    expect(assets).toContain('Webinar: Q3 Supply Chain Visibility Webinar (live session)');
    expect(await report.getByTestId('drill-down-row').filter({ hasText: 'Tom Becker' }).count()).toBe(0);
  });

  it('shows only this rep’s verdicts on the switch', async () => {
    await report.getByRole('switch', { name: /Only mine/ }).check();
    await expect.poll(scope).toMatch(/^Mine: \d+ verdicts by 1 rep, from the demo data/);
    await report.getByRole('switch', { name: /Only mine/ }).uncheck();
    await expect.poll(teamCount).toBe(teamBefore + 2);
  });

  it('changes what a campaign is credited with under first-touch attribution, and says how', async () => {
    const anyTouch = (await counts(BOTH_CAMPAIGN)).verdicts;
    await report.getByRole('radio', { name: 'First touch' }).check();
    await expect.poll(() => report.getByTestId('attribution-explained').textContent()).toMatch(/reached the lead first/);
    await expect.poll(async () => (await counts(BOTH_CAMPAIGN)).verdicts).toBeLessThan(anyTouch);
  });

  it('groups the same verdicts by lead source and persona', async () => {
    await report.getByRole('radio', { name: 'Any touch' }).check();
    // As a user would: wait for the figures of the model chosen before picking the grouping.
    await expect.poll(() => report.locator('[aria-busy="true"]').count()).toBe(0);
    await report.getByRole('tab', { name: 'Persona' }).click();
    await expect.poll(() => report.getByRole('columnheader', { name: /^Persona/ }).count()).toBe(1);
    await expect.poll(() => report.getByTestId('report-row').count()).toBeGreaterThan(1);
    const verdicts = await report.locator('[data-testid="report-row"] [data-column="verdicts"]').allTextContents();
    // Each lead has one persona bucket: the rows add up to every current verdict.
    expect(verdicts.reduce((n, v) => n + Number(v), 0)).toBe(teamBefore + 2);
  });
});
