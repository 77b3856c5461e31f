import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time per Chromium thread from Linux's /proc, for a bench that wants to know
 * which thread an end-to-end figure waited on: the import worker, the service
 * worker, the options page, or IndexedDB in the browser process. A trace would
 * perturb a minute-long import; reading /proc a few times a second barely does.
 */

/** CPU seconds per thread id, with "process kind / thread name". */
type ThreadCpu = Map<string, { key: string; secs: number }>;

const USER_HZ = 100;

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The fields after the command name, which may itself hold spaces and parentheses. */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

function kindOf(cmdline: string): string {
  // Chromium rewrites its process title, so arguments may be separated by spaces rather than NULs.
  const args = cmdline.split(/[\0 ]/);
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  if (!type) return 'browser';
  if (type === 'renderer') return args.includes('--extension-process') ? 'extension process' : 'renderer';
  return type;
}

/** Every thread of the Chromium whose browser process names `marker` (its profile folder) on its command line. */
function threadCpu(marker: string): ThreadCpu {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const parent = new Map<string, string>();
  const cmd = new Map<string, string>();
  for (const pid of pids) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    parent.set(pid, statFields(stat)[1]!);
    cmd.set(pid, read(`/proc/${pid}/cmdline`));
  }
  const roots = new Set(pids.filter((p) => cmd.get(p)?.includes(marker) && !cmd.get(p)?.includes('--type=')));
  const inTree = (pid: string) => {
    for (let p: string | undefined = pid, depth = 0; p && p !== '0' && depth < 20; p = parent.get(p), depth++)
      if (roots.has(p)) return true;
    return false;
  };
  const out: ThreadCpu = new Map();
  for (const pid of pids.filter(inTree)) {
    const kind = kindOf(cmd.get(pid) ?? '');
    const tids = existsSync(`/proc/${pid}/task`) ? readdirSync(`/proc/${pid}/task`) : [];
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      // A process's first thread is named after the executable: it is the main thread.
      const name = tid === pid ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
      const [utime, stime] = [statFields(stat)[11], statFields(stat)[12]].map(Number);
      out.set(tid, { key: `${kind} / ${name}`, secs: (utime! + stime!) / USER_HZ });
    }
  }
  return out;
}

/**
 * Starts sampling every `everyMs`, so a thread that ends before the stop (the import's
 * worker, terminated when it is done) still counts. `stop` returns the CPU seconds
 * spent since the start per "process kind / thread name", largest first; on a system
 * without /proc, nothing.
 */
export function sampleThreadCpu(marker: string, everyMs = 250): { stop: () => [string, number][] } {
  if (!existsSync('/proc/self/task')) return { stop: () => [] };
  const first = threadCpu(marker);
  const last: ThreadCpu = new Map(first);
  const take = () => {
    for (const [tid, v] of threadCpu(marker)) last.set(tid, v);
  };
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      const sums = new Map<string, number>();
      for (const [tid, { key, secs }] of last) sums.set(key, (sums.get(key) ?? 0) + secs - (first.get(tid)?.secs ?? 0));
      return [...sums].filter(([, s]) => s >= 0.05).sort((a, b) => b[1] - a[1]);
    },
  };
}
