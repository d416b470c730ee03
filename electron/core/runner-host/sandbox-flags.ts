/**
 * The Node permission flags of the processes the host starts: the sandbox child (untrusted code)
 * and the snapshot maker (our code only, but it prepares the interpreter the child restores, so it
 * runs in the same world). Reads only the runtime's own files; no child processes, workers or
 * addons; no code from strings.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');

/** `writable`: a folder the process may also write to (and so read back, to rename and remove). */
export function permissionFlags(options: { writable?: string } = {}): string[] {
  const modules = path.join(REPO_ROOT, 'node_modules');
  // Node checks the real path: a symlinked node_modules (a git worktree's) is readable under both.
  const readable = [...new Set([modules, realpathSync(modules)]), path.join(REPO_ROOT, 'shared'), here];
  if (options.writable) readable.push(options.writable);
  return [
    '--permission',
    ...readable.map((dir) => `--allow-fs-read=${dir}${path.sep}*`),
    ...(options.writable ? [`--allow-fs-write=${options.writable}${path.sep}*`] : []),
    '--disallow-code-generation-from-strings',
    '--disable-warning=ExperimentalWarning',
  ];
}
