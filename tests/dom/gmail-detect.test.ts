import { describe, expect, it } from 'vitest';
import { gmailHost } from '@/lib/hosts/gmail';
import { detectGmailThread, detectSelfEmail } from '@/lib/hosts/gmail/detect';
import { hostDetectionKey } from '@/lib/hosts/host-module';
import { isInternal } from '@/lib/hosts/participants';
import { GMAIL_SELECTORS } from '@/lib/hosts/gmail/selectors';
import { loadFixture, readFixtureJson } from '../support/fixtures';

type Expected = Record<
  string,
  { url: string; selfEmail: string; threadId: string | null; contacts: { email: string; name: string }[]; counts: Record<string, number> }
>;
const expected = readFixtureJson<Expected>('gmail/expected.json');

describe.each(Object.entries(expected))('Gmail fixture %s', (file, want) => {
  const doc = loadFixture(`gmail/${file}`);

  it('has the selector match counts the fixture was saved with', () => {
    // If Gmail's markup changes and a fixture is re-saved, these counts say which marker moved.
    for (const [selector, count] of Object.entries(want.counts)) {
      expect(doc.querySelectorAll(selector).length, selector).toBe(count);
    }
  });

  it('finds the signed-in user', () => {
    expect(detectSelfEmail(doc)).toBe(want.selfEmail);
  });

  it('detects exactly the visible thread participants, without the signed-in user', () => {
    const result = detectGmailThread(doc, new URL(want.url));
    if (want.threadId === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result?.threadId).toBe(want.threadId);
    expect(result?.participants).toEqual(want.contacts);
  });
});

describe('Gmail detection on page changes', () => {
  it('follows a view swap: hiding one thread and showing another changes the key', () => {
    const doc = loadFixture('gmail/thread-stale-view.html');
    const url = new URL('https://mail.google.com/mail/u/0/#inbox');
    const before = gmailHost.detect(doc, url);
    const views = [...doc.querySelectorAll(GMAIL_SELECTORS.threadSubject.selector)].map((h) => {
      let v: Element = h;
      while (v.parentElement && v.parentElement.getAttribute('role') !== 'main') v = v.parentElement;
      return v as HTMLElement;
    });
    // Swap which thread view is hidden, as Gmail does on back/forward.
    for (const v of views) v.style.display = v.style.display === 'none' ? '' : 'none';
    const after = gmailHost.detect(doc, url);
    expect(before.participants.map((p) => p.email)).toEqual(['sofia.lindqvist@fjordins.example']);
    expect(after.participants.map((p) => p.email)).toEqual(['maya.okafor@northwind-logistics.example']);
    expect(hostDetectionKey(before)).not.toBe(hostDetectionKey(after));
  });

  it('takes the last address in the title: a thread’s subject, which comes first, may hold addresses too', () => {
    const doc = loadFixture('gmail/thread-current.html');
    doc.title = 'Intro - maya.okafor@northwind-logistics.example - sam.ortiz@brightwave.example - alex.rivera@brightwave.example - Gmail';
    expect(detectSelfEmail(doc)).toBe('alex.rivera@brightwave.example');
    expect(gmailHost.detect(doc, new URL('https://mail.google.com/mail/u/0/#inbox/x')).participants.map((p) => p.email)).toContain(
      'maya.okafor@northwind-logistics.example',
    );
  });

  it('falls back to the account button when the title has no address', () => {
    const doc = loadFixture('gmail/thread-current.html');
    doc.title = 'Renamed tab';
    expect(detectSelfEmail(doc)).toBe('alex.rivera@brightwave.example');
  });

  it('gives the same key for the same contacts so the sidebar does not re-render', () => {
    const url = new URL('https://mail.google.com/mail/u/0/#inbox');
    const a = gmailHost.detect(loadFixture('gmail/thread-multi.html'), url);
    const b = gmailHost.detect(loadFixture('gmail/thread-multi.html'), url);
    expect(hostDetectionKey(a)).toBe(hostDetectionKey(b));
    // No thread open: the same empty key every time, so the inbox never re-renders the sidebar.
    expect(hostDetectionKey(gmailHost.detect(loadFixture('gmail/inbox.html'), url))).toBe(
      hostDetectionKey({ recordId: null, participants: [] }),
    );
  });
});

describe('isInternal', () => {
  it('treats the rep and company colleagues as internal, but not other users of a shared mailbox provider', () => {
    expect(isInternal('alex@brightwave.example', 'alex@brightwave.example')).toBe(true);
    expect(isInternal('sam@brightwave.example', 'alex@brightwave.example')).toBe(true);
    expect(isInternal('maya@northwind.example', 'alex@brightwave.example')).toBe(false);
    // A domain that only ends like the rep's is another company's.
    expect(isInternal('x@evilbrightwave.example', 'alex@brightwave.example')).toBe(false);
    expect(isInternal('x@mail.brightwave.example', 'alex@brightwave.example')).toBe(false);
    expect(isInternal('friend@gmail.com', 'alex@gmail.com')).toBe(false);
    expect(isInternal('anyone@brightwave.example', null)).toBe(false);
  });
});
