import { browser } from 'wxt/browser';
import type { LeadlightDb } from '../db/database';
import { repQueue } from '../team/rep-queue';

export const QUEUE_ALARM = 'leadlight-queue';

/**
 * The toolbar badge shows how many of the rep's hand-offs are overdue: speed to
 * lead is the point, and a count on the toolbar is seen without opening anything.
 * It is recounted on start, when something changes SLA states, and every few
 * minutes (a hand-off turns overdue by the clock alone).
 */
export function scheduleQueueBadge(db: LeadlightDb, ready: Promise<unknown>): () => void {
  // Firefox's MV2 build has browserAction, not action.
  const action = browser.action ?? browser.browserAction;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = async () => {
    await ready;
    const { overdue } = await repQueue(db);
    await action.setBadgeText({ text: overdue > 0 ? (overdue > 99 ? '99+' : String(overdue)) : '' });
    await action.setBadgeBackgroundColor({ color: '#be123c' });
    await action.setTitle({ title: overdue > 0 ? `Leadlight: ${overdue} of your hand-offs overdue for a first touch` : 'Leadlight' });
  };
  const run = () => void update().catch((e: unknown) => console.warn('Leadlight could not count overdue hand-offs', e));
  void browser.alarms.create(QUEUE_ALARM, { periodInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM) run();
  });
  run();
  // Many changes can come at once (an import, a thread full of replies): count once after they settle.
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, 500);
  };
}
