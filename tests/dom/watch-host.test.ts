import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostDetection } from '@/lib/hosts/host-module';
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

describe('Outlook watch', () => {
  let stop: AbortController | undefined;
  afterEach(() => stop?.abort());

  /** The reading pane of `file` as the live page, watched as the content script does. */
  async function watchOutlook(file: string, before = '') {
    const [{ outlookHost }, { hostDetectionKey }, { loadFixture }] = await Promise.all([
      import('@/lib/hosts/outlook/detect'),
      import('@/lib/hosts/host-module'),
      import('../support/fixtures'),
    ]);
    history.replaceState(null, '', '/mail/inbox/id/AAQk');
    document.body.innerHTML = before + loadFixture(file).body.innerHTML;
    const onChange = vi.fn<(result: HostDetection) => void>();
    stop = new AbortController();
    const { region, isRelevant, observeText } = outlookHost;
    watchHost({
      doc: document,
      detect: outlookHost.detect,
      key: hostDetectionKey,
      region,
      isRelevant,
      observeText,
      onChange,
      signal: stop.signal,
      debounceMs: 20,
    });
    const emails = () => onChange.mock.lastCall?.[0].participants.map((p) => p.email);
    return { onChange, emails };
  }

  const SELF = 'alex.rivera@brightwave.example';
  const emptyAccount = () => {
    const secondary = document.getElementById('mectrl_currentAccount_secondary')!;
    secondary.removeAttribute('title');
    secondary.replaceChildren(document.createTextNode(''));
    return secondary;
  };

  it('leaves the rep out once the top bar shows the signed-in address after the reading pane', async () => {
    const { emails } = await watchOutlook('outlook/reading-pane.html');
    const secondary = emptyAccount();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await tick(60);
    // Without the address, the rep in the To line looks like anyone else.
    expect(emails()).toContain(SELF);
    secondary.replaceChildren(SELF);
    await tick(60);
    expect(emails()).toEqual(['maya.okafor@northwind-logistics.example', 'daniel.kim@helixbio.example']);
  });

  it('notices the address written into the top bar’s existing text', async () => {
    const { emails } = await watchOutlook('outlook/reading-pane.html');
    const secondary = emptyAccount();
    await tick(60);
    expect(emails()).toContain(SELF);
    (secondary.firstChild as Text).data = SELF;
    await tick(60);
    expect(emails()).not.toContain(SELF);
  });

  it('watches the reading pane that shows, not a hidden one before it', async () => {
    const { emails } = await watchOutlook('outlook/reading-pane.html', '<div role="main" style="display:none"></div>');
    const pane = document.querySelectorAll('div[role="main"]')[1]!;
    pane.innerHTML = '<div data-item-id="k2"><span title="tom.becker@aldermfg.example">Tom Becker</span></div>';
    await tick(60);
    expect(emails()).toEqual(['tom.becker@aldermfg.example']);
  });

  it('ignores the message list and a hidden pane, and sees the pane shown and the top bar', async () => {
    const { isOutlookMutationRelevant } = await import('@/lib/hosts/outlook/mutations');
    document.body.innerHTML =
      '<div role="banner"><span id="me"></span></div><div role="listbox" id="list"></div>' +
      '<div id="cal" role="main" style="display:none"><p id="hidden"></p></div><div role="main"><p id="shown"></p></div>';
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'title'] });
    document.getElementById('list')!.append(document.createElement('div'));
    document.getElementById('hidden')!.append(document.createElement('span'));
    document.getElementById('shown')!.setAttribute('title', 'maya.okafor@northwind-logistics.example');
    document.getElementById('me')!.append('alex.rivera@brightwave.example');
    await tick(0);
    expect(records.map(isOutlookMutationRelevant)).toEqual([false, false, true, true]);
    records.length = 0;
    (document.getElementById('cal') as HTMLElement).style.display = '';
    await tick(0);
    observer.disconnect();
    expect(records.map(isOutlookMutationRelevant)).toEqual([true]);
  });
});
