import { useState } from 'react';
import { HUBSPOT_ORIGINS } from '@/lib/connectors/crm-origins';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { ActionResult, BUTTON, Field } from './field';
import { useAction } from './use-action';

type Props = { api: PageApi; view: SettingsView; onChange: (v: SettingsView) => void };

/** HubSpot: a private-app token (write-only here) and an optional property for verdicts. */
export function HubspotSettings({ api, view, onChange }: Props) {
  const [token, setToken] = useState('');
  const [property, setProperty] = useState(view.settings.hubspot.writeBackProperty ?? '');
  const { busy, error, done, run } = useAction();
  const save = () =>
    run(async () => {
      // Ask for API access first, straight from the click, as browsers require.
      if (!(await api.requestOrigins([...HUBSPOT_ORIGINS]))) throw new Error('Leadlight needs access to api.hubapi.com to read HubSpot.');
      // A new token is checked with HubSpot before it is kept; a refused one changes nothing.
      if (token.trim()) await api.setHubspotToken(token.trim());
      const next = await api.saveSettings({ source: 'hubspot', hubspot: { writeBackProperty: property.trim() || undefined } });
      setToken('');
      onChange(next);
      const account = next.connections.hubspotAccount;
      const source = account ? `HubSpot account ${account.portalId} is the data source.` : 'HubSpot is the data source.';
      // The Leadlight property group, so HubSpot's own reports can group verdicts; notes are written either way.
      const fields = await api.prepareCrmWriteBack();
      if (fields.problem) return `${source} ${fields.problem}`;
      return fields.ready ? `${source} Verdicts set the Leadlight contact properties and are written as notes.` : source;
    });
  const account = view.connections.hubspotAccount;
  return (
    <div data-testid="hubspot-settings">
      <p className="text-sm">
        Status:{' '}
        <span data-testid="hubspot-status">
          {account
            ? `connected to HubSpot account ${account.portalId}${account.uiDomain ? ` (${account.uiDomain})` : ''}`
            : view.connections.hubspotConnected
              ? 'token saved'
              : 'not connected'}
        </span>
        . Create a private app in HubSpot with the scopes crm.objects.contacts.read, crm.objects.contacts.write, crm.schemas.contacts.read,
        crm.schemas.contacts.write (for the Leadlight verdict properties), content, sales-email-read (for logged sales emails, so the
        hand-off SLA counts them) and crm.objects.owners.read (to name each contact’s owner), then paste its access token.
      </p>
      <Field
        label="Private-app access token"
        type="password"
        autoComplete="off"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        placeholder={view.connections.hubspotConnected ? '(saved — paste to replace)' : 'pat-…'}
      />
      <Field
        label="Contact property for verdicts (optional)"
        hint="An internal property name such as lead_quality_feedback; left empty, verdicts are written as notes only."
        value={property}
        onChange={(e) => setProperty(e.target.value)}
      />
      <button type="button" className={BUTTON} disabled={busy || (!token.trim() && !view.connections.hubspotConnected)} onClick={save}>
        Use HubSpot
      </button>
      {view.connections.hubspotConnected && (
        <button type="button" className={BUTTON} disabled={busy} onClick={() => run(async () => onChange(await api.setHubspotToken(null)))}>
          Remove token
        </button>
      )}
      <ActionResult error={error} done={done} />
    </div>
  );
}
