import { useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { ActionResult, BUTTON, Field } from './field';
import { useAction } from './use-action';

type Props = { api: PageApi; view: SettingsView; onChange: (v: SettingsView) => void };

/** Salesforce: connected-app consumer key, login host, sign-in, optional verdict field. */
export function SalesforceSettings({ api, view, onChange }: Props) {
  const sf = view.settings.salesforce;
  const [clientId, setClientId] = useState(sf.clientId ?? '');
  const [loginHost, setLoginHost] = useState(sf.loginHost);
  const [field, setField] = useState(sf.writeBackField ?? '');
  const { busy, error, done, run } = useAction();
  const connect = () =>
    run(async () => {
      const origins = [`https://${loginHost.trim()}/*`, 'https://*.my.salesforce.com/*'];
      if (!(await api.requestOrigins(origins))) throw new Error('Leadlight needs access to your Salesforce login and API hosts.');
      await api.saveSettings({
        salesforce: { clientId: clientId.trim() || undefined, loginHost: loginHost.trim(), writeBackField: field.trim() || undefined },
      });
      await api.connectSalesforce();
      onChange(await api.saveSettings({ source: 'salesforce' }));
      return 'Salesforce is connected and is the data source.';
    });
  return (
    <div data-testid="salesforce-settings">
      <p className="text-sm">
        Status: {view.connections.salesforceConnected ? `connected to ${view.connections.salesforceInstance}` : 'not connected'}. Your admin
        creates a connected app (see the README) and gives you its consumer key.
      </p>
      <Field label="Connected app consumer key" value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
      <Field
        label="Login host"
        hint="login.salesforce.com, test.salesforce.com for a sandbox, or your My Domain."
        value={loginHost}
        onChange={(e) => setLoginHost(e.target.value)}
      />
      <Field
        label="Field for verdicts (optional)"
        hint="API name of a field on Lead and Contact, such as Lead_Feedback__c."
        value={field}
        onChange={(e) => setField(e.target.value)}
      />
      <button type="button" className={BUTTON} disabled={busy || !clientId.trim()} onClick={connect}>
        {view.connections.salesforceConnected ? 'Reconnect Salesforce' : 'Connect Salesforce'}
      </button>
      {view.connections.salesforceConnected && (
        <button
          type="button"
          className={BUTTON}
          disabled={busy}
          onClick={() => run(async () => onChange(await api.disconnectSalesforce()))}
        >
          Disconnect
        </button>
      )}
      <ActionResult error={error} done={done} />
    </div>
  );
}
