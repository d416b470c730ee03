/**
 * What the renderer build ships: files, bytes, and the Monaco pieces, beside the build before
 * Monaco was limited to Lantern's languages (electron.vite.config.ts, monacoOnlyOurLanguages).
 * Needs a build (`npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';

const assets = path.join(import.meta.dirname, '..', 'out', 'renderer', 'assets');
if (!fs.existsSync(assets)) {
  console.log('No build in out/renderer: run `npm run build` first.');
  process.exit(0);
}

const files = fs
  .readdirSync(assets)
  .map((name) => ({ name, bytes: fs.statSync(path.join(assets, name)).size }));
const js = files.filter((f) => f.name.endsWith('.js'));
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const sizeOf = (prefix: string) => files.find((f) => f.name.startsWith(prefix))?.bytes ?? 0;
const monacoWorkers = ['editor.worker', 'ts.worker', 'json.worker', 'css.worker', 'html.worker'];

// Anchor: the same build with Monaco's whole language list (commit 360cc8b, 2 December 2026).
console.log(
  `renderer assets:            ${files.length} files, ${mb(files.reduce((s, f) => s + f.bytes, 0))}   (anchor: 108 files, 28.26 MB)`,
);
console.log(`JavaScript chunks:          ${js.length}   (anchor: 103)`);
console.log(
  `Monaco editor chunk:        ${mb(sizeOf('editor.api'))}   (anchor: 5.06 MB; the editor itself, not languages)`,
);
console.log(
  `Monaco language workers:    ${monacoWorkers.filter((w) => sizeOf(w) > 0).join(', ')}   (anchor: also css, html: 2.89 MB)`,
);
