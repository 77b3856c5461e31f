import { useState } from 'react';
import { salesforceOrigins } from '@/lib/connectors/crm-origins';
import { normalizeLoginHost } from '@/lib/connectors/salesforce/hosts';
import type { PageApi } from '@/lib/messaging/page-client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { ActionResult, BUTTON, Field } from './field';
import { useAction } from './use-action';
import { VerdictFieldsSettings } from './verdict-fields/verdict-fields-settings';

type Props = {
  api: Pick<
    PageApi,
    | 'requestOrigins'
    | 'saveSettings'
    | 'connectSalesforce'
    | 'disconnectSalesforce'
    | 'salesforceCallbackUrl'
    | 'getSalesforceFields'
    | 'getReasons'
  >;
  view: SettingsView;
  onChange: (v: SettingsView) => void;
};

/** Salesforce: connected-app consumer key, login host, sign-in, and the Lead fields verdicts set. */
export function SalesforceSettings({ api, view, onChange }: Props) {
  const sf = view.settings.salesforce;
  const [clientId, setClientId] = useState(sf.clientId ?? '');
  const [loginHost, setLoginHost] = useState(sf.loginHost);
  const { busy, error, done, run } = useAction();
  // The exact address Salesforce sends the sign-in back to: it differs per browser and per install.
  const callbackUrl = api.salesforceCallbackUrl();
  const disconnect = () =>
    run(async () => {
      const result = await api.disconnectSalesforce();
      onChange(result);
      if (result.revokeError) throw new Error(`Disconnected in this browser. ${result.revokeError}`);
      return result.revoked ? 'Disconnected: Salesforce has revoked Leadlight’s access.' : 'Disconnected.';
    });
  const connect = () =>
    run(async () => {
      // A pasted sign-in address or capitals name the same host: access is asked for, and kept, as the bare host.
      const host = normalizeLoginHost(loginHost);
      setLoginHost(host);
      if (!(await api.requestOrigins(salesforceOrigins(host))))
        throw new Error('Leadlight needs access to your Salesforce login and API hosts.');
      await api.saveSettings({
        // The verdict fields stay as the admin mapped them; a new sign-in does not change the org's fields.
        salesforce: { ...sf, clientId: clientId.trim() || undefined, loginHost: host },
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
      <p className="mt-2 text-sm">
        Callback URL to register in the connected app:{' '}
        <code data-testid="salesforce-callback-url" className="rounded bg-slate-100 px-1 break-all select-all dark:bg-slate-800">
          {callbackUrl}
        </code>
      </p>
      <Field label="Connected app consumer key" value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
      <Field
        label="Login host"
        hint="login.salesforce.com, test.salesforce.com for a sandbox, or your My Domain."
        value={loginHost}
        onChange={(e) => setLoginHost(e.target.value)}
      />
      <button type="button" className={BUTTON} disabled={busy || !clientId.trim()} onClick={connect}>
        {view.connections.salesforceConnected ? 'Reconnect Salesforce' : 'Connect Salesforce'}
      </button>
      {view.connections.salesforceConnected && (
        <button type="button" className={BUTTON} disabled={busy} onClick={disconnect}>
          Disconnect
        </button>
      )}
      <ActionResult error={error} done={done} />
      {view.connections.salesforceConnected && <VerdictFieldsSettings api={api} view={view} onChange={onChange} />}
    </div>
  );
}
