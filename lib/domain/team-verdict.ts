import { z } from 'zod';
import { EmailSchema } from './contact';
import { DaySchema, VerdictKindSchema, VerdictSchema } from './feedback';
import { IsoDateSchema } from './open-value';

/** Where a team verdict was read from. */
export const TeamVerdictOriginSchema = z.enum(['hubspot', 'salesforce', 'file']);
export type TeamVerdictOrigin = z.infer<typeof TeamVerdictOriginSchema>;

/**
 * A verdict some rep of the team gave, as read back from the shared system of
 * record (the CRM) or from a feedback file another rep exported. Its id is the
 * feedback id Leadlight gave it where it was written, so the same verdict read
 * from two places (a CRM and a file, or two overlapping files) counts once.
 */
export const TeamVerdictSchema = z.object({
  id: z.string().min(1).max(200),
  email: EmailSchema,
  verdict: VerdictSchema,
  kind: VerdictKindSchema.optional(),
  reasonId: z.string().min(1).max(100).optional(),
  /** The reason as the CRM or file wrote it, for a reason this browser's list does not know. */
  reasonLabel: z.string().max(200).optional(),
  recycleOn: DaySchema.optional(),
  note: z.string().max(2000).optional(),
  /** The rep, as the verdict was signed ("Name <email>" or an address). */
  author: z.string().min(1).max(300),
  createdAt: IsoDateSchema,
  origin: TeamVerdictOriginSchema,
  /** For a file: which merged file brought it, by name (numbered when another rep's file of that name came first). */
  file: z.string().max(300).optional(),
  supersedes: z.string().optional(),
});
export type TeamVerdict = z.infer<typeof TeamVerdictSchema>;

/** The address in "Name <address>", or the author as given: one rep however their name was written. */
export function authorKey(author: string): string {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(author);
  return (m?.[1] ?? author).trim().toLowerCase();
}

/** The name in "Name <address>", else the author as given. */
export function authorName(author: string): string {
  const name = author.replace(/<[^>]*>/, '').trim();
  return name || author.trim();
}
