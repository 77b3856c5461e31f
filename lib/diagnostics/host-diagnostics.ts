import { browser } from 'wxt/browser';
import type { HostDiagnostics } from '../messaging/protocol';

const KEY = 'hostDiagnostics';

/**
 * Keeps the latest detection report per host in local storage, so a user can see
 * which selectors stopped matching after a host redesign. Nothing leaves the browser.
 */
export async function saveHostDiagnostics(report: Omit<HostDiagnostics, 'at'>, now = new Date()): Promise<void> {
  const all = await loadHostDiagnostics();
  const others = all.filter((d) => d.hostId !== report.hostId);
  await browser.storage.local.set({ [KEY]: [...others, { ...report, at: now.toISOString() }] });
}

/** All hosts' latest reports, most recent first. */
export async function loadHostDiagnostics(): Promise<HostDiagnostics[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const list = Array.isArray(stored) ? (stored as HostDiagnostics[]) : [];
  return [...list].sort((a, b) => b.at.localeCompare(a.at));
}
