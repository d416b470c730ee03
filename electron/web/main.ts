/**
 * `npm run web` / `lantern web`: start the backend and serve the app on loopback HTTP.
 *   node electron/web/main.ts [--port N] [--no-open]
 */
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../core/app-services.ts';
import { resolveDataDir } from '../core/data-dir.ts';
import { startWebServer } from './server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function runWebMode(argv: string[] = process.argv.slice(2)): Promise<void> {
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (got ${argv[portArg + 1]})`);
  }
  // LANTERN_RENDERER_DIR serves another build of the page (a packaged copy, a test's snapshot).
  const rendererDir = process.env.LANTERN_RENDERER_DIR ?? path.join(root, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(
      `The renderer is not built (${rendererDir} has no index.html). Run "npm run build" first.`,
    );
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const dataDir = resolveDataDir();
  const backend = createBackend({
    dataDir,
    exercisesDir: path.join(root, 'exercises'),
    mode: 'web',
    version: pkg.version,
  });
  const server = await startWebServer({ handlers: backend.handlers, rendererDir, port, log: backend.log });
  backend.attachEmitter(server.emit);
  console.log(`Lantern is running in web mode. Open this address in your browser:\n  ${server.launchUrl}`);
  console.log(`Data folder: ${dataDir}`);
  const stop = async () => {
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runWebMode().catch((err: unknown) => {
    console.error(`Lantern web mode could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
