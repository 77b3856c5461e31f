/**
 * Addresses no person writes from or reads: mail hosts show them as a thread's sender
 * or recipient (a bounce, a calendar invite, a list the rep copied), but none is a lead,
 * and mail to a list is no first touch of anyone. Every host's participants go through
 * `participantCollector`, which leaves these out. Each rule tests one part of the
 * lower-cased address: the local part (before the last @) or the domain.
 */
// Why each rule exists is a comment, not data: every host page loads these.
const RULES: { part: 'local' | 'domain'; pattern: RegExp }[] = [
  // Sends the delivery-failure notices of a bounced message (mailer-daemon@googlemail.com in Gmail).
  { part: 'local', pattern: /^mailer-daemon$/ },
  // The mandatory role address of every mail domain (RFC 5321); it sends and receives delivery reports.
  { part: 'local', pattern: /^postmaster$/ },
  // Says nobody reads replies: no-reply@, noreply@, do-not-reply@, donotreply@, and prefixed ones (calendar-noreply@).
  { part: 'local', pattern: /(^|[._+-])(no[-_]?reply|do[-_]?not[-_]?reply)([._+-]|$)/ },
  // Product notices (notifications@, notification@, calendar-notification@google.com for invites): a machine, not a buyer.
  { part: 'local', pattern: /^([a-z0-9]+[._-])*notifications?$/ },
  // Return paths of mailing platforms (bounce@, bounces+123-abc=x.com@…, bounce-mc.…@): a bounce shows them as the sender.
  { part: 'local', pattern: /(^|[._+-])bounces?([._+=-]|$)/ },
  // Return paths rewritten by forwarders (SRS) and signed against backscatter (BATV "prvs="), seen on bounces.
  { part: 'local', pattern: /^(srs[01]|prvs|msprvs\d?|btv1)[=+]/ },
  // A Google Groups mailing list: it reaches everyone on the list, so it is nobody in particular.
  { part: 'domain', pattern: /(^|\.)googlegroups\.com$/ },
  // Google Groups list and moderation mail on Google’s own groups domain: a list again, not a person.
  { part: 'domain', pattern: /(^|\.)groups\.google\.com$/ },
];

/** Whether a lower-cased address belongs to a machine or a mailing list rather than a person. */
export function isAutomatedAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return RULES.some((r) => r.pattern.test(r.part === 'local' ? local : domain));
}
