import { connectorFor } from '../../connectors/registry';
import { forgetVerdictSchema } from '../../connectors/hubspot/verdict-schema-store';
import { loadSettings } from '../../settings/settings';
import { mergeFeedbackFile } from '../../team/feedback-file';
import { repQueue } from '../../team/rep-queue';
import { syncTeamVerdicts, teamSyncState } from '../../team/team-sync';
import type { HandlerDeps, Handlers } from './deps';

type TeamMessages = 'prepareCrmWriteBack' | 'syncTeamVerdicts' | 'getTeamSync' | 'mergeFeedbackFile' | 'getRepQueue';

/** The team's side of the loop: the CRM holds verdicts as reportable fields, and the report reads every rep's back. */
export function teamHandlers(deps: HandlerDeps): Pick<Handlers, TeamMessages> {
  const { db, now = () => new Date() } = deps;
  return {
    prepareCrmWriteBack: async () => {
      const { source } = await loadSettings(db);
      const connector = (await deps.liveConnector?.()) ?? (source === 'hubspot' ? await connectorFor(db, 'hubspot') : undefined);
      if (!connector?.prepareWriteBack) return { ready: false };
      // Connecting checks afresh: a new token may carry the scope an old one lacked.
      if (connector.id === 'hubspot') await forgetVerdictSchema(db);
      return connector.prepareWriteBack();
    },
    syncTeamVerdicts: async ({ force }) => {
      const connector = await deps.liveConnector?.();
      if (!connector?.readTeamVerdicts) return teamSyncState(db);
      // Answers at once: the report page follows the read through getTeamSync.
      void syncTeamVerdicts(db, connector, await loadSettings(db), { force, now });
      return { ...teamSyncState(db), running: true };
    },
    getTeamSync: async () => teamSyncState(db),
    getRepQueue: () => repQueue(db, now()),
    mergeFeedbackFile: ({ name, text }) => mergeFeedbackFile(db, name, text),
  };
}
