/**
 * `npm start`: the desktop app where Electron's binary is available; otherwise (as on machines
 * that cannot download it) one line saying so, then web mode with its URL.
 * `npm run web` (`--web`): web mode directly. Builds the app first when the build is missing or
 * older than the sources.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const passThrough = args.filter((a) => a !== '--web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const built = path.join(root, 'out', 'renderer', 'index.html');
  const sources = ['renderer', 'shared', 'electron'].map((d) => newestMtime(path.join(root, d)));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources)) return;
  console.log('Building Lantern…');
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function electronBinary(): string | null {
  // The electron package records its binary in path.txt once the download succeeded; without
  // it, requiring the package would try (and here fail) to download again.
  if (!fs.existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'))) return null;
  try {
    const bin = createRequire(import.meta.url)('electron') as unknown;
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

buildIfStale();
const electron = webOnly ? null : electronBinary();
if (electron) {
  const child = spawn(electron, [root, ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!webOnly)
    console.log(
      'Electron is not available on this machine (its binary could not be downloaded); starting web mode instead.',
    );
  const child = spawn(process.execPath, [path.join(root, 'electron/web/main.ts'), ...passThrough], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
}
