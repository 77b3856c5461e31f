import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchHost } from '@/lib/hosts/watch-host';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup() {
  document.body.innerHTML = '<div id="chat"></div><div role="main"><p id="who">a@x.example</p></div>';
  const detect = vi.fn((doc: Document) => doc.getElementById('who')?.textContent ?? '');
  const onChange = vi.fn();
  const controller = new AbortController();
  watchHost({
    doc: document,
    detect,
    key: (r) => r,
    region: (doc) => doc.querySelector('[role="main"]'),
    onChange,
    signal: controller.signal,
    debounceMs: 20,
  });
  return { detect, onChange, controller, who: () => document.getElementById('who')! };
}

describe('watchHost', () => {
  let stop: AbortController | undefined;
  afterEach(() => stop?.abort());

  it('reports the first detection at once', () => {
    const { onChange, controller } = setup();
    stop = controller;
    expect(onChange).toHaveBeenCalledExactlyOnceWith('a@x.example');
  });

  it('coalesces a burst of mutations into one detection', async () => {
    const { detect, onChange, controller, who } = setup();
    stop = controller;
    detect.mockClear();
    for (let i = 0; i < 50; i++) who().append(document.createElement('span'));
    who().textContent = 'b@x.example';
    await tick(60);
    expect(detect).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith('b@x.example');
  });

  it('does not report again when the result key is unchanged', async () => {
    const { detect, onChange, controller, who } = setup();
    stop = controller;
    who().append(document.createElement('span'));
    await tick(60);
    expect(detect).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('ignores mutations outside the host region', async () => {
    const { detect, controller } = setup();
    stop = controller;
    detect.mockClear();
    for (let i = 0; i < 20; i++) document.getElementById('chat')!.append(document.createElement('div'));
    await tick(60);
    expect(detect).not.toHaveBeenCalled();
  });

  it('checks immediately on hash navigation', () => {
    const { onChange, controller, who } = setup();
    stop = controller;
    who().textContent = 'c@x.example';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(onChange).toHaveBeenLastCalledWith('c@x.example');
  });

  it('stops observing once aborted', async () => {
    const { detect, controller, who } = setup();
    controller.abort();
    detect.mockClear();
    who().textContent = 'd@x.example';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await tick(60);
    expect(detect).not.toHaveBeenCalled();
  });
});

describe('Gmail mutation relevance', () => {
  it('skips chat churn and markerless nodes, keeps a new compose dialog', async () => {
    const { isGmailMutationRelevant } = await import('@/lib/hosts/gmail');
    document.body.innerHTML = '<div id="chat"></div><div role="main"><p id="m"></p></div>';
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true });
    document.getElementById('chat')!.append(document.createElement('span'));
    document.getElementById('m')!.append(document.createElement('span'));
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    await tick(0);
    observer.disconnect();
    expect(records.map(isGmailMutationRelevant)).toEqual([false, false, true]);
  });
});

describe('Gmail mutation relevance inside the pane', () => {
  it('ignores nodes without person markers and keeps view swaps and new chips', async () => {
    const { isGmailMutationRelevant } = await import('@/lib/hosts/gmail');
    document.body.innerHTML =
      '<div role="main"><div id="view"><h2 class="hP" data-legacy-thread-id="1">S</h2><p id="body"></p></div></div><div role="dialog" id="compose"></div>';
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    document.getElementById('body')!.append(document.createElement('img'));
    (document.getElementById('view') as HTMLElement).style.display = 'none';
    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'maya@x.example');
    document.getElementById('compose')!.append(chip);
    const sender = document.createElement('span');
    sender.setAttribute('email', 'tom@x.example');
    document.getElementById('body')!.append(sender);
    await tick(0);
    observer.disconnect();
    expect(records.map(isGmailMutationRelevant)).toEqual([false, true, true, true]);
  });
});

describe('Gmail mutation relevance: the inbox list', () => {
  it('skips re-rendered inbox rows, though each carries a sender address, and keeps the thread view', async () => {
    const { isGmailMutationRelevant } = await import('@/lib/hosts/gmail');
    document.body.innerHTML =
      '<div role="main"><div id="list" style="display:none"><table><tbody id="rows"></tbody></table></div>' +
      '<div id="view"><h2 class="hP" data-legacy-thread-id="1">S</h2><div class="hb" id="to"></div></div></div>';
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    const row = () => {
      const tr = document.createElement('tr');
      tr.innerHTML = '<td><span class="yP" email="someone@x.example" name="Someone">Someone</span></td>';
      return tr;
    };
    // A burst in the hidden list: rows replaced, a row restyled.
    const rows = document.getElementById('rows')!;
    for (let i = 0; i < 3; i++) rows.append(row());
    rows.firstElementChild!.remove();
    (rows.lastElementChild as HTMLElement).style.background = 'red';
    // The list gets shown again while the thread view hides: the thread view's change is what counts.
    (document.getElementById('list') as HTMLElement).style.display = '';
    (document.getElementById('view') as HTMLElement).style.display = 'none';
    // A recipient added in the open thread.
    const recipient = document.createElement('span');
    recipient.className = 'g2';
    recipient.setAttribute('email', 'new@x.example');
    document.getElementById('to')!.append(recipient);
    await tick(0);
    expect(records.map(isGmailMutationRelevant)).toEqual([false, false, false, false, false, false, true, true]);

    // A thread subject rendered into what was a list view.
    records.length = 0;
    const subject = document.createElement('h2');
    subject.className = 'hP';
    subject.setAttribute('data-legacy-thread-id', '2');
    rows.append(subject);
    await tick(0);
    observer.disconnect();
    expect(records.map(isGmailMutationRelevant)).toEqual([true]);
  });

  it('keeps a thread subject taken out of a view, which leaves that view a list', async () => {
    const { isGmailMutationRelevant } = await import('@/lib/hosts/gmail');
    document.body.innerHTML =
      '<div role="main"><div id="view"><div id="head"><h2 class="hP" data-legacy-thread-id="1">S</h2></div>' +
      '<div id="rows"><span class="yP" email="someone@x.example">Someone</span></div></div></div>';
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true });
    document.querySelector('#head h2')!.remove();
    // A row of the list that remains is replaced: no subject goes or comes with it.
    const rows = document.getElementById('rows')!;
    rows.replaceChildren(rows.firstElementChild!.cloneNode(true));
    await tick(0);
    observer.disconnect();
    const [removal, ...replaced] = records.map(isGmailMutationRelevant);
    expect(removal).toBe(true);
    expect(replaced.length).toBeGreaterThan(0);
    expect(replaced.every((relevant) => !relevant)).toBe(true);
  });
});
