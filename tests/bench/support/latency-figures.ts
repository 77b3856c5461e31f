import type { PathCpu } from './browser-trace';
import type { Sample } from './contact-timing';
import { percentile, type Figure } from './figures';
import { spread } from './machine';

/** Untraced samples' times to the name painted: the wall-clock figures. */
export const wall = (samples: Sample[]) => samples.filter((s) => !s.cpu).map((s) => s.ms);
/** Untraced samples' `part`, where the browser reported it. */
const shown = (samples: Sample[], part: (s: Sample) => number) =>
  samples
    .filter((s) => !s.cpu)
    .map(part)
    .filter(Number.isFinite);
const cpu = (samples: Sample[], part: keyof PathCpu) => samples.flatMap((s) => (s.cpu ? [s.cpu[part]] : []));

/** CPU figures of traced samples: the total on the path, and where it was spent. */
export function cpuFigures(label: string, samples: Sample[]): Omit<Figure, 'group'>[] {
  const total = cpu(samples, 'total');
  const part = (k: keyof PathCpu) => percentile(cpu(samples, k), 50).toFixed(1);
  return [
    {
      name: `${label}: Leadlight's CPU time on the path, p50`,
      value: percentile(total, 50),
      unit: 'ms',
      note: `${spread(total)}; p50 content script ${part('contentScript')}, service worker ${part('worker')}, frame ${part('frame')} ms; traced runs, interleaved`,
    },
    { name: `${label}: Leadlight's CPU time on the path, p95`, value: percentile(total, 95), unit: 'ms' },
  ];
}

/**
 * When the name reached the screen, beside when the thread's own subject did: the figures
 * above stop where the name's paint starts, and the browser then draws and presents it
 * with the rest of the page's next frame.
 */
export function onScreenFigures(samples: Sample[]): Omit<Figure, 'group'>[] {
  const screen = shown(samples, (s) => s.screen);
  const subject = shown(samples, (s) => s.subject);
  const after = shown(samples, (s) => s.screen - s.subject);
  // Fewer than half reported: the figures would describe the few that were, not the switches.
  const wanted = samples.filter((s) => !s.cpu).length / 2;
  if (screen.length < wanted || subject.length < wanted) {
    throw new Error(
      `Element Timing reported ${screen.length} names and ${subject.length} thread subjects on screen, of ${wanted * 2} switches: ` +
        'are the elementtiming attributes still on the contact name and on the bench page’s thread subject?',
    );
  }
  return [
    {
      name: 'another contact, name on screen, p50',
      value: percentile(screen, 50),
      unit: 'ms',
      note: `${spread(screen)}; Element Timing's renderTime of the name: its paint presented`,
    },
    { name: 'another contact, name on screen, p95', value: percentile(screen, 95), unit: 'ms' },
    {
      name: "another contact, the thread's own subject on screen, p50",
      value: percentile(subject, 50),
      unit: 'ms',
      note: `${spread(subject)}; the host page's own text, timed the same way from the same start`,
    },
    {
      name: "another contact, name on screen after the thread's subject, p50",
      value: percentile(after, 50),
      unit: 'ms',
      note: `${spread(after)}; below zero, the name was on screen first`,
    },
    { name: "another contact, name on screen after the thread's subject, p95", value: percentile(after, 95), unit: 'ms' },
  ];
}
