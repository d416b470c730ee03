/**
 * The one way to build a Check's RunRequest from an exercise, so that the page's run, the
 * validator's and the backend's re-run of a learner's check all ask the same question: tests for
 * a test exercise, output cases for a program-output exercise.
 */
import type { Exercise, Language } from '../content/schema.ts';
import type { RunRequest } from './protocol.ts';

export type Checkable = Pick<Exercise, 'module' | 'timeLimitMs' | 'tests' | 'cases'> & {
  language?: Language | undefined;
};

/** Whether the exercise has anything to check code against. */
export function isCheckable(exercise: Checkable): boolean {
  return !!exercise.cases?.length || !!exercise.tests?.trim();
}

export function checkRequest(
  exercise: Checkable,
  code: string,
  trackLanguage: Language = 'python',
): RunRequest {
  return {
    mode: 'check',
    language: exercise.language ?? trackLanguage,
    module: exercise.module,
    code,
    ...(exercise.cases?.length
      ? { cases: exercise.cases.map((c) => ({ stdin: [...c.stdin], output: c.output })) }
      : { tests: exercise.tests ?? '' }),
    timeLimitMs: exercise.timeLimitMs,
  };
}
