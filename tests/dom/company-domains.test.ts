import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { followCompanyDomains } from '@/lib/hosts/company-domains';
import { isInternal, participantCollector, setCompanyDomains } from '@/lib/hosts/participants';
import { startSidebar } from '@/lib/hosts/start-sidebar';
import { COMPANY_DOMAINS_KEY, type PageSnapshot } from '@/lib/messaging/sidebar-port';
import { recordConnects, type FakePort } from '../support/fake-port';
import { holdIdle, releaseIdle } from '../support/page-idle';
import { peopleHost, showThread } from '../support/people-page';

const REP = 'alex.rivera@brightwave.example';
const MAYA = 'maya.okafor@northwind.example';
// A colleague on the company's other domain.
const SAM = 'sam.ortiz@brightwave.io';

/** A mail host whose people are read as every host's detector reads them: colleagues left out. */
const host = {
  ...peopleHost((emails) => {
    const people = participantCollector(REP);
    for (const email of emails) people.add(email);
    return people.list();
  }),
  // As a real host's: only the page's own view runs the detection again, never the frame
  // Leadlight adds or the margin it sets, so nothing here detects again by chance.
  isRelevant: (m: MutationRecord) =>
    [...m.addedNodes, ...m.removedNodes].some((n) => n instanceof Element && n.hasAttribute('data-person')),
};

let ctx: ContentScriptContext;
// The page's idle moments come when the test says.
let goIdle: () => void;
let ports: FakePort[];
const posted = () => ports.flatMap((p) => p.posted) as PageSnapshot[];
const people = (s: PageSnapshot | undefined) => s?.participants.map((p) => p.email);

beforeEach(() => {
  fakeBrowser.reset();
  goIdle = holdIdle();
  ports = recordConnects();
  ctx = new ContentScriptContext('test-mail', { noScriptStartedPostMessage: true });
});
afterEach(() => {
  ctx.abort();
  releaseIdle();
  vi.restoreAllMocks();
  fakeBrowser.reset();
  showThread();
  setCompanyDomains([]);
  document.documentElement.removeAttribute('style');
});

describe('colleagues on the company’s other domains', () => {
  it('are never sent as leads once the list was read, as it is when the page goes idle', async () => {
    await browser.storage.local.set({ [COMPANY_DOMAINS_KEY]: ['brightwave.io'] });
    startSidebar(ctx, host);
    goIdle();
    await new Promise((settled) => setTimeout(settled, 0));
    showThread(SAM, MAYA);
    await vi.waitFor(() => expect(people(posted().at(-1))).toEqual([MAYA]));
    expect(posted().flatMap(people)).not.toContain(SAM);
  });

  it('leave a thread open in a tab as soon as the rep names their domain, in any tab', async () => {
    showThread(SAM, MAYA);
    startSidebar(ctx, host);
    await vi.waitFor(() => expect(people(posted().at(-1))).toEqual([SAM, MAYA]));
    await browser.storage.local.set({ [COMPANY_DOMAINS_KEY]: ['brightwave.io'] });
    await vi.waitFor(() => expect(people(posted().at(-1))).toEqual([MAYA]));
  });

  it('leave a thread open as the page loads once the list is read, which the contact does not wait for', async () => {
    let answer!: (stored: Record<string, unknown>) => void;
    const pending = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    vi.spyOn(browser.storage.local, 'get').mockReturnValue(pending as never);
    showThread(SAM, MAYA);
    startSidebar(ctx, host);
    // A browser just started took tens of ms for this read: the contact goes at once.
    await vi.waitFor(() => expect(people(posted().at(-1))).toEqual([SAM, MAYA]));
    answer({ [COMPANY_DOMAINS_KEY]: ['brightwave.io'] });
    await vi.waitFor(() => expect(people(posted().at(-1))).toEqual([MAYA]));
  });

  it('never make the page room for a thread with nobody else in it', async () => {
    const margins: string[] = [];
    const watch = new MutationObserver(() => margins.push(document.documentElement.style.marginRight));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
    await browser.storage.local.set({ [COMPANY_DOMAINS_KEY]: ['brightwave.io'] });
    showThread(SAM);
    startSidebar(ctx, host);
    await vi.waitFor(() => expect(people(posted().at(-1))).toEqual([]));
    await new Promise((settled) => setTimeout(settled, 20));
    watch.disconnect();
    expect(margins.filter((m) => m !== '')).toEqual([]);
  });
});

describe('the content script’s copy of the company domains', () => {
  it('keeps a change heard while an older read of the stored list was on its way', async () => {
    const domains = followCompanyDomains(() => undefined, ctx.signal);
    domains.listen();
    await browser.storage.local.set({ [COMPANY_DOMAINS_KEY]: ['brightwave.io'] });
    domains.take({ [COMPANY_DOMAINS_KEY]: [] });
    expect(isInternal(SAM, REP)).toBe(true);
  });

  it('takes only domains from storage, and never a mailbox provider shared by strangers', () => {
    const domains = followCompanyDomains(() => undefined, ctx.signal);
    domains.take({ [COMPANY_DOMAINS_KEY]: ['brightwave.io', '<img src=x>', 42, 'gmail.com'] });
    expect(isInternal(SAM, REP)).toBe(true);
    expect(isInternal('friend@gmail.com', REP)).toBe(false);
    expect(isInternal('x@<img src=x>', REP)).toBe(false);
  });

  it('takes no more than the 20 domains Settings → You allows, whatever storage holds', () => {
    const domains = followCompanyDomains(() => undefined, ctx.signal);
    domains.take({ [COMPANY_DOMAINS_KEY]: Array.from({ length: 25 }, (_, i) => `brightwave${i + 1}.example`) });
    expect(isInternal('sam@brightwave20.example', REP)).toBe(true);
    expect(isInternal('sam@brightwave21.example', REP)).toBe(false);
  });
});
