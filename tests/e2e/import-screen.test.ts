import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Launched } from './support/launch';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/import', name);
let browser: Launched;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

describe('the import screen', () => {
  it('names the chosen file, fits the preview to the page, names every imported file and asks before replacing', async () => {
    const options = await browser.context.newPage();
    // A laptop-sized window, where a table as wide as the export ran past the right edge.
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('tab', { name: 'CSV / JSON import' }).click();

    const fileInput = options.getByLabel('CSV or JSON file');
    await fileInput.setInputFiles(fixture('salesforce-campaign-members.csv'));
    await expect.poll(() => options.getByTestId('import-file-name').textContent()).toMatch(/^salesforce-campaign-members\.csv \(\d+ KB\)$/);

    // Every mapped column is on screen without scrolling sideways.
    const preview = options.getByTestId('import-preview');
    await preview.waitFor();
    const layout = await preview.evaluate((table) => {
      const box = table.parentElement!.getBoundingClientRect();
      const cells = [...table.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().right);
      return {
        overflow: table.scrollWidth - table.parentElement!.clientWidth,
        right: Math.max(...cells),
        edge: box.right,
        page: innerWidth,
      };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.right).toBeLessThanOrEqual(Math.min(layout.edge, layout.page));
    expect(await preview.getByRole('rowheader').allTextContents()).toEqual(
      expect.arrayContaining(['Email', 'Campaign', 'Member status', 'Responded', 'First responded date', 'Industry']),
    );

    // Demo data comes back with one click: replacing it asks nothing.
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByTestId('import-summary').textContent(), { timeout: 20_000 }).toMatch(/Imported 7 rows/);
    await expect.poll(() => options.getByTestId('options-status').textContent()).toContain('Import: salesforce-campaign-members.csv');

    // A second file added on top: the checkbox says what it would replace, and the source line names both files.
    await fileInput.setInputFiles(fixture('hubspot-contacts.csv'));
    const replace = options.getByRole('checkbox', {
      name: 'Replace the current data (Import: salesforce-campaign-members.csv, 5 contacts)',
    });
    await expect.poll(() => replace.isChecked()).toBe(true);
    await replace.uncheck();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByTestId('import-summary').textContent(), { timeout: 20_000 }).toMatch(/Imported 4 rows/);
    await expect
      .poll(() => options.getByTestId('options-status').textContent())
      .toContain('Import: salesforce-campaign-members.csv, hubspot-contacts.csv');

    // Replacing the import asks first and says what would go.
    await fileInput.setInputFiles(fixture('leadlight-sample.csv'));
    await options.getByRole('checkbox', { name: /Replace the current data/ }).check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = options.getByRole('alertdialog', { name: 'Replace the current data?' });
    await expect
      .poll(() => dialog.getByTestId('replace-detail').textContent())
      .toMatch(
        /^This removes 7 contacts, 7 campaign touches and 7 campaigns from “Import: salesforce-campaign-members\.csv, hubspot-contacts\.csv”/,
      );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await options.getByTestId('options-status').textContent()).toContain('hubspot-contacts.csv');
  });
});
