// Store listing images, written by `npm run demo` when it runs headless: 1280×800 screenshots
// (Chrome Web Store and AMO both take that size) and the 440×280 promotional tile.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHOT = { width: 1280, height: 800 };

/** Resolves once any frame of the page shows the sidebar's contact (the sidebar may live in its own frame). */
async function sidebarShown(page) {
  for (let i = 0; i < 200; i++) {
    for (const frame of page.frames()) {
      if (
        await frame
          .locator('[data-testid="contact-context"]')
          .count()
          .catch(() => 0)
      )
        return;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`The sidebar did not show a contact on ${page.url()}`);
}

async function shoot(context, url, file, ready) {
  const page = await context.newPage();
  await page.setViewportSize(SHOT);
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: file });
  await page.close();
}

/** The promotional tile: the mark, the name and what it does, drawn as a page and captured. */
async function promoTile(context, root, file) {
  const svg = readFileSync(join(root, 'public/icon/icon.svg'), 'utf8');
  const page = await context.newPage();
  await page.setViewportSize({ width: 440, height: 280 });
  await page.setContent(`<!doctype html><html><body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:24px;
    padding:0 36px;box-sizing:border-box;background:linear-gradient(135deg,#312e81,#3730a3 60%,#4338ca);color:#fff;font-family:system-ui,sans-serif">
    <div style="width:112px;height:112px;flex:none">${svg}</div>
    <div><div style="font-size:40px;font-weight:700;letter-spacing:-0.5px">Leadlight</div>
    <div style="font-size:17px;line-height:1.35;margin-top:8px;color:#e0e7ff">Marketing context where sales works: lead source, campaigns, persona and one-click lead feedback.</div></div>
    </body></html>`);
  await page.screenshot({ path: file });
  await page.close();
}

/**
 * Writes the listing images to `<outDir>/store` and returns that folder.
 * The CRM host pages are routed here; Gmail is already routed by the demo.
 */
export async function writeStoreImages({ context, extensionId, root, outDir, routeHost }) {
  const dir = join(outDir, 'store');
  mkdirSync(dir, { recursive: true });
  await routeHost('https://app.hubspot.com', 'hubspot/app.html');
  const ext = (path) => `chrome-extension://${extensionId}/${path}`;
  await shoot(context, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzMaya0001', join(dir, '1-gmail-sidebar-1280x800.png'), sidebarShown);
  await shoot(
    context,
    'https://app.hubspot.com/contacts/123456/record/0-1/102',
    join(dir, '2-crm-record-sidebar-1280x800.png'),
    sidebarShown,
  );
  await shoot(context, ext('report.html'), join(dir, '3-report-1280x800.png'), (p) => p.getByRole('table').first().waitFor());
  await shoot(context, ext('options.html'), join(dir, '4-options-1280x800.png'), (p) => p.getByTestId('options-status').waitFor());
  await promoTile(context, root, join(dir, 'promo-tile-440x280.png'));
  return dir;
}
