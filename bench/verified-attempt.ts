/**
 * What the backend's own verdict costs (issue 11, decision 0023): recording a Check now re-runs
 * the learner's code against the exercise's tests in the backend's warm sandbox. Printed beside
 * the plain record time (an unverified Run through the same API call) and the target: a verified
 * pass adds at most 150 ms at the median once the runner is warm. Web mode's set-up: the real
 * backend and its Node sandbox host child, started when the lesson opens.
 * Run: node bench/verified-attempt.ts   (or npm run bench verified)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../electron/core/app-services.ts';
import { dispatch } from '../shared/api/dispatch.ts';
import type { RecordedAttempt } from '../shared/api/calls/lessons.ts';

const ROUNDS = 20;
/**
 * A learner reads the result before the next Check. The JavaScript runner uses that time to make
 * the next run's realm (harness installed and locked down), so Checks fired back to back would
 * measure that preparation, not the wait a learner has.
 */
const BETWEEN_CHECKS_MS = 1500;
const pause = () => new Promise((resolve) => setTimeout(resolve, BETWEEN_CHECKS_MS));
const exercisesDir = path.resolve(import.meta.dirname, '../exercises');
const ms = (v: number) => `${v.toFixed(1)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const row = (label: string, value: string, target = '') =>
  console.log(`${label.padEnd(52)} ${value.padStart(10)}   ${target}`);

function backendIn(name: string): { backend: Backend; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lantern-bench-${name}-`));
  const backend = createBackend({
    dataDir: dir,
    exercisesDir,
    mode: 'web',
    version: 'bench',
    env: {},
    prefetchPractice: false,
  });
  return { backend, dir };
}

async function call<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const envelope = await dispatch(backend.handlers, name, input, { emit: () => {} });
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Reads a file of /proc, or nothing where there is no /proc (then CPU figures are left out). */
const proc = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const tasks = (pid: number) => {
  try {
    return fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
};

/**
 * CPU time spent so far by this process and its children (the sandbox child), every thread, in
 * ms. On a machine other work keeps busy, wall time stretches; the CPU a verdict costs does not,
 * and is close to the wall time it takes on an idle machine.
 */
function cpuMs(): number {
  const children = tasks(process.pid).flatMap((t) =>
    proc(`/proc/${process.pid}/task/${t}/children`).split(/\s+/).filter(Boolean).map(Number),
  );
  let ns = 0;
  for (const pid of [process.pid, ...children])
    for (const t of tasks(pid)) ns += Number(proc(`/proc/${pid}/task/${t}/schedstat`).split(' ')[0] ?? 0);
  return ns / 1e6;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = cpuMs();
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, cpuMs: cpuMs() - cpu, value };
}

async function language(backend: Backend, trackId: string, exerciseId: string) {
  const { solution, starter } = (await backend.curriculum.exercise(trackId, exerciseId))!.exercise;
  const attempt = (kind: 'run' | 'check', code: string) =>
    call<RecordedAttempt>(backend, 'recordAttempt', {
      trackId,
      exerciseId,
      kind,
      code,
      status: 'pass',
      timeTakenMs: 1000,
    });
  // Opening the lesson starts the verdict runtime; wait for it as a learner reading would.
  await call(backend, 'openLesson', { trackId, exerciseId });
  await backend.verifier.warm((await backend.curriculum.exercise(trackId, exerciseId))!.exercise.language);
  const plain: number[] = [];
  const pass: number[] = [];
  const fail: number[] = [];
  const plainCpu: number[] = [];
  const passCpu: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const run = await timed(() => attempt('run', starter));
    plain.push(run.ms);
    plainCpu.push(run.cpuMs);
    await pause();
    const real = await timed(() => attempt('check', solution!));
    if (real.value.verdict.status !== 'pass') throw new Error(`the solution of ${exerciseId} did not pass`);
    pass.push(real.ms);
    passCpu.push(real.cpuMs);
    await pause();
    const forged = await timed(() => attempt('check', starter));
    if (forged.value.verdict.status === 'pass') throw new Error(`the starter of ${exerciseId} passed`);
    fail.push(forged.ms);
  }
  const added = median(pass) - median(plain);
  console.log(
    `\n${trackId}/${exerciseId} (${ROUNDS} rounds, runner warm, ${BETWEEN_CHECKS_MS / 1000} s between Checks)`,
  );
  row('plain record (a Run, not re-run), median', ms(median(plain)));
  row('verified pass (Check re-run, then recorded), median', ms(median(pass)));
  row('verified pass, slowest', ms(Math.max(...pass)));
  row('forged pass recorded as failing, median', ms(median(fail)));
  row('time a verified pass adds, median', ms(added), `target ≤ 150 ms  ${added <= 150 ? 'met' : 'NOT met'}`);
  if (median(passCpu) > 0) {
    const addedCpu = median(passCpu) - median(plainCpu);
    row(
      'CPU a verified pass adds, median (≈ idle wall time)',
      ms(addedCpu),
      `target ≤ 150 ms  ${addedCpu <= 150 ? 'met' : 'NOT met'}`,
    );
  }
}

async function cold(): Promise<void> {
  const { backend, dir } = backendIn('cold');
  try {
    const { solution } = (await backend.curriculum.exercise('python', 'average-of-three'))!.exercise;
    // No lesson opened first: the runner starts on this Check.
    const first = await timed(() =>
      call<RecordedAttempt>(backend, 'recordAttempt', {
        trackId: 'python',
        exerciseId: 'average-of-three',
        kind: 'check',
        code: solution!,
        status: 'pass',
      }),
    );
    console.log('\nwithout warming (the first Check starts the sandbox child)');
    row('first verified pass, cold', ms(first.ms), 'why the lesson warms the runner when it opens');
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Shared machines run other work: the figures are read with the load they were measured under.
const load = () => os.loadavg()[0]!.toFixed(1);
console.log(`${os.cpus().length} CPUs, load average ${load()} at start`);
const { backend, dir } = backendIn('warm');
try {
  await language(backend, 'python', 'average-of-three');
  await language(backend, 'javascript', 'js-average');
  console.log(
    `\nverdicts checked: ${backend.verifier.verified}; disagreements logged: ${backend.verifier.disagreements}; load average ${load()}`,
  );
} finally {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
await cold();
