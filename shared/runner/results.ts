/**
 * Result shapes every host builds the same way: a timeout, a runner that failed before running
 * the code, a one-line description of a learner error.
 */
import type { RunnerErrorCode } from './codes.ts';
import { DEFAULT_TIME_LIMIT_MS, type LearnerError, type RunResult } from './protocol.ts';

/** A code the page words (shared/runner/codes.ts) and its parameters. */
export interface Coded {
  code: RunnerErrorCode;
  params?: Record<string, string>;
}

export function describe(error: LearnerError): string {
  return error.message ? `${error.type}: ${error.message}` : error.type;
}

export function timeoutError(timeLimitMs = DEFAULT_TIME_LIMIT_MS): { message: string; error: LearnerError } {
  const seconds = Math.round(timeLimitMs / 100) / 10;
  const message = `The program was still running after ${seconds} s and was stopped.`;
  // The page words it from the code (runner.learnerError.timeout); the message is for the CLI.
  return {
    message,
    error: {
      type: 'Timeout',
      message,
      code: 'timeout',
      params: { seconds: String(seconds) },
      // The code words the message; what a timeout usually means is still explained below it.
      explanation: 'common.Timeout',
    },
  };
}

/**
 * A result for a run the runner could not complete (crash, unsupported language, bad request).
 * `coded` is what the page says instead of `message`, which is English for the log and the CLI.
 */
export function runnerErrorResult(
  type: string,
  message: string,
  extra: Partial<RunResult> = {},
  coded?: Coded,
): RunResult {
  return {
    status: 'error',
    message,
    stdout: '',
    stderr: '',
    truncated: false,
    tests: [],
    error: {
      type,
      message,
      ...(coded ? { code: coded.code, ...(coded.params ? { params: coded.params } : {}) } : {}),
    },
    durationMs: 0,
    ...extra,
  };
}

export function timeoutResult(timeLimitMs: number | undefined, extra: Partial<RunResult> = {}): RunResult {
  const { message, error } = timeoutError(timeLimitMs);
  return { ...runnerErrorResult('Timeout', message), status: 'timeout', error, ...extra };
}

/**
 * What a learner is told when the interpreter died under their program. Recursion that the
 * language's own limit did not catch (deeply nested data printed, a C-level recursion) overflows
 * the host's stack: that is still the learner's RecursionError, not a mysterious crash.
 */
export function crashResult(reason: string, partial: Partial<RunResult> = {}): RunResult {
  if (/Maximum call stack size exceeded/.test(reason)) {
    const message =
      'maximum recursion depth exceeded: the program went thousands of levels deep (a function calling itself, or data nested inside itself), so the runner had to restart.';
    return {
      ...runnerErrorResult('RecursionError', `RecursionError: ${message}`, partial),
      error: { type: 'RecursionError', message, code: 'recursion' },
    };
  }
  const text = `The runner stopped unexpectedly (${reason.split('\n')[0]}). It has been restarted; run again.`;
  return runnerErrorResult('RunnerCrashed', text, partial, { code: 'runnerCrashed' });
}
