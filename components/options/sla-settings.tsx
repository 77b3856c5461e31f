import { useEffect, useState } from 'react';
import { DEMO_SLA } from '@/lib/demo/demo-sla';
import type { PageApi } from '@/lib/messaging/page-client';
import { ActionResult, BUTTON, Field } from './field';
import { matchZone, TimeZonePicker } from './time-zone-picker';
import { useAction } from './use-action';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The service level marketing and sales agreed for hand-offs: first touch within N business hours. */
export function SlaSettings({ api }: { api: Pick<PageApi, 'getSettings' | 'saveSettings'> }) {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [hours, setHours] = useState('4');
  const [zone, setZone] = useState(browserZone);
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('17:00');
  const [saved, setSaved] = useState(false);
  // The demo company has its own SLA (lib/settings/sla-context.ts): the page names the one in force.
  const [demo, setDemo] = useState(false);
  const [zoneError, setZoneError] = useState<string | undefined>();
  const { busy, error, done, run } = useAction();

  useEffect(() => {
    api.getSettings().then(
      ({ settings: { sla, source } }) => {
        if (!sla && source === 'demo') {
          setDemo(true);
          setZone(DEMO_SLA.timeZone);
        }
        if (!sla) return;
        setSaved(true);
        setHours(String(sla.firstTouchHours));
        setZone(sla.timeZone);
        setDays(sla.workingDays);
        setStart(sla.dayStart);
        setEnd(sla.dayEnd);
      },
      () => undefined,
    );
  }, [api]);

  const toggle = (d: number) => setDays((ds) => (ds.includes(d) ? ds.filter((x) => x !== d) : [...ds, d].sort()));
  return (
    <div data-testid="sla-settings">
      <p className="text-sm">
        {saved
          ? 'Your team’s SLA:'
          : demo
            ? `Not set yet; the demo data uses its company’s SLA: ${DEMO_SLA.firstTouchHours} business hours, Mon–Fri ${DEMO_SLA.dayStart}–${DEMO_SLA.dayEnd} in ${DEMO_SLA.timeZone}.`
            : `Not set yet; the sidebar uses 4 business hours, Mon–Fri 9:00–17:00 in ${browserZone}.`}
      </p>
      <Field
        label="First touch within (business hours)"
        type="number"
        min={0.5}
        step={0.5}
        value={hours}
        onChange={(e) => setHours(e.target.value)}
      />
      <TimeZonePicker value={zone} onChange={setZone} error={zoneError} />
      <fieldset className="mt-2">
        <legend className="text-sm font-medium">Working days</legend>
        {DAYS.map((label, d) => (
          <label key={label} className="mr-3 text-sm">
            <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} className="mr-1" />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="flex gap-4">
        <Field label="Day starts" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
        <Field label="Day ends" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
      </div>
      <button
        type="button"
        className={BUTTON}
        disabled={busy}
        onClick={() =>
          run(async () => {
            const timeZone = matchZone(zone);
            setZoneError(timeZone ? undefined : 'Choose a time zone from the list.');
            if (!timeZone) throw new Error('Choose the SLA time zone from the list, then save again.');
            if (!(Number(hours) > 0)) throw new Error('Enter the first-touch time as a number of hours above 0, then save again.');
            if (days.length === 0) throw new Error('Tick at least one working day, then save again.');
            if (!(start < end)) throw new Error('Enter the working day as two times, the end after the start, then save again.');
            setZone(timeZone);
            await api.saveSettings({
              sla: { firstTouchHours: Number(hours), timeZone, workingDays: days, dayStart: start, dayEnd: end },
            });
            setSaved(true);
            return 'Saved. Sidebars and the report use it from now on.';
          })
        }
      >
        Save SLA
      </button>
      <ActionResult error={error} done={done} />
    </div>
  );
}
