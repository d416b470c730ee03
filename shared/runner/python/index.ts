/**
 * The Python runner on top of a loaded Pyodide, shared by the browser worker and the Node
 * sandbox child: the host loads Pyodide (from its own files, never a CDN), then calls
 * `createPythonRunner` once and `run` per request.
 *
 * Trust model: learner code and test files share one interpreter with the harness, so the harness
 * (harness-source.ts) hides itself and refuses introspection; results come back as the return
 * value of one Python call, never parsed from output. The JavaScript bridge is closed from the
 * Python side (js/pyodide modules hidden and refused) and made useless from the JavaScript side by
 * the host (an empty `jsglobals`, no code generation from strings). Anything that still went wrong
 * inside the interpreter is contained by the host's process/worker boundary.
 */
import type { PyodideAPI } from 'pyodide';
import type { RunnerIO } from '../io.ts';
import { CappedOutput, wellFormed } from '../output.ts';
import type { LearnerError, RunRequest, RunResult, TestResult } from '../protocol.ts';
import { withExplanations } from '../explain.ts';
import { describe, timeoutError } from '../results.ts';
import { HARNESS_SOURCE } from './harness-source.ts';
import { clampTrace } from '../trace/clamp.ts';
import type { Trace } from '../trace/format.ts';
import { explainMissingNames } from '../missing-name.ts';
import { caseIO, caseRequest, endsCheck, outputCheckResult } from '../output-check.ts';

type HarnessCall = (
  mode: string,
  module: string,
  code: string,
  tests: string,
  trace: string,
) => { toJs(opts: object): unknown; destroy(): void };

interface HarnessOutcome {
  status: 'pass' | 'fail' | 'error' | 'interrupted';
  message?: string;
  tests?: (TestResult | { name: string; status: 'interrupted' })[];
  error?: LearnerError;
  /** Visualise: the recorded steps (shared/runner/python/harness/tracer.py). */
  trace?: Trace;
}

export interface PythonRunner {
  run(request: RunRequest, io: RunnerIO): RunResult;
}

/** Raised when the interpreter itself is broken: the host must start a fresh runtime. */
export class PythonRuntimeCrashed extends Error {
  constructor(cause: unknown) {
    super(`The Python runtime crashed: ${String((cause as Error)?.message ?? cause)}`);
    this.name = 'PythonRuntimeCrashed';
  }
}

export function createPythonRunner(pyodide: PyodideAPI): PythonRunner {
  let io: RunnerIO | undefined;
  let output = new CappedOutput();
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

  const writer = (stream: 'stdout' | 'stderr') => ({
    isatty: false,
    write(buffer: Uint8Array): number {
      const kept = output.write(stream, decoders[stream].decode(buffer, { stream: true }));
      if (kept && io) io.write(stream, kept);
      return buffer.length;
    },
  });
  pyodide.setStdout(writer('stdout'));
  pyodide.setStderr(writer('stderr'));
  pyodide.setStdin({
    isatty: false,
    stdin: () => {
      const line = io ? io.readLine(output.pendingLine) : null;
      output.pendingLine = '';
      return line === null ? null : `${line}\n`;
    },
  });

  // The harness looks names up in a private copy of builtins: learner code that replaces
  // builtins.len or builtins.type changes its own world, not the code that judges it.
  const globals = pyodide.toPy({
    __builtins__: pyodide.runPython('import builtins\ndict(builtins.__dict__)'),
  });
  const harness = pyodide.runPython(HARNESS_SOURCE, { globals }) as HarnessCall;
  // The harness refuses `import js`, but importlib.import_module skips the import audit event
  // and asks Pyodide's JsFinder directly; with nothing registered there is nothing to find.
  for (const name of ['js', 'pyodide_js']) pyodide.unregisterJsModule(name);

  const runner: PythonRunner = {
    run(request, runIO) {
      if (request.mode === 'check' && request.cases) {
        // A program-output exercise: the whole program once per case, output compared.
        const runs: RunResult[] = [];
        for (const testCase of request.cases) {
          const run = runner.run(caseRequest(request), caseIO(runIO, testCase));
          runs.push(run);
          if (endsCheck(run)) break;
        }
        return outputCheckResult(request.cases, runs);
      }
      const started = performance.now();
      io = runIO;
      output = new CappedOutput();
      decoders.stdout = new TextDecoder();
      decoders.stderr = new TextDecoder();
      let outcome: HarnessOutcome;
      try {
        const proxy = harness(
          request.mode,
          request.module,
          wellFormed(request.code),
          wellFormed(request.tests ?? ''),
          request.trace ? JSON.stringify(request.trace) : '',
        );
        outcome = proxy.toJs({
          dict_converter: Object.fromEntries,
          create_pyproxies: false,
        }) as HarnessOutcome;
        proxy.destroy();
      } catch (error) {
        // Stop or the time limit landed in the harness's own code rather than the learner's:
        // the harness restored its state on the way out, so this is an interrupted run.
        if ((error as { type?: unknown }).type !== 'KeyboardInterrupt') throw new PythonRuntimeCrashed(error);
        outcome = { status: 'interrupted' };
      } finally {
        io = undefined;
      }
      return explainMissingNames(
        withExplanations(
          toResult(outcome, output, request, runIO, performance.now() - started),
          request.language,
        ),
        request,
      );
    },
  };
  return runner;
}

function toResult(
  outcome: HarnessOutcome,
  output: CappedOutput,
  request: RunRequest,
  io: RunnerIO,
  durationMs: number,
): RunResult {
  const tests = (outcome.tests ?? []).filter((t): t is TestResult => t.status !== 'interrupted');
  const base = {
    stdout: output.stdout,
    stderr: output.stderr,
    truncated: output.truncated,
    tests,
    durationMs,
    ...(outcome.trace ? { trace: clampTrace(outcome.trace) } : {}),
  };
  // A stop the code caught (`except KeyboardInterrupt:`, a bare `except:`) still ends the run
  // as stopped: a program past its time limit never passes.
  const reason = io.stopReason?.();
  if (outcome.status === 'interrupted' || reason) {
    if (reason === 'timeout') return { ...base, status: 'timeout', ...timeoutError(request.timeLimitMs) };
    if (reason === 'stopped') {
      const error = { type: 'Stopped', message: 'You stopped the program.', code: 'stopped' };
      return { ...base, status: 'error', message: error.message, error };
    }
    const error = {
      type: 'KeyboardInterrupt',
      message: 'The program raised KeyboardInterrupt.',
      code: 'keyboardInterrupt',
    };
    return { ...base, status: 'error', message: error.message, error };
  }
  const message = outcome.message ?? (outcome.error ? describe(outcome.error) : undefined);
  return {
    ...base,
    status: outcome.status,
    ...(message ? { message } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
  };
}
