import type { MailHost } from '../domain/observed-touch';

/**
 * The addresses of Gmail's and Outlook's own pages, as their content scripts' match
 * patterns name them (lib/hosts/gmail, lib/hosts/outlook; tests/unit/mail-seen-sender.test.ts
 * keeps the two equal). Here, so the background need not load the page detectors to
 * tell which page a report came from.
 */
const MAIL_HOSTNAMES: Record<MailHost, readonly string[]> = {
  gmail: ['mail.google.com'],
  outlook: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'],
};

/** The mail host whose page `url` is, or undefined for any other page. */
export function mailHostOf(url: string | undefined): MailHost | undefined {
  let page: URL;
  try {
    page = new URL(url ?? '');
  } catch {
    return undefined;
  }
  if (page.protocol !== 'https:') return undefined;
  return (Object.keys(MAIL_HOSTNAMES) as MailHost[]).find((host) => MAIL_HOSTNAMES[host].includes(page.hostname));
}
