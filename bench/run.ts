/**
 * `npm run bench`: runs every benchmark in bench/ one after another. Each prints its figures
 * beside the anchor or target it is compared with. Benchmarks measure; they never fail a build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [path.join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`(${file} could not finish: exit ${result.status})`);
  }
}
console.log(`\n${files.length - failed} of ${files.length} benchmarks ran.`);
