import { z } from 'zod';
import { EmailSchema } from './contact';
import { IsoDateSchema } from './open-value';

/** The mail clients in which Leadlight can see the rep write to a contact. */
export const MailHostSchema = z.enum(['gmail', 'outlook']);
export type MailHost = z.infer<typeof MailHostSchema>;

/**
 * A message the signed-in rep sent to a contact, seen by Leadlight in the rep's own
 * mailbox: in an open thread, or as a compose window sent. The CRM may never have
 * logged it, but it is a first touch all the same. Stored by the background only.
 */
export const ObservedTouchSchema = z.object({
  /** One per message and contact, so seeing the same thread again changes nothing. */
  id: z.string().min(1).max(200),
  email: EmailSchema,
  /** When the message was sent, as the mail client dates it. */
  at: IsoDateSchema,
  host: MailHostSchema,
  kind: z.enum(['thread', 'compose']),
  /** When Leadlight saw it. */
  seenAt: IsoDateSchema,
});
export type ObservedTouch = z.infer<typeof ObservedTouchSchema>;
