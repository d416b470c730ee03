/**
 * Result shapes every host builds the same way: a timeout, a runner that failed before running
 * the code, a one-line description of a learner error.
 */
import { DEFAULT_TIME_LIMIT_MS, type LearnerError, type RunResult } from './protocol.ts';

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

/** A result for a run the runner could not complete (crash, unsupported language, bad request). */
export function runnerErrorResult(type: string, message: string, extra: Partial<RunResult> = {}): RunResult {
  return {
    status: 'error',
    message,
    stdout: '',
    stderr: '',
    truncated: false,
    tests: [],
    error: { type, message },
    durationMs: 0,
    ...extra,
  };
}

export function timeoutResult(timeLimitMs: number | undefined, extra: Partial<RunResult> = {}): RunResult {
  const { message, error } = timeoutError(timeLimitMs);
  return { ...runnerErrorResult('Timeout', message), status: 'timeout', error, ...extra };
}
