/**
 * The Node host's Python start-up snapshot: made once per installed Pyodide in
 * `node_modules/.cache/lantern/` (inside what the sandbox child may read), by a separate process
 * that runs only Lantern's code (make-snapshot.ts). Children started before it exists start
 * Python normally; later ones restore it (about 0.3 s instead of 2). See decision 0017.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
export const SNAPSHOT_DIR = path.join(repoRoot, 'node_modules', '.cache', 'lantern');

function pyodideVersion(): string {
  const manifest = path.join(repoRoot, 'node_modules', 'pyodide', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

let file: string | undefined;
const making = new Map<string, Promise<string | undefined>>();

function defaultFile(): string {
  file ??= path.join(SNAPSHOT_DIR, `python-${pyodideVersion()}.snapshot`);
  return file;
}

/** The snapshot's path when it exists now; otherwise undefined (and it is being made). */
export function pythonSnapshotPath(nodePath: string): string | undefined {
  const target = defaultFile();
  if (existsSync(target)) return target;
  void makePythonSnapshotFile(nodePath);
  return undefined;
}

/**
 * Makes the snapshot (once per process and file) in a process that may write only to
 * SNAPSHOT_DIR; resolves with its path, or undefined when it could not be made.
 */
export function makePythonSnapshotFile(
  nodePath: string,
  target = defaultFile(),
): Promise<string | undefined> {
  let made = making.get(target);
  if (made) return made;
  made = new Promise<string | undefined>((resolve) => {
    if (existsSync(target)) {
      resolve(target);
      return;
    }
    try {
      mkdirSync(SNAPSHOT_DIR, { recursive: true });
    } catch {
      resolve(undefined);
      return;
    }
    const readable = [path.join(repoRoot, 'node_modules'), path.join(repoRoot, 'shared'), here];
    const maker = spawn(
      nodePath,
      [
        '--permission',
        ...readable.map((dir) => `--allow-fs-read=${dir}${path.sep}*`),
        `--allow-fs-write=${SNAPSHOT_DIR}${path.sep}*`,
        '--disable-warning=ExperimentalWarning',
        path.join(here, 'make-snapshot.ts'),
        target,
      ],
      { env: {}, cwd: here, stdio: 'ignore' },
    );
    maker.on('error', () => resolve(undefined));
    maker.on('exit', (code) => resolve(code === 0 && existsSync(target) ? target : undefined));
  });
  making.set(target, made);
  return made;
}
