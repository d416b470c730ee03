/**
 * Validating the whole built-in Python track, code included, as `lantern validate` does: total
 * time and time per exercise, with exercises run in parallel (one warm sandbox child per CPU core),
 * beside its anchor: the same validation one run at a time. Sandbox start-up (Pyodide loading in
 * each child) is part of the figure, since a validation pays for it every time.
 */
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { SandboxPool } from '../electron/core/runner-host/index.ts';
import { validatePack } from '../electron/core/curriculum/validate.ts';

const TRACK = path.resolve(import.meta.dirname, '../exercises/python');

/** Sandbox start (Pyodide in every child) and the validation itself, timed apart. */
async function timed(jobs: number) {
  const pool = new SandboxPool({ size: jobs });
  try {
    const started = performance.now();
    await pool.warm();
    const warm = performance.now() - started;
    const report = await validatePack(TRACK, { runner: (r) => pool.run(r), concurrency: jobs });
    if (!report.ok) throw new Error(`the Python track does not validate: ${report.errors.length} errors`);
    const ms = performance.now() - started;
    return { ms, warm, exercises: report.exercises, runs: report.runs };
  } finally {
    await pool.close();
  }
}

const cores = availableParallelism();
// Untimed: the first Pyodide start reads its files from disk; neither figure should pay for that.
const coldStart = new SandboxPool({ size: 1 });
await coldStart.warm();
await coldStart.close();
const parallel = await timed(cores);
const serial = cores > 1 ? await timed(1) : parallel;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const each = (ms: number) => `${(ms / parallel.exercises).toFixed(0)} ms`;
const line = (label: string, t: typeof parallel) =>
  `  ${label.padEnd(28)} ${seconds(t.ms)} total (sandbox start ${seconds(t.warm)}), ${each(t.ms)} per exercise`;

console.log(`validate exercises/python: ${parallel.exercises} exercises, ${parallel.runs} code runs`);
console.log(`  (machine: ${cores} cores, load average ${loadavg()[0]!.toFixed(1)} while measuring)`);
console.log(line(`parallel, ${cores} job${cores === 1 ? '' : 's'} (= cores)`, parallel));
console.log(
  `${line('anchor: one job at a time', serial)}` +
    (cores > 1
      ? `; parallel speed-up ${(serial.ms / parallel.ms).toFixed(2)}× overall, ` +
        `${((serial.ms - serial.warm) / (parallel.ms - parallel.warm)).toFixed(2)}× once the sandboxes are up`
      : ' (one core: no parallelism)'),
);
