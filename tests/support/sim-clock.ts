import type Dexie from 'dexie';

/**
 * Simulated time for a background that sleeps (HTTP backoff), reads a clock and
 * writes IndexedDB. Time only moves when every tracked task is finished or asleep,
 * so an hour runs in seconds and the same run always makes the same calls.
 */
export class SimClock {
  private timers: { at: number; seq: number; wake: () => void }[] = [];
  private seq = 0;
  private progress = 0;
  private readonly tasks = new Set<{ emails: readonly string[]; fetch: boolean }>();

  constructor(public t: number) {}

  now = (): number => this.t;
  date = (): Date => new Date(this.t);

  /** HttpPolicy.sleep: wakes when the simulation reaches that time. */
  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.progress++;
      this.timers.push({ at: this.t + ms, seq: this.seq++, wake });
    });

  /** Something happened (a request, a database operation): the system is not idle yet. */
  tick(): void {
    this.progress++;
  }

  /**
   * Runs `work` as a task about `emails`. A fetch is a leaf; an ask may wait on the
   * fetch of one of its emails, which is how a blocked ask is told from a busy one.
   */
  track<T>(emails: readonly string[], fetch: boolean, work: () => Promise<T>): Promise<T> {
    const task = { emails, fetch };
    this.tasks.add(task);
    this.progress++;
    return work().finally(() => {
      this.tasks.delete(task);
      this.progress++;
    });
  }

  /** Counts every database operation as progress, so a long transaction is never mistaken for idleness. */
  watch(db: Dexie): void {
    db.use({
      stack: 'dbcore',
      name: 'sim-clock',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          const wrap =
            <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
            (...args: A) => {
              this.tick();
              return fn(...args).finally(() => this.tick());
            };
          return {
            ...table,
            get: wrap(table.get.bind(table)),
            getMany: wrap(table.getMany.bind(table)),
            query: wrap(table.query.bind(table)),
            openCursor: wrap(table.openCursor.bind(table)),
            count: wrap(table.count.bind(table)),
            mutate: wrap(table.mutate.bind(table)),
          };
        },
      }),
    });
  }

  private blocked(): boolean {
    const fetches = [...this.tasks].filter((t) => t.fetch);
    if (fetches.length > this.timers.length) return false;
    const waitedOn = new Set(fetches.flatMap((t) => t.emails));
    return [...this.tasks].every((t) => t.fetch || t.emails.some((e) => waitedOn.has(e)));
  }

  /** Resolves once every task is done or asleep and nothing has moved for a good while. */
  async idle(): Promise<void> {
    let quiet = 0;
    let seen = this.progress;
    while (quiet < 40) {
      await new Promise((r) => setImmediate(r));
      if (this.progress !== seen || !this.blocked()) {
        seen = this.progress;
        quiet = 0;
      } else quiet++;
    }
  }

  /** Moves time to `target`, waking sleepers in order; `onIdle` runs whenever the system rests and may start work. */
  async advanceTo(target: number, onIdle: () => boolean = () => false): Promise<void> {
    for (;;) {
      await this.idle();
      if (onIdle()) continue;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.wake();
    }
    this.t = Math.max(this.t, target);
  }
}
