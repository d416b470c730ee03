/**
 * The codes a runner sends instead of words (issue 16, "one message pattern"). The page words
 * each one from its catalogs in the interface language; the English `message` beside a code is
 * for the command line and the log only. The learner's own program's text (an exception's
 * message, an assertion's words) is the language's and carries no code.
 *
 * A LearnerError's code is worded by `runner.learnerError.<code>` and `<code>Why`; a test's by
 * `runner.testMessage.<code>`; a worker or sandbox that could not start or crashed sends one of
 * the runner codes in its `fatal` message.
 */

/** Errors Lantern's runners say themselves (not the language's exceptions). */
export const RUNNER_ERROR_CODES = [
  'missingFunction',
  'missingClass',
  /** params: seconds */
  'timeout',
  /** params: limitMb */
  'memory',
  'recursion',
  'runnerUnavailable',
  'runnerCrashed',
  'runnerMalformed',
  'runnerClosed',
  'runnerFailed',
  /** params: tools (the names of the testing tools the code changed) */
  'tampered',
  'stopped',
  'keyboardInterrupt',
  /** params: status (what exit() was given, as Python prints it; empty for none) */
  'exit',
  'neverLoaded',
  'testsNeverFinished',
  /** params: directive (@ts-ignore, @ts-nocheck, ...) */
  'typeSuppressed',
  /** params: seconds */
  'typeCheckSlow',
  'typeCheckGaveUp',
  /** A module Lantern keeps from programs (js, pyodide, micropip, ctypes); params: name */
  'moduleUnavailable',
  /** Something that would inspect or control the runner; params: what (`sys._getframe()`, `.tb_frame`) */
  'refused',
  /** Changing a function's or object's insides; params: name (`__code__`), type (`function`) */
  'refusedChange',
] as const;
export type RunnerErrorCode = (typeof RUNNER_ERROR_CODES)[number];

/** What Lantern says about one test, when it is not the test's own assertion. */
export const TEST_MESSAGE_CODES = [
  'unexpectedSuccess',
  /** params: reason (the skip's own words, from the test or the learner's code) */
  'skipped',
  'neverSettled',
  /** params: tools */
  'tampered',
  /** params: seconds */
  'timeout',
  'stopped',
  /** A program-output case; params: line (1-based, the first that differs) */
  'outputDiffers',
  /** A program-output case whose run stopped with no error to show */
  'programError',
  // A test's assertion that failed, said by what it checks (Python's unittest and assert, the
  // JavaScript runner's expect). Values are printed as the language prints them; every one may
  // also carry `msg`, the test author's own words for the check, shown as they are.
  /** params: expected, actual */
  'equal',
  /** params: value */
  'notEqual',
  /** The same object, not an equal one; params: expected, actual */
  'sameObject',
  /** params: value */
  'notSameObject',
  /** params: value */
  'truthy',
  /** params: value */
  'falsy',
  /** A value of the learner's own class decides its own truth, which a test cannot trust; params: type */
  'ownTruth',
  /** params: member, container */
  'contains',
  /** params: member, container */
  'notContains',
  /** params: expected, actual (the lengths), value */
  'length',
  /** params: expected, value */
  'notLength',
  /** params: type, value */
  'instance',
  /** params: type, value */
  'notInstance',
  /** Python: nothing was raised; params: exception */
  'raises',
  /** Python: the exception's message did not match; params: exception, pattern, message */
  'raisesMessage',
  /** JavaScript: the call threw nothing */
  'throws',
  /** JavaScript: the call threw, but not the error asked for; params: expected, actual */
  'throwsOther',
  /** JavaScript: the call threw when it should not have; params: actual */
  'threw',
  /** params: expected, actual */
  'close',
  /** params: expected, actual */
  'notClose',
  /** params: value, bound */
  'greater',
  /** params: value, bound */
  'greaterOrEqual',
  /** params: value, bound */
  'less',
  /** params: value, bound */
  'lessOrEqual',
  /** The same items in any order; params: expected, actual */
  'sameItems',
  /** params: text, pattern */
  'matches',
  /** params: text, pattern */
  'notMatches',
  /** JavaScript: `expect.assertions(n)` was not met; params: expected (n), actual (how many ran) */
  'assertionCount',
  /** JavaScript: `expect.hasAssertions()`, and no assertion ran */
  'noAssertions',
  /** Any other check: params: check (the failing line of the test file, or the matcher called) */
  'checkFailed',
] as const;
export type TestMessageCode = (typeof TEST_MESSAGE_CODES)[number];

/** Why the backend's re-check of a Check did not pass beyond the tests (RecordedVerdict.reason). */
export const VERDICT_REASON_CODES = [
  /** params: line (1-based) */
  'notArranged',
  /** The backend's sandbox could not run the code; params: code (a RunnerErrorCode) */
  'runnerError',
] as const;
export type VerdictReasonCode = (typeof VERDICT_REASON_CODES)[number];
