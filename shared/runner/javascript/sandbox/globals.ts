/**
 * The few host-like globals a beginner's program expects: `console`, `prompt`, timers and
 * `queueMicrotask`. Runs INSIDE QuickJS. Nothing here reaches the host except `write`/`readLine`;
 * the realm has no network, file, process or module-loading API to begin with.
 */
import { format } from '@vitest/utils/display';
import type { SandboxHost } from './host.ts';

type Callback = (...args: unknown[]) => unknown;

interface Timer {
  id: number;
  due: number;
  interval: number | null;
  callback: Callback;
  args: unknown[];
}

export interface Timers {
  /**
   * Resolves on the next turn of the event loop, after the job queue has drained: the test
   * runner's look for promise rejections that no handler took. Not a learner timer, so
   * `clearTimeout` cannot cancel it.
   */
  nextTurn(): Promise<void>;
  nextDelay(): number;
  /** Runs the earliest due timer, if any; an error its callback throws goes to `onError`. */
  runDue(onError: (error: unknown) => void): void;
}

export function installConsole(realm: typeof globalThis, host: SandboxHost): void {
  let indent = '';
  const counts = new Map<string, number>();
  const started = new Map<string, number>();
  const print = (stream: 'stdout' | 'stderr', args: unknown[]): void => {
    const line = format(args);
    host.write(stream, (indent ? line.replace(/^/gm, indent) : line) + '\n');
  };
  const console = {
    log: (...args: unknown[]) => print('stdout', args),
    info: (...args: unknown[]) => print('stdout', args),
    debug: (...args: unknown[]) => print('stdout', args),
    dir: (value: unknown) => print('stdout', [value]),
    table: (...args: unknown[]) => print('stdout', args),
    warn: (...args: unknown[]) => print('stderr', args),
    error: (...args: unknown[]) => print('stderr', args),
    trace: (...args: unknown[]) => print('stderr', ['Trace:', ...args]),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) print('stderr', ['Assertion failed:', ...args]);
    },
    group: (...args: unknown[]) => {
      if (args.length > 0) print('stdout', args);
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      print('stdout', [`${label}: ${n}`]);
    },
    time: (label = 'default') => {
      started.set(label, Date.now());
    },
    timeEnd: (label = 'default') => {
      const start = started.get(label);
      if (start !== undefined) print('stdout', [`${label}: ${Date.now() - start} ms`]);
      started.delete(label);
    },
  };
  Object.defineProperty(realm, 'console', { value: console, writable: true, configurable: true });
  const prompt = (message?: unknown): string | null =>
    host.readLine(message === undefined ? '' : String(message));
  Object.defineProperty(realm, 'prompt', { value: prompt, writable: true, configurable: true });
}

export function installTimers(realm: typeof globalThis): Timers {
  const timers = new Map<number, Timer>();
  const turns: (() => void)[] = [];
  let nextId = 1;
  const add = (callback: unknown, delay: unknown, args: unknown[], repeat: boolean): number => {
    if (typeof callback !== 'function') throw new TypeError('The callback must be a function');
    const ms = Math.max(0, Number(delay) || 0);
    const id = nextId++;
    timers.set(id, {
      id,
      due: Date.now() + ms,
      interval: repeat ? Math.max(1, ms) : null,
      callback: callback as Callback,
      args,
    });
    return id;
  };
  const clear = (id: unknown): void => {
    timers.delete(Number(id));
  };
  const define = (name: string, value: unknown): void => {
    Object.defineProperty(realm, name, { value, writable: true, configurable: true });
  };
  define('setTimeout', (callback: unknown, delay?: unknown, ...args: unknown[]) =>
    add(callback, delay, args, false),
  );
  define('setInterval', (callback: unknown, delay?: unknown, ...args: unknown[]) =>
    add(callback, delay, args, true),
  );
  define('clearTimeout', clear);
  define('clearInterval', clear);
  define('queueMicrotask', (callback: unknown) => {
    if (typeof callback !== 'function') throw new TypeError('The callback must be a function');
    void Promise.resolve().then(callback as Callback);
  });
  return {
    nextTurn: () => new Promise<void>((resolve) => void turns.push(resolve)),
    nextDelay() {
      if (turns.length > 0) return 0;
      let earliest = Infinity;
      for (const timer of timers.values()) earliest = Math.min(earliest, timer.due);
      return earliest === Infinity ? -1 : Math.max(0, earliest - Date.now());
    },
    runDue(onError) {
      // One timer per call: the host drains the microtask queue between two timers, as browsers
      // and Node do, so a promise a timer resolves runs before the next timer fires.
      const turn = turns.shift();
      if (turn) return turn();
      const now = Date.now();
      let timer: Timer | undefined;
      for (const t of timers.values()) {
        if (t.due <= now && (!timer || t.due < timer.due || (t.due === timer.due && t.id < timer.id)))
          timer = t;
      }
      if (!timer) return;
      if (timer.interval === null) timers.delete(timer.id);
      else timer.due = now + timer.interval;
      try {
        timer.callback(...timer.args);
      } catch (error) {
        onError(error);
      }
    },
  };
}
