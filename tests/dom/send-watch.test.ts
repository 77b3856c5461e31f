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

/** Longer than either host's undo time (Gmail's Undo Send lasts up to 30 s, Outlook's up to 10 s). */
const PAST_UNDO = 40_000;

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
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
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
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent.mock.calls.map((c) => c[0])).toEqual([['daniel.kim@helixbio.example', 'priya.raman@corvidretail.example']]);
  });

  it('reads Outlook’s compose pills and reports when the compose region goes', async () => {
    const doc = mount('outlook/compose.html');
    const onSent = watch(doc, outlookHost.sends);
    (doc.querySelector('button[aria-label="Send"]') as HTMLElement).click();
    doc.querySelector('div[role="main"] div[role="region"]')?.remove();
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
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
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent.mock.calls.map((c) => c[0])).toEqual([['sofia.lindqvist@fjordins.example']]);
  });

  it('stops listening when its signal aborts', async () => {
    const doc = mount('gmail-compose/compose-current.html');
    const onSent = watch(doc);
    controller.abort();
    (doc.querySelector('div.aoO[role="button"]') as HTMLElement).click();
    doc.querySelector('div[role="dialog"]')?.remove();
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent).not.toHaveBeenCalled();
  });
});

const OUTLOOK_COMPOSE = 'div[role="main"] div[role="region"]';
const outlookSend = (doc: Document) => (doc.querySelector(`${OUTLOOK_COMPOSE} button[aria-label="Send"]`) as HTMLElement).click();

describe('Undo Send', () => {
  it('reports a send only once the compose stayed closed past the undo time, with the time Send was pressed', async () => {
    vi.setSystemTime(new Date(2025, 2, 4, 10, 42));
    const doc = mount('outlook/compose.html');
    const onSent = watch(doc, outlookHost.sends);
    outlookSend(doc);
    doc.querySelector(OUTLOOK_COMPOSE)?.remove();
    // Outlook lets the rep undo for up to 10 s.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onSent).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent.mock.calls).toEqual([
      [['tom.becker@aldermfg.example', 'sofia.lindqvist@fjordins.example'], new Date(2025, 2, 4, 10, 42)],
    ]);
  });

  it('reports a send waiting out the undo time at once when the tab closes, and only once', async () => {
    const doc = mount('gmail-compose/compose-current.html');
    const onSent = watch(doc);
    const dialog = doc.querySelector('div[role="dialog"]')!;
    (dialog.querySelector('div.aoO[role="button"]') as HTMLElement).click();
    dialog.remove();
    await vi.advanceTimersByTimeAsync(2000);
    expect(onSent).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pagehide'));
    expect(onSent).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it('reports nothing when Undo brings the compose back', async () => {
    const doc = mount('outlook/compose.html');
    const onSent = watch(doc, outlookHost.sends);
    const region = doc.querySelector(OUTLOOK_COMPOSE)!;
    const pane = region.parentElement!;
    outlookSend(doc);
    region.remove();
    await vi.advanceTimersByTimeAsync(2000);
    pane.append(region);
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('reports nothing when Undo reopens the draft as a new Gmail window, late in a 30 s undo time', async () => {
    const doc = mount('gmail-compose/compose-current.html');
    const onSent = watch(doc);
    const dialog = doc.querySelector('div[role="dialog"]')!;
    const reopened = dialog.cloneNode(true);
    (dialog.querySelector('div.aoO[role="button"]') as HTMLElement).click();
    dialog.remove();
    await vi.advanceTimersByTimeAsync(29_000);
    doc.body.append(reopened);
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('still reports a send when another compose window to other people stays open', async () => {
    const doc = mount('gmail-compose/compose-two-windows.html');
    const onSent = watch(doc);
    const [first] = doc.querySelectorAll('div[role="dialog"]');
    (first?.querySelector('div.aoO[role="button"]') as HTMLElement).click();
    first?.remove();
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent).toHaveBeenCalledTimes(1);
  });
});

describe('a refused Send', () => {
  it('is not counted when the rep then discards the draft', async () => {
    const doc = mount('outlook/compose.html');
    const onSent = watch(doc, outlookHost.sends);
    const discard = doc.querySelector(`${OUTLOOK_COMPOSE} button[aria-label="Discard"]`) as HTMLElement;
    discard.addEventListener('click', () => doc.querySelector(OUTLOOK_COMPOSE)?.remove());
    outlookSend(doc);
    // A prompt was cancelled: the compose stays open.
    await vi.advanceTimersByTimeAsync(3000);
    discard.click();
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('is not counted when the rep leaves for another message, which closes the draft', async () => {
    const doc = mount('outlook/compose.html');
    const onSent = watch(doc, outlookHost.sends);
    const other = doc.querySelector('div[role="listbox"] div[role="option"]:nth-child(2)') as HTMLElement;
    other.addEventListener('click', () => doc.querySelector(OUTLOOK_COMPOSE)?.remove());
    outlookSend(doc);
    await vi.advanceTimersByTimeAsync(2000);
    other.click();
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('counts when the rep confirms the prompt the send raised', async () => {
    const doc = mount('outlook/compose.html');
    const onSent = watch(doc, outlookHost.sends);
    doc.body.insertAdjacentHTML('beforeend', '<div role="alertdialog" aria-modal="true"><button>Send anyway</button></div>');
    const confirm = doc.querySelector('[role="alertdialog"] button') as HTMLElement;
    confirm.addEventListener('click', () => doc.querySelector(OUTLOOK_COMPOSE)?.remove());
    outlookSend(doc);
    await vi.advanceTimersByTimeAsync(2000);
    confirm.click();
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent.mock.calls.map((c) => c[0])).toEqual([['tom.becker@aldermfg.example', 'sofia.lindqvist@fjordins.example']]);
  });

  it('gives way to the Send that went out: its recipients and its time', async () => {
    vi.setSystemTime(new Date(2025, 2, 4, 10, 42));
    const doc = mount('outlook/compose.html');
    const onSent = watch(doc, outlookHost.sends);
    outlookSend(doc);
    await vi.advanceTimersByTimeAsync(2000);
    doc
      .querySelector(`${OUTLOOK_COMPOSE} [role="textbox"][aria-label="To"]`)
      ?.insertAdjacentHTML('beforeend', '<span aria-label="Maya Okafor (maya.okafor@northwind-logistics.example)">Maya Okafor</span>');
    outlookSend(doc);
    doc.querySelector(OUTLOOK_COMPOSE)?.remove();
    await vi.advanceTimersByTimeAsync(PAST_UNDO);
    expect(onSent.mock.calls).toEqual([
      [
        ['tom.becker@aldermfg.example', 'maya.okafor@northwind-logistics.example', 'sofia.lindqvist@fjordins.example'],
        new Date(2025, 2, 4, 10, 42, 2),
      ],
    ]);
  });
});
