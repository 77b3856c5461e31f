import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage } from './pages/extension-pages';
import { GmailPage, THREADS } from './pages/gmail-page';
import { launchWithExtension, type Launched } from './support/launch';

let browser: Launched;
let dir: string;

beforeAll(async () => {
  browser = await launchWithExtension();
  dir = mkdtempSync(join(tmpdir(), 'leadlight-definitions-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function mayasScore(): Promise<string> {
  const gmail = new GmailPage(await browser.context.newPage());
  await gmail.gotoThread(THREADS.maya);
  await expect.poll(() => gmail.sidebar.contactName.textContent()).toBe('Maya Okafor');
  expect(await gmail.sidebar.personaName.textContent()).toBe('Operations Leader');
  const score = (await gmail.sidebar.root.getByTestId('persona-score').textContent()) ?? '';
  await gmail.page.close();
  return score;
}

describe('Personas in the options page', () => {
  it('editing a persona rule changes the score the Gmail sidebar shows', async () => {
    const before = await mayasScore();
    expect(before).toMatch(/^\d+\/100$/);

    const options = await OptionsPage.open(browser.context, browser.extensionId);
    const page = options.page;
    await page.getByRole('button', { name: 'Edit Operations Leader' }).click();
    const form = page.getByTestId('persona-form');
    // Maya Okafor is in logistics: leaving it out of the industry rule costs her that rule's weight.
    const industry = form.getByRole('group', { name: 'Rule 4' });
    expect(await industry.getByLabel('Kind').inputValue()).toBe('industry');
    await industry.getByLabel('Values').fill('manufacturing, retail');
    // The live preview shows logistics contacts' scores falling before anything is saved.
    const falling = form.getByTestId('persona-preview-change').filter({ hasText: /→ \d+ \(−\d+\)/ });
    await expect.poll(() => falling.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await form.getByRole('button', { name: 'Save persona' }).click();
    await expect.poll(() => page.getByTestId('persona-editor').getByRole('status').textContent()).toBe('Saved “Operations Leader”.');

    const after = await mayasScore();
    expect(after).toMatch(/^\d+\/100$/);
    expect(after).not.toBe(before);
  });

  it('refuses a file that is not a definitions file and changes nothing', async () => {
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    const page = options.page;
    const names = page.getByTestId('persona-row-name');
    await expect.poll(() => names.count()).toBeGreaterThan(0);
    const before = await names.allTextContents();

    const file = join(dir, 'not-definitions.json');
    writeFileSync(file, '{ "kind": "something-else" }\n');
    const exchange = page.getByTestId('definitions-exchange');
    await exchange.getByLabel('Import…').setInputFiles(file);
    await expect.poll(() => exchange.getByRole('alert').textContent()).toContain('This is not a Leadlight definitions file');

    await page.reload();
    await expect.poll(() => names.count()).toBe(before.length);
    expect(await names.allTextContents()).toEqual(before);
  });
});
