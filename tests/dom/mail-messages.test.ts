import { describe, expect, it } from 'vitest';
import { gmailHost } from '@/lib/hosts/gmail';
import { hostDetectionKey, ownMessages } from '@/lib/hosts/host-module';
import { outlookHost } from '@/lib/hosts/outlook/detect';
import type { HostModule } from '@/lib/hosts/host-module';
import { loadFixture, readFixtureJson } from '../support/fixtures';

type Expected = Record<
  string,
  { url: string; selfEmail: string; messages?: { key: string; from: string; to: string[]; atLocal: string | null }[] }
>;

// Mail clients print the reader's local time; the expected files hold it without a zone.
const asInstant = (local: string | null) => (local === null ? null : new Date(local).toISOString());

describe.each<[string, HostModule]>([
  ['gmail', gmailHost],
  ['outlook', outlookHost],
])('%s messages', (dir, host) => {
  const cases = Object.entries(readFixtureJson<Expected>(`${dir}/expected.json`)).filter(([, want]) => want.messages);
  it.each(cases)('%s: sender, external recipients and date of every message', (file, want) => {
    const result = host.detect(loadFixture(`${dir}/${file}`), new URL(want.url));
    expect(result.messages).toEqual(want.messages?.map(({ atLocal, ...m }) => ({ ...m, at: asInstant(atLocal) })));
  });
});

describe('the rep’s own messages', () => {
  it('are the signed-in user’s messages with an external recipient', () => {
    const gmail = gmailHost.detect(loadFixture('gmail/thread-multi.html'), new URL('https://mail.google.com/mail/u/0/'));
    expect(ownMessages(gmail).map((m) => m.key)).toEqual(['18b83766f0bcb966']);
    const outlook = outlookHost.detect(
      loadFixture('outlook/reading-pane-own-reply.html'),
      new URL('https://outlook.office.com/mail/inbox/id/x'),
    );
    expect(ownMessages(outlook)).toEqual([
      {
        key: 'AAQkADIxNzQ3ZjQ1LWFhZWItNDc2MS04M2NlLTE0OTJiZDc5NWM0ZAAQAPq4Rr2aXkVHm8vV0yReply%3D',
        from: 'alex.rivera@brightwave.example',
        to: ['maya.okafor@northwind-logistics.example'],
        at: asInstant('2025-03-04T11:05'),
      },
    ]);
  });

  it('leave out mail to colleagues only, messages hidden in the pane, and a repeated message id', () => {
    const self = 'alex.rivera@brightwave.example';
    const toColleague = { key: 'k1', from: self, to: [], at: null };
    const toLead = { key: 'k2', from: self, to: ['maya.okafor@northwind-logistics.example'], at: null };
    expect(ownMessages({ recordId: 't', participants: [], selfEmail: self, messages: [toColleague, toLead] })).toEqual([toLead]);
    expect(ownMessages({ recordId: 't', participants: [], messages: [toLead] })).toEqual([]);

    const outlook = loadFixture('outlook/reading-pane-own-reply.html');
    (outlook.querySelector('[data-item-id$="Reply%3D"]') as HTMLElement).style.display = 'none';
    expect(outlookHost.detect(outlook, new URL('https://outlook.office.com/mail/inbox/id/x')).messages).toHaveLength(1);

    const gmail = loadFixture('gmail/thread-multi.html');
    const inner = gmail.createElement('div');
    inner.setAttribute('data-legacy-message-id', '18b83766f0bcb966');
    inner.innerHTML = '<span class="gD" email="priya.raman@corvidretail.example"></span>';
    gmail.querySelector('[data-legacy-message-id="18b83766f0bcb966"]')?.append(inner);
    const messages = gmailHost.detect(gmail, new URL('https://mail.google.com/mail/u/0/')).messages ?? [];
    expect(messages.filter((m) => m.key === '18b83766f0bcb966').map((m) => m.from)).toEqual(['alex.rivera@brightwave.example']);
  });

  it('leave out a message the rep sent to colleagues only, though the thread has a lead in it', () => {
    const gmail = loadFixture('gmail/thread-multi.html');
    const own = gmail.querySelector('[data-legacy-message-id="18b83766f0bcb966"]')!;
    const forward = own.cloneNode(true) as Element;
    forward.setAttribute('data-legacy-message-id', '18b83766f0bcbfff');
    for (const r of forward.querySelectorAll('span.g2[email]')) r.setAttribute('email', 'sam.ortiz@brightwave.example');
    own.after(forward);
    const result = gmailHost.detect(gmail, new URL('https://mail.google.com/mail/u/0/'));
    expect(result.messages?.find((m) => m.key === '18b83766f0bcbfff')).toMatchObject({ from: 'alex.rivera@brightwave.example', to: [] });
    expect(ownMessages(result).map((m) => m.key)).toEqual(['18b83766f0bcb966']);
  });

  it('change the detection key when a reply appears in the same thread', () => {
    const doc = loadFixture('outlook/reading-pane-own-reply.html');
    const url = new URL('https://outlook.office.com/mail/inbox/id/x');
    const withReply = hostDetectionKey(outlookHost.detect(doc, url));
    doc.querySelector('[data-item-id$="Reply%3D"]')?.remove();
    expect(hostDetectionKey(outlookHost.detect(doc, url))).not.toBe(withReply);
  });

  it('include the rep’s collapsed Outlook reply, sent to the conversation’s people', () => {
    const outlook = outlookHost.detect(
      loadFixture('outlook/reading-pane-own-reply-collapsed.html'),
      new URL('https://outlook.office.com/mail/inbox/id/x'),
    );
    expect(ownMessages(outlook).map((m) => m.to)).toEqual([['maya.okafor@northwind-logistics.example', 'daniel.kim@helixbio.example']]);
  });

  it('read an Outlook date in the page’s language: its weekday and “p. m.”', () => {
    const doc = loadFixture('outlook/reading-pane-own-reply.html');
    doc.documentElement.lang = 'es-MX';
    doc
      .querySelector('[data-item-id$="Reply%3D"] [title="Tue 3/4/2025 11:05 AM"]')
      ?.setAttribute('title', 'mar 04/03/2025 11:05 p.\u00a0m.');
    const result = outlookHost.detect(doc, new URL('https://outlook.office.com/mail/inbox/id/x'));
    expect(ownMessages(result).map((m) => m.at)).toEqual([asInstant('2025-03-04T23:05')]);
  });

  it('skip a message whose date cannot be read', () => {
    const doc = loadFixture('gmail/thread-multi.html');
    for (const d of doc.querySelectorAll('span.g3')) d.setAttribute('title', 'lun. 3 mars 2025, 15:47');
    const result = gmailHost.detect(doc, new URL('https://mail.google.com/mail/u/0/'));
    expect(result.messages?.map((m) => m.at)).toEqual([null, null, null]);
  });
});
