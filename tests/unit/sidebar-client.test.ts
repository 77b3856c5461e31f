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

describe('reads after a change', () => {
  /** The background as runtime messaging reaches it (a callback per message): each context read waits until the test answers it. */
  function slowBackground() {
    const reads: ((rows: unknown) => void)[] = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: { type: string }, answer: (response: unknown) => void) => {
      if (message.type === 'getContactContexts') reads.push((rows) => answer({ res: rows }));
      else answer({ res: message.type === 'retractLeadFeedback' ? { retracted: true } : { id: 'fb-1' } });
    }) as never);
    return reads;
  }
  const before = [{ email: 'ada@x.example', context: null, before: true }];
  const after = [{ email: 'ada@x.example', context: null, before: false }];

  it.each([
    ['a verdict', (client: ReturnType<typeof createSidebarClient>) => client.submit({ email: 'ada@x.example', verdict: 'good' })],
    ['its Undo', (client: ReturnType<typeof createSidebarClient>) => client.undo('fb-1')],
    ['an update from the background', async (client: ReturnType<typeof createSidebarClient>) => client.updated('ada@x.example')],
  ])('after %s, are not served by a read begun before it', async (_, change) => {
    const reads = slowBackground();
    const client = createSidebarClient();
    const earlier = client.getContexts(['ada@x.example']);
    await change(client);
    const later = client.getContexts(['ada@x.example']);
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    reads[1]!(after);
    reads[0]!(before);
    await expect(later).resolves.toEqual(after);
    await expect(earlier).resolves.toEqual(before);
  });

  it('after a change, do not take contexts sent before it', () => {
    const client = createSidebarClient();
    client.offer(['ada@x.example'], before);
    client.updated('ada@x.example');
    expect(client.takeOffered(['ada@x.example'])).toBeUndefined();
    // Someone else's are kept.
    client.offer(['grace@x.example'], rows('grace@x.example'));
    client.updated('ada@x.example');
    expect(client.takeOffered(['grace@x.example'])).toEqual(rows('grace@x.example'));
  });

  it('are still shared when nothing changed', async () => {
    const reads = slowBackground();
    const client = createSidebarClient();
    const first = client.getContexts(['ada@x.example']);
    const second = client.getContexts(['ada@x.example']);
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    reads[0]!(before);
    await expect(second).resolves.toEqual(before);
    await expect(first).resolves.toEqual(before);
    expect(reads).toHaveLength(1);
  });

  it('hear of an update from the frame’s channel', async () => {
    vi.spyOn(browser.runtime, 'connect').mockImplementation((() => fakePort('sidebar')) as never);
    const reads = slowBackground();
    const client = createSidebarClient();
    const channel = connectSidebarChannel('load-1', client);
    void client.getContexts(['ada@x.example']);
    channel.receive({ type: 'contactUpdated', email: 'ada@x.example' });
    void client.getContexts(['ada@x.example']);
    await vi.waitFor(() => expect(reads).toHaveLength(2));
  });
});
