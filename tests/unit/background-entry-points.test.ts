import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { addressFromClick, showInTab } from '@/lib/background/lookup-menu';
import { registerToggleCommand, toggleInTab } from '@/lib/background/toggle-command';
import { hostFor, HOST_MATCHES } from '@/lib/hosts/registry';

describe('addressFromClick', () => {
  it('reads a mailto link, ignoring its query and case', () => {
    expect(addressFromClick({ linkUrl: 'mailto:Maya.Okafor@Northwind.example?subject=Hi' })).toBe('maya.okafor@northwind.example');
  });
  it('finds an address inside selected text', () => {
    expect(addressFromClick({ selectionText: 'write to  tom.becker@aldermfg.example  today' })).toBe('tom.becker@aldermfg.example');
  });
  it('returns null when there is no address', () => {
    expect(addressFromClick({ selectionText: 'no address here' })).toBeNull();
    expect(addressFromClick({ linkUrl: 'https://example.com' })).toBeNull();
  });
});

describe('hostFor', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://app.hubspot.com/contacts/123/record/0-1/5', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/123/contact/5', 'hubspot'],
    ['https://brightwave.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEFGH/view', 'salesforce'],
    ['https://brightwave.my.salesforce.com/lightning/r/Contact/0035e00000XyZabCDE/view', 'salesforce'],
    ['https://brightwave.pipedrive.com/person/4021', 'pipedrive'],
    ['https://outlook.office.com/mail/inbox', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
  ])('%s → %s', (url, id) => {
    expect(hostFor(new URL(url))?.id).toBe(id);
  });
  it.each([
    'https://www.hubspot.com/pricing',
    'https://evil.example/mail.google.com/',
    'http://mail.google.com/',
    'https://pipedrive.com.evil.example/',
  ])('does not run on %s', (url) => {
    expect(hostFor(new URL(url))).toBeUndefined();
  });
  it('never asks for all URLs', () => {
    expect(HOST_MATCHES.join(' ')).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  });
});

describe('showInTab and toggleInTab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('uses the sidebar already in the tab when there is one', async () => {
    const send = vi
      .spyOn(chrome.tabs, 'sendMessage')
      .mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) => cb({ res: undefined }));
    const open = vi.spyOn(browser.windows, 'create');
    expect(await showInTab(7, 'maya@x.example')).toBe('sidebar');
    expect(send).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
  });

  it('opens the sidebar document in a window of its own where no sidebar answers, injecting nothing into the page', async () => {
    vi.spyOn(chrome.tabs, 'sendMessage').mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) =>
      cb(undefined),
    );
    const open = vi.spyOn(browser.windows, 'create').mockResolvedValue({} as never);
    expect(await showInTab(7, 'maya+vip@x.example')).toBe('window');
    expect(open).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'popup', url: expect.stringMatching(/\/sidebar\.html\?lookup=maya%2Bvip%40x\.example$/) }),
    );
  });

  it('reports whether a tab had a sidebar to toggle', async () => {
    vi.spyOn(chrome.tabs, 'sendMessage').mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) =>
      cb(undefined),
    );
    expect(await toggleInTab(3)).toBe(false);
  });

  it('toggles the sidebar of the tab the shortcut was pressed in, else of the active tab, and on no other command', async () => {
    let onCommand!: (command: string, tab?: { id?: number }) => void;
    vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(((l: typeof onCommand) => (onCommand = l)) as never);
    const send = vi
      .spyOn(chrome.tabs, 'sendMessage')
      .mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) => cb({ res: undefined }));
    send.mockClear();
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 9 }] as never);
    registerToggleCommand();
    onCommand('toggle-sidebar', { id: 4 });
    onCommand('toggle-sidebar');
    onCommand('_execute_action', { id: 5 });
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 10));
    expect(send.mock.calls.map((c) => [c[0], (c[1] as { type: string }).type])).toEqual([
      [4, 'toggleSidebar'],
      [9, 'toggleSidebar'],
    ]);
  });
});
