import { connectorFor } from '../../connectors/registry';
import { forgetVerdictSchema } from '../../connectors/hubspot/verdict-schema-store';
import { loadSettings } from '../../settings/settings';
import type { HandlerDeps, Handlers } from './deps';

type TeamMessages = 'prepareCrmWriteBack';

/** The team's side of the loop: making the CRM hold verdicts as reportable fields. */
export function teamHandlers(deps: HandlerDeps): Pick<Handlers, TeamMessages> {
  const { db } = deps;
  return {
    prepareCrmWriteBack: async () => {
      const { source } = await loadSettings(db);
      const connector = (await deps.liveConnector?.()) ?? (source === 'hubspot' ? await connectorFor(db, 'hubspot') : undefined);
      if (!connector?.prepareWriteBack) return { ready: false };
      // Connecting checks afresh: a new token may carry the scope an old one lacked.
      if (connector.id === 'hubspot') await forgetVerdictSchema(db);
      return connector.prepareWriteBack();
    },
  };
}
