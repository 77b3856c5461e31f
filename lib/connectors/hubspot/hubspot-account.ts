import { z } from 'zod';
import { DEFAULT_POLICY, type HttpPolicy } from '../http';
import { createHubspotClient } from './hubspot-client';

/**
 * `/account-info/v3/details`: which portal a token belongs to, and its time zone (when
 * the daily limit resets). Only the portal id is needed; the rest is polish, so an odd
 * value there is dropped alone rather than refusing a good token.
 */
export const HubspotAccountSchema = z.object({
  portalId: z.number().int().positive(),
  timeZone: z.string().min(1).max(100).optional().catch(undefined),
  uiDomain: z.string().min(1).max(200).optional().catch(undefined),
  accountType: z.string().max(50).optional().catch(undefined),
});
export type HubspotAccount = z.infer<typeof HubspotAccountSchema>;

/**
 * Checks a private-app token with one cheap call before it is saved, so a mistyped
 * token is refused in the options page rather than discovered later in the sidebar.
 * It runs outside the connection's gate: it is how a connection that needs the user
 * is put right. Any scope will do; every app may read its own account's details.
 */
export async function verifyHubspotToken(
  token: string,
  { policy = DEFAULT_POLICY, baseUrl }: { policy?: HttpPolicy; baseUrl?: string } = {},
): Promise<HubspotAccount> {
  const call = createHubspotClient({ token: async () => token, policy, ...(baseUrl ? { baseUrl } : {}) });
  const details = await call({ path: '/account-info/v3/details', object: 'account details' }, HubspotAccountSchema.passthrough(), 'oauth');
  return HubspotAccountSchema.parse(details);
}
