/**
 * Starting Pyodide for the runner, from a memory snapshot when one is shipped.
 *
 * Most of a Pyodide load is the interpreter starting up and the harness importing `unittest`
 * (about 0.2 s of the 0.25 s it takes to build the harness). The build starts Pyodide once in
 * Node with the options below, runs `SNAPSHOT_PREPARE`, and saves the interpreter's memory
 * (`makeMemorySnapshot`, the mechanism Pyodide offers for this). A runner restores that memory
 * instead of starting Python again, then runs `afterRestore()` for what must differ between loads.
 * A snapshot that is missing, from another Pyodide build, or broken falls back to a normal start:
 * slower, never wrong. Why and what it costs: docs/decisions/0017-python-memory-snapshot.md.
 */
import type { loadPyodide as LoadPyodide, PyodideAPI } from 'pyodide';
import { HARNESS_IMPORTS } from './harness-source.ts';

type LoadOptions = NonNullable<Parameters<typeof LoadPyodide>[0]>;

/** Where the browser host finds the snapshot (the build writes it there). */
export const SNAPSHOT_PATH = '/runtimes/python.snapshot';

/** The options every runner and the snapshot maker start Pyodide with: the snapshot holds them. */
export function pyodideOptions(indexURL: string): LoadOptions {
  return {
    indexURL,
    // The `js` module sees this empty object, not the worker's or the child's globals.
    jsglobals: Object.create(null) as object,
    env: { HOME: '/lantern', USER: 'learner' },
    // Not the path of whatever started Pyodide (a build machine's, in a snapshot).
    _sysExecutable: 'python',
    stdout: () => {},
    stderr: () => {},
  };
}

/**
 * Run before the snapshot is taken: the modules the harness imports, so a restored runner finds
 * them loaded; and the build's own traces removed.
 */
export const SNAPSHOT_PREPARE = `import ${HARNESS_IMPORTS}\nos.environ.pop('_', None)\n`;

/** A zone name as Emscripten writes it for a normal start ("UTC+0900" for 540 minutes east). */
function zoneName(minutesWest: number): string {
  const sign = minutesWest > 0 ? '-' : '+';
  const minutes = Math.abs(minutesWest);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `UTC${sign}${hh}${mm}`;
}

/**
 * Python run after a restore, for what must differ between loads or machines:
 * - the snapshot froze the state `random` seeded itself with at import: seed it afresh;
 * - the snapshot was made in UTC: the `time` module's zone (`timezone`, `altzone`, `daylight`,
 *   `tzname`) and `LANG` are set from this runtime's own, as a normal start would set them. (The C
 *   library's zone name, which `%Z` prints, stays "UTC": Pyodide has no `time.tzset`.)
 */
export function afterRestore(now = new Date()): string {
  const year = now.getFullYear();
  const january = new Date(year, 0, 1).getTimezoneOffset();
  const july = new Date(year, 6, 1).getTimezoneOffset();
  const standard = Math.max(january, july);
  const summer = Math.min(january, july);
  const language = (globalThis.navigator?.language ?? 'C').replace('-', '_');
  return [
    'import os, random, sys, time',
    'random.seed()',
    `time.timezone = ${standard * 60}`,
    `time.altzone = ${summer * 60}`,
    `time.daylight = ${january === july ? 0 : 1}`,
    `time.tzname = (${JSON.stringify(zoneName(standard))}, ${JSON.stringify(zoneName(summer))})`,
    `os.environ['LANG'] = ${JSON.stringify(`${language}.UTF-8`)}`,
    'sys.path[:] = list(dict.fromkeys(sys.path))',
    'del os, random, sys, time',
  ].join('\n');
}

export interface PythonBoot {
  pyodide: PyodideAPI;
  /** Restored from the snapshot, or started normally. */
  from: 'snapshot' | 'start';
  /** Why the snapshot was not used, when one was given. */
  snapshotError?: string;
}

/**
 * Starts Pyodide, from `snapshot` when given and usable. `snapshot` may be a promise (a fetch in
 * flight); it resolving to undefined means there is none.
 */
export async function bootPython(
  loadPyodide: typeof LoadPyodide,
  indexURL: string,
  snapshot?: Uint8Array | Promise<Uint8Array | undefined>,
): Promise<PythonBoot> {
  let snapshotError: string | undefined;
  const bytes = await Promise.resolve(snapshot).catch((error: unknown) => {
    snapshotError = `could not read the snapshot: ${String(error)}`;
    return undefined;
  });
  if (bytes) {
    try {
      const pyodide = await loadPyodide({ ...pyodideOptions(indexURL), _loadSnapshot: bytes });
      pyodide.runPython(afterRestore());
      return { pyodide, from: 'snapshot' };
    } catch (error) {
      snapshotError = `the snapshot could not be restored: ${(error as Error).message ?? String(error)}`;
    }
  }
  const pyodide = await loadPyodide(pyodideOptions(indexURL));
  return { pyodide, from: 'start', ...(snapshotError ? { snapshotError } : {}) };
}

/** Starts Pyodide normally and returns the memory snapshot a runner can start from. */
export async function makePythonSnapshot(
  loadPyodide: typeof LoadPyodide,
  indexURL: string,
): Promise<Uint8Array> {
  const pyodide = await loadPyodide({ ...pyodideOptions(indexURL), _makeSnapshot: true });
  pyodide.runPython(SNAPSHOT_PREPARE);
  return pyodide.makeMemorySnapshot();
}
