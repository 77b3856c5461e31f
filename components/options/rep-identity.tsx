import { useEffect, useState } from 'react';
import type { PageApi } from '@/lib/messaging/page-client';
import { ActionResult, BUTTON, Field } from './field';
import { useAction } from './use-action';

/**
 * Who signs this browser's verdicts. Set here, never read from a web page: a page
 * could show any address, and verdicts go to marketing and the CRM under this name.
 */
export function RepIdentity({ api }: { api: Pick<PageApi, 'getSettings' | 'saveSettings'> }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  // Until the saved identity arrives, typing would be overwritten by it: the form waits.
  const [loaded, setLoaded] = useState(false);
  const { busy, error, done, run } = useAction();

  useEffect(() => {
    api.getSettings().then(
      ({ settings: { rep, companyDomains } }) => {
        setEmail(rep?.email ?? '');
        setName(rep?.name ?? '');
        setDomains((companyDomains ?? []).join(', '));
        setLoaded(true);
      },
      () => setLoaded(true),
    );
  }, [api]);

  return (
    <div data-testid="rep-identity">
      <p className="text-sm">
        Verdicts you give are signed with this. Without it, the connected CRM user signs them, or they are marked “unknown”.
      </p>
      <Field label="Your work email" type="email" value={email} disabled={!loaded} onChange={(e) => setEmail(e.target.value)} />
      <Field label="Your name (optional)" value={name} disabled={!loaded} onChange={(e) => setName(e.target.value)} />
      <Field
        label="Your company’s other email domains (optional)"
        hint="People at these domains are colleagues, not leads, as are those at your own address’s domain: the sidebar leaves them out. Separate them with commas."
        placeholder="brightwave.io, brightwave.de"
        value={domains}
        disabled={!loaded}
        onChange={(e) => setDomains(e.target.value)}
      />
      <button
        type="button"
        className={BUTTON}
        disabled={busy || !loaded}
        onClick={() =>
          run(async () => {
            const companyDomains = domains.split(/[\s,;]+/).filter(Boolean);
            await api.saveSettings({ rep: { email: email.trim() || undefined, name: name.trim() || undefined }, companyDomains });
            return 'Saved. New verdicts carry this name.';
          })
        }
      >
        Save
      </button>
      <ActionResult error={error} done={done} />
    </div>
  );
}
