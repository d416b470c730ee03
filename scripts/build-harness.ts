/**
 * Builds the code the hosts load as text: the JavaScript harness bundled from
 * shared/runner/javascript/sandbox/ (scripts/harness/javascript.ts), the Python one joined from
 * shared/runner/python/harness/*.py (scripts/harness/python.ts), and the type checker's worker
 * (scripts/harness/type-checker.ts).
 *
 *   node scripts/build-harness.ts          # regenerate the generated modules
 *   node scripts/build-harness.ts --check  # npm test: fail when one is stale or ruff finds a problem
 */
import { readFile, writeFile } from 'node:fs/promises';
import { GENERATED, bundleHarness } from './harness/javascript.ts';
import { GENERATED_PYTHON, lintPython, pythonModule } from './harness/python.ts';
import { GENERATED_TYPE_CHECKER, typeCheckerModule } from './harness/type-checker.ts';

const outputs: [string, string][] = [
  [GENERATED, await bundleHarness()],
  [GENERATED_PYTHON, await pythonModule()],
  [GENERATED_TYPE_CHECKER, await typeCheckerModule()],
];
const findings = await lintPython();
for (const finding of findings) console.error(finding);

if (process.argv.includes('--check')) {
  let stale = false;
  for (const [file, fresh] of outputs) {
    if ((await readFile(file, 'utf8').catch(() => '')) !== fresh) {
      console.error(`${file} is stale: run node scripts/build-harness.ts`);
      stale = true;
    }
  }
  if (stale || findings.length > 0) process.exit(1);
  console.log('harnesses up to date; ruff found nothing in the Python harness');
} else {
  for (const [file, fresh] of outputs) {
    await writeFile(file, fresh);
    console.log(`wrote ${file} (${Math.round(fresh.length / 1024)} KiB)`);
  }
  if (findings.length > 0) process.exit(1);
}
