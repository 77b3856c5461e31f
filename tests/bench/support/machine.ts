import { cpus, loadavg } from 'node:os';
import type { BrowserContext, CDPSession } from 'playwright-core';

/** What every figure was measured on: Chromium's version and how busy the machine was. */
export async function machineNote(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const { product } = await cdp.send('Browser.getVersion');
  await page.close();
  const [one, five] = loadavg();
  return `${product}; ${cpus().length} cores; load ${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min)`;
}

/** Median and spread (min–max, and p10–p90 where there are ten or more) of a sample. */
export function spread(sample: number[], digits = 1): string {
  const s = [...sample].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  const f = (v: number) => v.toFixed(digits);
  return s.length >= 10
    ? `n=${s.length}, min ${f(s[0]!)}, p10 ${f(q(10))}, p90 ${f(q(90))}, max ${f(s[s.length - 1]!)}`
    : `n=${s.length}, min ${f(s[0]!)}, max ${f(s[s.length - 1]!)}`;
}

/** Runs `during` under a Chromium trace and returns its events (by default devtools.timeline and v8). */
export async function traced(
  cdp: CDPSession,
  during: () => Promise<void>,
  categories = 'devtools.timeline,v8,disabled-by-default-devtools.timeline',
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => void events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}
export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, where the platform records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; message?: string }; fileName?: string; name?: string };
};

/**
 * Main-thread time (ms) of the complete events that concern scripts whose URL contains
 * `part`, overlaps merged; `names` limits it to some events (e.g. compile and evaluation).
 */
export function scriptTime(events: TraceEvent[], part: string, names?: string[]): number {
  const spans = events
    .filter(
      (e) => e.ph === 'X' && e.dur && (!names || names.includes(e.name)) && (e.args?.data?.url ?? e.args?.fileName ?? '').includes(part),
    )
    .map((e) => [e.ts, e.ts + e.dur!] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of spans) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total / 1000;
}

/**
 * Main-thread CPU time (ms, the trace's thread clock) of the outermost events that concern
 * scripts whose URL contains `part`; `names` limits it to some events. Under a loaded
 * machine this stays close to a quiet machine's figure where wall time does not.
 */
export function scriptCpu(events: TraceEvent[], part: string, names?: string[]): number {
  const matching = events
    .filter(
      (e) => e.ph === 'X' && e.dur && (!names || names.includes(e.name)) && (e.args?.data?.url ?? e.args?.fileName ?? '').includes(part),
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let total = 0;
  let end = -Infinity;
  for (const e of matching) {
    if (e.ts < end) continue;
    total += e.tdur ?? 0;
    end = e.ts + e.dur!;
  }
  return total / 1000;
}
