import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailPage, THREADS } from './pages/gmail-page';
import { launchWithExtension, type Launched } from './support/launch';

const SCREENSHOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../demo/report-screenshot.png');

// From lib/demo/featured.ts: campaigns that reached only Maya, only Tom, and both.
const MAYA_CAMPAIGN = 'Q3 Supply Chain Visibility Webinar'; // cmp-001
const MAYA_CAMPAIGN_2 = 'Logistics Leaders Forum Chicago 2025'; // cmp-011
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

describe('Lead-quality report on demo data', () => {
  it('takes verdicts given in Gmail: Maya good, Tom bad', async () => {
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

  it('is the report page, saying where its figures come from', async () => {
    report = await browser.context.newPage();
    await report.setViewportSize({ width: 1280, height: 1000 });
    await report.goto(`chrome-extension://${browser.extensionId}/report.html`);
    expect(await report.title()).toBe('Leadlight – Lead-quality report');
    await expect.poll(() => report.getByTestId('report-basis').textContent()).toContain('Demo data');
    expect(await report.getByTestId('report-basis').textContent()).toMatch(/^Data basis: Computed in this browser/);
  });

  it('credits the verdicts given in Gmail to the campaigns that touched each lead', async () => {
    await report.getByRole('button', { name: 'All time' }).click();
    await expect.poll(() => report.getByRole('button', { name: 'All time' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => cell(MAYA_CAMPAIGN, 'good')).toBe('1');

    expect(await cell(MAYA_CAMPAIGN, 'verdicts')).toBe('1');
    expect(await cell(MAYA_CAMPAIGN, 'bad')).toBe('0');
    expect(await cell(MAYA_CAMPAIGN, 'goodRate')).toBe('100%');
    expect(await cell(MAYA_CAMPAIGN_2, 'goodRate')).toBe('100%');

    expect(await cell(TOM_CAMPAIGN, 'bad')).toBe('1');
    expect(await cell(TOM_CAMPAIGN, 'good')).toBe('0');
    expect(await cell(TOM_CAMPAIGN, 'goodRate')).toBe('0%');
    expect(await cell(TOM_CAMPAIGN, 'topDisqualification')).toBe('No budget (1)');

    expect(await cell(BOTH_CAMPAIGN, 'verdicts')).toBe('2');
    expect(await cell(BOTH_CAMPAIGN, 'goodRate')).toBe('50%');

    // The campaigns judged come first (verdicts, high to low); the chart draws them.
    expect(await report.getByTestId('report-row').first().getByRole('rowheader').textContent()).toBe(BOTH_CAMPAIGN);
    expect(await report.getByRole('img', { name: /good-lead rate per month/i }).count()).toBe(1);
    await report.screenshot({ path: SCREENSHOT });
  });

  it('lists Maya with her good verdict behind one of her campaigns', async () => {
    await row(MAYA_CAMPAIGN).getByRole('button', { name: MAYA_CAMPAIGN }).click();
    const maya = report.getByTestId('drill-down-row').filter({ hasText: 'Maya Okafor' });
    await expect.poll(() => maya.count()).toBe(1);
    const text = await maya.textContent();
    expect(text).toContain('Good');
    expect(text).toContain('Active project');
    expect(text).toContain('Evaluating a BI rollout this quarter');
    expect(await report.getByTestId('drill-down-row').filter({ hasText: 'Tom Becker' }).count()).toBe(0);
  });

  it('groups the same verdicts by lead source and persona', async () => {
    await report.getByRole('tab', { name: 'Persona' }).click();
    await expect.poll(() => report.getByRole('columnheader', { name: /^Persona/ }).count()).toBe(1);
    await expect.poll(() => report.getByTestId('report-row').count()).toBeGreaterThan(0);
    const verdicts = await report.locator('[data-testid="report-row"] [data-column="verdicts"]').allTextContents();
    expect(verdicts.reduce((n, v) => n + Number(v), 0)).toBe(2);
  });
});
