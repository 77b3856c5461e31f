import { browser } from 'wxt/browser';
import type { LeadlightDb } from '../db/database';
import { COMPANY_DOMAINS_KEY } from '../messaging/sidebar-port';
import { loadSettings } from './settings';

/**
 * Hands the content scripts the company's other email domains. Settings live in the
 * background's database, which a content script cannot open; extension storage it can
 * read, and the host page cannot. Published on every start too, so a setting saved
 * before this copy existed, or storage cleared by the browser, is put back.
 */
export async function publishCompanyDomains(db: LeadlightDb): Promise<void> {
  const { companyDomains } = await loadSettings(db);
  const stored = (await browser.storage.local.get(COMPANY_DOMAINS_KEY))[COMPANY_DOMAINS_KEY];
  // Unchanged, it is not written: every tab's content script hears each write, and the worker starts often.
  if (JSON.stringify(stored) === JSON.stringify(companyDomains)) return;
  await browser.storage.local.set({ [COMPANY_DOMAINS_KEY]: companyDomains });
}
