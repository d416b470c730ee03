/**
 * Program-output exercises: the learner's whole program runs once per case, fed the case's input
 * lines, and what it prints is compared with the case's output. Both language runners use this,
 * in the browser and in the backend's sandbox alike, so a check of a program-output exercise is one
 * `check` RunRequest (with `cases`) wherever it runs. Each case becomes one TestResult: `expected`
 * and `actual` hold the two outputs whole, for the line-by-line view.
 */
import type { RunnerIO } from './io.ts';
import type { LearnerError, RunRequest, RunResult, TestResult } from './protocol.ts';

export type OutputCase = NonNullable<RunRequest['cases']>[number];

/** What the backend's result check lets through for expected/actual; longer text is cut. */
const SHOWN_CHARS = 9_000;

/**
 * Lines as a learner sees them: the end-of-line style, spaces at the end of a line and blank lines
 * at the end are invisible in a console, so they never make a difference.
 */
export function outputLines(text: string): string[] {
  const trimmed = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
  return trimmed === '' ? [] : trimmed.split('\n');
}

/** The first line (0-based) where the two outputs differ, or undefined when they match. */
export function firstDifference(expected: string, actual: string): number | undefined {
  const want = outputLines(expected);
  const got = outputLines(actual);
  for (let i = 0; i < Math.max(want.length, got.length); i++) if (want[i] !== got[i]) return i;
  return undefined;
}

export function sameOutput(expected: string, actual: string): boolean {
  return firstDifference(expected, actual) === undefined;
}

function cut(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

/** The request for one case: a plain run; its input comes from `caseIO`. */
export function caseRequest(request: RunRequest): RunRequest {
  const { cases: _cases, tests: _tests, stdin: _stdin, ...rest } = request;
  return { ...rest, mode: 'run' };
}

/**
 * The console a case runs with: its input lines, then end of input (never the learner's
 * keyboard: a check must not wait for typing), and no streaming to the page's console.
 */
export function caseIO(io: RunnerIO, testCase: OutputCase): RunnerIO {
  const lines = [...testCase.stdin];
  return {
    write: () => {},
    readLine: () => lines.shift() ?? null,
    ...(io.stopReason ? { stopReason: () => io.stopReason!() } : {}),
  };
}

/** One case's run → its TestResult. */
export function caseResult(index: number, testCase: OutputCase, run: RunResult): TestResult {
  const name = `case ${index + 1}`;
  const base = { name, expected: cut(testCase.output), actual: cut(run.stdout) };
  if (run.status === 'timeout' || run.status === 'error') {
    return {
      ...base,
      status: 'error',
      message: run.message ?? run.error?.message ?? 'The program stopped with an error.',
      // The page words the case by its error, or by this code when there is none.
      ...(run.error ? { error: run.error } : { code: 'programError' }),
    };
  }
  const line = firstDifference(testCase.output, run.stdout);
  if (line === undefined) return { ...base, status: 'pass' };
  return {
    ...base,
    status: 'fail',
    message: `The output differs from line ${line + 1} on.`,
    code: 'outputDiffers',
    params: { line: String(line + 1) },
  };
}

/** The check's result from its cases' runs (fewer runs than cases when one timed out or stopped). */
export function outputCheckResult(cases: readonly OutputCase[], runs: readonly RunResult[]): RunResult {
  const tests = runs.map((run, i) => caseResult(i, cases[i]!, run));
  const last = runs[runs.length - 1];
  const durationMs = runs.reduce((sum, run) => sum + run.durationMs, 0);
  const common = {
    stdout: last?.stdout ?? '',
    stderr: runs.map((run) => run.stderr).join(''),
    truncated: runs.some((run) => run.truncated),
    tests,
    durationMs,
    ...(runs.some((run) => run.restarted) ? { restarted: true } : {}),
  };
  // A run that timed out or was stopped ends the check as that run ended.
  if (last && (last.status === 'timeout' || last.error?.type === 'Stopped')) {
    return {
      ...common,
      status: last.status,
      ...(last.message ? { message: last.message } : {}),
      ...(last.error ? { error: last.error } : {}),
    };
  }
  const passed = tests.filter((test) => test.status === 'pass').length;
  const error: LearnerError | undefined = runs.find((run) => run.error)?.error;
  return {
    ...common,
    status: passed === cases.length && runs.length === cases.length ? 'pass' : 'fail',
    message: `${passed} of ${cases.length} outputs matched.`,
    ...(error ? { error } : {}),
  };
}

/** Whether a run stops the remaining cases (the time limit or Stop applies to the whole check). */
export function endsCheck(run: RunResult): boolean {
  return run.status === 'timeout' || run.error?.type === 'Stopped' || run.restarted === true;
}
