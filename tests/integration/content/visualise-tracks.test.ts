/**
 * Every built-in exercise visualises: its reference solution as a program, and its first test run
 * against that solution ("Visualise this test"), through the real Node sandbox host, whose result
 * check also holds each trace to the trace schema. Every trace step of every track stops at a step
 * that exists (the validator checks their answers: builtin-tracks.test.ts).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { LoadResult } from '../../../shared/content/load.ts';
import type { RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import { markedStep } from '../../../shared/runner/trace/format.ts';
import { openSandboxRunner } from '../../../electron/core/curriculum/sandbox.ts';
import { validatePack } from '../../../electron/core/curriculum/validate.ts';

const EXERCISES = fileURLToPath(new URL('../../../exercises/', import.meta.url));
const jobs = Math.max(1, Math.min(4, availableParallelism()));
const sandbox = openSandboxRunner(jobs);
afterAll(() => sandbox.close());

async function inParallel<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T);
      }
    }),
  );
  return out;
}

/** What went wrong with a trace, or null when it recorded steps and no error. */
function problem(result: RunResult): string | null {
  if (!result.trace) return `no trace (${result.status}: ${result.message ?? result.error?.message ?? ''})`;
  if (result.trace.steps.length === 0) return 'no steps';
  if (result.error) return `${result.error.type}: ${result.error.message}`;
  return null;
}

describe.each(['python', 'javascript', 'typescript'])('the %s track visualises', (track) => {
  test('every reference solution as a program, and its first test', async () => {
    const report = await validatePack(EXERCISES + track, { runner: sandbox.runner, noRun: true });
    const loaded = report.loaded as LoadResult;
    const exercises = [...loaded.exercises.values()]
      .map((l) => l.exercise)
      .filter((e) => e.type === 'exercise');
    expect(exercises.length).toBeGreaterThanOrEqual(12);
    const failures = await inParallel(exercises, async (exercise) => {
      const base = {
        language: exercise.language ?? loaded.track?.language ?? 'python',
        module: exercise.module,
        code: exercise.solution ?? '',
        timeLimitMs: exercise.timeLimitMs,
      } satisfies Partial<RunRequest>;
      // A program-output exercise is checked by running the program on each case's input: it
      // visualises as that program, with the first case's input lines, and has no test to pick.
      const stdin = exercise.cases?.[0]?.stdin;
      const program = await sandbox.runner({ ...base, mode: 'run', trace: {}, ...(stdin ? { stdin } : {}) });
      const asProgram = problem(program);
      if (asProgram) return `${exercise.id} (program): ${asProgram}`;
      if (exercise.cases) return null;
      const checked = await sandbox.runner({ ...base, mode: 'check', tests: exercise.tests ?? '' });
      const first = checked.tests[0]?.name;
      if (!first) return `${exercise.id}: no test to visualise`;
      const oneTest = await sandbox.runner({
        ...base,
        mode: 'check',
        tests: exercise.tests ?? '',
        trace: { test: first },
      });
      const asTest = problem(oneTest);
      if (asTest) return `${exercise.id} (test ${first}): ${asTest}`;
      if (oneTest.trace?.test !== first || oneTest.status !== 'pass')
        return `${exercise.id} (test ${first}): ${oneTest.status}`;
      // The test calls the learner's code: at least one step is inside it.
      if (!oneTest.trace.steps.some((s) => s.event === 'call'))
        return `${exercise.id} (test ${first}): no call`;
      return null;
    });
    expect(failures.filter(Boolean)).toEqual([]);
  }, 600_000);
});

describe.each(['python', 'javascript', 'typescript'])('the %s track’s trace steps', (track) => {
  test('at least four trace steps, each stopping at a step that exists', async () => {
    const report = await validatePack(EXERCISES + track, { runner: sandbox.runner, noRun: true });
    const loaded = report.loaded as LoadResult;
    const steps = [...loaded.exercises.values()].map((l) => l.exercise).filter((e) => e.type === 'trace');
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const step of steps) {
      const result = await sandbox.runner({
        mode: 'run',
        language: step.language ?? loaded.track?.language ?? 'python',
        module: step.module,
        code: step.starter,
        trace: {},
      });
      expect(problem(result), step.id).toBeNull();
      expect(markedStep(result.trace!, step.trace!.line, step.trace!.hit), step.id).toBeGreaterThan(0);
    }
  }, 120_000);
});
