import { describe, expect, it } from 'vitest';
import { gmailHost } from '@/lib/hosts/gmail';
import { ownMessages } from '@/lib/hosts/host-module';
import { outlookHost } from '@/lib/hosts/outlook/detect';
import type { Participant } from '@/lib/hosts/participants';
import { loadFixture, readFixtureJson } from '../support/fixtures';

type Message = { key: string; from: string; to: string[]; atLocal: string | null };
type Expected = Record<
  string,
  { url: string; selfEmail: string; contacts: Participant[]; participants?: Participant[]; messages?: Message[] }
>;
const gmail = readFixtureJson<Expected>('gmail/expected.json');
const outlook = readFixtureJson<Expected>('outlook/expected.json');
const asInstant = (local: string | null) => (local === null ? null : new Date(local).toISOString());
const emails = (people: { email: string }[]) => people.map((p) => p.email);

/** thread-multi.html with the rep writing as another address of theirs, which Gmail labels as it labels the rep. */
function multiSentAs(alias: string, lang = 'en', label = 'me'): Document {
  const doc = loadFixture('gmail/thread-multi.html');
  doc.documentElement.lang = lang;
  for (const el of doc.querySelectorAll(
    '[role="main"] [email="alex.rivera@brightwave.example"], [role="main"] [data-hovercard-id="alex.rivera@brightwave.example"]',
  )) {
    if (el.hasAttribute('email')) el.setAttribute('email', alias);
    el.setAttribute('data-hovercard-id', alias);
    if (el.classList.contains('g2') && el.textContent === 'me') el.textContent = label;
  }
  return doc;
}

describe('Gmail "Send mail as" aliases', () => {
  const want = gmail['thread-multi.html']!;
  const url = new URL(want.url);

  it('leaves out an address Gmail labels "me", and counts its messages as the rep’s own', () => {
    const result = gmailHost.detect(multiSentAs('alex@brightwave.io'), url);
    expect(result.participants).toEqual(want.contacts);
    expect(result.messages).toEqual(want.messages?.map(({ atLocal, ...m }) => ({ ...m, at: asInstant(atLocal) })));
    const own = want.messages?.filter((m) => m.from === want.selfEmail && m.to.length > 0).map((m) => m.key);
    expect(ownMessages(result).map((m) => m.key)).toEqual(own);
  });

  it.each([
    ['de', 'mich'],
    ['fr-FR', 'moi'],
    ['pt-BR', 'mim'],
  ])('reads the label in the page’s language (%s: “%s”)', (lang, label) => {
    expect(gmailHost.detect(multiSentAs('alex@brightwave.io', lang, label), url).participants).toEqual(want.contacts);
  });

  it('takes only Gmail’s exact label in the page’s language: a person named “Me”, or “me” on a German page, stays', () => {
    const current = gmail['thread-current.html']!;
    const withRecipient = (lang: string, text: string) => {
      const doc = loadFixture('gmail/thread-current.html');
      doc.documentElement.lang = lang;
      const other = doc.createElement('span');
      other.className = 'g2';
      other.setAttribute('email', 'noah.feld@quietpartners.example');
      other.setAttribute('name', text);
      other.textContent = text;
      doc.querySelector('[role="main"] span.g2[email]')!.after(other);
      return emails(gmailHost.detect(doc, new URL(current.url)).participants);
    };
    expect(withRecipient('en', 'Me')).toContain('noah.feld@quietpartners.example');
    expect(withRecipient('de', 'me')).toContain('noah.feld@quietpartners.example');
    // The same marker with Gmail's own label is the rep's.
    expect(withRecipient('en', 'me')).toEqual(emails(current.contacts));
  });
});

describe('automated senders and lists', () => {
  it('are no contact in Outlook either', () => {
    const want = outlook['reading-pane.html']!;
    const doc = loadFixture('outlook/reading-pane.html');
    const daniel = 'daniel.kim@helixbio.example';
    for (const el of doc.querySelectorAll(`[title="${daniel}"]`)) el.setAttribute('title', 'notifications@helixbio.example');
    const result = outlookHost.detect(doc, new URL(want.url));
    expect(result.participants).toEqual((want.participants ?? []).filter((p) => p.email !== daniel));
  });

  it('are left out of the recipients of the rep’s message, which still reaches the lead', () => {
    const want = gmail['thread-automated.html']!;
    const result = gmailHost.detect(loadFixture('gmail/thread-automated.html'), new URL(want.url));
    const own = want.messages?.filter((m) => m.from === want.selfEmail).map(({ key, to }) => ({ key, to }));
    expect(ownMessages(result).map(({ key, to }) => ({ key, to }))).toEqual(own);
  });
});
