import { GMAIL_SELECTORS as S } from './selectors';

/**
 * Gmail's word for the signed-in user on its person markers ("me" in English), by the
 * page's interface language. Gmail prints it for every address the user sends as
 * ("Send mail as" aliases), not only the one in the tab title, so an address so labelled
 * is the rep's. Some languages decline it: the sender is "ich", the "to" line "an mich".
 * Only these exact lower-case words count; a person named "Me" is not Gmail's label.
 */
const ME_LABELS: Record<string, readonly string[]> = {
  en: ['me'],
  de: ['ich', 'mich'],
  fr: ['moi'],
  es: ['yo', 'mí'],
  pt: ['eu', 'mim'],
  it: ['io', 'me'],
  nl: ['ik', 'mij'],
};

/**
 * The addresses Gmail labels as the signed-in user among the senders and recipients
 * inside `scope` (the open thread), lower-cased. Gmail writes the label as the marker's
 * text (recipients: "to me") or, in some rows, as its `name`.
 */
export function selfLabelledAddresses(scope: Element): Set<string> {
  const lang = (scope.ownerDocument.documentElement.lang || 'en').toLowerCase().split('-')[0] ?? '';
  const labels = ME_LABELS[lang] ?? [];
  const out = new Set<string>();
  if (!labels.length) return out;
  for (const el of scope.querySelectorAll(`${S.sender.selector}, ${S.recipient.selector}`)) {
    const text = el.textContent?.trim() ?? '';
    const email = el.getAttribute('email')?.trim().toLowerCase();
    if (email && (labels.includes(text) || labels.includes(el.getAttribute('name') ?? ''))) out.add(email);
  }
  return out;
}
