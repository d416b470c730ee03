/**
 * The checks that run code: every reference solution passes all its tests, every starter fails at
 * least one, every predict step prints exactly its expectedOutput, every trace step's marked value is
 * its answer. And one that only reads code:
 * no hint gives a line of the solution away (`hintLeaks`). The runner is injected (the Node sandbox host
 * in the app and the CLI, a fake in unit tests); runs go in parallel up to `concurrency`.
 */
import type { ContentError } from '../../../shared/content/errors.ts';
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
      return { crashed: { ...where(field), message: `could not run the code: ${(error as Error).message}` } };
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
        const problem = outputProblem(result);
        return problem ? { ...where('solution'), message: problem } : undefined;
      },
      async () => {
        const result = await run({ ...base, mode: 'check', code: exercise.starter, cases }, 'starter');
        if ('crashed' in result) return result.crashed;
        if (result.status !== 'pass') return undefined;
        return {
          ...where('starter'),
          message: 'the starter code already prints the expected output of every case; it must differ in one',
        };
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
        const problem = solutionProblem(result);
        return problem ? { ...where('solution'), message: problem } : undefined;
      },
      async () => {
        const result = await run({ ...base, mode: 'check', code: exercise.starter, tests }, 'starter');
        if ('crashed' in result) return result.crashed;
        if (result.status !== 'pass') return undefined;
        return {
          ...where('starter'),
          message: 'the starter code already passes every test; it must fail at least one',
        };
      },
    ];
  }
  if (exercise.type === 'predict') {
    return [
      async () => {
        const result = await run({ ...base, mode: 'run', code: exercise.starter }, 'expectedOutput');
        if ('crashed' in result) return result.crashed;
        const problem = predictProblem(result, exercise.expectedOutput ?? '');
        return problem ? { ...where('expectedOutput'), message: problem } : undefined;
      },
    ];
  }
  if (exercise.type === 'trace' && exercise.trace) {
    const question = exercise.trace;
    return [
      async () => {
        const result = await run({ ...base, mode: 'run', code: exercise.starter, trace: {} }, 'starter');
        if ('crashed' in result) return result.crashed;
        const problem = traceProblem(result, question);
        return problem
          ? { file: loaded.file, line: loaded.lineOf(['trace']), field: 'trace', message: problem }
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
      const problem = exercise.cases ? outputProblem(result) : solutionProblem(result);
      return problem
        ? {
            ...where('solution'),
            message: `its lines cannot form a passing program: in the solution's order, ${problem.replace(/^the reference solution /, 'the program ')}`,
          }
        : undefined;
    },
    async () => {
      const result = await run({ ...base, mode: 'check', code: '', ...check }, 'solution');
      if ('crashed' in result) return result.crashed;
      if (result.status !== 'pass') return undefined;
      return {
        ...where(exercise.cases ? 'solution' : 'tests'),
        message: 'a program with none of the lines already passes; the tests must need the lines',
      };
    },
  ];
}

/** A trace step's marked step must exist and hold the authored answer. */
function traceProblem(result: RunResult, question: TraceQuestion): string | undefined {
  if (result.status === 'timeout') return `the code ran out of time${limitText(result)}`;
  if (!result.trace) return `the code could not be visualised: ${errorText(result)}`;
  if (result.trace.stopped) return `the code takes more than ${result.trace.maxSteps} steps to visualise`;
  const step = markedStep(result.trace, question.line, question.hit);
  if (step < 0) return `line ${question.line} is not reached ${question.hit} time(s) when the code runs`;
  const value = valueAt(result.trace, step, question.variable);
  if (value === undefined) return `\`${question.variable}\` has no value at the marked step`;
  if (!sameValue(question.answer, value))
    return `at the marked step \`${question.variable}\` is ${value}, the answer says ${question.answer}`;
  return undefined;
}

function solutionProblem(result: RunResult): string | undefined {
  if (result.status === 'timeout') return `the reference solution ran out of time${limitText(result)}`;
  if (result.status === 'error' && !result.tests.length)
    return `the reference solution does not run: ${errorText(result)}`;
  if (!result.tests.length) return 'the tests found no test cases to run';
  const failing = result.tests.filter((t) => t.status !== 'pass');
  if (!failing.length && result.status === 'pass') return undefined;
  if (!failing.length) return `the reference solution does not pass: ${errorText(result)}`;
  const names = failing.slice(0, 3).map((t) => (t.message ? `${t.name} (${firstLine(t.message)})` : t.name));
  const more = failing.length > 3 ? ` and ${failing.length - 3} more` : '';
  return `the reference solution fails ${failing.length} of ${result.tests.length} tests: ${names.join('; ')}${more}`;
}

/** A reference solution whose output differs names the case and line, with both texts. */
function outputProblem(result: RunResult): string | undefined {
  if (result.status === 'pass') return undefined;
  if (result.status === 'timeout') return `the reference solution ran out of time${limitText(result)}`;
  const failing = result.tests.find((t) => t.status !== 'pass');
  if (!failing) return `the reference solution does not run: ${errorText(result)}`;
  if (failing.status === 'error') return `the reference solution fails ${failing.name}: ${errorText(result)}`;
  const line = firstDifference(failing.expected ?? '', failing.actual ?? '') ?? 0;
  const show = (s: string | undefined) => (s === undefined ? 'nothing' : JSON.stringify(s));
  return `the reference solution prints something else in ${failing.name}: line ${line + 1} is ${show(outputLines(failing.actual ?? '')[line])}, the case says ${show(outputLines(failing.expected ?? '')[line])}`;
}

function predictProblem(result: RunResult, expected: string): string | undefined {
  if (result.status === 'timeout') return `the code ran out of time${limitText(result)}`;
  if (result.status !== 'pass') return `the code does not run: ${errorText(result)}`;
  // Trailing whitespace is not something a learner can see, so it is not compared.
  const actual = result.stdout.trimEnd().split('\n');
  const wanted = expected.trimEnd().split('\n');
  const line = Array.from({ length: Math.max(actual.length, wanted.length) }, (_, i) => i).find(
    (i) => actual[i] !== wanted[i],
  );
  if (line === undefined) return undefined;
  const show = (s: string | undefined) => (s === undefined ? 'nothing' : JSON.stringify(s));
  return `the code prints something else: line ${line + 1} is ${show(actual[line])}, expectedOutput says ${show(wanted[line])}`;
}

function errorText(result: RunResult): string {
  if (result.error) {
    const at = result.error.line ? ` (line ${result.error.line})` : '';
    return `${result.error.type}: ${firstLine(result.error.message)}${at}`;
  }
  return firstLine(result.message ?? result.stderr) || result.status;
}

function limitText(result: RunResult): string {
  return result.durationMs ? ` (${Math.round(result.durationMs)} ms)` : '';
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
        errors.push({
          file: loaded.file,
          line: loaded.lineOf(['hints', i, lang]),
          field: `hints[${i}].${lang}`,
          message: `the hint gives away a line of the solution: ${JSON.stringify(leaked)}`,
        });
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
