import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gmailHost } from '@/lib/hosts/gmail';
import { outlookHost } from '@/lib/hosts/outlook/detect';
import { watchSends } from '@/lib/hosts/send-watch';
import { loadFixture } from '../support/fixtures';

const SELF = 'alex.rivera@brightwave.example';
let controller: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

/** Puts a saved page into the live test document, where events and timers run. */
function mount(path: string): Document {
  document.body.innerHTML = loadFixture(path).body.innerHTML;
  return document;
}

function watch(doc: Document, spec = gmailHost.sends!) {
  const onSent = vi.fn();
  watchSends({ doc, spec, self: () => SELF, signal: controller.signal, onSent });
  return onSent;
}

describe('a sent compose', () => {
  it('reports the recipients once the Gmail window closes after Send', async () => {
    const doc = mount('gmail-compose/compose-current.html');
    const onSent = watch(doc);
    const dialog = doc.querySelector('div[role="dialog"]')!;
    (dialog.querySelector('div.aoO[role="button"]') as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(1000);
    expect(onSent).not.toHaveBeenCalled();
    dialog.remove();
    await vi.advanceTimersByTimeAsync(300);
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(onSent.mock.calls[0]?.[0]).toEqual(['maya.okafor@northwind-logistics.example', 'daniel.kim@helixbio.example']);
  });

  it('reports nothing when the window stays open (the send was refused)', async () => {
    const doc = mount('gmail-compose/compose-current.html');
    const onSent = watch(doc);
    (doc.querySelector('div.aoO[role="button"]') as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(11_000);
    doc.querySelector('div[role="dialog"]')?.remove();
    await vi.advanceTimersByTimeAsync(1000);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('notices Ctrl+Enter in an inline reply, and a click outside any compose is nothing', async () => {
    const doc = mount('gmail-compose/reply-inline.html');
    const onSent = watch(doc);
    doc.querySelector('h2')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const reply = doc.querySelector('div.M9')!;
    const editor = reply.querySelector('[contenteditable="true"], textarea, form') ?? reply;
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    reply.remove();
    await vi.advanceTimersByTimeAsync(300);
    expect(onSent.mock.calls.map((c) => c[0])).toEqual([['daniel.kim@helixbio.example', 'priya.raman@corvidretail.example']]);
  });

  it('reads Outlook’s compose pills and reports when the compose region goes', async () => {
    const doc = mount('outlook/compose.html');
    const onSent = watch(doc, outlookHost.sends);
    (doc.querySelector('button[aria-label="Send"]') as HTMLElement).click();
    doc.querySelector('div[role="main"] div[role="region"]')?.remove();
    await vi.advanceTimersByTimeAsync(300);
    expect(onSent.mock.calls.map((c) => c[0])).toEqual([['tom.becker@aldermfg.example', 'sofia.lindqvist@fjordins.example']]);
  });

  it('reports a double-clicked Send once, and a compose with no external recipient not at all', async () => {
    const doc = mount('gmail-compose/compose-two-windows.html');
    const onSent = watch(doc);
    const [first, second] = [...doc.querySelectorAll('div[role="dialog"]')];
    const send = (d: Element | undefined) => (d?.querySelector('div.aoO[role="button"]') as HTMLElement).click();
    send(first);
    send(first);
    for (const chip of second?.querySelectorAll('[data-hovercard-id]:not([data-hovercard-id^="sam."]), span.vN[email]') ?? [])
      chip.remove();
    send(second);
    first?.remove();
    second?.remove();
    await vi.advanceTimersByTimeAsync(300);
    expect(onSent.mock.calls.map((c) => c[0])).toEqual([['sofia.lindqvist@fjordins.example']]);
  });

  it('stops listening when its signal aborts', async () => {
    const doc = mount('gmail-compose/compose-current.html');
    const onSent = watch(doc);
    controller.abort();
    (doc.querySelector('div.aoO[role="button"]') as HTMLElement).click();
    doc.querySelector('div[role="dialog"]')?.remove();
    await vi.advanceTimersByTimeAsync(300);
    expect(onSent).not.toHaveBeenCalled();
  });
});
