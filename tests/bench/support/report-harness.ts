// Evaluated inside Leadlight's own service worker by the team-report page bench: the
// real database (the background's, by name), read and computed by the real code the
// getReport handler runs, each step timed where the background runs it.
import { loadContactsAndTouches } from '@/lib/db/contact-repository';
import { LeadlightDb } from '@/lib/db/database';
import { buildReport, goodRateOverTime, prepareReportData, slaByCampaign, slaByOwner } from '@/lib/domain/report';
import type { HandlerDeps } from '@/lib/messaging/handlers/deps';
import { reportHandlers } from '@/lib/messaging/handlers/report';
import { slaContext } from '@/lib/settings/sla-context';
import { loadSettings } from '@/lib/settings/settings';
import { loadTeamVerdicts } from '@/lib/team/team-source';

type Query = { from: string; to: string };

declare global {
  var __llReport: {
    /**
     * The getReport handler as the page calls it, on a database opened for the call (so
     * nothing is in memory yet) and then once more on the same one: milliseconds each,
     * and the answer's size as JSON.
     */
    handler: (q: Query) => Promise<{ first: number; again: number; bytes: number }>;
    /** The handler's steps one by one, in milliseconds. */
    steps: (q: Query) => Promise<Record<string, number>>;
  };
}

const ask = (db: LeadlightDb, { from, to }: Query) =>
  reportHandlers({ db } as HandlerDeps).getReport({ dimension: 'campaign', from, to, model: 'any', onlyMine: false }, {});

async function timed<T>(out: Record<string, number>, name: string, f: () => Promise<T> | T): Promise<T> {
  const t = performance.now();
  const r = await f();
  out[name] = performance.now() - t;
  return r;
}

globalThis.__llReport = {
  async handler(q) {
    const db = new LeadlightDb();
    try {
      let t = performance.now();
      await ask(db, q);
      const first = performance.now() - t;
      t = performance.now();
      const view = await ask(db, q);
      return { first, again: performance.now() - t, bytes: JSON.stringify(view).length };
    } finally {
      db.close();
    }
  },
  async steps({ from, to }) {
    const db = new LeadlightDb();
    const out: Record<string, number> = {};
    try {
      const settings = await loadSettings(db);
      const { contacts, touches } = await timed(out, 'IndexedDB: contact rows', () => loadContactsAndTouches(db));
      const team = await timed(out, 'IndexedDB: verdicts', () => loadTeamVerdicts(db, settings, false));
      const [campaigns, personas, observed] = await Promise.all([
        db.campaigns.toArray(),
        db.personas.toArray(),
        db.observedTouches.toArray(),
      ]);
      const data = await timed(out, 'index of the touches', () => {
        const prepared = prepareReportData({ contacts, touches, campaigns, personas, observed, feedback: team.verdicts });
        void [prepared.index.touches, prepared.index.sales, prepared.index.contacts, prepared.index.observed];
        return prepared;
      });
      // As the handler passes them: one SLA, clock and worked-status list for the rows and both tables.
      const context = slaContext(settings, new Date());
      const period = { from: new Date(from), to: new Date(to) };
      const judged = { ...data, workedStatuses: context.worked };
      await timed(out, 'rows by campaign', () =>
        buildReport({ ...judged, period, dimension: 'campaign', slaSettings: context.settings, now: context.now }),
      );
      await timed(out, 'monthly trend', () => goodRateOverTime({ ...judged, period, bucket: 'month', now: context.now }));
      await timed(out, 'SLA by owner', () => slaByOwner({ ...judged, settings: context.settings, now: context.now, period }));
      await timed(out, 'SLA by campaign', () => slaByCampaign({ ...judged, settings: context.settings, now: context.now, period }));
      return out;
    } finally {
      db.close();
    }
  },
};
