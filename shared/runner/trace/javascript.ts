/**
 * Visualise for JavaScript and TypeScript: the learner's file, instrumented (instrument.ts), runs
 * in a fresh QuickJS sandbox with the same harness, lockdown and limits as Run (or Check, for one
 * test), beside a recorder module (js-recorder.ts) that sends each step to the host through a
 * host function only it holds. The host counts the steps, enforces the step and size caps (a run
 * past them is interrupted like Stop, so an endless loop ends at the cap), notes the output so far
 * of each step and returns the steps as `RunResult.trace`. While the program runs it also hands
 * the steps recorded so far to `RunnerIO.traceSteps` (the first at once, then every
 * STREAM_EVERY_MS), so the view can show the first step before the last is recorded.
 */
import { transform } from 'sucrase';
import {
  DEFAULT_TIME_LIMIT_MS,
  type LearnerError,
  type RunRequest,
  type RunResult,
  type TestResult,
} from '../protocol.ts';
import { withExplanations } from '../explain.ts';
import type { RunnerIO } from '../io.ts';
import { CappedOutput, type Stream } from '../output.ts';
import { checkNames, loadTestFile, resolverFor } from '../javascript/check-files.ts';
import { CompileError, compile, type SourceFile } from '../javascript/compile.ts';
import { loadQuickJS } from '../javascript/engine.ts';
import {
  failedCheck,
  stoppedError,
  testMessage,
  timeoutError,
  toLearnerError,
} from '../javascript/errors.ts';
import { Sandbox, type Outcome } from '../javascript/sandbox-session.ts';
import type { HarnessEvent } from '../javascript/sandbox/host.ts';
import { clampTrace } from './clamp.ts';
import { TRACE_MAX_CHARS, TRACE_MAX_STEPS, type Trace, type TraceStep } from './format.ts';
import { freshName, instrument, InstrumentError } from './instrument.ts';
import { recorderModule } from './js-recorder.ts';

/** How often steps recorded so far go out while the program runs; the first step goes at once. */
const STREAM_EVERY_MS = 100;

const now = () => (typeof performance === 'object' ? performance.now() : Date.now());

function nonce(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/** A realm with the harness installed ahead of the click, as Run keeps one (index.ts). */
const spares: Partial<Record<RunRequest['mode'], Sandbox>> = {};
function prepareSpare(mode: RunRequest['mode']): void {
  setTimeout(() => {
    void loadQuickJS().then((quickjs) => {
      if (!spares[mode]) spares[mode] = new Sandbox(quickjs, mode);
    });
  }, 0);
}

/** Readies a realm for the first Visualise of a program (the JavaScript worker calls it at start). */
export function prepareTraceSpare(): void {
  prepareSpare('run');
}

/** TypeScript to JavaScript, lines kept; a syntax error as compile() reports it. */
function stripTypes(name: string, source: string, language: RunRequest['language']): string {
  if (language !== 'typescript') return source;
  try {
    return transform(source, { transforms: ['typescript'], filePath: name, disableESTransforms: true }).code;
  } catch {
    compile(name, source, language); // throws the CompileError with the learner-facing wording
    throw new Error('unreachable');
  }
}

type Partial_ = Omit<RunResult, 'stdout' | 'stderr' | 'truncated' | 'durationMs'>;

export interface TraceOptions {
  shouldStop?: () => boolean;
}

export async function traceJavaScript(
  req: RunRequest,
  io: RunnerIO,
  options: TraceOptions = {},
): Promise<RunResult> {
  const started = now();
  const output = new CappedOutput();
  const targetTest = req.mode === 'check' ? req.trace?.test : undefined;
  const maxSteps = Math.min(req.trace?.maxSteps ?? TRACE_MAX_STEPS, TRACE_MAX_STEPS);
  const trace: Trace = {
    language: req.language,
    steps: [],
    maxSteps,
    ...(targetTest !== undefined ? { test: targetTest } : {}),
  };
  /**
   * Each step's JSON as the recorder sent it, and the output so far when it did, not yet parsed:
   * one JSON.parse of many steps is cheaper than one per step.
   */
  const pending: string[] = [];
  const outs: number[] = [];
  let recorded = 0;
  /** Parses the pending steps onto the trace; returns them. */
  const collect = (): TraceStep[] => {
    if (pending.length === 0) return [];
    const steps = JSON.parse(`[${pending.join(',')}]`) as TraceStep[];
    steps.forEach((step, i) => (step.out = outs[i] ?? 0));
    pending.length = 0;
    outs.length = 0;
    trace.steps.push(...steps);
    return steps;
  };
  let streamedAt: number | undefined;
  let running: string | null = null;
  let testOut = 0;
  const write = (stream: Stream, text: string) => {
    if (stream === 'stdout' && (targetTest === undefined || running === targetTest)) testOut += text.length;
    const kept = output.write(stream, text);
    if (kept) io.write(stream, kept);
  };
  const finish = (partial: Partial_): RunResult => {
    collect();
    return withExplanations(
      {
        ...partial,
        stdout: output.stdout,
        stderr: output.stderr,
        truncated: output.truncated,
        durationMs: Math.round((now() - started) * 10) / 10,
        trace: clampTrace(trace),
      },
      req.language,
    );
  };

  const names = checkNames(req.module, req.language);
  const { learner: learnerName, test: testName } = names;
  const resolve = resolverFor(names);
  const id = nonce();
  const recorder = freshName(req.code + (req.tests ?? ''), id);
  const specifier = `lantern:trace-${id}`;
  const channel = `__lanternTrace${id}`;
  let files: SourceFile[];
  let recorderSource: string;
  try {
    const stripped = stripTypes(learnerName, req.code, req.language);
    const instrumented = instrument(stripped, recorder, specifier);
    recorderSource = recorderModule(channel, instrumented.steps, instrumented.functions);
    files = [{ ...compile(learnerName, instrumented.code, 'javascript'), original: req.code }];
    if (req.mode === 'check') {
      files.push(loadTestFile(names, req.tests, req.language));
    }
  } catch (error) {
    let learnerError: LearnerError;
    if (error instanceof CompileError) learnerError = error.learnerError;
    else if (error instanceof InstrumentError)
      learnerError = {
        type: 'SyntaxError',
        file: learnerName,
        message: error.line ? `${error.message} (${learnerName}, line ${error.line})` : error.message,
        ...(error.line ? { line: error.line } : {}),
        ...(error.column ? { column: error.column } : {}),
      };
    else throw error;
    return finish({
      status: 'error',
      message: 'Your code has a syntax error.',
      tests: [],
      error: learnerError,
    });
  }

  let chars = 0;
  const take = (json: string): boolean => {
    if (trace.stopped) return false;
    if (targetTest !== undefined && running !== targetTest) return true;
    if (recorded >= maxSteps) {
      trace.stopped = 'steps';
      return false;
    }
    chars += json.length;
    if (chars > TRACE_MAX_CHARS) {
      trace.stopped = 'size';
      return false;
    }
    pending.push(json);
    outs.push(testOut);
    recorded++;
    if (io.traceSteps && (streamedAt === undefined || now() - streamedAt >= STREAM_EVERY_MS)) {
      streamedAt = now();
      // Cut as the result's trace is, so a step on screen is the one the result brings.
      io.traceSteps(clampTrace({ ...trace, steps: collect() }).steps);
    }
    return true;
  };

  const limit = req.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const stdin = [...(req.stdin ?? [])];
  const tests: TestResult[] = [];
  const onEvent = (event: HarnessEvent) => {
    if (event.kind === 'test-start') {
      running = event.name;
      testOut = 0;
    } else if (event.kind === 'test-end') {
      running = null;
      if (event.name !== targetTest) return;
      const result: TestResult = { name: event.name, status: event.status };
      if (event.error) {
        result.message = testMessage(event.error, files);
        if (event.status === 'error') result.error = toLearnerError(event.error, files);
        if (event.status === 'fail') Object.assign(result, failedCheck(event.error, files));
        if (event.error.expected !== undefined) result.expected = event.error.expected;
        if (event.error.actual !== undefined) result.actual = event.error.actual;
      }
      tests.push(result);
    }
  };

  const quickjs = await loadQuickJS();
  const spare = spares[req.mode];
  delete spares[req.mode];
  const sandbox = spare && !spare.broken ? spare : new Sandbox(quickjs, req.mode);
  sandbox.exposeHostFunction(channel, take);
  sandbox.start({
    deadline: Date.now() + limit,
    // Past a cap the program is ended the way Stop ends it: QuickJS's interrupt cannot be caught.
    shouldStop: () => trace.stopped !== undefined || (options.shouldStop?.() ?? false),
    write,
    readLine: (prompt) => (stdin.length > 0 ? (stdin.shift() ?? null) : io.readLine(prompt)),
    onEvent,
    modules: new Map([...files.map((file) => [file.name, file.code] as const), [specifier, recorderSource]]),
    resolve: (spec, importer) => (spec === specifier ? specifier : resolve(spec, importer)),
  });
  try {
    if (sandbox.installError) {
      const error = toLearnerError(sandbox.installError, files);
      return finish({ status: 'error', message: 'The JavaScript runner could not start.', tests: [], error });
    }
    let outcome = await sandbox.evalModule(learnerName);
    if (req.mode === 'check' && outcome.kind === 'settled') {
      outcome = await sandbox.evalModule(testName);
      if (outcome.kind === 'settled') outcome = await sandbox.runTests();
      if (targetTest !== undefined && !tests.some((t) => t.name === targetTest) && outcome.kind === 'settled')
        return finish({ status: 'error', message: `There is no test named ${targetTest}.`, tests });
    }
    collect();
    const result = toResult(outcome, files, limit, trace);
    if (outcome.kind === 'threw' && result.error) addExceptionStep(trace, result.error, learnerName);
    if (req.mode === 'check' && outcome.kind !== 'interrupted' && outcome.kind !== 'threw') {
      const test = tests[0];
      return finish({
        status: test ? test.status : 'pass',
        tests,
        ...(test?.message ? { message: test.message } : {}),
        ...(test?.error ? { error: test.error } : {}),
      });
    }
    return finish({ ...result, tests });
  } finally {
    sandbox.dispose();
    prepareSpare(req.mode);
  }
}

function toResult(outcome: Outcome, files: SourceFile[], limit: number, trace: Trace): Partial_ {
  switch (outcome.kind) {
    case 'settled':
    case 'stuck':
      return { status: 'pass', tests: [] };
    case 'threw': {
      const error = toLearnerError(outcome.error, files);
      return { status: 'error', message: `${error.type}: ${error.message}`, tests: [], error };
    }
    case 'interrupted': {
      // Ended at a cap: what was recorded is the result.
      if (trace.stopped) return { status: 'pass', tests: [] };
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

/** An error nothing caught at the top level: the last step shows it (the recorder saw it leave no function). */
function addExceptionStep(trace: Trace, error: LearnerError, learnerName: string): void {
  const last = trace.steps[trace.steps.length - 1];
  if (!last || last.event === 'exception' || trace.stopped) return;
  trace.steps.push({
    ...last,
    event: 'exception',
    line: error.file === learnerName && error.line ? error.line : last.line,
    exception: { type: error.type, message: error.message.slice(0, 2000) },
  });
}
