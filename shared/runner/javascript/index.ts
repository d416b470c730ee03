/**
 * The JavaScript/TypeScript runner: `runJavaScript(request, io)` runs a learner's program (Run)
 * or an exercise's Jest-style tests against it (Check) inside QuickJS compiled to WebAssembly,
 * and answers with the one RunResult shape of every runner. It uses no Node and no DOM API, so
 * the browser's JS worker and the Node sandbox host call the same function.
 *
 * Why QuickJS rather than the host's own engine: see docs/decisions/0004-javascript-sandbox.md.
 * Harness integrity (why learner code cannot fake a pass): see sandbox/harness.ts.
 */
import {
  DEFAULT_TIME_LIMIT_MS,
  type LearnerError,
  type RunRequest,
  type RunResult,
  type TestResult,
} from '../protocol.ts';
import { withExplanations } from '../explain.ts';
import { checkNames, loadTestFile, resolverFor } from './check-files.ts';
import { CompileError, compile, type SourceFile } from './compile.ts';
import { discardQuickJS, loadQuickJS } from './engine.ts';
import {
  failedCheck,
  neverFinishedError,
  stoppedError,
  testMessage,
  timeoutError,
  toLearnerError,
} from './errors.ts';
import type { RunnerIO } from '../io.ts';
import { CappedOutput, TEST_OUTPUT_LIMIT, TEST_OUTPUT_NOTICE, type Stream } from '../output.ts';
import { Sandbox, type Outcome } from './sandbox-session.ts';
import { explainMissingNames } from '../missing-name.ts';
import { caseIO, caseRequest, endsCheck, outputCheckResult } from '../output-check.ts';
import type { HarnessEvent } from './sandbox/host.ts';
import { prepareTraceSpare, traceJavaScript } from '../trace/javascript.ts';

/** How the runner talks to whoever shows the console (same shape as the Python runner's). */
export type { RunnerIO } from '../io.ts';

export interface RunOptions {
  /** Polled while code runs (and between timers); true stops it like the time limit does. */
  shouldStop?: () => boolean;
}

/**
 * A realm with the harness already installed, per mode, made while the learner is idle: evaluating
 * and locking down the harness costs far more than a beginner's program, so it is kept out of
 * the time between the click and the result. Each sandbox is used for exactly one run.
 */
const spares: Partial<Record<RunRequest['mode'], Sandbox>> = {};

function prepareSpare(mode: RunRequest['mode']): void {
  setTimeout(() => {
    void loadQuickJS().then((quickjs) => {
      if (!spares[mode]) spares[mode] = new Sandbox(quickjs, mode);
    });
  }, 0);
}

async function takeSandbox(mode: RunRequest['mode']): Promise<Sandbox> {
  const quickjs = await loadQuickJS();
  const spare = spares[mode];
  delete spares[mode];
  return spare && !spare.broken ? spare : new Sandbox(quickjs, mode);
}

function discardEngine(): void {
  for (const mode of ['run', 'check'] as const) {
    spares[mode]?.dispose();
    delete spares[mode];
  }
  discardQuickJS();
}

/** Loads QuickJS and readies a sandbox for Run and one for Check, so the first click is fast. */
export async function prepareJavaScriptRunner(): Promise<void> {
  await loadQuickJS();
  prepareSpare('run');
  prepareSpare('check');
  prepareTraceSpare();
}

const now = () => (typeof performance === 'object' ? performance.now() : Date.now());

export async function runJavaScript(
  req: RunRequest,
  io: RunnerIO,
  options: RunOptions = {},
): Promise<RunResult> {
  if (req.trace) return traceJavaScript(req, io, options);
  if (req.mode === 'check' && req.cases) {
    // A program-output exercise: the whole program once per case, output compared.
    const runs: RunResult[] = [];
    for (const testCase of req.cases) {
      const run = await runJavaScript(caseRequest(req), caseIO(io, testCase), options);
      runs.push(run);
      if (endsCheck(run)) break;
    }
    return outputCheckResult(req.cases, runs);
  }
  const started = now();
  const output = new CappedOutput();
  /** What the running test has printed, if a test is running; kept even past the console's cap. */
  let testOutput: string | null = null;
  let testOutputCut = false;
  const write = (stream: Stream, text: string) => {
    if (testOutput !== null) {
      const room = TEST_OUTPUT_LIMIT - testOutput.length;
      if (text.length > room) testOutputCut = true;
      if (room > 0) testOutput += text.slice(0, room);
    }
    const kept = output.write(stream, text);
    if (kept) io.write(stream, kept);
  };
  const endTestOutput = () => {
    const printed = (testOutput ?? '') + (testOutputCut ? TEST_OUTPUT_NOTICE : '');
    testOutput = null;
    testOutputCut = false;
    return printed;
  };
  const finish = (partial: Omit<RunResult, 'stdout' | 'stderr' | 'truncated' | 'durationMs'>): RunResult =>
    explainMissingNames(
      withExplanations(
        {
          ...partial,
          stdout: output.stdout,
          stderr: output.stderr,
          truncated: output.truncated,
          durationMs: Math.round((now() - started) * 10) / 10,
        },
        req.language,
      ),
      req,
    );

  const names = checkNames(req.module, req.language);
  const { learner: learnerName, test: testName } = names;
  let files: SourceFile[];
  try {
    files = [compile(learnerName, req.code, req.language)];
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    return finish({
      status: 'error',
      message: 'Your code has a syntax error.',
      tests: [],
      error: error.learnerError,
    });
  }
  if (req.mode === 'check') {
    try {
      files.push(loadTestFile(names, req.tests, req.language));
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      const learnerError = { ...error.learnerError, file: testName };
      return finish({
        status: 'error',
        message: `The tests could not be read: ${error.message}`,
        tests: [],
        error: learnerError,
      });
    }
  }

  const limit = req.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const stdin = [...(req.stdin ?? [])];
  const tests: TestResult[] = [];
  let running: { name: string } | null = null;
  let skipped = 0;
  /** The first error a test hit inside the learner's file, for the editor's marker. */
  let firstError: LearnerError | undefined;
  const onEvent = (event: HarnessEvent) => {
    if (event.kind === 'test-start') {
      running = { name: event.name };
      testOutput = '';
      testOutputCut = false;
    } else if (event.kind === 'test-end') {
      running = null;
      const result: TestResult = { name: event.name, status: event.status };
      const printed = endTestOutput();
      if (printed) result.output = printed;
      if (event.error) {
        result.message = testMessage(event.error, files);
        if (event.status === 'error') {
          result.error = toLearnerError(event.error, files);
          if (result.error.file === learnerName) firstError ??= result.error;
        }
        if (event.status === 'fail') {
          // The page words a failed check from its code; the library's English stays the message.
          const { code, params } = failedCheck(event.error, files);
          result.code = code;
          result.params = params;
        }
        if (event.error.expected !== undefined) result.expected = event.error.expected;
        if (event.error.actual !== undefined) result.actual = event.error.actual;
      }
      tests.push(result);
    } else if (event.kind === 'skipped') {
      skipped = event.count;
    }
  };

  const sandbox = await takeSandbox(req.mode);
  const clock = { deadline: Date.now() + limit };
  sandbox.start({
    get deadline() {
      return clock.deadline;
    },
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    write,
    readLine: (prompt) => {
      if (stdin.length > 0) return stdin.shift() ?? null;
      // Like a terminal: the time the program waits for the learner to type is not run time.
      const asked = Date.now();
      const line = io.readLine(prompt);
      clock.deadline += Date.now() - asked;
      return line;
    },
    onEvent,
    modules: new Map(files.map((file) => [file.name, file.code])),
    resolve: resolverFor(names),
  });
  try {
    if (sandbox.installError) {
      const error = toLearnerError(sandbox.installError, files);
      return finish({ status: 'error', message: 'The JavaScript runner could not start.', tests: [], error });
    }
    if (req.mode === 'run') {
      const outcome = await sandbox.evalModule(learnerName);
      return finish(runResult(outcome, files, limit));
    }
    // The learner's module first, as the Python harness does: its mistakes are the learner's to
    // fix even when the test file does not import it, and the test file's import then reuses it.
    const own = await sandbox.evalModule(learnerName);
    if (own.kind === 'stuck') return finish(neverFinished(learnerName, true));
    if (own.kind !== 'settled') {
      const base = runResult(own, files, limit);
      return finish({
        ...base,
        message:
          base.status === 'error'
            ? 'Your code stopped with an error before the tests could run.'
            : base.message,
      });
    }
    const loaded = await sandbox.evalModule(testName);
    if (loaded.kind === 'stuck') return finish(neverFinished(testName, false));
    if (loaded.kind !== 'settled') {
      const base = runResult(loaded, files, limit);
      return finish({
        ...base,
        message:
          base.status === 'error'
            ? `The tests could not load: ${base.error?.type}: ${base.error?.message}`
            : base.message,
      });
    }
    const outcome = await sandbox.runTests();
    const current = running as { name: string } | null;
    if (current !== null) {
      const printed = endTestOutput();
      const stop =
        outcome.kind === 'interrupted'
          ? outcome.reason === 'timeout'
            ? timeoutError(limit)
            : stoppedError()
          : undefined;
      const unfinished: TestResult = {
        name: current.name,
        status: 'error',
        message:
          stop?.message ??
          'This test never finished: it waits for a promise that never settles (a missing resolve() or await?).',
        // The page words Lantern's message from the code (runner.testMessage).
        code: stop?.code ?? 'neverSettled',
        ...(stop?.params ? { params: stop.params } : {}),
        ...(printed ? { output: printed } : {}),
      };
      // An error nothing caught while the test ran (a timer that threw, a promise rejected with
      // no handler) is that test's error.
      if (outcome.kind === 'threw') {
        delete unfinished.code;
        delete unfinished.params;
        unfinished.message = testMessage(outcome.error, files);
        unfinished.error = toLearnerError(outcome.error, files);
      }
      tests.push(unfinished);
    }
    const result = checkResult(outcome, tests, skipped, files, limit);
    return finish(
      result.error === undefined && firstError !== undefined ? { ...result, error: firstError } : result,
    );
  } finally {
    sandbox.dispose();
    if (sandbox.broken) discardEngine();
    prepareSpare(req.mode);
  }
}

function neverFinished(
  file: string,
  learnerFile: boolean,
): Omit<RunResult, 'stdout' | 'stderr' | 'truncated' | 'durationMs'> {
  const error = neverFinishedError(file, learnerFile);
  return { status: 'error', message: error.message, tests: [], error };
}

function runResult(
  outcome: Outcome,
  files: SourceFile[],
  limit: number,
): Omit<RunResult, 'stdout' | 'stderr' | 'truncated' | 'durationMs'> {
  switch (outcome.kind) {
    case 'settled':
    case 'stuck':
      return { status: 'pass', tests: [] };
    case 'threw': {
      const error = toLearnerError(outcome.error, files);
      return { status: 'error', message: `${error.type}: ${error.message}`, tests: [], error };
    }
    case 'interrupted': {
      const error = outcome.reason === 'timeout' ? timeoutError(limit) : stoppedError();
      return {
        status: outcome.reason === 'timeout' ? 'timeout' : 'error',
        message: error.message,
        tests: [],
        error,
      };
    }
  }
}

function checkResult(
  outcome: Outcome,
  tests: TestResult[],
  skipped: number,
  files: SourceFile[],
  limit: number,
): Omit<RunResult, 'stdout' | 'stderr' | 'truncated' | 'durationMs'> {
  if (outcome.kind === 'interrupted' || outcome.kind === 'threw')
    return { ...runResult(outcome, files, limit), tests };
  // Nothing left to run and the runner not done (a hook waiting forever): some tests never ran.
  if (outcome.kind === 'stuck') return { ...neverFinished(files[1]?.name ?? '', false), tests };
  const passed = tests.filter((test) => test.status === 'pass').length;
  const skippedNote = skipped > 0 ? `, ${skipped} skipped` : '';
  if (tests.length === 0) {
    return { status: 'error', message: `No tests were found${skippedNote}.`, tests };
  }
  const message = `${passed} of ${tests.length} tests passed${skippedNote}.`;
  const failing = tests.find((test) => test.status !== 'pass');
  if (!failing) return { status: 'pass', message, tests };
  return { status: 'fail', message, tests };
}
