import { describe, expect, it } from 'vitest';
import { detectGmailThread, detectionKey, detectSelfEmail } from '@/lib/hosts/gmail/detect';
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

describe('detectGmailThread on page changes', () => {
  it('follows a view swap: hiding one thread and showing another changes the key', () => {
    const doc = loadFixture('gmail/thread-stale-view.html');
    const before = detectGmailThread(doc);
    const views = [...doc.querySelectorAll(GMAIL_SELECTORS.threadSubject.selector)].map((h) => {
      let v: Element = h;
      while (v.parentElement && v.parentElement.getAttribute('role') !== 'main') v = v.parentElement;
      return v as HTMLElement;
    });
    // Swap which thread view is hidden, as Gmail does on back/forward.
    for (const v of views) v.style.display = v.style.display === 'none' ? '' : 'none';
    const after = detectGmailThread(doc);
    expect(before?.participants.map((p) => p.email)).toEqual(['sofia.lindqvist@fjordins.example']);
    expect(after?.participants.map((p) => p.email)).toEqual(['maya.okafor@northwind-logistics.example']);
    expect(detectionKey(before)).not.toBe(detectionKey(after));
  });

  it('falls back to the account button when the title has no address', () => {
    const doc = loadFixture('gmail/thread-current.html');
    doc.title = 'Renamed tab';
    expect(detectSelfEmail(doc)).toBe('alex.rivera@brightwave.example');
  });

  it('gives the same key for the same contacts so the sidebar does not re-render', () => {
    const a = detectGmailThread(loadFixture('gmail/thread-multi.html'));
    const b = detectGmailThread(loadFixture('gmail/thread-multi.html'));
    expect(detectionKey(a)).toBe(detectionKey(b));
    expect(detectionKey(null)).toBe('');
  });
});

describe('isInternal', () => {
  it('treats the rep and company colleagues as internal, but not other users of a shared mailbox provider', () => {
    expect(isInternal('alex@brightwave.example', 'alex@brightwave.example')).toBe(true);
    expect(isInternal('sam@brightwave.example', 'alex@brightwave.example')).toBe(true);
    expect(isInternal('maya@northwind.example', 'alex@brightwave.example')).toBe(false);
    expect(isInternal('friend@gmail.com', 'alex@gmail.com')).toBe(false);
    expect(isInternal('anyone@brightwave.example', null)).toBe(false);
  });
});
