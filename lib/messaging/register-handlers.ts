import { browser } from 'wxt/browser';
import { dispatch, type createHandlers } from './handlers';
import { messenger, type MessageType } from './protocol';
import { ownOrigins } from './own-origins';
import { requests } from './requests';

/**
 * Connects every protocol message to its handler in the background. Requests
 * wait for `ready` (first-run seeding) so an early sidebar never sees an empty cache.
 */
export function registerHandlers(handlers: ReturnType<typeof createHandlers>, ready: Promise<unknown>): void {
  for (const type of Object.keys(requests) as MessageType[]) {
    messenger.onMessage(type, async ({ data, sender }) => {
      await ready;
      return dispatch(handlers, browser.runtime.id, type, data, sender, ownOrigins());
    });
  }
}
