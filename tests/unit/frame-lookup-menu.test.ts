import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addressFromClick, LOOKUP_MENU_ID, registerLookupMenu } from '@/lib/background/lookup-menu';

type OnClicked = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => void;

/** The background starting: what it puts in the context menu, and its answer to a click there. */
function startBackground() {
  const removeAll = vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  const create = vi.spyOn(browser.contextMenus, 'create').mockImplementation(((item: { id: string }) => item.id) as never);
  let click!: OnClicked;
  vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation((l: OnClicked) => (click = l));
  registerLookupMenu();
  return {
    removeAll,
    create,
    click: (info: Partial<Browser.contextMenus.OnClickData>) => click({ menuItemId: LOOKUP_MENU_ID, ...info } as never, { id: 7 } as never),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('“Look up in Leadlight” in the context menu', () => {
  it('is added at every start of the background, not only on install (Firefox forgets it when the browser restarts)', async () => {
    const { removeAll, create } = startBackground();
    // No runtime.onInstalled: a browser restart, or Chrome waking its worker.
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: LOOKUP_MENU_ID, title: 'Look up in Leadlight' }));
    // Chrome keeps its items: the old one goes first, so the same id is never created twice.
    expect(create).toHaveBeenCalledTimes(1);
    expect(removeAll.mock.invocationCallOrder[0]).toBeLessThan(create.mock.invocationCallOrder[0]!);
  });

  it('looks up the address of a mailto link a page wrote with a malformed escape', async () => {
    const link = 'mailto:Ada%20Lovelace%20%3Cada.lovelace@analytical.example%3E%zz';
    expect(addressFromClick({ linkUrl: link })).toBe('ada.lovelace@analytical.example');

    const sent = vi
      .spyOn(chrome.tabs, 'sendMessage')
      .mockImplementation((_t: number, _m: unknown, _o: unknown, cb: (r: unknown) => void) => cb({ res: undefined }));
    startBackground().click({ linkUrl: link });
    await vi.waitFor(() => expect(sent).toHaveBeenCalled());
    expect(sent.mock.calls[0]![1]).toMatchObject({ type: 'showContact', data: { email: 'ada.lovelace@analytical.example' } });
  });
});
