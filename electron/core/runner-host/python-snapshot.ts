/**
 * Python start-up snapshots made outside the build's or the host's own process (see decision
 * 0017): a separate process runs only make-snapshot.ts, under the sandbox's permission flags with
 * writes allowed to the target's folder alone, in UTC (the snapshot keeps the time zone it was
 * made in; a runner sets the learner's own after restoring).
 *
 * The Node host keeps its snapshot in `node_modules/.cache/lantern/` (inside what the sandbox child
 * may read), named by what went into it: the Pyodide build and Lantern's start-up code, so a
 * change to either makes a new one. Children started before it exists start Python normally.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pyodideOptions, SNAPSHOT_PREPARE } from '../../../shared/runner/python/boot.ts';
import { permissionFlags, REPO_ROOT } from './sandbox-flags.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SNAPSHOT_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'lantern');
/** A maker that has not finished by then is stopped; the runners start Python normally. */
const MAKER_TIMEOUT_MS = 120_000;

let defaultTarget: string | undefined;
const making = new Map<string, Promise<string | undefined>>();

function hostSnapshotFile(): string {
  if (!defaultTarget) {
    const pyodide = readFileSync(path.join(REPO_ROOT, 'node_modules', 'pyodide', 'package.json'), 'utf8');
    const key = createHash('sha256')
      .update(pyodide)
      .update(JSON.stringify(pyodideOptions('')))
      .update(SNAPSHOT_PREPARE)
      .digest('hex')
      .slice(0, 16);
    defaultTarget = path.join(SNAPSHOT_DIR, `python-${key}.snapshot`);
  }
  return defaultTarget;
}

/** The host's snapshot when it exists now; otherwise undefined, and it is being made. */
export function pythonSnapshotPath(nodePath: string): string | undefined {
  const target = hostSnapshotFile();
  if (existsSync(target)) return target;
  void makePythonSnapshotFile(nodePath);
  return undefined;
}

/** The maker's command line: the sandbox's permission flags, writes to the target's folder only. */
export function makerArguments(target: string): string[] {
  return [
    ...permissionFlags({ writable: path.dirname(target) }),
    path.join(here, 'make-snapshot.ts'),
    target,
  ];
}

/**
 * Makes a snapshot at `target` (default: the host's) once per process and file; resolves with
 * its path, or undefined when it could not be made.
 */
export function makePythonSnapshotFile(
  nodePath: string,
  target = hostSnapshotFile(),
): Promise<string | undefined> {
  let made = making.get(target);
  if (made) return made;
  made = new Promise<string | undefined>((resolve) => {
    if (existsSync(target)) return resolve(target);
    const folder = path.dirname(target);
    try {
      mkdirSync(folder, { recursive: true });
    } catch {
      return resolve(undefined);
    }
    const maker = spawn(nodePath, makerArguments(target), {
      env: { TZ: 'UTC' },
      cwd: here,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => maker.kill('SIGKILL'), MAKER_TIMEOUT_MS);
    maker.on('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    // Another process may have made the same file meanwhile: a file in place is success.
    maker.on('exit', () => {
      clearTimeout(timer);
      resolve(existsSync(target) ? target : undefined);
    });
  });
  making.set(target, made);
  return made;
}
