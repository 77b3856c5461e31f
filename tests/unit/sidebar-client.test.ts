import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectSidebarChannel } from '@/lib/messaging/sidebar-channel';
import { createSidebarClient } from '@/lib/messaging/sidebar-client';
import { fakePort } from '../support/fake-port';

const rows = (email: string) => [{ email, context: null }];

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('contexts the background sends with a snapshot', () => {
  it('are kept until taken, once, and asking for them meanwhile sends no request', async () => {
    vi.useFakeTimers();
    const send = vi.spyOn(browser.runtime, 'sendMessage');
    const client = createSidebarClient();
    client.offer(['ada@x.example'], rows('ada@x.example'));
    client.expect(['ada@x.example']);
    expect(client.takeOffered(['ada@x.example'])).toEqual(rows('ada@x.example'));
    expect(client.takeOffered(['ada@x.example'])).toBeUndefined();
    // Nothing waits for another offer and then asks the background itself.
    vi.advanceTimersByTime(1000);
    vi.useRealTimers();
    await new Promise((r) => setTimeout(r, 10));
    expect(send).not.toHaveBeenCalled();
  });

  it('only the latest snapshot’s are kept: an older one’s would show as new', () => {
    const client = createSidebarClient();
    client.offer(['ada@x.example'], rows('ada@x.example'));
    client.offer(['grace@x.example'], rows('grace@x.example'));
    expect(client.takeOffered(['ada@x.example'])).toBeUndefined();
    expect(client.takeOffered(['grace@x.example'])).toEqual(rows('grace@x.example'));
  });

  it('that come after their snapshot, before anything asked, are kept for the first render, with no request', async () => {
    vi.useFakeTimers();
    const send = vi.spyOn(browser.runtime, 'sendMessage');
    const client = createSidebarClient();
    // The first contact's snapshot comes alone (the UI loads meanwhile), its contexts a moment later.
    client.expect(['ada@x.example']);
    client.offer(['ada@x.example'], rows('ada@x.example'));
    expect(client.takeOffered(['ada@x.example'])).toEqual(rows('ada@x.example'));
    vi.advanceTimersByTime(1000);
    vi.useRealTimers();
    await new Promise((r) => setTimeout(r, 10));
    expect(send).not.toHaveBeenCalled();
  });

  it('settle a request already waiting for them instead of being kept', async () => {
    const client = createSidebarClient();
    client.expect(['ada@x.example']);
    client.offer(['ada@x.example'], rows('ada@x.example'));
    await expect(client.getContexts(['ada@x.example'])).resolves.toEqual(rows('ada@x.example'));
    expect(client.takeOffered(['ada@x.example'])).toBeUndefined();
    // Asked for before they came: the same.
    client.expect(['grace@x.example']);
    const asked = client.getContexts(['grace@x.example']);
    client.offer(['grace@x.example'], rows('grace@x.example'));
    await expect(asked).resolves.toEqual(rows('grace@x.example'));
    expect(client.takeOffered(['grace@x.example'])).toBeUndefined();
  });

  it('sent again after the worker restarted, are not shown later as new: a contact shown again is read afresh', async () => {
    vi.spyOn(browser.runtime, 'connect').mockImplementation((() => fakePort('sidebar')) as never);
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue([{ email: 'ada@x.example', context: null }] as never);
    // Wired as the frame wires them (components/sidebar/frame-boot.ts).
    const client = createSidebarClient();
    const channel = connectSidebarChannel('load-1', client);
    const snapshot = (seq: number, emails: string[]) => ({
      type: 'detected',
      snapshot: { page: 'load-1', seq, participants: emails.map((email) => ({ email })), toggles: 0 },
    });
    const beforeVerdict = [{ email: 'ada@x.example', context: null, beforeVerdict: true }];
    channel.receive(snapshot(1, ['ada@x.example']));
    channel.receive({ type: 'contexts', emails: ['ada@x.example'], rows: beforeVerdict });
    expect(client.takeOffered(['ada@x.example'])).toEqual(beforeVerdict);
    // The worker restarted: its hub sends the snapshot again (already shown) and its contexts.
    channel.receive(snapshot(1, ['ada@x.example']));
    channel.receive({ type: 'contexts', emails: ['ada@x.example'], rows: beforeVerdict });
    // The rep gives a verdict, goes to the inbox, and opens Ada's thread again.
    channel.receive(snapshot(2, []));
    channel.receive(snapshot(3, ['ada@x.example']));
    expect(client.takeOffered(['ada@x.example'])).toBeUndefined();
  });

  it('are not expected again when a contact is updated: the update’s re-read goes out at once', async () => {
    vi.useFakeTimers();
    vi.spyOn(browser.runtime, 'connect').mockImplementation((() => fakePort('sidebar')) as never);
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(rows('ada@x.example') as never);
    const client = createSidebarClient();
    // Wired as the frame wires them (components/sidebar/frame-boot.ts).
    const channel = connectSidebarChannel('load-1', client);
    const snapshot = { page: 'load-1', seq: 1, participants: [{ email: 'ada@x.example' }], toggles: 0 };
    channel.receive({ type: 'detected', snapshot, contexts: { emails: ['ada@x.example'], rows: rows('ada@x.example') } });
    expect(client.takeOffered(['ada@x.example'])).toEqual(rows('ada@x.example'));
    // A background refresh stored news about Ada: the sidebar re-reads her.
    channel.receive({ type: 'contactUpdated', email: 'ada@x.example' });
    void client.getContexts(['ada@x.example']);
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
