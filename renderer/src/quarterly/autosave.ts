export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface KeyedDebouncer<K> {
  /** Run for `key` once typing pauses for `wait` ms (or at the latest `maxWait` ms after the first change). */
  schedule(key: K): void;
  /** Run now whatever is waiting (for one key, or all); resolves when those runs and any under way have finished. */
  flush(key?: K): Promise<void>;
  /** Drop a waiting run (a full save supersedes the draft). */
  cancel(key: K): void;
  /** Keys waiting to run. */
  pending(): K[];
}

interface Waiting {
  handle: unknown;
  first: number;
}

/**
 * Debounce per key, for autosave: each task's draft is saved once the clerk pauses, runs for
 * one key never overlap (a change made during a run schedules one more run after it), and
 * flush() sends everything at once when the window closes or the page changes.
 */
export function createKeyedDebouncer<K>(run: (key: K) => Promise<void>, options: { wait?: number; maxWait?: number; timers?: Timers } = {}): KeyedDebouncer<K> {
  const wait = options.wait ?? 800;
  const maxWait = options.maxWait ?? 5000;
  const timers = options.timers ?? realTimers;
  const waiting = new Map<K, Waiting>();
  const running = new Map<K, Promise<void>>();

  const start = (key: K): Promise<void> => {
    const entry = waiting.get(key);
    if (entry) timers.clearTimeout(entry.handle);
    waiting.delete(key);
    const before = running.get(key) ?? Promise.resolve();
    const next = before.then(() => run(key)).catch(() => {});
    running.set(key, next);
    void next.then(() => {
      if (running.get(key) === next) running.delete(key);
    });
    return next;
  };

  return {
    schedule(key) {
      const now = timers.now();
      const entry = waiting.get(key);
      if (entry) timers.clearTimeout(entry.handle);
      const first = entry?.first ?? now;
      const delay = Math.max(0, Math.min(wait, first + maxWait - now));
      waiting.set(key, { first, handle: timers.setTimeout(() => void start(key), delay) });
    },
    async flush(key) {
      const keys = key === undefined ? [...waiting.keys()] : waiting.has(key) ? [key] : [];
      for (const k of keys) void start(k);
      const inFlight = key === undefined ? [...running.values()] : running.has(key) ? [running.get(key)!] : [];
      await Promise.all(inFlight);
    },
    cancel(key) {
      const entry = waiting.get(key);
      if (entry) timers.clearTimeout(entry.handle);
      waiting.delete(key);
    },
    pending: () => [...waiting.keys()],
  };
}
