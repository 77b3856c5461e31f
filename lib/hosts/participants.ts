import { isAutomatedAddress } from './automated-addresses';

/** A person found on a host page. */
export type Participant = { email: string; name?: string };

/**
 * A message shown on a host page: who sent it, the external people it went to
 * (the rep and colleagues left out), when the mail client dates it (ISO, null when
 * its date could not be read) and a key that stays the same across views.
 */
export type SeenMessage = { key: string; from: string; to: string[]; at: string | null };

export const EMAIL = /^[^\s@<>"()]+@[^\s@<>"()]+\.[^\s@<>"()]+$/;
/**
 * An address inside free text such as "Maya Okafor (maya@x.com)" or a title attribute.
 * An apostrophe may sit inside the local part (sean.o'brien@x.com), not at its ends,
 * where it is the text's own quote ('maya@x.com').
 */
export const EMAIL_IN_TEXT = /[\w.+-]+(?:'[\w.+-]+)*@[\w-]+(?:\.[\w-]+)+/;

/**
 * Mailbox providers whose users share a domain without being colleagues: a rep on one
 * of these (often so on outlook.live.com) would otherwise see every prospect on the same
 * provider as a colleague. Country variants included; not exhaustive.
 */
const CONSUMER_DOMAINS = new Set(
  [
    'gmail.com googlemail.com',
    'outlook.com outlook.de outlook.fr outlook.es outlook.it outlook.jp hotmail.com hotmail.co.uk hotmail.fr hotmail.de hotmail.it',
    'hotmail.es live.com live.co.uk live.fr live.de live.it live.nl msn.com passport.com',
    'yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.es yahoo.it yahoo.co.jp yahoo.co.in yahoo.com.br ymail.com rocketmail.com',
    'icloud.com me.com mac.com aol.com proton.me protonmail.com pm.me fastmail.com hey.com tutanota.com zoho.com mail.com',
    'gmx.de gmx.net gmx.at gmx.ch gmx.com web.de t-online.de freenet.de orange.fr free.fr laposte.net sfr.fr libero.it',
    'btinternet.com sky.com virginmedia.com comcast.net att.net verizon.net yandex.ru yandex.com mail.ru qq.com 163.com',
    '126.com naver.com',
  ].flatMap((line) => line.split(' ')),
);

/** An email domain as Leadlight keeps one: lower case, at least two labels. */
export const EMAIL_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Whether everyone at `domain` shares a mailbox provider rather than an employer. */
export const isConsumerDomain = (domain: string): boolean => CONSUMER_DOMAINS.has(domain);

/** The most company domains a rep may name (Settings → You). */
export const MAX_COMPANY_DOMAINS = 20;

/**
 * The company's other email domains, as the rep set them (Settings → You): the content
 * script holds one copy of that setting, so every host's detector sees the same one.
 */
let companyDomains: ReadonlySet<string> = new Set();
/**
 * Takes the list as extension storage holds it, checked again since the content script
 * cannot tell who wrote it: domains only, never a mailbox provider; anything else counts
 * as none. Returns how many domains were taken.
 */
export function setCompanyDomains(value: unknown): number {
  const domains = (Array.isArray(value) ? value : []).filter((d): d is string => typeof d === 'string').map((d) => d.toLowerCase());
  companyDomains = new Set(domains.filter((d) => EMAIL_DOMAIN.test(d) && !isConsumerDomain(d)).slice(0, MAX_COMPANY_DOMAINS));
  return companyDomains.size;
}

/**
 * Whether an address is the rep or a colleague: same address, same company domain,
 * or one of the company's other domains (a company on brightwave.com and brightwave.io).
 * Colleagues are not leads, so the sidebar skips them.
 */
export function isInternal(email: string, self: string | null): boolean {
  if (companyDomains.size && companyDomains.has(email.slice(email.lastIndexOf('@') + 1))) return true;
  if (!self) return false;
  if (email === self) return true;
  const domain = self.split('@')[1] ?? '';
  return !isConsumerDomain(domain) && email.endsWith(`@${domain}`);
}

const NO_ALIASES: ReadonlySet<string> = new Set();

/**
 * Collects participants in order of first appearance, lower-cased and
 * de-duplicated, skipping the rep and colleagues, the rep's other addresses
 * (`aliases`, lower-cased) and automated or list addresses; a later sighting may add a name.
 */
export function participantCollector(self: string | null, aliases = NO_ALIASES) {
  const seen = new Map<string, Participant>();
  return {
    add(raw: string | null | undefined, name?: string | null) {
      const email = raw
        ?.trim()
        .toLowerCase()
        .replace(/^mailto:/, '')
        .split('?')[0];
      if (!email || !EMAIL.test(email) || isInternal(email, self) || aliases.has(email) || isAutomatedAddress(email)) return;
      const cleanName = name?.trim() || undefined;
      const existing = seen.get(email);
      if (!existing) seen.set(email, cleanName ? { email, name: cleanName } : { email });
      else if (!existing.name && cleanName) existing.name = cleanName;
    },
    list: (): Participant[] => [...seen.values()],
  };
}

/**
 * True when the element or an ancestor (up to `stop`) is hidden the way single-page
 * apps hide inactive views: inline display:none, the hidden attribute, aria-hidden,
 * or Salesforce's slds-hide class.
 */
export function isHiddenWithin(el: Element, stop: Element | null = null): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden') || node.classList.contains('slds-hide')) return true;
    if ((node as HTMLElement).style?.display === 'none') return true;
  }
  return false;
}

/** The first element matching `selector` that is not inside a hidden view. */
export function firstVisible(root: ParentNode, selector: string): Element | null {
  for (const el of root.querySelectorAll(selector)) if (!isHiddenWithin(el)) return el;
  return null;
}
