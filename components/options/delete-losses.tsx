import { useEffect, useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';

export type LossApi = Pick<PageApi, 'getSettings' | 'listPersonas' | 'getReasons'>;

/** What deleting would take that the user may not think of, read when they ask to delete. */
export type Losses = { connections?: SettingsView['connections']; personas?: number; reasons?: number };

/** Reads the connections and the team's lists; a part that cannot be read is named without its count. */
export function useLosses(api: LossApi, asked: boolean): Losses | null {
  const [losses, setLosses] = useState<Losses | null>(null);
  useEffect(() => {
    if (!asked) {
      setLosses(null);
      return;
    }
    let live = true;
    const optional = <T,>(p: Promise<T>) => p.catch(() => undefined);
    void Promise.all([optional(api.getSettings()), optional(api.listPersonas()), optional(api.getReasons())]).then(
      ([view, personas, reasons]) => {
        if (live)
          setLosses({ connections: view?.connections, personas: personas?.length, reasons: reasons?.filter((r) => !r.retired).length });
      },
    );
    return () => {
      live = false;
    };
  }, [api, asked]);
  return losses;
}

const counted = (n: number | undefined, one: string, many: string) => (n === undefined ? many : `${n} ${n === 1 ? one : many}`);

/**
 * Everything "Delete all local data" takes from this browser that is not merely a cache,
 * and how to keep it: unsent verdicts, teammates' verdicts, the team's personas and
 * reasons, and the CRM sign-ins.
 */
export function DeleteLosses({ unsent, losses }: { unsent: number; losses: Losses }) {
  const { connections, personas, reasons } = losses;
  return (
    <ul data-testid="delete-losses" className="mt-1 list-disc space-y-1 pl-5">
      {unsent > 0 && (
        <li>
          {counted(unsent, 'verdict', 'verdicts')} given in this browser that {unsent === 1 ? 'has' : 'have'} not reached a CRM. Download
          them first with “Download all feedback as CSV” on the report page.
        </li>
      )}
      <li>
        Your teammates’ verdicts merged from feedback files or read from the CRM for the report. Files you merged can be merged again;
        verdicts in the CRM stay there.
      </li>
      <li>
        The team’s {counted(personas, 'persona', 'personas')} and {counted(reasons, 'feedback reason', 'feedback reasons')}. Keep them first
        with “Export personas and reasons” under Personas.
      </li>
      <li>Your settings: the data source, the hand-off SLA, worked statuses and who you are.</li>
      {connections?.salesforceConnected && (
        <li>
          The Salesforce sign-in{connections.salesforceInstance ? ` to ${connections.salesforceInstance}` : ''}. Leadlight disconnects it
          first, which revokes its access at Salesforce.
        </li>
      )}
      {connections?.hubspotConnected && (
        <li>
          The HubSpot private-app token. It is only forgotten here and still works in HubSpot: delete or rotate it there (Settings →
          Integrations → Private Apps) if nobody else uses it.
        </li>
      )}
    </ul>
  );
}
