import { describe, expect, it } from 'vitest';
import { gmailHost, isGmailMutationRelevant } from '@/lib/hosts/gmail';
import { loadFixture, readFixtureJson } from '../support/fixtures';

type Expected = Record<string, { url: string; contacts: { email: string; name: string }[] }>;
const expected = readFixtureJson<Expected>('gmail/expected.json');

/** Runs `change` on `doc` and says, per mutation record, whether Gmail's filter lets it through (one is enough to detect). */
async function relevance(doc: Document, change: () => void): Promise<boolean[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((r) => records.push(...r));
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'hidden'] });
  change();
  await new Promise((r) => setTimeout(r, 0));
  observer.disconnect();
  return records.map(isGmailMutationRelevant);
}

function inboxRow(doc: Document, email: string, name: string): HTMLTableRowElement {
  const row = doc.createElement('tr');
  row.className = 'zA zE';
  row.setAttribute('role', 'row');
  row.innerHTML = `<td class="yX xY"><span class="zF" email="${email}" name="${name}" data-hovercard-id="${email}">${name}</span></td>`;
  return row;
}

describe('Gmail reading pane: a thread previewed beside the list', () => {
  const want = expected['reading-pane.html']!;

  it('ignores new mail and re-rendered rows in the list, and keeps the previewed thread’s contact', async () => {
    const doc = loadFixture('gmail/reading-pane.html');
    const rows = doc.querySelector('tr.zA')!.parentElement!;
    const seen = await relevance(doc, () => {
      rows.prepend(inboxRow(doc, 'digest@newsletter.example', 'Weekly Digest'));
      rows.lastElementChild!.replaceWith(rows.lastElementChild!.cloneNode(true));
      (rows.children[1] as HTMLElement).style.background = '#f2f6fc';
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((relevant) => !relevant)).toBe(true);
    expect(gmailHost.detect(doc, new URL(want.url)).participants).toEqual(want.contacts);
  });

  it('notices a recipient added in the previewed thread, and the preview closing', async () => {
    const doc = loadFixture('gmail/reading-pane.html');
    const to = doc.querySelector('table.Bs .hb')!;
    const recipient = doc.createElement('span');
    recipient.className = 'g2';
    recipient.setAttribute('email', 'lena.fischer@bluepeak.example');
    expect(await relevance(doc, () => to.append(recipient))).toContain(true);
    expect(await relevance(doc, () => doc.querySelector('table.Bs')!.remove())).toContain(true);
  });
});

describe('Gmail mutations outside the main pane and compose dialogs', () => {
  it('ignores a chat roster entry coming and going, though it carries an address', async () => {
    const doc = loadFixture('gmail/inbox.html');
    const roster = doc.querySelector('[role="navigation"] [role="list"]')!;
    const entry = doc.createElement('div');
    entry.setAttribute('role', 'listitem');
    entry.setAttribute('data-hovercard-id', 'maya.okafor@northwind-logistics.example');
    expect(await relevance(doc, () => roster.append(entry))).toEqual([false]);
    expect(await relevance(doc, () => roster.firstElementChild!.remove())).toEqual([false]);
  });

  it('keeps a compose dialog opening anywhere, and the main pane being replaced', async () => {
    const doc = loadFixture('gmail/inbox.html');
    const dock = doc.createElement('div');
    dock.innerHTML = '<div class="nH Hd" role="dialog" aria-label="New Message"></div>';
    expect(await relevance(doc, () => doc.body.append(dock))).toContain(true);
    const main = doc.querySelector('[role="main"]')!;
    expect(await relevance(doc, () => main.replaceWith(main.cloneNode(true)))).toContain(true);
    expect(await relevance(doc, () => dock.remove())).toContain(true);
  });
});
