import { z } from 'zod';

/**
 * A vendor picklist value. Known values get friendly labels; anything else a CRM
 * sends (a new lead-source or campaign type an admin added) is kept verbatim and
 * shown as-is, because rejecting it would hide real data from the rep.
 */
export const OpenValueSchema = z.string().trim().min(1).max(200);

/** ISO-8601 date-time, kept as a string so records stay structured-clone friendly. */
export const IsoDateSchema = z.iso.datetime({ offset: true });
