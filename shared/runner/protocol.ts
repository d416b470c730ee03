/** The runtime a language runs in: Python in Pyodide; JavaScript and TypeScript in QuickJS. */
export type Runtime = 'python' | 'javascript';

export function runtimeOf(language: Language): Runtime {
  return language === 'python' ? 'python' : 'javascript';
}

/**
 * The runner protocol: what a host (browser worker or Node sandbox process) is asked to do and
 * the one result shape it answers with (close to Exercism's results.json, plus `timeout`).
 * Shared by both hosts; imports neither Node nor DOM APIs.
 */
import type { Language } from '../content/schema.ts';
import type { Trace, TraceRequest } from './trace/format.ts';

export interface RunRequest {
  /** `run` executes the learner's file as a program; `check` runs the tests against it. */
  mode: 'run' | 'check';
  language: Language;
  /** Module name of the learner's file (`leap` → leap.py / leap.js). */
  module: string;
  /** The learner's code. */
  code: string;
  /** Test file source (check mode). */
  tests?: string;
  /**
   * Program-output exercise (check mode, instead of `tests`): the program is run once per case
   * with the case's input lines, and its output compared with the case's (shared/runner/output-check.ts).
   */
  cases?: { stdin: string[]; output: string }[];
  /** Wall-clock limit in ms; default 5000. */
  timeLimitMs?: number;
  /** Lines fed to input() / prompt() when no interactive console is attached (Node host). */
  stdin?: string[];
  /** Visualise: record a step-by-step trace of the program (`run`) or of one test (`check`). */
  trace?: TraceRequest;
}

export type TestStatus = 'pass' | 'fail' | 'error';

export interface TestResult {
  name: string;
  status: TestStatus;
  /** Why it failed, in the assertion's own words. */
  message?: string;
  /** Output printed while the test ran. */
  output?: string;
  /** For equality assertions: both sides, as the language prints them. */
  expected?: string;
  actual?: string;
  /** status `error`: the exception, mapped to the learner's file when it happened there. */
  error?: LearnerError;
  /**
   * Set when `message` is Lantern's, not the assertion's (shared/runner/codes.ts): the page words
   * it from runner.testMessage.<code>; `message` stays for the command line.
   */
  code?: string;
  params?: Record<string, string>;
}

/** A beginner-facing error: trimmed to the learner's own frames, mapped to their line. */
export interface LearnerError {
  /** e.g. "NameError", "SyntaxError", "TypeError", "Timeout". */
  type: string;
  message: string;
  /** 1-based line in the learner's file, when known. */
  line?: number;
  column?: number;
  /**
   * File the line refers to: the learner's file (`leap.py`) or the test file (`leap_test.py`).
   * The editor marks `line` only when this is the learner's file.
   */
  file?: string;
  /** Traceback trimmed to the learner's frames. */
  traceback?: string;
  /**
   * Id of a plain-language explanation (shared/runner/explain.ts), e.g. `python.NameError`; the UI
   * shows its text in the interface language.
   */
  explanation?: string;
  /**
   * Set when the error is better said in the learner's terms than the language's (the tests
   * need a function the learner's code does not define): a message code and its parameters,
   * worded by the page's catalogs (runner.learnerError.<code>).
   */
  code?: string;
  params?: Record<string, string>;
}

export interface RunResult {
  /** pass: all tests passed (check) or the program finished (run). */
  status: 'pass' | 'fail' | 'error' | 'timeout';
  message?: string;
  /** Everything printed (run mode), capped. */
  stdout: string;
  stderr: string;
  /** True when output was cut at the cap. */
  truncated: boolean;
  tests: TestResult[];
  error?: LearnerError;
  durationMs: number;
  /**
   * Set when the host had to replace its runtime to end this run (a worker that ignored Stop,
   * a sandbox child killed at the time limit, out of memory or crashed). The next run starts fresh.
   */
  restarted?: boolean;
  /** The steps recorded when the request asked for a trace (shared/runner/trace/format.ts). */
  trace?: Trace;
}

/** Runs one request to its result: a runner host, the backend's sandbox, a test's fake. */
export type RunCode = (request: RunRequest) => Promise<RunResult>;

/** Output caps shared by both hosts. */
export const OUTPUT_LIMIT_BYTES = 1_000_000;
export const OUTPUT_LIMIT_LINES = 10_000;
export const DEFAULT_TIME_LIMIT_MS = 5000;
