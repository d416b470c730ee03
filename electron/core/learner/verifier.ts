/**
 * The backend's own verdict on an attempt. The page runs the learner's code for speed and shows
 * its result at once, but what it reports is only a claim: a check is re-run here against the
 * exercise's tests in the backend's sandbox, a predict or quiz answer is judged again from the
 * exercise's content, and the attempt is recorded with what the backend found. A claim that
 * differs is logged and counted. Runs are recorded as the page reports them: they are not graded
 * and may have read input the backend cannot replay. Why: docs/decisions/0023-result-authority.md.
 */
import type { Exercise, LocalizedText } from '../../../shared/content/schema.ts';
import { chosenChoice, sameOutput } from '../../../shared/content/answers.ts';
import { unarrangedLine } from '../../../shared/content/parsons.ts';
import type { VerdictReasonCode } from '../../../shared/runner/codes.ts';
import { sameValue } from '../../../shared/runner/trace/format.ts';
import type { RunCode, RunResult } from '../../../shared/runner/protocol.ts';
import { checkRequest, isCheckable } from '../../../shared/runner/check-request.ts';
import { describe } from '../../../shared/runner/results.ts';
import type { AttemptKind, AttemptStatus } from './progress-records.ts';
import type { Logger } from '../logger.ts';

/**
 * What the page says it found. Nothing here is trusted. No status: the page did not judge (a
 * predict or quiz answer, which it cannot: it is not sent the answer).
 */
export interface Claim {
  status?: AttemptStatus;
  testsPassed: number;
  testsTotal: number;
}

export interface Verdict extends Claim {
  status: AttemptStatus;
  /** The page's claim says pass exactly when the backend found a pass, or the page claimed nothing. */
  agreed: boolean;
  /** False for runs: they are recorded as reported. */
  verified: boolean;
  /** Why the backend could not run the code at all (its sandbox failed); the attempt is not a pass. */
  runnerError?: string;
  /** The backend run's summary message, when it has one (English, for the log). */
  message?: string;
  /** The backend run's error when no test carries it (the tests could not run). */
  error?: { type: string; message: string; code?: string; params?: Record<string, string> };
  /** What the page says instead of `runnerError` and `message` (shared/runner/codes.ts). */
  reason?: { code: VerdictReasonCode; params?: Record<string, string> };
  /**
   * Tests that did not pass in the backend's run, with the assertion's words (checks only);
   * `code` when the message is Lantern's, which the page words (runner.testMessage).
   */
  failures?: { name: string; message?: string; code?: string; params?: Record<string, string> }[];
  /**
   * Shown once an answer is judged, never before: the output a predict step's code prints, the
   * value a trace step asks for. The page does not get these when the lesson opens.
   */
  reveal?: { output?: string; value?: string };
  /** A quiz answer: why the chosen choice is right or wrong (it names no other choice). */
  explanation?: LocalizedText;
}

export interface Attempted {
  profileId: number;
  track: string;
  exercise: Exercise;
  kind: AttemptKind;
  /** Code (run, check), the predicted output (predict), or the chosen choice's index (quiz). */
  code: string;
  claim: Claim;
}

export interface VerifierOptions {
  runCode: RunCode;
  /** Starts TypeScript's type checker, when `runCode` checks types (decision 0048). */
  warmTypeChecker?: () => void;
  log: Logger;
}

/** Failing tests listed back to the page at most. */
const FAILURES_SHOWN = 20;
const MESSAGE_CHARS = 2000;

export class Verifier {
  private readonly runCode: VerifierOptions['runCode'];
  private readonly log: Logger;
  private readonly warming = new Map<string, Promise<void>>();
  /** Attempts whose claimed verdict the backend did not confirm, since start. */
  disagreements = 0;
  verified = 0;

  private readonly warmTypeChecker: (() => void) | undefined;

  constructor(options: VerifierOptions) {
    this.runCode = options.runCode;
    this.warmTypeChecker = options.warmTypeChecker;
    this.log = options.log;
  }

  /**
   * Gets the runtime of a language loaded before the first check needs it (an empty program is
   * run once per runtime), so a verified pass costs the test run alone.
   */
  warm(language: Exercise['language']): Promise<void> {
    if (language === 'typescript') this.warmTypeChecker?.();
    const runtime = language === 'python' || language === undefined ? 'python' : 'javascript';
    let warming = this.warming.get(runtime);
    if (!warming) {
      warming = this.runCode({
        mode: 'run',
        language: runtime,
        module: 'warm',
        code: '',
        timeLimitMs: 30_000,
      }).then(
        () => undefined,
        (err: unknown) => {
          this.warming.delete(runtime);
          this.log.warn({ runtime, err: String(err) }, 'verifier runtime did not warm');
        },
      );
      this.warming.set(runtime, warming);
    }
    return warming;
  }

  async verify(a: Attempted): Promise<Verdict> {
    // A run is not graded; one that says nothing about how it went is recorded as an error.
    if (a.kind === 'run')
      return { ...a.claim, status: a.claim.status ?? 'error', agreed: true, verified: false };
    const found = await this.judge(a);
    const agreed = a.claim.status === undefined || (a.claim.status === 'pass') === (found.status === 'pass');
    this.verified++;
    if (!agreed) {
      this.disagreements++;
      this.log.warn(
        {
          profile: a.profileId,
          track: a.track,
          exercise: a.exercise.id,
          kind: a.kind,
          claimed: a.claim,
          found: { status: found.status, testsPassed: found.testsPassed, testsTotal: found.testsTotal },
          ...(found.runnerError ? { runnerError: found.runnerError } : {}),
          disagreements: this.disagreements,
        },
        'attempt verdict disagrees with the page',
      );
    }
    return { ...found, agreed, verified: true };
  }

  private async judge(a: Attempted): Promise<Omit<Verdict, 'agreed' | 'verified'>> {
    const { exercise } = a;
    const fail = { status: 'fail' as const, testsPassed: 0, testsTotal: 0 };
    const pass = { status: 'pass' as const, testsPassed: 0, testsTotal: 0 };
    if (a.kind === 'predict' && exercise.type === 'trace') {
      // A trace step's prediction: the value its authored answer gives (the validator checks that
      // answer against a recorded trace of the program).
      if (!exercise.trace) return fail;
      const reveal = { value: exercise.trace.answer };
      return { ...(sameValue(a.code, exercise.trace.answer) ? pass : fail), reveal };
    }
    if (a.kind === 'predict') {
      if (exercise.type !== 'predict') return fail;
      const output = exercise.expectedOutput ?? '';
      return { ...(sameOutput(a.code, output) ? pass : fail), reveal: { output } };
    }
    if (a.kind === 'quiz') {
      const chosen = exercise.type === 'quiz' ? chosenChoice(exercise.choices, a.code) : undefined;
      if (!chosen) return fail;
      return { ...(chosen.correct ? pass : fail), explanation: chosen.explanation };
    }
    // A check of a step that has no tests (or output cases) cannot pass.
    if ((exercise.type !== 'exercise' && exercise.type !== 'parsons') || !isCheckable(exercise)) return fail;
    // A parsons answer is the given lines in an order: other code typed into the API is none.
    const notArranged = exercise.type === 'parsons' ? unarrangedLine(exercise, a.code) : undefined;
    if (notArranged !== undefined)
      return {
        ...fail,
        message: `not an arrangement of the given lines: line ${notArranged} is not one of the given lines`,
        reason: { code: 'notArranged', params: { line: String(notArranged) } },
      };
    let result: RunResult;
    try {
      // The same request the page ran: tests, or a program-output exercise's cases.
      result = await this.runCode(checkRequest(exercise, a.code));
    } catch (err) {
      return {
        ...fail,
        status: 'error',
        runnerError: `the sandbox failed: ${String(err)}`,
        reason: { code: 'runnerError', params: { code: 'runnerFailed' } },
      };
    }
    const testsPassed = result.tests.filter((t) => t.status === 'pass').length;
    // A pass needs at least one test run and every one passing, whatever the status says.
    const passed = result.status === 'pass' && result.tests.length > 0 && testsPassed === result.tests.length;
    const runnerError = result.error?.type.startsWith('Runner') ? result.error.message : undefined;
    const failures = result.tests
      .filter((t) => t.status !== 'pass')
      .slice(0, FAILURES_SHOWN)
      .map((t) => ({
        name: t.name.slice(0, 200),
        // An error is said as the language said it (its type and message); the runner's
        // one-line message adds where it happened in English.
        ...(t.error
          ? { message: describe(t.error).slice(0, MESSAGE_CHARS) }
          : t.message
            ? { message: t.message.slice(0, MESSAGE_CHARS) }
            : {}),
        ...(t.code ? { code: t.code } : {}),
        ...(t.params ? { params: t.params } : {}),
      }));
    const error =
      result.error && !runnerError && !result.tests.some((t) => t.error)
        ? {
            type: result.error.type.slice(0, 200),
            message: result.error.message.slice(0, MESSAGE_CHARS),
            ...(result.error.code ? { code: result.error.code } : {}),
            ...(result.error.params ? { params: result.error.params } : {}),
          }
        : undefined;
    return {
      status: passed ? 'pass' : result.status === 'pass' ? 'fail' : result.status,
      ...(error ? { error } : {}),
      testsPassed,
      testsTotal: result.tests.length,
      ...(runnerError
        ? {
            runnerError,
            reason: { code: 'runnerError' as const, params: { code: result.error?.code ?? 'runnerFailed' } },
          }
        : {}),
      ...(result.message ? { message: result.message.slice(0, MESSAGE_CHARS) } : {}),
      ...(failures.length ? { failures } : {}),
    };
  }
}
