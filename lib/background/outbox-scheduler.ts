import { browser } from 'wxt/browser';
import type { Connector } from '../connectors/connector';
import type { LeadlightDb } from '../db/database';
import { processOutbox } from '../outbox/outbox';

export const OUTBOX_ALARM = 'leadlight-outbox';

/**
 * Runs the outbox from alarms (which survive the service worker being stopped),
 * when the browser comes back online, and on demand after a verdict. An alarm is
 * the retry mechanism: nothing depends on this worker staying alive.
 */
export function scheduleOutbox(db: LeadlightDb, connectorFor: (target: string) => Promise<Connector | undefined>): () => void {
  const run = () => void processOutbox({ db, connectorFor }).catch((e: unknown) => console.warn('Leadlight outbox run failed', e));
  // Chrome runs periodic alarms at most every 30 s; a minute is plenty for verdicts.
  void browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(OUTBOX_ALARM)) run();
  });
  self.addEventListener('online', run);
  run();
  return () => {
    // After the undo window a new verdict is due; a one-off alarm covers a worker stopped before then.
    void browser.alarms.create(`${OUTBOX_ALARM}-soon`, { delayInMinutes: 0.2 });
    setTimeout(run, 9_000);
  };
}
