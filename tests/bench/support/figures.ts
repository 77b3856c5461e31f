import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../results/bench.json');

export type Figure = {
  group: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
  /** The Chromium version and machine load the figure was measured under. */
  machine?: string;
};

/** p-th percentile (nearest rank) of a sample. */
export function percentile(sample: number[], p: number): number {
  if (sample.length === 0) return NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000);

/**
 * Prints a group's figures as a table and merges them into the JSON results file,
 * so one `npm run bench` leaves every group's latest figures side by side. `machine`
 * (Chromium version, load average) is printed with the group and stored with each figure.
 */
export function report(group: string, figures: Omit<Figure, 'group'>[], machine?: string): void {
  const rows = figures.map((f) => ({ group, ...f, value: round(f.value), ...(machine ? { machine } : {}) }));
  console.log(`\n${group}${machine ? `\nmeasured on: ${machine}` : ''}`);
  console.table(rows.map(({ name, value, unit, target, note }) => ({ figure: name, value, unit, target: target ?? '', note: note ?? '' })));
  let previous: Figure[] = [];
  try {
    previous = (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { figures: Figure[] }).figures;
  } catch {
    // First group of the run.
  }
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const figuresOut = [...previous.filter((f) => f.group !== group), ...rows];
  writeFileSync(RESULTS_FILE, JSON.stringify({ updatedAt: new Date().toISOString(), figures: figuresOut }, null, 2));
}
