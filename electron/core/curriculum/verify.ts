/**
 * The checks that run code: every reference solution passes all its tests, every starter fails at
 * least one, every predict step prints exactly its expectedOutput, every trace step's marked value is
 * its answer. And one that only reads code:
 * no hint gives a line of the solution away (`hintLeaks`). The runner is injected (the Node sandbox host
 * in the app and the CLI, a fake in unit tests); runs go in parallel up to `concurrency`.
 */
import type { ContentError } from '../../../shared/content/errors.ts';
import { problem, type ProblemCode, type ProblemParams } from '../../../shared/content/problems.ts';
import type { LoadedExercise } from '../../../shared/content/load.ts';
import type { RunCode, RunRequest, RunResult } from '../../../shared/runner/protocol.ts';
import type { TraceQuestion } from '../../../shared/content/schema.ts';
import { markedStep, sameValue, valueAt } from '../../../shared/runner/trace/format.ts';
import { firstDifference, outputLines } from '../../../shared/runner/output-check.ts';
import { solutionLines } from '../../../shared/content/schema.ts';
import { assembleProgram } from '../../../shared/content/parsons.ts';

export interface VerifyOptions {
  runner: RunCode;
  /** Runs at once; default 2. */
  concurrency?: number;
  /** Called after each run, e.g. for a progress line. */
  onRun?: (done: number, total: number) => void;
}

type Check = () => Promise<ContentError | undefined>;

export async function verifyExercises(
  exercises: readonly LoadedExercise[],
  options: VerifyOptions,
): Promise<ContentError[]> {
  const errors: ContentError[] = [];
  const checks = exercises.flatMap((loaded) => checksFor(loaded, options.runner));
  let done = 0;
  const results = await inParallel(checks, options.concurrency ?? 2, () =>
    options.onRun?.(++done, checks.length),
  );
  for (const result of results) if (result) errors.push(result);
  return errors;
}

function checksFor(loaded: LoadedExercise, runner: RunCode): Check[] {
  const { exercise } = loaded;
  const base = {
    language: exercise.language ?? 'python',
    module: exercise.module,
    timeLimitMs: exercise.timeLimitMs,
  } as const;
  const where = (field: 'starter' | 'solution' | 'tests' | 'expectedOutput') => ({
    file: (field !== 'expectedOutput' && loaded.codeFiles[field]) || loaded.file,
    line: field !== 'expectedOutput' && loaded.codeFiles[field] ? undefined : loaded.lineOf([field]),
    field,
  });
  const run = async (request: RunRequest, field: 'starter' | 'solution' | 'expectedOutput') => {
    try {
      return await runner(request);
    } catch (error) {
      return { crashed: problem(where(field), 'run-crashed', { detail: (error as Error).message }) };
    }
  };

  if (exercise.type === 'parsons') return parsonsChecks(exercise, base, run, where);
  if (exercise.type === 'exercise' && exercise.cases) {
    const cases = exercise.cases;
    return [
      async () => {
        const result = await run(
          { ...base, mode: 'check', code: exercise.solution ?? '', cases },
          'solution',
        );
        if ('crashed' in result) return result.crashed;
        const found = outputProblem(result);
        return found ? problem(where('solution'), ...found) : undefined;
      },
      async () => {
        const result = await run({ ...base, mode: 'check', code: exercise.starter, cases }, 'starter');
        if ('crashed' in result) return result.crashed;
        if (result.status !== 'pass') return undefined;
        return problem(where('starter'), 'starter-prints-expected');
      },
    ];
  }
  if (exercise.type === 'exercise') {
    const tests = exercise.tests ?? '';
    return [
      async () => {
        const result = await run(
          { ...base, mode: 'check', code: exercise.solution ?? '', tests },
          'solution',
        );
        if ('crashed' in result) return result.crashed;
        const found = solutionProblem(result);
        return found ? problem(where('solution'), ...found) : undefined;
      },
      async () => {
        const result = await run({ ...base, mode: 'check', code: exercise.starter, tests }, 'starter');
        if ('crashed' in result) return result.crashed;
        if (result.status !== 'pass') return undefined;
        return problem(where('starter'), 'starter-passes');
      },
    ];
  }
  if (exercise.type === 'predict') {
    return [
      async () => {
        const result = await run({ ...base, mode: 'run', code: exercise.starter }, 'expectedOutput');
        if ('crashed' in result) return result.crashed;
        const found = predictProblem(result, exercise.expectedOutput ?? '');
        return found ? problem(where('expectedOutput'), ...found) : undefined;
      },
    ];
  }
  if (exercise.type === 'trace' && exercise.trace) {
    const question = exercise.trace;
    return [
      async () => {
        const result = await run({ ...base, mode: 'run', code: exercise.starter, trace: {} }, 'starter');
        if ('crashed' in result) return result.crashed;
        const found = traceProblem(result, question);
        return found
          ? problem({ file: loaded.file, line: loaded.lineOf(['trace']), field: 'trace' }, ...found)
          : undefined;
      },
    ];
  }
  return [];
}

type Where = (field: 'starter' | 'solution' | 'tests' | 'expectedOutput') => {
  file: string;
  line: number | undefined;
  field: string;
};
type Run = (
  request: RunRequest,
  field: 'starter' | 'solution' | 'expectedOutput',
) => Promise<RunResult | { crashed: ContentError }>;

/**
 * A parsons step: its lines in the solution's order, assembled as the page assembles them, must
 * pass; and the tests must test something (no lines at all fails one), as a starter must fail.
 */
function parsonsChecks(
  exercise: LoadedExercise['exercise'],
  base: Pick<RunRequest, 'language' | 'module' | 'timeLimitMs'>,
  run: Run,
  where: Where,
): Check[] {
  const check = exercise.cases ? { cases: exercise.cases } : { tests: exercise.tests ?? '' };
  const lines = solutionLines(exercise.solution ?? '').map((line) => ({
    text: line.trim(),
    indent: Math.floor(/^ */.exec(line)![0].length / 4),
  }));
  const program = assembleProgram(lines, base.language);
  return [
    async () => {
      const result = await run({ ...base, mode: 'check', code: program, ...check }, 'solution');
      if ('crashed' in result) return result.crashed;
      const found = exercise.cases ? outputProblem(result) : solutionProblem(result);
      // The same problem, said of the program the lines make (packs.program.<code>).
      return found
        ? problem(where('solution'), 'parsons-cannot-pass', { why: found[0], ...found[1] })
        : undefined;
    },
    async () => {
      const result = await run({ ...base, mode: 'check', code: '', ...check }, 'solution');
      if ('crashed' in result) return result.crashed;
      if (result.status !== 'pass') return undefined;
      return problem(where(exercise.cases ? 'solution' : 'tests'), 'parsons-empty-passes');
    },
  ];
}

/** A problem a run found: its code (`packs.problem.<code>`) and parameters. */
type Found = [ProblemCode, ProblemParams];

/** A trace step's marked step must exist and hold the authored answer. */
function traceProblem(result: RunResult, question: TraceQuestion): Found | undefined {
  if (result.status === 'timeout') return ['code-timeout', limitOf(result)];
  if (!result.trace) return ['trace-no-visualise', errorOf(result)];
  if (result.trace.stopped) return ['trace-too-long', { steps: result.trace.maxSteps }];
  const step = markedStep(result.trace, question.line, question.hit);
  if (step < 0) return ['trace-not-reached', { line: question.line, hit: question.hit }];
  const value = valueAt(result.trace, step, question.variable);
  if (value === undefined) return ['trace-no-value', { variable: question.variable }];
  if (!sameValue(question.answer, value))
    return ['trace-wrong-answer', { variable: question.variable, value, answer: question.answer }];
  return undefined;
}

function solutionProblem(result: RunResult): Found | undefined {
  if (result.status === 'timeout') return ['solution-timeout', limitOf(result)];
  if (result.status === 'error' && !result.tests.length) return ['solution-no-run', errorOf(result)];
  if (!result.tests.length) return ['no-test-cases', {}];
  const failing = result.tests.filter((t) => t.status !== 'pass');
  if (!failing.length && result.status === 'pass') return undefined;
  if (!failing.length) return ['solution-not-pass', errorOf(result)];
  const names = failing.slice(0, 3).map((t) => (t.message ? `${t.name} (${firstLine(t.message)})` : t.name));
  return [
    'solution-fails-tests',
    {
      failed: failing.length,
      total: result.tests.length,
      tests: names.join('; '),
      ...(failing.length > 3 && { more: failing.length - 3, context: 'more' }),
    },
  ];
}

/** A reference solution whose output differs names the case and line, with both texts. */
function outputProblem(result: RunResult): Found | undefined {
  if (result.status === 'pass') return undefined;
  if (result.status === 'timeout') return ['solution-timeout', limitOf(result)];
  const failing = result.tests.find((t) => t.status !== 'pass');
  if (!failing) return ['solution-no-run', errorOf(result)];
  if (failing.status === 'error') return ['solution-fails-case', { name: failing.name, ...errorOf(result) }];
  const line = firstDifference(failing.expected ?? '', failing.actual ?? '') ?? 0;
  return [
    'solution-prints-else',
    {
      name: failing.name,
      line: line + 1,
      ...shown(outputLines(failing.actual ?? '')[line], outputLines(failing.expected ?? '')[line]),
    },
  ];
}

function predictProblem(result: RunResult, expected: string): Found | undefined {
  if (result.status === 'timeout') return ['code-timeout', limitOf(result)];
  if (result.status !== 'pass') return ['code-no-run', errorOf(result)];
  // Trailing whitespace is not something a learner can see, so it is not compared.
  const actual = result.stdout.trimEnd().split('\n');
  const wanted = expected.trimEnd().split('\n');
  const line = Array.from({ length: Math.max(actual.length, wanted.length) }, (_, i) => i).find(
    (i) => actual[i] !== wanted[i],
  );
  if (line === undefined) return undefined;
  return ['code-prints-else', { line: line + 1, ...shown(actual[line], wanted[line]) }];
}

/** Two output lines, either of which may be missing (`packs.shown`). */
function shown(actual: string | undefined, expected: string | undefined): ProblemParams {
  return {
    actual: actual === undefined ? 'nothing' : 'actual',
    expected: expected === undefined ? 'nothing' : 'expected',
    ...(actual !== undefined && { actualText: JSON.stringify(actual) }),
    ...(expected !== undefined && { expectedText: JSON.stringify(expected) }),
  };
}

/** The program's own error (its type and message, as it printed them) and its line. */
function errorOf(result: RunResult): ProblemParams {
  if (result.error) {
    const error = `${result.error.type}: ${firstLine(result.error.message)}`;
    return result.error.line ? { error, line: result.error.line, context: 'line' } : { error };
  }
  return { error: firstLine(result.message ?? result.stderr) || result.status };
}

function limitOf(result: RunResult): ProblemParams {
  return result.durationMs ? { ms: Math.round(result.durationMs), context: 'ms' } : {};
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** Solution lines a hint must not contain: long enough to give the answer away, not in the starter. */
export function hintLeaks(loaded: LoadedExercise): ContentError[] {
  const { exercise } = loaded;
  // A parsons step shows its lines: a hint may quote them, the order is what it must not give.
  if (!exercise.solution || exercise.type === 'parsons') return [];
  const errors: ContentError[] = [];
  exercise.hints.forEach((hint, i) => {
    for (const lang of ['en', 'zh'] as const) {
      const leaked = leakedLine(hint[lang], exercise.solution!, exercise.starter);
      if (leaked)
        errors.push(
          problem(
            { file: loaded.file, line: loaded.lineOf(['hints', i, lang]), field: `hints[${i}].${lang}` },
            'hint-gives-line',
            { leaked: JSON.stringify(leaked) },
          ),
        );
    }
  });
  return errors;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** The line of the solution a hint text gives away, if any (spacing ignored). */
export function leakedLine(hint: string, solution: string, starter: string): string | undefined {
  const given = new Set(starter.split('\n').map(squash));
  const text = squash(hint);
  return solution
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !/^(#|\/\/)/.test(line))
    .filter((line) => squash(line).length >= 8 && (line.match(/\w+|[^\s\w]/g) ?? []).length >= 4)
    .filter((line) => !given.has(squash(line)))
    .find((line) => text.includes(squash(line)));
}

/** Runs the checks, at most `limit` at a time, keeping their order in the result. */
async function inParallel<T>(
  tasks: readonly (() => Promise<T>)[],
  limit: number,
  after: () => void,
): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
      after();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return results;
}
