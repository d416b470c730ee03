/**
 * The Node sandbox child: one long-lived process that runs learner code for the pool in
 * ./index.ts. It is started with Node's permission model (file reads only for node_modules and the
 * runner's own source, no writes, no child processes, workers, addons, WASI or inspector), an
 * empty environment, a heap cap and --disallow-code-generation-from-strings.
 *
 * Start-up order matters: load the runtimes, keep private references to the IPC channel, then
 * remove `process`, `fetch` and the other network globals from globalThis before the first
 * request. Learner code that found a way from Python into JavaScript then has no process, no
 * network, no eval and no way to the nonce each result must echo (see worker-protocol.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunnerIO } from '../../../shared/runner/io.ts';
import { DEFAULT_TIME_LIMIT_MS, type RunRequest, type RunResult } from '../../../shared/runner/protocol.ts';
import {
  INTERRUPT_SIGINT,
  type HostToRunner,
  type RunnerToHost,
} from '../../../shared/runner/worker-protocol.ts';
import { runnerErrorResult } from '../../../shared/runner/results.ts';
import { bootPython } from '../../../shared/runner/python/boot.ts';
import { answerConstantsBinding } from './permission-glue.ts';
import { capWasmMemory, PYTHON_MEMORY_LIMIT_BYTES } from '../../../shared/runner/memory-cap.ts';
import {
  createPythonRunner,
  PythonRuntimeCrashed,
  type PythonRunner,
} from '../../../shared/runner/python/index.ts';

type JavaScriptRunner = (req: RunRequest, io: RunnerIO) => Promise<RunResult>;

const channel = process;
if (!channel.send) throw new Error('child.ts runs only as the sandbox host child (IPC channel missing).');
const send = channel.send.bind(channel) as (message: RunnerToHost) => boolean;
const exit: (code: number) => never = channel.exit.bind(channel) as (code: number) => never;
const onMessage = (listener: (message: HostToRunner) => void) => channel.on('message', listener);

function fatal(message: string): never {
  send({ type: 'fatal', message });
  exit(70);
}
channel.on('uncaughtException', (error) => fatal(`uncaught: ${error.stack ?? error.message}`));
channel.on('unhandledRejection', (error) => fatal(`unhandled rejection: ${String(error)}`));

answerConstantsBinding(channel);

const started = performance.now();
let python: PythonRunner | undefined;
/**
 * The time limit as Pyodide's interrupt "buffer": Pyodide reads index 0 every few thousand
 * bytecodes, and this child has no second thread to write a real SharedArrayBuffer. Reading it
 * past the deadline answers SIGINT once, so `while True:` ends as a KeyboardInterrupt the harness
 * reports as a timeout and the warm interpreter is kept. Code that swallows the interrupt is
 * still ended by the host's wall-clock kill.
 */
const pythonClock = { deadline: Infinity, fired: false };
const interruptAtDeadline = {
  get 0(): number {
    if (pythonClock.fired || Date.now() <= pythonClock.deadline) return 0;
    pythonClock.fired = true;
    return INTERRUPT_SIGINT;
  },
  set 0(_value: number) {
    // Pyodide clears the flag after reading it; the clock decides, not the flag.
  },
};
let pythonLoadError: string | undefined;
let pythonFrom: 'snapshot' | 'start' | undefined;
let runJavaScript: JavaScriptRunner | undefined;

try {
  // Python's MemoryError before the host's resident-memory watch has to kill the child.
  capWasmMemory(PYTHON_MEMORY_LIMIT_BYTES);
  const { loadPyodide } = await import('pyodide');
  const indexURL = path.dirname(fileURLToPath(import.meta.resolve('pyodide'))) + path.sep;
  // The host's snapshot of a started interpreter, when it has one (python-snapshot.ts).
  const snapshotFile = process.argv[2];
  const { pyodide, snapshotError, from } = await bootPython(
    loadPyodide,
    indexURL,
    // Read inside the promise: a file gone since the host looked means a normal start.
    snapshotFile ? Promise.resolve().then(() => new Uint8Array(readFileSync(snapshotFile))) : undefined,
  );
  pythonFrom = from;
  if (snapshotError) process.stderr.write(`Python started without its snapshot: ${snapshotError}\n`);
  pyodide.setInterruptBuffer(interruptAtDeadline as unknown as Int32Array);
  python = createPythonRunner(pyodide);
} catch (error) {
  pythonLoadError = `Python could not start in the sandbox: ${(error as Error).message}`;
}

try {
  const engine = await import('../../../shared/runner/javascript/engine.ts');
  const wasmFile = fileURLToPath(import.meta.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'));
  engine.setQuickJSWasmModule(new WebAssembly.Module(readFileSync(wasmFile)));
  const js = (await import('../../../shared/runner/javascript/index.ts')) as {
    runJavaScript?: JavaScriptRunner;
    prepareJavaScriptRunner?: () => Promise<unknown>;
  };
  await js.prepareJavaScriptRunner?.();
  runJavaScript = js.runJavaScript;
} catch {
  runJavaScript = undefined;
}

for (const name of [
  'process',
  'fetch',
  'WebSocket',
  'EventSource',
  'XMLHttpRequest',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'BroadcastChannel',
  'Worker',
  'require',
  'module',
]) {
  try {
    delete (globalThis as Record<string, unknown>)[name];
  } catch {
    // Not configurable: nothing learner code could use anyway.
  }
}

/**
 * Output goes to the host in batches: one IPC message per print() would make a printing loop
 * spend its time in serialisation. A batch leaves when it is large or 50 ms old.
 */
function outputBatcher(id: number) {
  let stream: 'stdout' | 'stderr' = 'stdout';
  let pending = '';
  let since = 0;
  const flush = () => {
    if (pending) send({ type: 'output', id, stream, text: pending });
    pending = '';
  };
  const write = (to: 'stdout' | 'stderr', text: string) => {
    if (to !== stream) flush();
    if (!pending) since = performance.now();
    stream = to;
    pending += text;
    if (pending.length > 16_384 || performance.now() - since > 50) flush();
  };
  return { write, flush };
}

async function execute(request: RunRequest, id: number): Promise<RunResult> {
  const stdin = [...(request.stdin ?? [])];
  const batch = outputBatcher(id);
  const io: RunnerIO = {
    write: batch.write,
    readLine: () => {
      batch.flush();
      return stdin.shift() ?? null;
    },
  };
  try {
    return await executeWith(request, io);
  } finally {
    batch.flush();
  }
}

async function executeWith(request: RunRequest, io: RunnerIO): Promise<RunResult> {
  if (request.language === 'python') {
    if (!python)
      return runnerErrorResult(
        'RunnerUnavailable',
        pythonLoadError ?? 'Python is not available.',
        {},
        {
          code: 'runnerUnavailable',
        },
      );
    pythonClock.deadline = Date.now() + (request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
    pythonClock.fired = false;
    try {
      return python.run(request, { ...io, stopReason: () => (pythonClock.fired ? 'timeout' : undefined) });
    } finally {
      pythonClock.deadline = Infinity;
    }
  }
  if (!runJavaScript) {
    return runnerErrorResult(
      'RunnerUnavailable',
      `${request.language} is not available in the sandbox yet.`,
      {},
      { code: 'runnerUnavailable' },
    );
  }
  return runJavaScript(request, io);
}

onMessage((message) => {
  if (message.type !== 'run') return;
  const { id, nonce, request } = message;
  execute(request, id).then(
    (result) => send({ type: 'result', id, nonce, result }),
    (error: unknown) => {
      if (error instanceof PythonRuntimeCrashed) fatal(error.message);
      const result = runnerErrorResult('RunnerError', String(error), {}, { code: 'runnerFailed' });
      send({ type: 'result', id, nonce, result });
    },
  );
});

send({ type: 'ready', loadMs: performance.now() - started, ...(pythonFrom ? { python: pythonFrom } : {}) });
